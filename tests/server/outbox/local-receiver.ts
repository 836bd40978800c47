/** A local HTTP receiver on 127.0.0.1 (port 0) that records every request and answers as the test says. */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface LocalReceiver {
  url: URL;
  received: ReceivedRequest[];
  /** How to answer the next requests: a status, or a status with headers and a body; 200 when unset. */
  answer: (request: ReceivedRequest) => number | { status: number; headers?: Record<string, string>; body?: string };
  close(): Promise<void>;
}

export async function startLocalReceiver(path = '/hook'): Promise<LocalReceiver> {
  const receiver: Omit<LocalReceiver, 'url' | 'close'> = { received: [], answer: () => 200 };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const recorded = { method: request.method ?? '', path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
      receiver.received.push(recorded);
      const answer = receiver.answer(recorded);
      const { status, headers, body } = typeof answer === 'number' ? { status: answer, headers: {}, body: undefined } : answer;
      response.writeHead(status, headers).end(body);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: new URL(`http://127.0.0.1:${port}${path}`),
    close: () => new Promise<void>((done) => server.close(() => done())),
  });
}
