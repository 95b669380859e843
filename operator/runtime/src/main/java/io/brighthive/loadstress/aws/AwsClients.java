package io.brighthive.loadstress.aws;

import java.net.URI;
import java.util.List;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClient;
import software.amazon.awssdk.services.redshift.RedshiftClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Builds and caches AWS SDK clients per region and role. Retries use the SDK's standard mode:
 * exponential backoff with jitter on throttling and 5xx answers.
 */
public final class AwsClients implements AutoCloseable {
  private final Optional<URI> endpoint;
  private final AwsCredentialsProvider baseCredentials;
  private final SdkHttpClient http = UrlConnectionHttpClient.builder().build();
  private final Map<String, AutoCloseable> clients = new ConcurrentHashMap<>();

  private final List<ExecutionInterceptor> interceptors;

  public AwsClients(Optional<URI> endpoint, AwsCredentialsProvider baseCredentials) {
    this(endpoint, baseCredentials, List.of());
  }

  /** With interceptors on every client, such as the one that counts calls for the metrics. */
  public AwsClients(Optional<URI> endpoint, AwsCredentialsProvider baseCredentials, List<ExecutionInterceptor> interceptors) {
    this.endpoint = endpoint;
    this.baseCredentials = baseCredentials;
    this.interceptors = List.copyOf(interceptors);
  }

  public static AwsClients withDefaultCredentials(Optional<URI> endpoint) {
    return new AwsClients(endpoint, DefaultCredentialsProvider.builder().build());
  }

  public CloudFormationGateway cloudFormation(String region, Optional<String> roleArn) {
    CloudFormationClient client = (CloudFormationClient) clients.computeIfAbsent(
        "cloudformation/" + region + "/" + roleArn.orElse(""),
        k -> configure(CloudFormationClient.builder(), region, roleArn).build());
    return new SdkCloudFormationGateway(client);
  }

  public S3Gateway s3(String region, Optional<String> roleArn) {
    return new SdkS3Gateway(s3Client(region, roleArn));
  }

  public S3ResultStore resultStore(String region, Optional<String> roleArn) {
    return new S3ResultStore(s3Client(region, roleArn));
  }

  public EmrServerlessGateway emrServerless(String region, Optional<String> roleArn) {
    EmrServerlessClient client = (EmrServerlessClient) clients.computeIfAbsent("emr/" + region + "/" + roleArn.orElse(""),
        k -> configure(EmrServerlessClient.builder(), region, roleArn).build());
    return new SdkEmrServerlessGateway(client);
  }

  /** STS GetCallerIdentity with the environment's credentials: whose account the calls would act in. */
  public AccountGateway account(String region, Optional<String> roleArn) {
    StsClient identity = (StsClient) clients.computeIfAbsent("sts-identity/" + region + "/" + roleArn.orElse(""),
        k -> configure(StsClient.builder(), region, roleArn).build());
    return () -> identity.getCallerIdentity().account();
  }

  private S3Client s3Client(String region, Optional<String> roleArn) {
    return (S3Client) clients.computeIfAbsent("s3/" + region + "/" + roleArn.orElse(""),
        k -> configure(S3Client.builder(), region, roleArn).forcePathStyle(endpoint.isPresent()).build());
  }

  public RedshiftGateway redshift(String region, Optional<String> roleArn) {
    RedshiftClient client = (RedshiftClient) clients.computeIfAbsent("redshift/" + region + "/" + roleArn.orElse(""),
        k -> configure(RedshiftClient.builder(), region, roleArn).build());
    return new SdkRedshiftGateway(client);
  }

  private <B extends AwsClientBuilder<B, ?>> B configure(B builder, String region, Optional<String> roleArn) {
    builder.region(Region.of(region)).credentialsProvider(credentials(region, roleArn));
    builder.overrideConfiguration(c -> {
      c.retryStrategy(RetryMode.STANDARD);
      interceptors.forEach(c::addExecutionInterceptor);
    });
    endpoint.ifPresent(builder::endpointOverride);
    if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
      sync.httpClient(http);
    }
    return builder;
  }

  private AwsCredentialsProvider credentials(String region, Optional<String> roleArn) {
    if (roleArn.isEmpty()) {
      return baseCredentials;
    }
    StsClient sts = (StsClient) clients.computeIfAbsent("sts/" + region, k -> {
      var b = StsClient.builder().region(Region.of(region)).credentialsProvider(baseCredentials).httpClient(http)
          .overrideConfiguration(c -> interceptors.forEach(c::addExecutionInterceptor));
      endpoint.ifPresent(b::endpointOverride);
      return b.build();
    });
    return StsAssumeRoleCredentialsProvider.builder()
        .stsClient(sts)
        .refreshRequest(r -> r.roleArn(roleArn.get()).roleSessionName("loadstress-operator"))
        .build();
  }

  @Override
  public void close() throws Exception {
    for (AutoCloseable c : clients.values()) {
      c.close();
    }
    http.close();
  }
}
