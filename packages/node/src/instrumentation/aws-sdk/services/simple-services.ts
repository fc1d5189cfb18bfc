// The services whose spans only gain one or two input (or output) fields as attributes.
import type { ServiceExtension } from '../aws-sdk-call.ts';

/** S3: `aws.s3.bucket`. */
export const s3Extension: ServiceExtension = {
  start(call, attributes) {
    if (call.input.Bucket) attributes['aws.s3.bucket'] = call.input.Bucket;
    return undefined;
  },
};

/** Kinesis: `aws.kinesis.stream.name`. */
export const kinesisExtension: ServiceExtension = {
  start(call, attributes) {
    if (call.input.StreamName) attributes['aws.kinesis.stream.name'] = call.input.StreamName;
    return undefined;
  },
};

/** Secrets Manager: `aws.secretsmanager.secret.arn` from an ARN `SecretId` or the output's `ARN`. */
export const secretsManagerExtension: ServiceExtension = {
  start(call, attributes) {
    const secretId = call.input.SecretId;
    if (typeof secretId === 'string' && secretId.startsWith('arn:aws:secretsmanager:'))
      attributes['aws.secretsmanager.secret.arn'] = secretId;
    return undefined;
  },
  respond(_call, span, output) {
    if (output.ARN) span.setAttribute('aws.secretsmanager.secret.arn', output.ARN);
  },
};

/** Step Functions: the state machine and activity ARNs. */
export const stepFunctionsExtension: ServiceExtension = {
  start(call, attributes) {
    if (call.input.stateMachineArn)
      attributes['aws.step_functions.state_machine.arn'] = call.input.stateMachineArn;
    if (call.input.activityArn)
      attributes['aws.step_functions.activity.arn'] = call.input.activityArn;
    return undefined;
  },
};
