// sql_test.go of the collector's translator (makeSQL: the `sql` block of database CLIENT spans),
// restated as data: each row translates constructSQLSpan's span (CLIENT, named users.findUnique) and
// checks the Go test's assertions on our document — re-expressed, not copied.
import { SpanKind } from '@opentelemetry/api';
import { expect } from 'vitest';
import type { Doc, GoFile, Vector } from './support.ts';
import { goSpan, meta, one } from './support.ts';

/** The attributes every sql_test.go case sets, for one database system and connection string. */
function database(system: string, name: string, statement: string, connection: string): Doc {
  return {
    'db.system': system,
    'db.name': name,
    'db.statement': statement,
    'db.user': 'readonly_user',
    'db.connection_string': connection,
    'net.peer.name': 'db.example.com',
    'net.peer.port': '3306',
  };
}

function row(go: string, attributes: Doc, check: (doc: Doc) => void): Vector {
  return {
    go,
    span: goSpan(SpanKind.CLIENT, 'users.findUnique', { raw: attributes }),
    asserts: (docs) => check(one(docs)),
  };
}

const QUERY = 'SELECT * FROM user WHERE user_id = ?';

const vectors: Vector[] = [
  row(
    'TestClientSpanWithStatementAttribute',
    database('mysql', 'customers', QUERY, 'mysql://db.example.com:3306'),
    (doc) => expect(JSON.stringify(doc.sql)).toContain('mysql://db.example.com:3306/customers'),
  ),
  row(
    'TestClientSpanWithNonSQLDatabase',
    database('redis', '0', 'SET key value', 'redis://db.example.com:3306'),
    (doc) => {
      expect(doc).not.toHaveProperty('sql');
      // The attributes stay (filtered, here: metadata).
      expect(meta(doc)).toMatchObject({ 'db.system': 'redis', 'db.statement': 'SET key value' });
    },
  ),
  row(
    'TestClientSpanWithoutDBurlAttribute',
    database('postgresql', 'customers', QUERY, ''),
    (doc) => expect((doc.sql as Doc).url).toBe('users.findUnique'),
  ),
];

/** The rows of sql_test.go. */
export const sqlFile: GoFile = { file: 'sql_test.go', vectors };
