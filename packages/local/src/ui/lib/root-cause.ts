// The root cause a trace row names: the service (and entity) where its fault or error starts, and
// the exception recorded there, read from the summary's `FaultRootCauses`/`ErrorRootCauses`.
import type { RootCause, TraceSummary } from './wire-types.ts';

/** What the list and the trace header show of a summary's root cause. */
export interface RootCauseView {
  kind: 'fault' | 'error';
  /** The service where the flag starts. */
  service: string;
  /** The deepest entity on its path (a subsegment name), when it differs from the service. */
  entity?: string;
  /** `Name: Message` of the first exception recorded there, or the one that is present. */
  exception?: string;
  /** Whether the cause reached the trace's client; `false`: it stayed downstream. */
  clientImpacting: boolean;
}

function view(kind: 'fault' | 'error', cause: RootCause | undefined): RootCauseView | undefined {
  const service = cause?.Services?.find((s) => s.Name !== undefined);
  if (cause === undefined || service?.Name === undefined) return undefined;
  const out: RootCauseView = {
    kind,
    service: service.Name,
    clientImpacting: cause.ClientImpacting === true,
  };
  const path = service.EntityPath ?? [];
  const leaf = path[path.length - 1]?.Name;
  if (leaf !== undefined && leaf !== service.Name) out.entity = leaf;
  for (let i = path.length - 1; i >= 0 && out.exception === undefined; i--) {
    const x = path[i]?.Exceptions?.find((e) => e.Name !== undefined || e.Message !== undefined);
    if (x !== undefined) out.exception = [x.Name, x.Message].filter((p) => p).join(': ');
  }
  return out;
}

/** The summary's first fault root cause, else its first error root cause, else `undefined`. */
export function rootCauseOf(summary: TraceSummary): RootCauseView | undefined {
  return view('fault', summary.FaultRootCauses?.[0]) ?? view('error', summary.ErrorRootCauses?.[0]);
}

/** One line for a root cause: `shipping › POST carrier — CarrierDown: no route`. */
export function formatRootCause(cause: RootCauseView): string {
  const where = cause.entity === undefined ? cause.service : `${cause.service} › ${cause.entity}`;
  return cause.exception === undefined ? where : `${where} — ${cause.exception}`;
}
