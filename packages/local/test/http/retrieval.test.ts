import {
  CancelTraceRetrievalCommand,
  DeleteResourcePolicyCommand,
  GetRetrievedTracesGraphCommand,
  InvalidPolicyRevisionIdException,
  ListResourcePoliciesCommand,
  ListRetrievedTracesCommand,
  MalformedPolicyDocumentException,
  PutResourcePolicyCommand,
  ResourceNotFoundException,
  StartTraceRetrievalCommand,
} from '@aws-sdk/client-xray';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTrace, nowSeconds } from '../helpers/documents.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

describe('local X-Ray retrieval and policies', () => {
  describe('trace retrieval', () => {
    it('retrieves stored traces in XRAY format and their graph', async () => {
      const { trace, documents } = demoTrace();
      await s.put(documents);
      const window = { StartTime: new Date((nowSeconds() - 600) * 1000), EndTime: new Date() };
      const { RetrievalToken } = await s.client.send(
        new StartTraceRetrievalCommand({ TraceIds: [trace], ...window }),
      );
      const list = await s.client.send(
        new ListRetrievedTracesCommand({ RetrievalToken, TraceFormat: 'XRAY' }),
      );
      expect(list.RetrievalStatus).toBe('COMPLETE');
      expect(list.Traces?.[0]?.Spans).toHaveLength(5);
      const graph = await s.client.send(new GetRetrievedTracesGraphCommand({ RetrievalToken }));
      expect(graph.Services?.map((x) => x.Service?.Name)).toEqual(
        expect.arrayContaining(['orders', 'SQS']),
      );
      await s.client.send(new CancelTraceRetrievalCommand({ RetrievalToken }));
      expect(
        (await s.client.send(new ListRetrievedTracesCommand({ RetrievalToken }))).RetrievalStatus,
      ).toBe('CANCELLED');
    });

    it('answers an unknown token with ResourceNotFoundException', async () => {
      await expect(
        s.client.send(new ListRetrievedTracesCommand({ RetrievalToken: 'nope' })),
      ).rejects.toBeInstanceOf(ResourceNotFoundException);
    });
  });

  describe('resource policies', () => {
    it('puts, lists and deletes with revision checks', async () => {
      const doc = JSON.stringify({ Version: '2012-10-17', Statement: [] });
      const put = await s.client.send(
        new PutResourcePolicyCommand({ PolicyName: 'sns', PolicyDocument: doc }),
      );
      const revision = put.ResourcePolicy?.PolicyRevisionId;
      expect(revision).toBeDefined();
      expect(
        (await s.client.send(new ListResourcePoliciesCommand({}))).ResourcePolicies?.map(
          (p) => p.PolicyName,
        ),
      ).toEqual(['sns']);
      await expect(
        s.client.send(
          new DeleteResourcePolicyCommand({ PolicyName: 'sns', PolicyRevisionId: 'wrong' }),
        ),
      ).rejects.toBeInstanceOf(InvalidPolicyRevisionIdException);
      await s.client.send(
        new DeleteResourcePolicyCommand({ PolicyName: 'sns', PolicyRevisionId: revision }),
      );
      expect((await s.client.send(new ListResourcePoliciesCommand({}))).ResourcePolicies).toEqual(
        [],
      );
    });

    it('refuses a document that is not JSON', async () => {
      await expect(
        s.client.send(new PutResourcePolicyCommand({ PolicyName: 'bad', PolicyDocument: '{' })),
      ).rejects.toBeInstanceOf(MalformedPolicyDocumentException);
    });
  });
});
