// The collector's segment_test.go and span_links_test.go as data (collector/segment.ts); the pass rate
// over every ported Go file is checked in collector-vectors-summary.test.ts.
import { segmentFile } from './collector/segment.ts';
import { describeGoFile } from './collector/support.ts';

describeGoFile(segmentFile);
