// The collector's aws_test.go as data (collector/aws.ts); the pass rate over every ported Go file is
// checked in collector-vectors-summary.test.ts.
import { awsFile } from './collector/aws.ts';
import { describeGoFile } from './collector/support.ts';

describeGoFile(awsFile);
