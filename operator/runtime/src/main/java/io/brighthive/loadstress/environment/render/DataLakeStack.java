package io.brighthive.loadstress.environment.render;

import io.brighthive.loadstress.api.environment.DeletionPolicy;
import io.brighthive.loadstress.environment.sizing.DataLakeSettings;
import java.util.List;

/**
 * The data lake stack: one S3 bucket with the source's lifecycle (Intelligent-Tiering, then
 * expiry) plus what the source lacked: public access block, default encryption, owner-enforced
 * object ownership, a TLS-only bucket policy, aborting stale multipart uploads, and request
 * metrics for the dashboard's latency widget.
 *
 * <p>The source emptied the bucket on deletion with a Lambda-backed custom resource
 * (Custom::S3AutoDeleteObjects). That is not reproduced: the operator empties the bucket itself
 * before it deletes this stack.
 */
final class DataLakeStack {
  static final String BUCKET = "DataBucket";
  /** Filter id of the request metrics configuration that covers the whole bucket. */
  static final String REQUEST_METRICS_FILTER = "EntireBucket";
  private static final int ABORT_MULTIPART_AFTER_DAYS = 1;

  private DataLakeStack() {}

  static StackTemplate render(RenderContext ctx) {
    DataLakeSettings lake = ctx.env().dataLake();
    TemplateBuilder t = new TemplateBuilder("loadstress " + ctx.names().namespace() + "/" + ctx.names().name()
        + ": data lake bucket, Intelligent-Tiering after " + lake.tieringAfterDays() + " day(s), expiry after "
        + lake.retentionDays() + " days");
    t.resource(BUCKET, "AWS::S3::Bucket")
        .put("BucketName", Cfn.sub(ctx.names().bucketNameTemplate(ctx.region())))
        .put("BucketEncryption", Props.of().put("ServerSideEncryptionConfiguration", List.of(
            Props.of().put("ServerSideEncryptionByDefault", Props.of().put("SSEAlgorithm", "AES256")))))
        .put("PublicAccessBlockConfiguration", Props.of()
            .put("BlockPublicAcls", true)
            .put("BlockPublicPolicy", true)
            .put("IgnorePublicAcls", true)
            .put("RestrictPublicBuckets", true))
        .put("OwnershipControls", Props.of().put("Rules", List.of(Props.of().put("ObjectOwnership", "BucketOwnerEnforced"))))
        .put("LifecycleConfiguration", Props.of().put("Rules", List.of(
            Props.of().put("Id", "intelligent-tiering").put("Status", "Enabled").put("Transitions", List.of(
                Props.of().put("StorageClass", "INTELLIGENT_TIERING").put("TransitionInDays", lake.tieringAfterDays()))),
            Props.of().put("Id", "expire-after-retention").put("Status", "Enabled")
                .put("ExpirationInDays", lake.retentionDays()),
            Props.of().put("Id", "abort-incomplete-multipart-uploads").put("Status", "Enabled")
                .put("AbortIncompleteMultipartUpload", Props.of().put("DaysAfterInitiation", ABORT_MULTIPART_AFTER_DAYS)))))
        .put("MetricsConfigurations", List.of(Props.of().put("Id", REQUEST_METRICS_FILTER)))
        .put("Tags", ctx.tags());
    t.deletionPolicy(BUCKET, lake.deletionPolicy() == DeletionPolicy.Retain ? "Retain" : "Delete");
    t.resource("DataBucketPolicy", "AWS::S3::BucketPolicy")
        .put("Bucket", Cfn.ref(BUCKET))
        .put("PolicyDocument", Iam.document(Props.of()
            .put("Sid", "DenyInsecureTransport")
            .put("Effect", "Deny")
            .put("Principal", "*")
            .put("Action", "s3:*")
            .put("Resource", List.of(Cfn.getAtt(BUCKET, "Arn"), Cfn.join("", Cfn.getAtt(BUCKET, "Arn"), "/*")))
            .put("Condition", Props.of().put("Bool", Props.of().put("aws:SecureTransport", "false")))));
    t.output(StackOutputs.BUCKET_NAME, Cfn.ref(BUCKET), "Data lake bucket name");
    t.output(StackOutputs.BUCKET_ARN, Cfn.getAtt(BUCKET, "Arn"), "Data lake bucket ARN");
    return StackTemplate.of(t);
  }
}
