// Attribute key → code for the keys the http, aws and sql blocks consume (one Map lookup per key).

// HTTP and AWS codes are always consumed (never reach metadata); SQL codes only
// when an sql block is produced.
export const METHOD = 1;
export const CLIENT_IP = 2;
export const USER_AGENT = 3;
export const STATUS = 4;
export const URL = 5;
export const SCHEME = 6;
export const HTTP_HOST = 7;
export const TARGET = 8;
export const URL_PATH = 9;
export const URL_QUERY = 10;
export const SERVER_NAME = 11;
export const NET_HOST_PORT = 12;
export const HOST_NAME = 13;
export const NET_HOST_NAME = 14;
export const NET_PEER_NAME = 15;
export const NET_PEER_PORT = 16;
export const NET_PEER_IP = 17;
export const NETWORK_PEER_ADDRESS = 18;
export const CLIENT_ADDRESS = 19;
export const SERVER_ADDRESS = 20;
export const SERVER_PORT = 21;
export const AWS_OPERATION = 30;
export const RPC_METHOD = 31;
export const AWS_ACCOUNT = 32;
export const AWS_REGION = 33;
export const AWS_REQUEST_ID = 34;
export const AWS_QUEUE_URL = 35;
export const AWS_TABLE_NAME = 36;
/** Last code that is always consumed. */
export const ALWAYS_LAST = 39;
/** First SQL code (consumed only with an sql block). */
export const SQL_FIRST = 40;
export const DB_CONNECTION_STRING = 40;
export const DB_SYSTEM = 41;
export const DB_NAME = 42;
export const DB_STATEMENT = 43;
export const DB_USER = 44;
export const DB_SYSTEM_NAME = 45;
export const DB_NAMESPACE = 46;
export const DB_QUERY_TEXT = 47;
export const USER_NAME = 48;
/** Last SQL code. */
export const SQL_LAST = 49;

/** `enduser.id` (→ `user`). */
export const ENDUSER_ID = 60;
/** `aws.xray.annotations` (keys to index). */
export const XRAY_ANNOTATIONS = 61;
/** `http.status_text` (cause message fallback). */
export const HTTP_STATUS_TEXT = 62;

/** Attribute key → code. */
export const ATTRIBUTE_CODES: ReadonlyMap<string, number> = new Map<string, number>([
  ['http.method', METHOD],
  ['http.request.method', METHOD],
  ['http.client_ip', CLIENT_IP],
  ['http.user_agent', USER_AGENT],
  ['user_agent.original', USER_AGENT],
  ['http.status_code', STATUS],
  ['http.response.status_code', STATUS],
  ['http.url', URL],
  ['url.full', URL],
  ['http.scheme', SCHEME],
  ['url.scheme', SCHEME],
  ['http.host', HTTP_HOST],
  ['http.target', TARGET],
  ['url.path', URL_PATH],
  ['url.query', URL_QUERY],
  ['http.server_name', SERVER_NAME],
  ['net.host.port', NET_HOST_PORT],
  ['host.name', HOST_NAME],
  ['net.host.name', NET_HOST_NAME],
  ['net.peer.name', NET_PEER_NAME],
  ['net.peer.port', NET_PEER_PORT],
  ['net.peer.ip', NET_PEER_IP],
  ['network.peer.address', NETWORK_PEER_ADDRESS],
  ['client.address', CLIENT_ADDRESS],
  ['server.address', SERVER_ADDRESS],
  ['server.port', SERVER_PORT],
  ['aws.operation', AWS_OPERATION],
  ['rpc.method', RPC_METHOD],
  ['aws.account_id', AWS_ACCOUNT],
  ['aws.region', AWS_REGION],
  ['aws.request_id', AWS_REQUEST_ID],
  ['aws.requestId', AWS_REQUEST_ID],
  ['aws.queue_url', AWS_QUEUE_URL],
  ['aws.queue.url', AWS_QUEUE_URL],
  ['aws.table_name', AWS_TABLE_NAME],
  ['aws.table.name', AWS_TABLE_NAME],
  ['db.connection_string', DB_CONNECTION_STRING],
  ['db.system', DB_SYSTEM],
  ['db.name', DB_NAME],
  ['db.statement', DB_STATEMENT],
  ['db.user', DB_USER],
  ['db.system.name', DB_SYSTEM_NAME],
  ['db.namespace', DB_NAMESPACE],
  ['db.query.text', DB_QUERY_TEXT],
  ['user.name', USER_NAME],
  ['enduser.id', ENDUSER_ID],
  ['aws.xray.annotations', XRAY_ANNOTATIONS],
  ['http.status_text', HTTP_STATUS_TEXT],
]);
