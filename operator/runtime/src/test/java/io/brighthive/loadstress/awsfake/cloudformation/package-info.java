/**
 * The CloudFormation fake: {@link io.brighthive.loadstress.awsfake.cloudformation.FakeCloudFormation} is its public
 * face; the rest is package-private: the registry of stacks and its timeline, the operation planner, template parsing
 * (JSON and YAML with short forms) and intrinsic functions, and the XML shapes of the responses.
 * {@link io.brighthive.loadstress.awsfake.cloudformation.ResourceHook} and
 * {@link io.brighthive.loadstress.awsfake.cloudformation.ProvisionedResource} are public so that other service fakes
 * can own the resources stacks create (buckets, clusters, applications).
 */
package io.brighthive.loadstress.awsfake.cloudformation;
