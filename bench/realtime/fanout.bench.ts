// One publish fanned out to 1,000 subscribers on 127.0.0.1: Outpost's real-time endpoint (argument
// filter, shaping through each subscription's selection set, AppSync framing) against the `ws`
// library broadcasting the same frame to the same number of sockets. Clients live in this process
// and only timestamp each frame, on both sides alike.
// Targets: p99 latency ≤ 2 × the raw broadcast's p99 + 20 ms; ≤ 50 KB per idle connection.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getHeapSnapshot } from 'node:v8';
import { WebSocket, WebSocketServer } from 'ws';
import { loadSchema } from '../../schema/validate';
import { authorizeField } from '../../local/appsync/auth';
import { RealtimeEndpoint } from '../../local/realtime';
import { fakeAuthenticate, userToken } from '../../local/realtime/testing/fake-auth';
import { encodeHeader } from '../../local/realtime/testing/test-client';

const SUBSCRIBERS = 1000;
const ROUNDS = 30;
const NOTE = { id: 'n1', spaceId: 's1', authorId: 'u1', title: 'Field notes', body: 'Saw a heron by the river at dawn.', tags: ['birds', 'river'], _version: 3 };
const QUERY = 'subscription On($spaceId: ID!) { onNoteChanged(spaceId: $spaceId) { id spaceId title body tags _version } }';

/** A subscriber could not be set up. */
class BenchSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BenchSetupError';
  }
}

interface Side {
  /** Sends one message to every client; resolves when all of them received it, with latencies in ms. */
  round(): Promise<number[]>;
  stop(): Promise<void>;
}

interface Clients {
  readonly sockets: WebSocket[];
  /** Resolves with each client's receive time of the next frame. */
  nextFrames(): Promise<number[]>;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

/** Opens clients; `ready` runs each one's handshake until it only waits for broadcasts. */
async function openClients(count: number, url: string, protocols: string[], ready: (socket: WebSocket) => Promise<void>): Promise<Clients> {
  const sockets: WebSocket[] = [];
  const arrivals: ((at: number) => void)[] = [];
  for (let index = 0; index < count; index += 100) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(100, count - index) }, async () => {
        const socket = new WebSocket(url, protocols);
        await new Promise<void>((resolve, reject) => socket.once('open', () => resolve()).once('error', reject));
        await ready(socket);
        return socket;
      }),
    );
    sockets.push(...batch);
  }
  sockets.forEach((socket, index) => socket.on('message', () => arrivals[index]?.(performance.now())));
  return {
    sockets,
    nextFrames: () =>
      Promise.all(
        sockets.map(
          (_socket, index) =>
            new Promise<number>((resolve) => {
              arrivals[index] = (at) => {
                delete arrivals[index];
                resolve(at);
              };
            }),
        ),
      ),
  };
}

/** Reads a client's handshake frames in order; several can arrive in one tick. */
function frameReader(socket: WebSocket): { next(): Promise<Record<string, unknown>>; release(): void } {
  const queued: Record<string, unknown>[] = [];
  const waiting: ((frame: Record<string, unknown>) => void)[] = [];
  const onMessage = (data: unknown): void => {
    const frame = JSON.parse(String(data)) as Record<string, unknown>;
    const waiter = waiting.shift();
    if (waiter) waiter(frame);
    else queued.push(frame);
  };
  socket.on('message', onMessage);
  return {
    next: () => {
      const frame = queued.shift();
      return frame ? Promise.resolve(frame) : new Promise((resolve) => waiting.push(resolve));
    },
    release: () => socket.off('message', onMessage),
  };
}

async function closeAll(sockets: readonly WebSocket[]): Promise<void> {
  await Promise.all(sockets.map((socket) => new Promise((resolve) => socket.once('close', resolve).close())));
}

async function outpostSide(count: number): Promise<Side> {
  const schema = loadSchema();
  const endpoint = new RealtimeEndpoint({ schema, authenticate: fakeAuthenticate(), authorizeField: (type, field, auth) => authorizeField(schema, type, field, auth) });
  const server = createServer();
  endpoint.attach(server);
  const port = await listen(server);
  const authorization = { host: `127.0.0.1:${port}`, Authorization: userToken('alice') };
  const start = JSON.stringify({
    id: 'notes',
    type: 'start',
    payload: { data: JSON.stringify({ query: QUERY, variables: { spaceId: 's1' } }), extensions: { authorization } },
  });
  const clients = await openClients(count, `ws://127.0.0.1:${port}/graphql/realtime?header=${encodeURIComponent(encodeHeader(authorization))}&payload=e30=`, ['graphql-ws'], async (socket) => {
    const frames = frameReader(socket);
    socket.send('{"type":"connection_init"}');
    await frames.next(); // connection_ack
    await frames.next(); // ka
    socket.send(start);
    const ack = await frames.next();
    frames.release();
    if (ack.type !== 'start_ack') throw new BenchSetupError(`subscription refused: ${JSON.stringify(ack)}`);
  });
  return {
    async round() {
      const arrivals = clients.nextFrames();
      const sent = performance.now();
      endpoint.publish({ mutationField: 'updateNote', payload: NOTE });
      return (await arrivals).map((at) => at - sent);
    },
    async stop() {
      await closeAll(clients.sockets);
      await endpoint.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function rawSide(count: number): Promise<Side> {
  const server = createServer();
  const wss = new WebSocketServer({ server });
  const port = await listen(server);
  const clients = await openClients(count, `ws://127.0.0.1:${port}/`, [], async () => undefined);
  const frame = JSON.stringify({ id: 'notes', type: 'data', payload: { data: { onNoteChanged: NOTE } } });
  return {
    async round() {
      const arrivals = clients.nextFrames();
      const sent = performance.now();
      for (const client of wss.clients) client.send(frame);
      return (await arrivals).map((at) => at - sent);
    },
    async stop() {
      await closeAll(clients.sockets);
      await new Promise((resolve) => wss.close(resolve));
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

interface Figures {
  p50: number;
  p99: number;
  /** Messages delivered per second: subscribers over the time the last one took, median round. */
  messagesPerSecond: number;
}

function figures(rounds: number[][]): Figures {
  const all = rounds.flat().sort((a, b) => a - b);
  const at = (q: number) => all[Math.min(all.length - 1, Math.floor(q * all.length))];
  const perRound = rounds.map((latencies) => latencies.length / (Math.max(...latencies) / 1000)).sort((a, b) => a - b);
  return { p50: at(0.5), p99: at(0.99), messagesPerSecond: perRound[Math.floor(perRound.length / 2)] };
}

/** Heap and off-heap bytes after a full collection (V8 collects before a heap snapshot; the snapshot is discarded). */
async function memoryInUse(): Promise<number> {
  for await (const chunk of getHeapSnapshot()) void chunk;
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
}

/** Bytes per idle connection, server and client ends together, for `open` connections. */
async function bytesPerConnection(open: (count: number) => Promise<Side>): Promise<number> {
  const before = await memoryInUse();
  const side = await open(SUBSCRIBERS);
  const after = await memoryInUse();
  await side.stop();
  return (after - before) / SUBSCRIBERS;
}

export async function run(): Promise<void> {
  const outpost = await outpostSide(SUBSCRIBERS);
  const raw = await rawSide(SUBSCRIBERS);
  const outpostRounds: number[][] = [];
  const rawRounds: number[][] = [];
  for (let round = 0; round < 3; round += 1) {
    await outpost.round();
    await raw.round();
  }
  for (let round = 0; round < ROUNDS; round += 1) {
    outpostRounds.push(await outpost.round());
    rawRounds.push(await raw.round());
  }
  await outpost.stop();
  await raw.stop();

  // Measured last: the heap snapshots that force collections slow everything after them.
  const outpostBytes = await bytesPerConnection(outpostSide);
  const rawBytes = await bytesPerConnection(rawSide);

  const o = figures(outpostRounds);
  const r = figures(rawRounds);
  const ms = (value: number) => `${value.toFixed(2).padStart(13)} ms`;
  const kb = (value: number) => `${(value / 1024).toFixed(1).padStart(13)} KB`;
  const rate = (value: number) => `${Math.round(value).toLocaleString('en-US').padStart(10)} msg/s`;
  const line = (label: string, outpostValue: string, rawValue: string, ratio: number, note = '') =>
    console.log(`  ${label.padEnd(16)}${outpostValue}${rawValue}   ${ratio.toFixed(2)}×${note}`);
  const p99Target = 2 * r.p99 + 20;
  console.log(`Fan-out of one publish to ${SUBSCRIBERS} subscribers over 127.0.0.1, ${ROUNDS} rounds`);
  console.log(`  ${''.padEnd(16)}${'Outpost'.padStart(16)}${'raw ws'.padStart(16)}   ratio`);
  line('latency p50', ms(o.p50), ms(r.p50), o.p50 / r.p50);
  line('latency p99', ms(o.p99), ms(r.p99), o.p99 / r.p99);
  line('delivery rate', rate(o.messagesPerSecond), rate(r.messagesPerSecond), o.messagesPerSecond / r.messagesPerSecond);
  line('idle connection', kb(outpostBytes), kb(rawBytes), outpostBytes / rawBytes, '  (server and client ends together)');
  console.log(`  target p99 ≤ 2 × raw + 20 ms = ${p99Target.toFixed(2)} ms: ${o.p99 <= p99Target ? 'met' : 'MISSED'}`);
  console.log(`  target ≤ 50 KB per idle connection: ${outpostBytes <= 50 * 1024 ? 'met' : 'MISSED'}`);
}
