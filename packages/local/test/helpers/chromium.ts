// The headless browser and the trace loading every UI test shares: Debian's chromium driven by
// playwright-core (never a browser download), and segment documents put through the real API.
import { existsSync } from 'node:fs';
import { expect } from 'vitest';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium. */
export const CHROMIUM = '/usr/bin/chromium';

/** Launches headless chromium with the flags every UI test uses, plus `extraArgs`. */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The UI test needs Debian's chromium at ${CHROMIUM}: install it with ` +
        '`apt-get install chromium` (npm test does this itself as root).',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      ...extraArgs,
    ],
  });
}

/** PutTraceSegments over HTTP; every document must be accepted. */
export async function putSegments(
  endpoint: string,
  documents: ReadonlyArray<Record<string, unknown>>,
): Promise<void> {
  const put = await fetch(`${endpoint}/TraceSegments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ TraceSegmentDocuments: documents.map((d) => JSON.stringify(d)) }),
  });
  expect(put.status).toBe(200);
  const body = (await put.json()) as { UnprocessedTraceSegments?: unknown[] };
  expect(body.UnprocessedTraceSegments ?? []).toEqual([]);
}
