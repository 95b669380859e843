/**
 * The EMR Serverless fake: {@link io.brighthive.loadstress.awsfake.emrserverless.FakeEmrServerless} is its public
 * face (REST-JSON, signing name emr-serverless) and {@link io.brighthive.loadstress.awsfake.emrserverless.FakeJobRun}
 * what a test's job-run hook sees; the rest is package-private: applications, job runs, their state machines and
 * the hook that lets stacks own applications.
 */
package io.brighthive.loadstress.awsfake.emrserverless;
