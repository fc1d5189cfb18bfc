/// <reference lib="dom" />
// Shows a rejected filter expression inline, under the box, with the offending character marked.
import { parseFilterError, splitAtError } from '../lib/filter-error.ts';
import type { ApiError } from './api.ts';
import { h, replace } from './dom.ts';

/**
 * Shows `error` for `expression`, or clears the message when `error` is undefined. `offset`:
 * characters the server saw before `expression` (a group clause wrapped around it).
 */
export function renderFilterError(
  host: HTMLElement,
  input: HTMLInputElement,
  expression: string,
  error: ApiError | undefined,
  offset = 0,
): void {
  input.classList.toggle('invalid', error !== undefined);
  input.setAttribute('aria-invalid', String(error !== undefined));
  if (error === undefined) {
    host.hidden = true;
    replace(host);
    return;
  }
  const sent = parseFilterError(error.message, ' '.repeat(offset) + expression);
  const parsed = {
    message: sent.message,
    position: sent.position === undefined ? undefined : Math.max(sent.position - offset, 0),
  };
  const where =
    parsed.position === undefined
      ? null
      : (() => {
          const part = splitAtError(expression, parsed.position);
          return h(
            'code',
            { class: 'where mono', data: { position: String(parsed.position) } },
            part.before,
            h('mark', undefined, part.at),
            part.after,
          );
        })();
  replace(host, h('span', { class: 'msg' }, `${error.type}: ${parsed.message}`), where);
  host.hidden = false;
}
