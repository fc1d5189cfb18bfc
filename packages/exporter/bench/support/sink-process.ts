// The bench service's neighbours (SQS endpoint, X-Ray daemon, OTLP collector) in a process of their
// own, as in a deployment: receiving datagrams and answering SendMessage must not slow the load
// generator. Prints `SINKS {"sqs":…,"udp":…,"otlp":…}` when listening; exits when stdin closes.
import { startOtlpSink, startSqsSink, startUdpSink } from './bench-sinks.ts';

const sinks = { sqs: await startSqsSink(), udp: await startUdpSink(), otlp: await startOtlpSink() };
const ports = Object.fromEntries(Object.entries(sinks).map(([name, sink]) => [name, sink.port]));
process.stdout.write(`SINKS ${JSON.stringify(ports)}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void Promise.all(Object.values(sinks).map((sink) => sink.close())).then(() => process.exit(0));
});
