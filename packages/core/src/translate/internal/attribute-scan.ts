// One pass over span attributes in insertion order (the collector iterates pcommon.Map in order, and
// later keys overwrite earlier ones), collecting what the http, aws and sql blocks consume.
import type { TranslatableAttributes } from '../translatable-span.ts';
import { int, str } from './attribute-values.ts';

// Attribute codes. HTTP and AWS codes are always consumed (never reach metadata); SQL codes only
// when an sql block is produced.
export const C_HTTP_FIRST = 1;
const C_METHOD = 1;
const C_CLIENT_IP = 2;
const C_USER_AGENT = 3;
const C_STATUS = 4;
const C_URL = 5;
const C_SCHEME = 6;
const C_HTTP_HOST = 7;
const C_TARGET = 8;
const C_URL_PATH = 9;
const C_URL_QUERY = 10;
const C_SERVER_NAME = 11;
const C_NET_HOST_PORT = 12;
const C_HOST_NAME = 13;
const C_NET_HOST_NAME = 14;
const C_NET_PEER_NAME = 15;
const C_NET_PEER_PORT = 16;
const C_NET_PEER_IP = 17;
const C_NETWORK_PEER_ADDRESS = 18;
const C_CLIENT_ADDRESS = 19;
const C_SERVER_ADDRESS = 20;
const C_SERVER_PORT = 21;
const C_AWS_OPERATION = 30;
const C_RPC_METHOD = 31;
const C_AWS_ACCOUNT = 32;
const C_AWS_REGION = 33;
const C_AWS_REQUEST_ID = 34;
const C_AWS_QUEUE_URL = 35;
const C_AWS_TABLE_NAME = 36;
/** Last code that is always consumed. */
export const C_ALWAYS_LAST = 39;
/** First SQL code (consumed only with an sql block). */
export const C_SQL_FIRST = 40;
const C_DB_CONNECTION_STRING = 40;
const C_DB_SYSTEM = 41;
const C_DB_NAME = 42;
const C_DB_STATEMENT = 43;
const C_DB_USER = 44;
const C_DB_SYSTEM_NAME = 45;
const C_DB_NAMESPACE = 46;
const C_DB_QUERY_TEXT = 47;
const C_USER_NAME = 48;
/** Last SQL code. */
export const C_SQL_LAST = 49;

/** Attribute key → code. */
export const ATTRIBUTE_CODES: ReadonlyMap<string, number> = new Map<string, number>([
  ['http.method', C_METHOD],
  ['http.request.method', C_METHOD],
  ['http.client_ip', C_CLIENT_IP],
  ['http.user_agent', C_USER_AGENT],
  ['user_agent.original', C_USER_AGENT],
  ['http.status_code', C_STATUS],
  ['http.response.status_code', C_STATUS],
  ['http.url', C_URL],
  ['url.full', C_URL],
  ['http.scheme', C_SCHEME],
  ['url.scheme', C_SCHEME],
  ['http.host', C_HTTP_HOST],
  ['http.target', C_TARGET],
  ['url.path', C_URL_PATH],
  ['url.query', C_URL_QUERY],
  ['http.server_name', C_SERVER_NAME],
  ['net.host.port', C_NET_HOST_PORT],
  ['host.name', C_HOST_NAME],
  ['net.host.name', C_NET_HOST_NAME],
  ['net.peer.name', C_NET_PEER_NAME],
  ['net.peer.port', C_NET_PEER_PORT],
  ['net.peer.ip', C_NET_PEER_IP],
  ['network.peer.address', C_NETWORK_PEER_ADDRESS],
  ['client.address', C_CLIENT_ADDRESS],
  ['server.address', C_SERVER_ADDRESS],
  ['server.port', C_SERVER_PORT],
  ['aws.operation', C_AWS_OPERATION],
  ['rpc.method', C_RPC_METHOD],
  ['aws.account_id', C_AWS_ACCOUNT],
  ['aws.region', C_AWS_REGION],
  ['aws.request_id', C_AWS_REQUEST_ID],
  ['aws.requestId', C_AWS_REQUEST_ID],
  ['aws.queue_url', C_AWS_QUEUE_URL],
  ['aws.queue.url', C_AWS_QUEUE_URL],
  ['aws.table_name', C_AWS_TABLE_NAME],
  ['aws.table.name', C_AWS_TABLE_NAME],
  ['db.connection_string', C_DB_CONNECTION_STRING],
  ['db.system', C_DB_SYSTEM],
  ['db.name', C_DB_NAME],
  ['db.statement', C_DB_STATEMENT],
  ['db.user', C_DB_USER],
  ['db.system.name', C_DB_SYSTEM_NAME],
  ['db.namespace', C_DB_NAMESPACE],
  ['db.query.text', C_DB_QUERY_TEXT],
  ['user.name', C_USER_NAME],
]);

/** What one pass over the attributes found. `undefined` means "key absent" (Go map presence). */
export interface AttributeScan {
  hasHttp: boolean;
  hasUrlParts: boolean;
  hasPeerAddress: boolean;
  method: string;
  clientIp: string | undefined;
  userAgent: string;
  status: number | undefined;
  url: string | undefined;
  scheme: string | undefined;
  httpHost: string | undefined;
  target: string | undefined;
  urlPath: string | undefined;
  urlQuery: string | undefined;
  serverName: string | undefined;
  netHostPort: string | undefined;
  hostName: string | undefined;
  netHostName: string | undefined;
  netPeerName: string | undefined;
  netPeerPort: string | undefined;
  netPeerIp: string | undefined;
  serverAddress: string | undefined;
  serverPort: string | undefined;
  operation: string | undefined;
  rpcMethod: string | undefined;
  account: string;
  region: string;
  requestId: string;
  queueUrl: string;
  tableName: string;
  dbConnectionString: string;
  dbSystem: string;
  dbName: string;
  dbStatement: string;
  dbUser: string;
  dbSystemName: string;
  dbNamespace: string;
  dbQueryText: string;
  userName: string;
}

/** `Value.Str()`, or the decimal integer when the string is empty (ports may be ints). */
function portString(value: unknown): string {
  const text = str(value);
  return text === '' ? String(int(value)) : text;
}

/** Scans the attributes once; `isIp` is injected so the scan stays free of node imports. */
export function scanAttributes(
  attrs: TranslatableAttributes,
  isIp: (text: string) => boolean,
): AttributeScan {
  const s: AttributeScan = {
    hasHttp: false,
    hasUrlParts: false,
    hasPeerAddress: false,
    method: '',
    clientIp: undefined,
    userAgent: '',
    status: undefined,
    url: undefined,
    scheme: undefined,
    httpHost: undefined,
    target: undefined,
    urlPath: undefined,
    urlQuery: undefined,
    serverName: undefined,
    netHostPort: undefined,
    hostName: undefined,
    netHostName: undefined,
    netPeerName: undefined,
    netPeerPort: undefined,
    netPeerIp: undefined,
    serverAddress: undefined,
    serverPort: undefined,
    operation: undefined,
    rpcMethod: undefined,
    account: '',
    region: '',
    requestId: '',
    queueUrl: '',
    tableName: '',
    dbConnectionString: '',
    dbSystem: '',
    dbName: '',
    dbStatement: '',
    dbUser: '',
    dbSystemName: '',
    dbNamespace: '',
    dbQueryText: '',
    userName: '',
  };
  for (const key in attrs) {
    const code = ATTRIBUTE_CODES.get(key);
    if (code === undefined) continue;
    const value = attrs[key];
    switch (code) {
      case C_METHOD:
        s.method = str(value);
        s.hasHttp = true;
        break;
      case C_CLIENT_IP:
        s.clientIp = str(value) || undefined;
        s.hasHttp = true;
        break;
      case C_USER_AGENT:
        s.userAgent = str(value);
        s.hasHttp = true;
        break;
      case C_STATUS:
        s.status = int(value);
        s.hasHttp = true;
        break;
      case C_URL:
        s.url = str(value);
        s.hasHttp = s.hasUrlParts = true;
        break;
      case C_SCHEME:
        s.scheme = str(value);
        s.hasHttp = true;
        break;
      case C_HTTP_HOST:
        s.httpHost = str(value);
        s.hasHttp = s.hasUrlParts = true;
        break;
      case C_TARGET:
        s.target = str(value);
        s.hasHttp = true;
        break;
      case C_URL_PATH:
        s.urlPath = str(value);
        s.hasHttp = true;
        break;
      case C_URL_QUERY:
        s.urlQuery = str(value);
        s.hasHttp = true;
        break;
      case C_SERVER_NAME:
        s.serverName = str(value);
        s.hasHttp = s.hasUrlParts = true;
        break;
      case C_NET_HOST_PORT:
        s.netHostPort = portString(value);
        s.hasHttp = true;
        break;
      case C_HOST_NAME:
        s.hostName = str(value);
        s.hasUrlParts = true;
        break;
      case C_NET_HOST_NAME:
        s.netHostName = str(value);
        s.hasUrlParts = true;
        break;
      case C_NET_PEER_NAME:
        s.netPeerName = str(value);
        s.hasUrlParts = true;
        break;
      case C_NET_PEER_PORT:
        s.netPeerPort = portString(value);
        break;
      case C_NET_PEER_IP:
        s.netPeerIp = str(value);
        if (s.clientIp === undefined) s.clientIp = s.netPeerIp || undefined;
        s.hasUrlParts = s.hasPeerAddress = true;
        break;
      case C_NETWORK_PEER_ADDRESS:
        if (isIp(str(value))) {
          if (s.clientIp === undefined) s.clientIp = str(value);
          s.hasUrlParts = s.hasPeerAddress = true;
        }
        break;
      case C_CLIENT_ADDRESS:
        if (isIp(str(value))) s.clientIp = str(value);
        break;
      case C_SERVER_ADDRESS:
        s.serverAddress = str(value);
        s.hasUrlParts = true;
        break;
      case C_SERVER_PORT:
        s.serverPort = portString(value);
        break;
      default:
        scanOther(s, code, value);
    }
  }
  return s;
}

function scanOther(s: AttributeScan, code: number, value: unknown): void {
  switch (code) {
    case C_AWS_OPERATION:
      s.operation = str(value);
      break;
    case C_RPC_METHOD:
      s.rpcMethod = str(value);
      break;
    case C_AWS_ACCOUNT:
      // An empty pcommon value (null/undefined here) does not override cloud.account.id.
      if (value !== undefined && value !== null) s.account = str(value);
      break;
    case C_AWS_REGION:
      s.region = str(value);
      break;
    case C_AWS_REQUEST_ID:
      s.requestId = str(value);
      break;
    case C_AWS_QUEUE_URL:
      s.queueUrl = str(value);
      break;
    case C_AWS_TABLE_NAME:
      s.tableName = str(value);
      break;
    case C_DB_CONNECTION_STRING:
      s.dbConnectionString = str(value);
      break;
    case C_DB_SYSTEM:
      s.dbSystem = str(value);
      break;
    case C_DB_NAME:
      s.dbName = str(value);
      break;
    case C_DB_STATEMENT:
      s.dbStatement = str(value);
      break;
    case C_DB_USER:
      s.dbUser = str(value);
      break;
    case C_DB_SYSTEM_NAME:
      s.dbSystemName = str(value);
      break;
    case C_DB_NAMESPACE:
      s.dbNamespace = str(value);
      break;
    case C_DB_QUERY_TEXT:
      s.dbQueryText = str(value);
      break;
    case C_USER_NAME:
      s.userName = str(value);
      break;
  }
}
