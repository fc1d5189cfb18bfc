// Preloaded into the bench service by allocations.bench.ts (`--import`): V8's sampling heap profiler
// through the inspector, counting garbage too (objects a minor or major GC collected), so the profile
// holds every sampled allocation, not only what is still alive. SIGUSR2 starts sampling; SIGTERM
// writes the profile to ALLOCATION_PROFILE and exits.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

const out = process.env['ALLOCATION_PROFILE'] ?? 'allocations.heapprofile';
const session = new Session();
session.connect();
let sampling = false;

process.on('SIGUSR2', () => {
  sampling = true;
  void session.post('HeapProfiler.startSampling', {
    samplingInterval: 4096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
});
process.on('SIGTERM', () => {
  void (async () => {
    if (sampling) {
      const { profile } = await session.post('HeapProfiler.stopSampling');
      writeFileSync(out, JSON.stringify(profile));
    }
    process.exit(0);
  })();
});
