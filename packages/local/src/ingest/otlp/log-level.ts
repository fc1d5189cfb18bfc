const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

/**
 * The level shown for a record: `severityText` lowercased when present, else the OTLP range of
 * `severityNumber` (1–4 trace, 5–8 debug, 9–12 info, 13–16 warn, 17–20 error, 21–24 fatal), else
 * `unspecified`. Pure.
 */
export function logLevel(severityText: string, severityNumber: number): string {
  const text = severityText.trim().toLowerCase();
  if (text !== '') return text;
  if (!Number.isInteger(severityNumber) || severityNumber < 1 || severityNumber > 24)
    return 'unspecified';
  return LEVELS[Math.floor((severityNumber - 1) / 4)] ?? 'unspecified';
}
