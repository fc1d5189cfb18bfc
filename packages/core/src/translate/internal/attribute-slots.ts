// Attribute keys the translation reads by name: the attribute scan keeps their values in slots, so no
// block looks a key up in the (usually dictionary-mode) attribute object again.

export const RPC_SYSTEM = 0;
export const RPC_SERVICE = 1;
export const AWS_SPAN_KIND = 2;
export const MESSAGING_SYSTEM = 3;
export const MESSAGING_URL = 4;
export const MESSAGING_DESTINATION_NAME = 5;
export const AWS_SNS_TOPIC_ARN = 6;
export const AWS_SQS_QUEUE_URL = 7;
export const AWS_SQS_QUEUE_NAME = 8;
export const AWS_DYNAMODB_TABLE_NAMES = 9;
export const AWS_REQUEST_ID_DOTTED = 10;
export const CLOUD_REGION = 11;
export const ENDUSER_ID = 12;
export const XRAY_ANNOTATIONS = 13;
export const HTTP_STATUS_CODE = 14;
export const HTTP_RESPONSE_STATUS_CODE = 15;
export const HTTP_STATUS_TEXT = 16;
export const AWS_LOCAL_SERVICE = 17;
export const AWS_REMOTE_SERVICE = 18;
export const PEER_SERVICE = 19;
export const AWS_SERVICE = 20;
export const DB_NAME = 21;
export const DB_CONNECTION_STRING = 22;
export const DB_NAMESPACE = 23;
export const HTTP_HOST = 24;
export const NET_PEER_NAME = 25;
export const SERVER_ADDRESS = 26;
export const URL_FULL = 27;
export const MESSAGE_TYPE = 28;
export const MESSAGE_PAYLOAD_SIZE = 29;
export const HTTP_RESPONSE_BODY_SIZE = 30;
export const HTTP_RESPONSE_CONTENT_LENGTH = 31;
/** Number of slots. */
export const SLOT_COUNT = 32;

/** Attribute key → slot. */
export const ATTRIBUTE_SLOTS: ReadonlyMap<string, number> = new Map<string, number>([
  ['rpc.system', RPC_SYSTEM],
  ['rpc.service', RPC_SERVICE],
  ['aws.span.kind', AWS_SPAN_KIND],
  ['messaging.system', MESSAGING_SYSTEM],
  ['messaging.url', MESSAGING_URL],
  ['messaging.destination.name', MESSAGING_DESTINATION_NAME],
  ['aws.sns.topic.arn', AWS_SNS_TOPIC_ARN],
  ['aws.sqs.queue.url', AWS_SQS_QUEUE_URL],
  ['aws.sqs.queue.name', AWS_SQS_QUEUE_NAME],
  ['aws.dynamodb.table_names', AWS_DYNAMODB_TABLE_NAMES],
  ['aws.request.id', AWS_REQUEST_ID_DOTTED],
  ['cloud.region', CLOUD_REGION],
  ['enduser.id', ENDUSER_ID],
  ['aws.xray.annotations', XRAY_ANNOTATIONS],
  ['http.status_code', HTTP_STATUS_CODE],
  ['http.response.status_code', HTTP_RESPONSE_STATUS_CODE],
  ['http.status_text', HTTP_STATUS_TEXT],
  ['aws.local.service', AWS_LOCAL_SERVICE],
  ['aws.remote.service', AWS_REMOTE_SERVICE],
  ['peer.service', PEER_SERVICE],
  ['aws.service', AWS_SERVICE],
  ['db.name', DB_NAME],
  ['db.connection_string', DB_CONNECTION_STRING],
  ['db.namespace', DB_NAMESPACE],
  ['http.host', HTTP_HOST],
  ['net.peer.name', NET_PEER_NAME],
  ['server.address', SERVER_ADDRESS],
  ['url.full', URL_FULL],
  ['message.type', MESSAGE_TYPE],
  ['messaging.message_payload_size_bytes', MESSAGE_PAYLOAD_SIZE],
  ['http.response.body.size', HTTP_RESPONSE_BODY_SIZE],
  ['http.response_content_length', HTTP_RESPONSE_CONTENT_LENGTH],
]);
