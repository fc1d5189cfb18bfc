/** X-Ray API error codes this server answers with (spec/xray-protocol.md §5.4). */
export type XRayErrorCode =
  | 'InvalidRequestException'
  | 'ThrottledException'
  | 'RuleLimitExceededException'
  | 'ResourceNotFoundException'
  | 'TooManyTagsException'
  | 'InvalidPolicyRevisionIdException'
  | 'MalformedPolicyDocumentException'
  | 'PolicyCountLimitExceededException'
  | 'PolicySizeLimitExceededException'
  | 'UnknownOperationException'
  | 'RequestEntityTooLargeException'
  | 'AccessDeniedException'
  | 'ServiceUnavailableException'
  | 'InternalFailure';

const STATUS: Record<XRayErrorCode, number> = {
  InvalidRequestException: 400,
  ThrottledException: 429,
  RuleLimitExceededException: 400,
  ResourceNotFoundException: 404,
  TooManyTagsException: 400,
  InvalidPolicyRevisionIdException: 400,
  MalformedPolicyDocumentException: 400,
  PolicyCountLimitExceededException: 400,
  PolicySizeLimitExceededException: 400,
  UnknownOperationException: 404,
  RequestEntityTooLargeException: 413,
  AccessDeniedException: 403,
  ServiceUnavailableException: 503,
  InternalFailure: 500,
};

/**
 * A domain error with a stable AWS error code. Thrown by the store, query and sampling layers;
 * turned into an AWS-shaped HTTP response (status, `x-amzn-ErrorType`, JSON body) in one place.
 */
export class XRayError extends Error {
  /** AWS error code, e.g. `InvalidRequestException`. */
  readonly code: XRayErrorCode;
  /** Extra members of the error body (e.g. `ResourceName`). */
  readonly fields: Record<string, unknown>;
  /** Extra response headers (e.g. `Retry-After` on a 503). */
  readonly headers: Record<string, string>;

  constructor(
    code: XRayErrorCode,
    message: string,
    fields: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = code;
    this.code = code;
    this.fields = fields;
    this.headers = headers;
  }

  /** HTTP status for this error. */
  get status(): number {
    return STATUS[this.code];
  }
}

/** Shorthand for the most common error: `InvalidRequestException` (400). */
export function invalidRequest(message: string): XRayError {
  return new XRayError('InvalidRequestException', message);
}
