/* global process, setTimeout */
// Test function: starts work that finishes after the response (lost in Lambda: frozen) and
// counts the invocations its process served.
import { appendFileSync } from 'node:fs';

let served = 0;
export const handler = async (event) => {
  served += 1;
  setTimeout(() => appendFileSync(event.marker, `late ${served}\n`), 150);
  return { served, pid: process.pid };
};
