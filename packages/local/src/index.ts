export { startLocalXRay } from './start-local-xray.ts';
export type { LocalXRay, LocalXRayOptions } from './start-local-xray.ts';
export type { LocalXRayStats } from './stats.ts';
export { XRayError, invalidRequest } from './errors.ts';
export { DataFileError } from './store/data-file-error.ts';
export type { DataFileProblem } from './store/data-file-error.ts';
export { recoverDataFile, describeRecovery } from './store/recover-data-file.ts';
export type { DataFileRecovery } from './store/recover-data-file.ts';
export type { XRayErrorCode } from './errors.ts';
export type {
  TraceFacts,
  ServiceFacts,
  EdgeFacts,
  EntityFacts,
  HttpFacts,
  RootCauseEntity,
  RootCauseService,
} from './query/trace-facts.ts';
