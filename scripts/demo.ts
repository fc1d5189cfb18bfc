// `npm run demo` (after scripts/run.sh has set everything up): see services/demo/src/run-demo.ts.
import { runDemo } from '../services/demo/src/run-demo.ts';

process.exitCode = await runDemo();
