import {
  InstrumentationBase,
  InstrumentationNodeModuleDefinition,
  InstrumentationNodeModuleFile,
  type InstrumentationConfig,
} from '@opentelemetry/instrumentation';
import type { Pluggable } from '@smithy/types';

/** An AWS SDK v3 client as a plugin factory sees it: its resolved `config` (`serviceId`, `region`…). */
export interface AwsSdkClient {
  config?: unknown;
}

/** A plugin, or a function that makes one for a given client (for per-client state). */
export type AwsSdkPlugin =
  Pluggable<object, object> | ((client: AwsSdkClient) => Pluggable<object, object>);

/** Config of {@link AwsSdkPluginInstrumentation}. */
export interface AwsSdkPluginInstrumentationConfig extends InstrumentationConfig {
  /** Plugins installed on every AWS SDK v3 client (once per client, at its first `send`). */
  plugins: AwsSdkPlugin[];
}

interface SmithyClient extends AwsSdkClient {
  middlewareStack: { use(plugin: Pluggable<object, object>): void };
}
type Send = (this: SmithyClient, ...args: unknown[]) => unknown;

const ORIGINAL = Symbol('otel-xray.original-send');

/**
 * Installs middleware plugins on every AWS SDK v3 client without touching application code —
 * how `@otel-xray/node` puts the `X-Amzn-Trace-Id` request header on SQS and SNS calls, and, in
 * the `lean` instrumentation mode, the middleware that makes the SDK spans. It wraps
 * the smithy `Client.prototype.send` (in `@smithy/core` ≥ 3.24 and the older `@smithy/smithy-client`),
 * as `@opentelemetry/instrumentation-aws-sdk` does, and calls `middlewareStack.use()` once per client.
 */
export class AwsSdkPluginInstrumentation extends InstrumentationBase<AwsSdkPluginInstrumentationConfig> {
  readonly #installed = new WeakSet<object>();

  constructor(config: AwsSdkPluginInstrumentationConfig) {
    super('@otel-xray/node/aws-sdk-plugins', '0.1.0', config);
  }

  protected init(): InstrumentationNodeModuleDefinition[] {
    // Not `this._wrap`: shimmer unwraps an already-wrapped method first, which would remove
    // @opentelemetry/instrumentation-aws-sdk's own wrapper of the same `send`.
    const patch = (exports: { Client?: { prototype: { send: Send } } }): unknown => {
      const proto = exports.Client?.prototype;
      if (proto && !(ORIGINAL in proto.send)) {
        const wrapped = this.#wrapSend(proto.send);
        Object.defineProperty(wrapped, ORIGINAL, { value: proto.send });
        proto.send = wrapped;
      }
      return exports;
    };
    const unpatch = (exports: { Client?: { prototype: { send: Send } } }): void => {
      const proto = exports.Client?.prototype;
      const original = proto && (proto.send as Send & { [ORIGINAL]?: Send })[ORIGINAL];
      if (proto && original) proto.send = original;
    };
    return [
      new InstrumentationNodeModuleDefinition('@smithy/core', ['>=3.24.0'], undefined, undefined, [
        new InstrumentationNodeModuleFile(
          '@smithy/core/dist-cjs/submodules/client/index.js',
          ['>=3.24.0'],
          patch,
          unpatch,
        ),
      ]),
      new InstrumentationNodeModuleDefinition('@smithy/smithy-client', ['>=1.0.3'], patch, unpatch),
    ];
  }

  #install(client: SmithyClient): void {
    if (!client?.middlewareStack || this.#installed.has(client)) return;
    this.#installed.add(client);
    for (const plugin of this.getConfig().plugins) {
      try {
        client.middlewareStack.use(typeof plugin === 'function' ? plugin(client) : plugin);
      } catch (error) {
        this._diag.warn('could not install an AWS SDK plugin', error);
      }
    }
  }

  #wrapSend(orig: Send): Send {
    const installed = this.#installed;
    const install = (client: SmithyClient): void => this.#install(client);
    // Runs on every AWS SDK call: one WeakSet lookup, and the arguments forwarded as they are (a
    // rest parameter would copy them into an array on each call).
    return function send(this: SmithyClient): unknown {
      if (!installed.has(this)) install(this);
      // eslint-disable-next-line prefer-rest-params
      return Reflect.apply(orig, this, arguments);
    };
  }
}
