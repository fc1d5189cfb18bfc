export { startHostLocalStack, hostModeEnvironment, findVenv } from './emulator/host-mode.ts';
export type { HostModeOptions } from './emulator/host-mode.ts';
export type { StartedEmulator, EmulatorMode, EmulatorModeRequest } from './emulator/types.ts';
export { startEmulator } from './emulator/start-emulator.ts';
export type { StartEmulatorOptions, StartedEmulatorWithReason } from './emulator/start-emulator.ts';
export { startContainerLocalStack } from './emulator/container-mode.ts';
export {
  localStackContainerPlan,
  describeContainerPlan,
  DEFAULT_LOCALSTACK_IMAGE,
} from './emulator/container-plan.ts';
export type { ContainerModeOptions, LocalStackContainerPlan } from './emulator/container-plan.ts';
export { probeDocker } from './emulator/docker-probe.ts';
export type { DockerProbe } from './emulator/docker-probe.ts';
export { isPortFree, findFreePort } from './emulator/ports.ts';
export { buildTrace } from './trace/build-trace.ts';
export { coerceTrace } from './trace/coerce-trace.ts';
export { graphFromApi } from './trace/service-graph-view.ts';
export type { NodeSelector } from './trace/service-graph-view.ts';
export type { ApiTrace, ApiServiceGraph, ApiService, ApiStats } from './trace/api-shapes.ts';
export type {
  Trace,
  TraceNode,
  TraceNodeKind,
  GraphEdge,
  GraphNodeRef,
  ServiceGraphView,
} from './trace/types.ts';
export { registerMatchers } from './matchers/register-matchers.ts';
export type { TraceMatchers } from './matchers/register-matchers.ts';
export { matchTraceTree } from './matchers/match-tree.ts';
export type { TreeMatchResult, TreeMismatch } from './matchers/match-tree.ts';
export type { ExpectedNode, TreeMatchOptions, TextPattern } from './matchers/expected-node.ts';
export {
  checkTraceTree,
  checkServiceGraphEdge,
  checkAnnotation,
  checkOneTrace,
} from './matchers/trace-assertions.ts';
export type { AssertionResult, EdgeExpectation } from './matchers/trace-assertions.ts';
export { waitForTrace, TraceTimeoutError } from './trace/wait-for-trace.ts';
export { fetchTraceLogs } from './logs/fetch-trace-logs.ts';
export type { FetchTraceLogsOptions, TraceLogs } from './logs/fetch-trace-logs.ts';
export type { TraceLogLine } from './logs/trace-log-line.ts';
export type { TraceLogsExpectation } from './logs/wait-for-trace-logs.ts';
export { checkLog } from './logs/check-log.ts';
export type { ExpectedLog } from './logs/check-log.ts';
export { formatLogLines } from './logs/format-log-lines.ts';
export type { WaitForTraceOptions } from './trace/wait-for-trace.ts';
export type { TraceExpectation } from './trace/trace-expectation.ts';
export type { PollSchedule } from './trace/poll-schedule.ts';
export type { TraceTarget } from './trace/trace-target.ts';
export type { XRaySource } from './trace/xray-source.ts';
export { createGlobalSetup } from './setup/global-setup.ts';
export type { GlobalSetup, GlobalSetupOptions } from './setup/global-setup.ts';
export { startLocalXRayProcess, findLocalCli } from './xray/local-xray-process.ts';
export type { LocalXRayProcessOptions } from './xray/local-xray-process.ts';
export type { LocalXRayEndpoints } from './xray/local-xray-endpoints.ts';
export { startLocalXRay } from '@otel-xray/local';
export type { LocalXRay, LocalXRayOptions } from '@otel-xray/local';
export { checkEmulatorPropagation } from './propagation-check/check-emulator-propagation.ts';
export type { PropagationCheckOptions } from './propagation-check/check-emulator-propagation.ts';
export type {
  PropagationReport,
  PropagationCheck,
  PropagationCarrier,
  FallbackCarrier,
} from './propagation-check/propagation-report.ts';
export { waitForInstrumentedTrace } from './instrumentation/wait-for-instrumented-trace.ts';
export type { InstrumentedTraceOptions } from './instrumentation/wait-for-instrumented-trace.ts';
export { expectServiceInstrumented } from './instrumentation/expect-service-instrumented.ts';
export type { ExpectInstrumentedOptions } from './instrumentation/expect-service-instrumented.ts';
export { InstrumentationError } from './instrumentation/instrumentation-error.ts';
export type { ServiceActivity } from './instrumentation/service-activity.ts';
export type { InstrumentedSpan } from './instrumentation/span-kinds.ts';
export { startLocalFunction } from './lambda/local-function.ts';
export type {
  LocalFunction,
  LocalFunctionOptions,
  InvokeOptions,
} from './lambda/local-function.ts';
export type { LocalFunctionConfig, TracingMode } from './lambda/function-config.ts';
export type { InvokeResult } from './lambda/invoke-result.ts';
export { startRuntimeApi } from './lambda/runtime-api-server.ts';
export type { RuntimeApiServer } from './lambda/runtime-api-server.ts';
export type {
  RuntimeApiBackend,
  NextInvocation,
  RuntimeReport,
  ReportAnswer,
} from './lambda/runtime-api-types.ts';
export { findRuntimeClient } from './lambda/runtime-client.ts';
export { startSqsEventSource } from './lambda/sqs/sqs-event-source.ts';
export type {
  SqsEventSource,
  SqsEventSourceOptions,
  SqsBatchReport,
} from './lambda/sqs/sqs-event-source.ts';
export type { SqsEvent, SqsRecord, SqsRecordAttribute } from './lambda/sqs/sqs-event.ts';
export type { BatchOutcome } from './lambda/sqs/batch-outcome.ts';
export { zipFiles } from './lambda/container/zip-files.ts';
export type { ZipEntry } from './lambda/container/zip-files.ts';
export { localStackLambdaPlan } from './lambda/container/localstack-lambda-plan.ts';
export type {
  LocalStackLambdaPlan,
  LocalStackLambdaOptions,
  LambdaApiRequest,
} from './lambda/container/localstack-lambda-plan.ts';
export { deployLocalStackLambda } from './lambda/container/deploy-localstack-lambda.ts';
export type { DeployTarget } from './lambda/container/deploy-localstack-lambda.ts';
export { resolveFunctionConfig } from './lambda/function-config.ts';
export type { ResolvedFunctionConfig } from './lambda/function-config.ts';
export type {
  FunctionTarget,
  FunctionTargetKind,
  QueueMappingOptions,
  TargetInvokeResult,
} from './lambda/target/function-target.ts';
export { localFunctionTarget } from './lambda/target/local-target.ts';
export type { LocalTargetOptions } from './lambda/target/local-target.ts';
export { localStackFunctionTarget, queueArnFromUrl } from './lambda/target/localstack-target.ts';
export type { LocalStackTargetOptions } from './lambda/target/localstack-target.ts';
export {
  chooseFunctionTarget,
  startedEmulatorMode,
  LAMBDA_TARGET_ENV,
} from './lambda/target/choose-target.ts';
export type { TargetChoice } from './lambda/target/choose-target.ts';
export {
  DOCKER_HOST_GATEWAY,
  localXRayBind,
  functionDaemonAddress,
} from './lambda/target/daemon-reach.ts';
export { zipDirectory } from './lambda/container/zip-directory.ts';
export { lambdaContainerOptions } from './lambda/target/lambda-container-options.ts';
