export { createLogger } from './log.ts';
export { requireEnv, intEnv } from './env.ts';
export { startConsumer } from './consumer.ts';
export type { Consumer, ConsumerOptions } from './consumer.ts';
export { readJson, sendJson } from './http-json.ts';
export { postJson } from './post-json.ts';
export { provision, snsDeliveryPolicy, MAX_RECEIVE_COUNT } from './provision.ts';
export type { Provisioned } from './provision.ts';
