import { context, type Context } from '@opentelemetry/api';
import type { EventEmitter } from 'node:events';

const CTX = Symbol('otel-xray.listener-context');
type Listener = (...args: unknown[]) => void;
type Bound = EventEmitter & { [CTX]?: Context };
type Add = (this: EventEmitter, event: string | symbol, listener: Listener) => EventEmitter;

function bound(ctx: Context, listener: Listener): Listener {
  const wrapper = function (this: unknown, ...args: unknown[]): void {
    context.with(ctx, listener, this, ...args);
  };
  // removeListener(original) finds the wrapper through `.listener`, as it does for once(); a
  // once() wrapper (which reaches us through `on`) points on to its own original.
  (wrapper as Listener & { listener: Listener }).listener =
    (listener as Listener & { listener?: Listener }).listener ?? listener;
  return wrapper;
}

function adder(name: 'on' | 'addListener' | 'prependListener'): Add {
  return function (this: Bound, event, listener) {
    const original = (Object.getPrototypeOf(this) as Record<string, Add>)[name]!;
    const ctx = this[CTX];
    const fn =
      ctx === undefined || typeof listener !== 'function' ? listener : bound(ctx, listener);
    return original.call(this, event, fn);
  };
}

// One set of methods for every emitter: binding an emitter stores three references, no closures.
// once() and prependOnceListener() need none: EventEmitter implements them with on/prependListener.
const on = adder('on');
const addListener = adder('addListener');
const prependListener = adder('prependListener');

/**
 * Runs listeners added to `emitter` from now on inside `ctx`. An incoming request's `data`/`end`
 * events come from the socket's callbacks, outside the context the handler ran in; what
 * `context.bind(ctx, emitter)` gives, but with shared methods and a wrapper only per listener added.
 */
export function bindListeners(emitter: EventEmitter, ctx: Context): void {
  const target = emitter as unknown as { [CTX]?: Context } & Record<string, Add>;
  target[CTX] = ctx;
  target.on = on;
  target.addListener = addListener;
  target.prependListener = prependListener;
}
