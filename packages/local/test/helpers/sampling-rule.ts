/** The match-everything part of a sampling rule; tests add the name, priority, rate and reservoir. */
export const MATCH_ALL_RULE = {
  ServiceName: '*',
  ServiceType: '*',
  Host: '*',
  HTTPMethod: '*',
  URLPath: '*',
  ResourceARN: '*',
  Version: 1,
} as const;
