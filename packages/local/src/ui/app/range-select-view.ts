/// <reference lib="dom" />
// Keeps the window picker showing the URL's range: a range that is not one of the presets gets an
// option of its own, so a shared link with `from=now-90m` or two dates reads as what it is.
import { toLocalInput } from '../lib/local-datetime.ts';
import { rangeLabel } from '../lib/time-range.ts';
import type { TimeRange } from '../lib/url-state.ts';
import { h } from './dom.ts';

/** Value of the extra option (a range that is not a preset). */
const EXTRA = 'url';
/** Value of the option that opens the two date-time inputs. */
export const CUSTOM = 'custom';

/** Selects `range` in `select`, adding (or relabelling) the extra option when needed. */
export function showRange(
  select: HTMLSelectElement,
  range: TimeRange,
  offsetMinutes: number,
): void {
  let extra = select.querySelector<HTMLOptionElement>(`option[value="${EXTRA}"]`);
  if (range.kind === 'relative') {
    const preset = Array.from(select.options).find((o) => o.value === String(range.minutes));
    if (preset !== undefined) {
      extra?.remove();
      select.value = preset.value;
      return;
    }
  }
  if (extra === null) {
    extra = h('option', { attrs: { value: EXTRA } });
    select.append(extra);
  }
  extra.textContent = rangeLabel(range, offsetMinutes);
  select.value = EXTRA;
}

/** The range the user picked, or undefined for the extra or custom option (nothing to change). */
export function pickedRange(select: HTMLSelectElement): TimeRange | undefined {
  const minutes = Number(select.value);
  return select.value === EXTRA || select.value === CUSTOM || !(minutes > 0)
    ? undefined
    : { kind: 'relative', minutes };
}

/** Fills the custom range's inputs with the bounds of the range shown, to the minute. */
export function fillCustom(
  inputs: { from: HTMLInputElement; to: HTMLInputElement },
  bounds: [number, number],
  offsetMinutes: number,
): void {
  inputs.from.value = toLocalInput(bounds[0], offsetMinutes);
  inputs.to.value = toLocalInput(bounds[1], offsetMinutes);
}
