/**
 * A wire-level fake of AWS for tests: one HTTP server on 127.0.0.1 that the real AWS SDK v2 clients reach through
 * {@code endpointOverride}.
 *
 * <ul>
 *   <li>{@link io.brighthive.loadstress.awsfake.FakeAws}: the server, the router, SDK clients pointing at it
 *       ({@code cloudFormation()}, {@code redshift()}, {@code emrServerless()}, {@code s3()}, {@code sts()},
 *       {@code configure(builder)}), {@code reset()}. {@link io.brighthive.loadstress.awsfake.FakeAwsExtension}
 *       gives one per test class, reset before each test.</li>
 *   <li>{@link io.brighthive.loadstress.awsfake.FakeClock}: the time of every asynchronous transition; wall time
 *       unless a test freezes or advances it.</li>
 *   <li>{@link io.brighthive.loadstress.awsfake.FakeService}: the base of each service fake, with the switches every
 *       service shares (throttle, server errors, delay, access denied, per operation or "*") and call counters.</li>
 * </ul>
 *
 * <p>Adding a service: a class extending {@code FakeService} (REST protocols: claim requests in {@code accepts},
 * e.g. by {@link io.brighthive.loadstress.awsfake.FakeRequest#signingService()} or path, name the operation from
 * method and path, render errors with {@link io.brighthive.loadstress.awsfake.AwsError#json()} or
 * {@link io.brighthive.loadstress.awsfake.AwsError#restXml}) or {@link
 * io.brighthive.loadstress.awsfake.QueryProtocolService} (query protocol: API version, xmlns, one handler per
 * action), in its own sub-package, plus one {@code register(...)} line in {@code FakeAws}'s constructor.
 *
 * <p>Where AWS's documented behaviour leaves a choice open, the fakes take the stricter reading, so that code passing
 * against them also holds against AWS.
 */
package io.brighthive.loadstress.awsfake;
