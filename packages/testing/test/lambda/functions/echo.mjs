/* global process, setTimeout */
// Test function: answers with what it saw, or misbehaves as the event asks.
export const handler = async (event, context) => {
  if (event?.fail) throw new TypeError(`asked to fail: ${event.fail}`);
  if (event?.sleepMs) await new Promise((r) => setTimeout(r, event.sleepMs));
  if (event?.exit !== undefined) process.exit(event.exit);
  return {
    event,
    requestId: context.awsRequestId,
    arn: context.invokedFunctionArn,
    traceHeader: process.env._X_AMZN_TRACE_ID ?? null,
    remainingMs: context.getRemainingTimeInMillis(),
    env: {
      name: process.env.AWS_LAMBDA_FUNCTION_NAME,
      handler: process.env._HANDLER,
      taskRoot: process.env.LAMBDA_TASK_ROOT,
      version: process.env.AWS_LAMBDA_FUNCTION_VERSION,
      memory: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
      logGroup: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
      region: process.env.AWS_REGION,
      daemon: process.env.AWS_XRAY_DAEMON_ADDRESS,
      contextMissing: process.env.AWS_XRAY_CONTEXT_MISSING,
      custom: process.env.CUSTOM ?? null,
    },
    pid: process.pid,
  };
};
