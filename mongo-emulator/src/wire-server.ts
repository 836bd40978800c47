/** @module startWireServer: the TCP listener, message framing and per-connection ordering of replies. */
import net from 'node:net';
import type { Document } from 'bson';
import type { CommandDispatcher } from './command-dispatcher';
import type { StructuredLog } from './structured-log';
import { decodeMessage, encodeOpMsg, encodeOpReply, EXHAUST_ALLOWED, MORE_TO_COME, OP_QUERY, type IncomingMessage } from './wire-message';

export interface WireServerOptions {
  host: string;
  port: number;
  dispatcher: CommandDispatcher;
  log: StructuredLog;
}

/** mongod refuses messages above maxMessageSizeBytes (48 MB), which it advertises in hello. */
const MAX_MESSAGE_BYTES = 48_000_000;

let nextRequestId = 1;
let nextConnectionId = 1;

/** Listens on exactly the given address; resolves once listening, rejects on e.g. EADDRINUSE. */
export function startWireServer(options: WireServerOptions): Promise<net.Server> {
  const server = net.createServer((socket) => serveConnection(socket, options));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

function serveConnection(socket: net.Socket, options: WireServerOptions): void {
  const connectionId = nextConnectionId++;
  const remote = `${socket.remoteAddress}:${socket.remotePort}`;
  options.log.log({ component: 'NETWORK', id: 22943, ctx: 'listener', msg: 'Connection accepted', attr: { remote, connectionId } });
  socket.setNoDelay(true);
  // Incoming bytes are kept as a list of chunks and joined once a whole message is there: joining on
  // every chunk would copy a 48 MB insert hundreds of times.
  const chunks: Buffer[] = [];
  let buffered = 0;
  // Replies go out in request order: each message waits for the previous one to be answered.
  let queue: Promise<void> = Promise.resolve();
  const isClosed = (): boolean => socket.destroyed;
  const take = (length: number): Buffer => {
    const joined = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, buffered);
    chunks.length = 0;
    if (joined.length > length) chunks.push(joined.subarray(length));
    buffered -= length;
    return joined.subarray(0, length);
  };

  socket.on('data', (chunk) => {
    chunks.push(chunk);
    buffered += chunk.length;
    while (buffered >= 4) {
      const first = chunks[0]!.length >= 4 ? chunks[0]! : Buffer.concat(chunks, buffered);
      const length = first.readInt32LE(0);
      if (length < 16 || length > MAX_MESSAGE_BYTES) {
        socket.destroy();
        return;
      }
      if (buffered < length) break;
      const raw = take(length);
      queue = queue.then(() => handleMessage(raw, socket, connectionId, options.dispatcher, isClosed)).catch((error: unknown) => {
        options.log.log({ severity: 'E', component: 'NETWORK', id: 22989, ctx: `conn${connectionId}`, msg: 'Error handling message', attr: { error: String(error) } });
        socket.destroy();
      });
    }
  });
  socket.on('error', () => socket.destroy());
  socket.on('close', () => {
    options.log.log({ component: 'NETWORK', id: 22944, ctx: `conn${connectionId}`, msg: 'Connection ended', attr: { remote, connectionId } });
  });
}

async function handleMessage(raw: Buffer, socket: net.Socket, connectionId: number, dispatcher: CommandDispatcher, isClosed: () => boolean): Promise<void> {
  const message = decodeMessage(raw);
  if (message.opCode === OP_QUERY) {
    const body = { ...message.body, $db: message.queryDatabase ?? 'admin' };
    const reply = await dispatcher.dispatch({ body, connectionId, isConnectionClosed: isClosed });
    if (!socket.destroyed) socket.write(encodeOpReply(reply, nextRequestId++, message.requestId));
    return;
  }
  const reply = await dispatcher.dispatch({ body: message.body, connectionId, isConnectionClosed: isClosed });
  if (message.flags & MORE_TO_COME) return; // unacknowledged write: the client expects no reply
  if (isStreamingHello(message)) {
    await streamHello(message, reply, socket, connectionId, dispatcher, isClosed);
    return;
  }
  if (!socket.destroyed) socket.write(encodeOpMsg(reply, nextRequestId++, message.requestId));
}

/** An awaitable hello sent with exhaustAllowed (Server Monitoring spec: the streaming protocol). */
function isStreamingHello(message: IncomingMessage): boolean {
  const name = Object.keys(message.body)[0];
  return (message.flags & EXHAUST_ALLOWED) !== 0 && (name === 'hello' || name === 'isMaster' || name === 'ismaster') && message.body.topologyVersion !== undefined;
}

/** Replies with moreToCome set, then keeps sending the next hello reply whenever the topology changes or maxAwaitTimeMS passes. */
async function streamHello(message: IncomingMessage, first: Document, socket: net.Socket, connectionId: number, dispatcher: CommandDispatcher, isClosed: () => boolean): Promise<void> {
  let reply = first;
  let responseTo = message.requestId;
  while (!socket.destroyed) {
    const requestId = nextRequestId++;
    const ok = reply.ok === 1;
    socket.write(encodeOpMsg(reply, requestId, responseTo, ok ? MORE_TO_COME : 0));
    if (!ok) return;
    responseTo = requestId;
    const body = { ...message.body, topologyVersion: reply.topologyVersion as Document };
    reply = await dispatcher.dispatch({ body, connectionId, isConnectionClosed: isClosed });
  }
}
