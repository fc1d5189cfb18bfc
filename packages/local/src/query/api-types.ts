// Wire shapes of the X-Ray API responses this server builds (spec §5.3). Times are epoch seconds.

/** `ServiceId`. */
export interface ServiceIdShape {
  Name?: string;
  Names?: string[];
  AccountId?: string;
  Type?: string;
}

/** `ServiceStatistics` / `EdgeStatistics`. */
export interface StatisticsShape {
  OkCount: number;
  ErrorStatistics: { ThrottleCount: number; OtherCount: number; TotalCount: number };
  FaultStatistics: { OtherCount: number; TotalCount: number };
  TotalCount: number;
  TotalResponseTime: number;
}

/** A histogram: one entry per distinct value (seconds). */
export type HistogramShape = Array<{ Value: number; Count: number }>;

/** `Edge`. */
export interface EdgeShape {
  ReferenceId: number;
  StartTime?: number;
  EndTime?: number;
  SummaryStatistics: StatisticsShape;
  ResponseTimeHistogram: HistogramShape;
  Aliases: Array<{ Name?: string; Names?: string[]; Type?: string }>;
}

/** `Service` (a service graph node). */
export interface ServiceShape extends ServiceIdShape {
  ReferenceId: number;
  Root: boolean;
  State: string;
  StartTime?: number;
  EndTime?: number;
  Edges: EdgeShape[];
  SummaryStatistics: StatisticsShape;
  DurationHistogram: HistogramShape;
  ResponseTimeHistogram: HistogramShape;
}

/** `RootCause` entries of a summary. */
export interface RootCauseShape {
  Services: Array<
    ServiceIdShape & {
      Inferred: boolean;
      EntityPath: Array<{
        Name: string;
        Exceptions?: Array<{ Name?: string; Message?: string }>;
        Coverage?: number;
        Remote: boolean;
      }>;
    }
  >;
  ClientImpacting: boolean;
}

/** `TraceSummary`. */
export interface TraceSummaryShape {
  Id: string;
  StartTime: number;
  Duration: number;
  ResponseTime?: number;
  HasFault: boolean;
  HasError: boolean;
  HasThrottle: boolean;
  IsPartial: boolean;
  Http: {
    HttpURL?: string;
    HttpStatus?: number;
    HttpMethod?: string;
    UserAgent?: string;
    ClientIp?: string;
  };
  Annotations: Record<
    string,
    Array<{
      AnnotationValue:
        { NumberValue: number } | { BooleanValue: boolean } | { StringValue: string };
      ServiceIds: ServiceIdShape[];
    }>
  >;
  Users: Array<{ UserName: string; ServiceIds: ServiceIdShape[] }>;
  ServiceIds: ServiceIdShape[];
  EntryPoint?: ServiceIdShape;
  ResourceARNs: Array<{ ARN: string }>;
  InstanceIds: Array<{ Id: string }>;
  AvailabilityZones: Array<{ Name: string }>;
  FaultRootCauses: RootCauseShape[];
  ErrorRootCauses: RootCauseShape[];
  ResponseTimeRootCauses: RootCauseShape[];
  Revision: number;
  MatchedEventTime?: number;
}
