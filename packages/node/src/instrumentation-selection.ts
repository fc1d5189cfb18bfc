import { diag } from '@opentelemetry/api';

/** The instrumentations `startTracing` wires, by the names `auto-instrumentations-node` uses. */
export const INSTRUMENTATION_NAMES = ['http', 'undici', 'aws-sdk'] as const;

/** One of {@link INSTRUMENTATION_NAMES}: `http` (node:http/https), `undici` (global `fetch`), `aws-sdk`. */
export type InstrumentationName = (typeof INSTRUMENTATION_NAMES)[number];

/** What the options say about each instrumentation (`undefined`: not said). */
export type InstrumentationSwitches = Partial<Record<InstrumentationName, boolean | undefined>>;

const PREFIX = '@opentelemetry/instrumentation-';

/**
 * Which instrumentations to enable. Options win; then, as `@opentelemetry/auto-instrumentations-node`
 * reads them, `OTEL_NODE_ENABLED_INSTRUMENTATIONS` (only these) and
 * `OTEL_NODE_DISABLED_INSTRUMENTATIONS` (all but these; applied after the enabled list). Names are
 * comma-separated, with or without the `@opentelemetry/instrumentation-` prefix; `fetch` means
 * `undici`. Unknown names get one `diag` warning listing the known ones. Pure apart from `diag`.
 */
export function selectInstrumentations(
  env: Record<string, string | undefined>,
  switches: InstrumentationSwitches = {},
): Set<InstrumentationName> {
  const enabledList = parseNames(env.OTEL_NODE_ENABLED_INSTRUMENTATIONS, 'ENABLED');
  const disabledList = parseNames(env.OTEL_NODE_DISABLED_INSTRUMENTATIONS, 'DISABLED');
  const selected = new Set<InstrumentationName>();
  for (const name of INSTRUMENTATION_NAMES) {
    const option = switches[name];
    const byEnv =
      (enabledList === undefined || enabledList.has(name)) && !(disabledList?.has(name) ?? false);
    if (option ?? byEnv) selected.add(name);
  }
  return selected;
}

function parseNames(
  value: string | undefined,
  which: 'ENABLED' | 'DISABLED',
): Set<InstrumentationName> | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const names = new Set<InstrumentationName>();
  const unknown: string[] = [];
  for (const raw of value.split(',')) {
    let name = raw.trim().toLowerCase();
    if (name === '') continue;
    if (name.startsWith(PREFIX)) name = name.slice(PREFIX.length);
    if (name === 'fetch') name = 'undici';
    if ((INSTRUMENTATION_NAMES as readonly string[]).includes(name))
      names.add(name as InstrumentationName);
    else unknown.push(raw.trim());
  }
  if (unknown.length > 0)
    diag.warn(
      `OTEL_NODE_${which}_INSTRUMENTATIONS: ${unknown.join(', ')} not known to @otel-xray/node ` +
        `(it wires ${INSTRUMENTATION_NAMES.join(', ')}; pass others in startTracing({ instrumentations }))`,
    );
  return names;
}
