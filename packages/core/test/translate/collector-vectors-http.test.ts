// The collector's http_test.go as data (collector/http.ts); the pass rate over every ported Go file is
// checked in collector-vectors-summary.test.ts.
import { httpFile } from './collector/http.ts';
import { describeGoFile } from './collector/support.ts';

describeGoFile(httpFile);
