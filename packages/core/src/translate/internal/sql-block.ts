// The `sql` block (spec/translation.md §7), reading old and new database semantic conventions
// (as the collector with EmitV1DBConventions on and DontEmitV0DBConventions off).
import type { SqlBlock } from '../../segment-document.ts';
import type { AttributeScan } from './attribute-scan.ts';
import { capString, MAX_STRING } from './limits.ts';

const SQL_SYSTEMS = new Set([
  'db2',
  'derby',
  'hive',
  'mariadb',
  'mssql',
  'mysql',
  'oracle',
  'postgresql',
  'sqlite',
  'teradata',
  'other_sql',
]);
const SQL_SYSTEM_NAMES = new Set([...SQL_SYSTEMS, 'ibm.db2', 'microsoft.sql_server', 'oracle.db']);

/** The `sql` block, or undefined for non-SQL (or no) databases. */
export function makeSql(
  s: AttributeScan,
  spanName: string,
  serverAddress: string,
): SqlBlock | undefined {
  const v0 = SQL_SYSTEMS.has(s.dbSystem);
  const v1 = !v0 && SQL_SYSTEM_NAMES.has(s.dbSystemName);
  if (!v0 && !v1) return undefined;
  const database = s.dbName !== '' ? s.dbName : s.dbNamespace;
  // Extension: new-convention spans have no connection string; use server.address instead of localhost.
  let connection = s.dbConnectionString;
  if (connection === '') connection = v1 && serverAddress !== '' ? serverAddress : 'localhost';
  const sql: SqlBlock = { connection_string: `${connection}/${database}` };
  // The collector writes the span name as the URL (the connection string is not useful there).
  if (spanName !== '') sql.url = spanName;
  const query = s.dbStatement !== '' ? s.dbStatement : s.dbQueryText;
  if (query !== '') sql.sanitized_query = query;
  sql.database_type = v0 ? s.dbSystem : s.dbSystemName;
  const user = s.dbUser !== '' ? s.dbUser : s.userName;
  if (user !== '') sql.user = capString(user, MAX_STRING);
  return sql;
}
