// The collector's sql_test.go as data (collector/sql.ts); the pass rate over every ported Go file is
// checked in collector-vectors-summary.test.ts.
import { sqlFile } from './collector/sql.ts';
import { describeGoFile } from './collector/support.ts';

describeGoFile(sqlFile);
