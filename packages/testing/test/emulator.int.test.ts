import { describe, it, expect, inject } from 'vitest';
import { SQSClient, CreateQueueCommand, GetQueueUrlCommand } from '@aws-sdk/client-sqs';

describe('emulator', () => {
  describe('global setup', () => {
    it('hands a reachable LocalStack endpoint to the tests', async () => {
      const endpoint = inject('awsEndpoint');
      expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const sqs = new SQSClient({});
      const name = `smoke-${Date.now()}`;
      const created = await sqs.send(new CreateQueueCommand({ QueueName: name }));
      expect(created.QueueUrl).toContain(`${endpoint}/queue/`);
      const got = await sqs.send(new GetQueueUrlCommand({ QueueName: name }));
      expect(got.QueueUrl).toBe(created.QueueUrl);
    });
  });
});
