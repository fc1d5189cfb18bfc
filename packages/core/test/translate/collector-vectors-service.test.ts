// The collector's service_test.go as data (collector/service.ts); the pass rate over every ported Go file is
// checked in collector-vectors-summary.test.ts.
import { serviceFile } from './collector/service.ts';
import { describeGoFile } from './collector/support.ts';

describeGoFile(serviceFile);
