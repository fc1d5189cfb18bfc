// Wire types of X-Ray segment documents (spec/xray-protocol.md §4, spec/xray-segment-schema.json).
// Unknown fields are allowed at every level: X-Ray ignores them.

/** An annotation value: indexed, searchable with filter expressions. */
export type AnnotationValue = string | number | boolean;

/** `http` block of a segment or subsegment. */
export interface HttpBlock {
  request?: {
    /** HTTP method, e.g. `GET`. */
    method?: string;
    /** Full URL of the request. */
    url?: string;
    /** User agent of the caller. */
    user_agent?: string;
    /** Caller's IP address. */
    client_ip?: string;
    /** Segments only: `client_ip` came from `X-Forwarded-For` and may be forged. */
    x_forwarded_for?: boolean;
    /** Subsegments only: the callee is instrumented and will send a segment. */
    traced?: boolean;
    [key: string]: unknown;
  };
  response?: {
    /** HTTP status code. */
    status?: number;
    /** Response body length in bytes. */
    content_length?: number;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** `aws` block: resource context on segments, call details on AWS SDK subsegments. */
export interface AwsBlock {
  /** AWS account ID. */
  account_id?: string;
  /** API operation, e.g. `SendMessage`. */
  operation?: string;
  /** Region of the call. */
  region?: string;
  /** AWS request ID. */
  request_id?: string;
  /** SQS queue URL. */
  queue_url?: string;
  /** DynamoDB table name. */
  table_name?: string;
  /** Retries the SDK made. */
  retries?: number;
  /** Log groups of the service. */
  cloudwatch_logs?: Array<{ log_group?: string; arn?: string }>;
  ec2?: Record<string, unknown>;
  ecs?: Record<string, unknown>;
  eks?: Record<string, unknown>;
  elastic_beanstalk?: Record<string, unknown>;
  /** SDK that produced the document. */
  xray?: { sdk?: string; sdk_version?: string; auto_instrumentation?: boolean; rule_name?: string };
  [key: string]: unknown;
}

/** One stack frame of an exception. */
export interface StackFrame {
  /** File path. */
  path?: string;
  /** Line number. */
  line?: number;
  /** Function or method name. */
  label?: string;
}

/** One exception inside a `cause`. */
export interface ExceptionDocument {
  /** 16 hex, the only required field. */
  id: string;
  /** Exception message. */
  message?: string;
  /** Exception type. */
  type?: string;
  /** Caused by a downstream error. */
  remote?: boolean;
  /** Stack frames omitted. */
  truncated?: number;
  /** Exceptions skipped between this one and its child. */
  skipped?: number;
  /** ID of the parent exception. */
  cause?: string;
  /** Stack frames. */
  stack?: StackFrame[];
  [key: string]: unknown;
}

/** `cause`: an exception ID recorded elsewhere in the trace, or the exceptions themselves. */
export type Cause =
  | string
  | {
      /** Working directory of the process. */
      working_directory?: string;
      /** Paths of libraries or modules in use. */
      paths?: string[];
      /** The exceptions. */
      exceptions?: ExceptionDocument[];
      [key: string]: unknown;
    };

/** `sql` block of a database subsegment. */
export interface SqlBlock {
  connection_string?: string;
  url?: string;
  sanitized_query?: string;
  database_type?: string;
  database_version?: string;
  driver_version?: string;
  user?: string;
  preparation?: 'call' | 'statement';
  [key: string]: unknown;
}

/** A span link (collector extension). */
export interface SegmentLink {
  /** Linked trace ID. */
  trace_id: string;
  /** Linked (sub)segment ID. */
  id: string;
  /** Link attributes. */
  attributes?: Record<string, unknown>;
}

/** Fields shared by segments and subsegments. */
export interface EntityFields {
  /** Logical name, ≤ 200 characters of letters, digits, whitespace and `_ . : / % & # = + \ - @`. */
  name: string;
  /** 16 hex. */
  id: string;
  /** Epoch seconds with fraction. */
  start_time: number;
  /** Epoch seconds with fraction; absent while `in_progress`. */
  end_time?: number;
  /** True for a copy sent before the work finished. */
  in_progress?: boolean;
  /** Caller's (sub)segment ID. */
  parent_id?: string;
  http?: HttpBlock;
  aws?: AwsBlock;
  /** 4xx. */
  error?: boolean;
  /** 429. */
  throttle?: boolean;
  /** 5xx. */
  fault?: boolean;
  cause?: Cause;
  annotations?: Record<string, AnnotationValue>;
  /** Namespace → arbitrary JSON. */
  metadata?: Record<string, Record<string, unknown>>;
  /** Embedded subsegments. */
  subsegments?: SubsegmentDocument[];
  links?: SegmentLink[];
  [key: string]: unknown;
}

/** A subsegment: embedded in `subsegments`, or independent (`type: "subsegment"` + `trace_id` + `parent_id`). */
export interface SubsegmentDocument extends EntityFields {
  /** `subsegment` on independent subsegments. */
  type?: 'subsegment';
  /** Required on independent subsegments. */
  trace_id?: string;
  /** `aws` for AWS SDK calls, `remote` for other downstream calls, absent for local work. */
  namespace?: 'aws' | 'remote' | 'local';
  /** IDs of siblings that finished earlier. */
  precursor_ids?: string[];
  sql?: SqlBlock;
}

/** A segment document: the work of one service for one request. */
export interface SegmentDocument extends EntityFields {
  /** Trace ID `1-{8 hex}-{24 hex}`. */
  trace_id: string;
  /** Resource type, e.g. `AWS::ECS::Container`. */
  origin?: string;
  /** Application version. */
  service?: { version?: string; [key: string]: unknown };
  /** User of the request (indexed). */
  user?: string;
  /** ARN of the resource running the application. */
  resource_arn?: string;
  /** Set by X-Ray on inferred segments in BatchGetTraces output. */
  inferred?: boolean;
  /** Subsegment-only fields that OTel translation also sets on segments. */
  namespace?: 'aws' | 'remote' | 'local';
}

/** Anything that travels as one document: a segment or an independent subsegment. */
export type TopLevelDocument =
  | SegmentDocument
  | (SubsegmentDocument & { type: 'subsegment'; trace_id: string; parent_id: string });

/** The daemon protocol's header line (spec §3.1). */
export const DAEMON_HEADER = '{"format":"json","version":1}';
/** Largest document X-Ray accepts, in bytes. */
export const MAX_DOCUMENT_BYTES = 64 * 1024;
