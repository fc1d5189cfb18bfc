import { createSocket } from 'node:dgram';
import {
  BatchGetTracesCommand,
  GetTraceSummariesCommand,
  InvalidRequestException,
  PutTraceSegmentsCommand,
  XRayClient,
} from '@aws-sdk/client-xray';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalXRay, type LocalXRay } from '../../src/index.ts';
import { demoTrace, nowSeconds, segment, segmentId, traceId } from '../helpers/documents.ts';

let xray: LocalXRay;
let client: XRayClient;

beforeAll(async () => {
  xray = await startLocalXRay({ port: 0 });
  client = new XRayClient({
    endpoint: xray.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
});
afterAll(async () => {
  client.destroy();
  await xray.stop();
});

const put = (docs: unknown[]) =>
  client.send(
    new PutTraceSegmentsCommand({
      TraceSegmentDocuments: docs.map((d) => (typeof d === 'string' ? d : JSON.stringify(d))),
    }),
  );

describe('local X-Ray API', () => {
  describe('PutTraceSegments', () => {
    it('accepts valid documents and reports invalid ones per document', async () => {
      const t = traceId();
      const good = segment({ trace: t, name: 'svc', start: nowSeconds(), end: nowSeconds() + 1 });
      const out = await put([
        good,
        '{not json',
        { ...good, id: 'short' },
        { ...good, id: segmentId(), trace_id: 'nope' },
      ]);
      expect(out.UnprocessedTraceSegments?.map((u) => u.ErrorCode)).toEqual([
        'InvalidSegment',
        'InvalidSegment',
        'InvalidTraceId',
      ]);
      expect(out.UnprocessedTraceSegments?.[1]?.Id).toBe('short');
    });

    it('rejects a request without TraceSegmentDocuments with InvalidRequestException', async () => {
      await expect(client.send(new PutTraceSegmentsCommand({} as never))).rejects.toBeInstanceOf(
        InvalidRequestException,
      );
    });
  });

  describe('BatchGetTraces', () => {
    it('returns segments, merges independent subsegments and adds inferred segments', async () => {
      const { trace, ids, documents } = demoTrace();
      const sub = {
        type: 'subsegment',
        trace_id: trace,
        parent_id: ids.shipping,
        id: segmentId(),
        name: 'work',
        start_time: nowSeconds(),
        end_time: nowSeconds() + 0.1,
      };
      await put([...documents, sub]);
      const out = await client.send(new BatchGetTracesCommand({ TraceIds: [trace, traceId()] }));
      expect(out.UnprocessedTraceIds).toHaveLength(1);
      const docs = out.Traces?.[0]?.Segments?.map((s) => JSON.parse(s.Document ?? '{}')) ?? [];
      const names = docs.map((d) => d.name).sort();
      expect(names).toEqual(['SNS', 'SQS', 'inventory', 'orders', 'shipping']);
      const shipping = docs.find((d) => d.name === 'shipping');
      expect(shipping.subsegments[0].id).toBe(sub.id);
      expect(shipping.subsegments[0].type).toBeUndefined();
      const topic = docs.find((d) => d.name === 'SNS');
      expect(topic).toMatchObject({
        inferred: true,
        parent_id: ids.publish,
        origin: 'AWS::SNS',
        aws: { topic_arn: expect.stringMatching(/:orders-topic$/) as unknown },
      });
    });

    it('lets a complete document replace an in-progress one', async () => {
      const t = traceId();
      const id = segmentId();
      await put([segment({ trace: t, name: 'svc', id, start: nowSeconds() })]);
      await put([
        segment({ trace: t, name: 'svc', id, start: nowSeconds(), end: nowSeconds() + 2 }),
      ]);
      const out = await client.send(new BatchGetTracesCommand({ TraceIds: [t] }));
      expect(out.Traces?.[0]?.Segments).toHaveLength(1);
      expect(
        JSON.parse(out.Traces?.[0]?.Segments?.[0]?.Document ?? '{}').in_progress,
      ).toBeUndefined();
    });

    it('refuses more than 5 IDs and a NextToken like AWS', async () => {
      const six = Array.from({ length: 6 }, () => traceId());
      await expect(client.send(new BatchGetTracesCommand({ TraceIds: six }))).rejects.toThrow(
        'Exceeding maximum query size: 5',
      );
      await expect(
        client.send(new BatchGetTracesCommand({ TraceIds: [traceId()], NextToken: 'x' })),
      ).rejects.toThrow('NextToken is currently not supported');
    });
  });

  describe('GetTraceSummaries', () => {
    it('summarises a trace with every field', async () => {
      const { trace, documents } = demoTrace(nowSeconds() - 20, { fault: true, orderId: 'sum-1' });
      await put(documents);
      const out = await client.send(
        new GetTraceSummariesCommand({
          StartTime: new Date((nowSeconds() - 60) * 1000),
          EndTime: new Date(),
        }),
      );
      const s = out.TraceSummaries?.find((x) => x.Id === trace);
      expect(s).toMatchObject({
        HasFault: false,
        HasError: false,
        IsPartial: false,
        Http: { HttpURL: 'http://localhost/orders', HttpStatus: 201, HttpMethod: 'POST' },
        EntryPoint: { Name: 'orders', Type: 'AWS::ECS::Container' },
        Users: [{ UserName: 'alice' }],
      });
      expect(s?.Annotations?.order_id?.[0]?.AnnotationValue?.StringValue).toBe('sum-1');
      expect(s?.Annotations?.quantity?.[0]?.AnnotationValue?.NumberValue).toBe(2);
      expect(s?.ServiceIds?.map((x) => x.Name).sort()).toEqual([
        'SNS',
        'SQS',
        'inventory',
        'orders',
        'shipping',
      ]);
      expect(s?.ServiceIds?.find((x) => x.Name === 'SQS')?.Names).toEqual([
        'SQS',
        'shipping-queue',
      ]);
      expect(s?.FaultRootCauses?.[0]?.Services?.[0]).toMatchObject({
        Name: 'inventory',
        EntityPath: [
          { Name: 'inventory', Exceptions: [{ Name: 'Error', Message: 'out of stock' }] },
        ],
      });
      expect(s?.Duration).toBeCloseTo(1.2, 5);
      expect(s?.ResponseTime).toBeCloseTo(0.5, 5);
      expect(out.TracesProcessedCount).toBeGreaterThan(0);
    });

    it('pages by 100 and ends by omitting NextToken', async () => {
      const base = nowSeconds() - 3600 * 5;
      const docs = Array.from({ length: 150 }, (_, i) =>
        segment({ trace: traceId(base + i), name: 'pager', start: base + i, end: base + i + 1 }),
      );
      await put(docs.slice(0, 50));
      await put(docs.slice(50, 100));
      await put(docs.slice(100));
      const req = { StartTime: new Date(base * 1000), EndTime: new Date((base + 200) * 1000) };
      const first = await client.send(new GetTraceSummariesCommand(req));
      expect(first.TraceSummaries).toHaveLength(100);
      expect(first.NextToken).toBeDefined();
      const second = await client.send(
        new GetTraceSummariesCommand({ ...req, NextToken: first.NextToken }),
      );
      expect(second.TraceSummaries).toHaveLength(50);
      expect(second.NextToken).toBeUndefined();
      const all = new Set(
        [...(first.TraceSummaries ?? []), ...(second.TraceSummaries ?? [])].map((s) => s.Id),
      );
      expect(all.size).toBe(150);
    });

    it('selects by trace-ID epoch, event time or service end time (TimeRangeType)', async () => {
      const idEpoch = nowSeconds() - 7200;
      const t = traceId(idEpoch);
      const start = nowSeconds() - 3600;
      await put([segment({ trace: t, name: 'late', start, end: start + 1 })]);
      const ids = async (type: 'TraceId' | 'Event' | 'Service', from: number, to: number) =>
        (
          await client.send(
            new GetTraceSummariesCommand({
              StartTime: new Date(from * 1000),
              EndTime: new Date(to * 1000),
              TimeRangeType: type,
            }),
          )
        ).TraceSummaries?.map((x) => x.Id) ?? [];
      expect(await ids('TraceId', idEpoch - 1, idEpoch + 1)).toContain(t);
      expect(await ids('Event', idEpoch - 1, idEpoch + 1)).not.toContain(t);
      expect(await ids('Event', start - 1, start + 2)).toContain(t);
      expect(await ids('Service', start + 0.5, start + 2)).toContain(t);
      expect(await ids('Service', start - 10, start + 0.5)).not.toContain(t);
    });

    it('returns a subset with Sampling and a FixedRate strategy', async () => {
      const base = nowSeconds() - 3600 * 10;
      await put(
        Array.from({ length: 200 }, (_, i) =>
          segment({ trace: traceId(base), name: 'sampled', start: base + i / 1000, end: base + 1 }),
        ),
      );
      const req = { StartTime: new Date((base - 1) * 1000), EndTime: new Date((base + 1) * 1000) };
      const all = await client.send(new GetTraceSummariesCommand(req));
      const some = await client.send(
        new GetTraceSummariesCommand({
          ...req,
          Sampling: true,
          SamplingStrategy: { Name: 'FixedRate', Value: 0.25 },
        }),
      );
      const allCount = (all.TraceSummaries?.length ?? 0) + (all.NextToken ? 100 : 0);
      expect(allCount).toBe(200);
      expect(some.TraceSummaries?.length).toBeGreaterThan(10);
      expect(some.TraceSummaries?.length).toBeLessThan(100);
    });

    it('refuses EndTime before StartTime', async () => {
      await expect(
        client.send(
          new GetTraceSummariesCommand({
            StartTime: new Date(),
            EndTime: new Date(Date.now() - 1000),
          }),
        ),
      ).rejects.toBeInstanceOf(InvalidRequestException);
    });
  });

  describe('daemon UDP', () => {
    it('stores documents sent as datagrams and rejects malformed ones', async () => {
      const t = traceId();
      const doc = segment({
        trace: t,
        name: 'udp-svc',
        start: nowSeconds(),
        end: nowSeconds() + 1,
      });
      const socket = createSocket('udp4');
      const send = (text: string) =>
        new Promise<void>((resolve, reject) =>
          socket.send(text, xray.port, '127.0.0.1', (e) => (e ? reject(e) : resolve())),
        );
      const before = xray.stats();
      await send('no header line');
      await send(`{"format":"json","version":1}\n${JSON.stringify(doc)}`);
      socket.close();
      for (
        let i = 0;
        i < 100 && xray.stats().datagramsReceived < before.datagramsReceived + 2;
        i++
      ) {
        await new Promise((r) => setTimeout(r, 10));
      }
      xray.flush();
      const out = await client.send(new BatchGetTracesCommand({ TraceIds: [t] }));
      expect(out.Traces?.[0]?.Segments).toHaveLength(1);
      expect(xray.stats().datagramsRejected).toBe(before.datagramsRejected + 1);
    });
  });

  describe('errors', () => {
    it('answers unknown paths with an AWS-shaped 404', async () => {
      const res = await fetch(`${xray.endpoint}/NoSuchOperation`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(res.status).toBe(404);
      expect(res.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
      expect(res.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
      expect(await res.json()).toMatchObject({ __type: 'UnknownOperationException' });
    });
  });
});
