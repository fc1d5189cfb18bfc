// The local runner behind the FunctionTarget seam: the same calls the LocalStack target takes.
import { describe, it, expect, afterEach } from 'vitest';
import { join } from 'node:path';
import { localFunctionTarget } from '../../src/lambda/target/local-target.ts';
import type { FunctionTarget } from '../../src/lambda/target/function-target.ts';

const taskRoot = join(import.meta.dirname, 'functions');
let target: FunctionTarget | undefined;
afterEach(async () => {
  await target?.stop();
  target = undefined;
});

describe('localFunctionTarget', () => {
  it('starts the function and invokes it under the runtime client, with tracing PassThrough', async () => {
    target = localFunctionTarget({ freeze: false });
    expect(target.kind).toBe('local');
    await target.start({ name: 'echo', handler: 'echo.handler', taskRoot, tracing: 'PassThrough' });
    const result = await target.invoke({ hello: 'world' });
    expect(result.functionError).toBeUndefined();
    expect(result.payload).toMatchObject({ event: { hello: 'world' }, env: { name: 'echo' } });
    expect(result.coldStart).toBe(true);
    const failed = await target.invoke({ fail: 'please' });
    expect(failed.functionError).toBe('Unhandled');
    await target.flush();
  });

  it('refuses to invoke or map before start, and to start twice', async () => {
    target = localFunctionTarget();
    await expect(target.invoke({})).rejects.toThrow('start() it first');
    await expect(target.mapQueue('http://127.0.0.1:4566/000000000000/q')).rejects.toThrow(
      'start() it first',
    );
    await target.start({ name: 'echo', handler: 'echo.handler', taskRoot });
    await expect(target.start({ name: 'echo', handler: 'echo.handler', taskRoot })).rejects.toThrow(
      'already started',
    );
  });
});
