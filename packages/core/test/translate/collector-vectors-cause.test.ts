// The collector's cause_test.go as data (collector/cause.ts); the pass rate over every ported Go file is
// checked in collector-vectors-summary.test.ts.
import { causeFile } from './collector/cause.ts';
import { describeGoFile } from './collector/support.ts';

describeGoFile(causeFile);
