// What the page says when it has nothing to show: the server cannot be reached (a network failure,
// not a rejected filter), or the store is empty (how to send traces), or the query matched nothing.

/** A notice: a headline and lines of help (commands shown in monospace). */
export interface PageNotice {
  kind: 'unreachable' | 'empty-store' | 'no-match';
  text: string;
  /** Settings to copy, one per line. */
  commands: string[];
}

/** Whether a failed call never reached the server (fetch rejected: status 0). */
export function isUnreachable(error: { status: number } | undefined): boolean {
  return error !== undefined && error.status === 0;
}

/** The notice for a server that cannot be reached at `origin`. */
export function unreachableNotice(origin: string): PageNotice {
  return {
    kind: 'unreachable',
    text: `local X-Ray not reachable at ${origin} — is otel-xray-local running?`,
    commands: [],
  };
}

/**
 * The notice for an empty list: with nothing stored, how to send traces to this server (UDP and
 * HTTP share its port); otherwise that the filter or range matched nothing.
 */
export function emptyNotice(input: {
  origin: string;
  host: string;
  stored: number | undefined;
  filter: string;
}): PageNotice {
  if (input.stored === 0) {
    return {
      kind: 'empty-store',
      text: 'No traces stored yet. Point your services at this server:',
      commands: [
        `AWS_XRAY_DAEMON_ADDRESS=${input.host}`,
        `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=${input.origin}/v1/traces`,
      ],
    };
  }
  return {
    kind: 'no-match',
    text:
      input.filter.trim() === ''
        ? 'No traces in this time range: widen the window.'
        : 'No traces match this filter in this time range: widen the window or change the filter.',
    commands: [],
  };
}
