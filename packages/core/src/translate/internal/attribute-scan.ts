// One pass over span attributes in insertion order (the collector iterates pcommon.Map in order, and
// later keys overwrite earlier ones), collecting what the http, aws and sql blocks consume.
import type { TranslatableAttributes } from '../translatable-span.ts';
import * as C from './attribute-codes.ts';
import { int, str } from './attribute-values.ts';
import type { KeyInfo } from './key-info.ts';
import type { KeyShape } from './key-shape.ts';
import { keyShape } from './key-shape.ts';

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
  /** The key sequence's shared facts (key-shape.ts). */
  shape: KeyShape;
  /** Facts of each key (same order as the keys; shared, read-only). */
  infos: readonly KeyInfo[];
  /** Value of each key (same order as the keys). */
  values: unknown[];
}

/** The value of a slot's key (attribute-slots.ts); `undefined` when absent, like a missing property. */
export function slot(s: AttributeScan, index: number): unknown {
  const k = s.shape.slotIndex[index] as number;
  return k < 0 ? undefined : s.values[k];
}

/** True when the slot's key is an own key of the attributes (`Object.hasOwn`). */
export function hasSlot(s: AttributeScan, index: number): boolean {
  return (s.shape.slotIndex[index] as number) >= 0;
}

/** `Value.Str()`, or the decimal integer when the string is empty (ports may be ints). */
function portString(value: unknown): string {
  const text = str(value);
  return text === '' ? String(int(value)) : text;
}

/** Scans the attributes once; `isIp` is injected so the scan stays free of node imports. */
export function scanAttributes(
  attrs: TranslatableAttributes,
  keys: readonly string[],
  isIp: (text: string) => boolean,
): AttributeScan {
  const shape = keyShape(keys);
  const n = keys.length;
  const values = new Array<unknown>(n);
  for (let k = 0; k < n; k++) values[k] = attrs[keys[k] as string];
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
    shape,
    infos: shape.infos,
    values,
  };
  // Only the keys a block consumes, in order (later keys overwrite earlier ones).
  const { coded, infos } = shape;
  for (let c = 0; c < coded.length; c++) {
    const k = coded[c] as number;
    const value = values[k];
    const code = (infos[k] as KeyInfo).code;
    switch (code) {
      case C.METHOD:
        s.method = str(value);
        s.hasHttp = true;
        break;
      case C.CLIENT_IP:
        s.clientIp = str(value) || undefined;
        s.hasHttp = true;
        break;
      case C.USER_AGENT:
        s.userAgent = str(value);
        s.hasHttp = true;
        break;
      case C.STATUS:
        s.status = int(value);
        s.hasHttp = true;
        break;
      case C.URL:
        s.url = str(value);
        s.hasHttp = s.hasUrlParts = true;
        break;
      case C.SCHEME:
        s.scheme = str(value);
        s.hasHttp = true;
        break;
      case C.HTTP_HOST:
        s.httpHost = str(value);
        s.hasHttp = s.hasUrlParts = true;
        break;
      case C.TARGET:
        s.target = str(value);
        s.hasHttp = true;
        break;
      case C.URL_PATH:
        s.urlPath = str(value);
        s.hasHttp = true;
        break;
      case C.URL_QUERY:
        s.urlQuery = str(value);
        s.hasHttp = true;
        break;
      case C.SERVER_NAME:
        s.serverName = str(value);
        s.hasHttp = s.hasUrlParts = true;
        break;
      case C.NET_HOST_PORT:
        s.netHostPort = portString(value);
        s.hasHttp = true;
        break;
      case C.HOST_NAME:
        s.hostName = str(value);
        s.hasUrlParts = true;
        break;
      case C.NET_HOST_NAME:
        s.netHostName = str(value);
        s.hasUrlParts = true;
        break;
      case C.NET_PEER_NAME:
        s.netPeerName = str(value);
        s.hasUrlParts = true;
        break;
      case C.NET_PEER_PORT:
        s.netPeerPort = portString(value);
        break;
      case C.NET_PEER_IP:
        s.netPeerIp = str(value);
        if (s.clientIp === undefined) s.clientIp = s.netPeerIp || undefined;
        s.hasUrlParts = s.hasPeerAddress = true;
        break;
      case C.NETWORK_PEER_ADDRESS:
        if (isIp(str(value))) {
          if (s.clientIp === undefined) s.clientIp = str(value);
          s.hasUrlParts = s.hasPeerAddress = true;
        }
        break;
      case C.CLIENT_ADDRESS:
        if (isIp(str(value))) s.clientIp = str(value);
        break;
      case C.SERVER_ADDRESS:
        s.serverAddress = str(value);
        s.hasUrlParts = true;
        break;
      case C.SERVER_PORT:
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
    case C.AWS_OPERATION:
      s.operation = str(value);
      break;
    case C.RPC_METHOD:
      s.rpcMethod = str(value);
      break;
    case C.AWS_ACCOUNT:
      // An empty pcommon value (null/undefined here) does not override cloud.account.id.
      if (value !== undefined && value !== null) s.account = str(value);
      break;
    case C.AWS_REGION:
      s.region = str(value);
      break;
    case C.AWS_REQUEST_ID:
      s.requestId = str(value);
      break;
    case C.AWS_QUEUE_URL:
      s.queueUrl = str(value);
      break;
    case C.AWS_TABLE_NAME:
      s.tableName = str(value);
      break;
    case C.DB_CONNECTION_STRING:
      s.dbConnectionString = str(value);
      break;
    case C.DB_SYSTEM:
      s.dbSystem = str(value);
      break;
    case C.DB_NAME:
      s.dbName = str(value);
      break;
    case C.DB_STATEMENT:
      s.dbStatement = str(value);
      break;
    case C.DB_USER:
      s.dbUser = str(value);
      break;
    case C.DB_SYSTEM_NAME:
      s.dbSystemName = str(value);
      break;
    case C.DB_NAMESPACE:
      s.dbNamespace = str(value);
      break;
    case C.DB_QUERY_TEXT:
      s.dbQueryText = str(value);
      break;
    case C.USER_NAME:
      s.userName = str(value);
      break;
  }
}
