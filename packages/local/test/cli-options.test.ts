import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../src/cli-options.ts';

describe('parseCliArgs', () => {
  describe('options', () => {
    it('reads every option', () => {
      expect(
        parseCliArgs([
          '--host',
          '0.0.0.0',
          '--port',
          '0',
          '--data',
          'x.db',
          '--max-traces',
          '10',
          '--max-log-records',
          '500',
          '--retention',
          '60',
          '--region',
          'eu-west-1',
        ]),
      ).toEqual({
        kind: 'run',
        options: {
          host: '0.0.0.0',
          port: 0,
          data: 'x.db',
          maxTraces: 10,
          maxLogRecords: 500,
          retentionSeconds: 60,
          region: 'eu-west-1',
        },
      });
    });

    it('uses defaults when nothing is given', () => {
      expect(parseCliArgs([])).toEqual({ kind: 'run', options: {} });
    });
  });

  describe('errors', () => {
    it.each([
      [['--port', 'x']],
      [['--port', '70000']],
      [['--max-traces', '0']],
      [['--max-log-records', '0']],
      [['--nope']],
    ])('refuses %j', (argv) => {
      expect(parseCliArgs(argv).kind).toBe('error');
    });

    it('shows help', () => {
      expect(parseCliArgs(['-h'])).toEqual({ kind: 'help' });
    });
  });
});
