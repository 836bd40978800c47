/**
 * A stand-in for the National Public Service Portal's sync endpoint on 127.0.0.1 (port 0): records every message and
 * answers as the portal would, HTTP 200 with `{ error_code, message }` (the mapping's syncReply rows); the test says
 * which messages it refuses.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PortalMessage {
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export interface StandInPortal {
  url: URL;
  received: PortalMessage[];
  /** The reply to a message: 0 and "Thành công" unless the test says otherwise. */
  reply: (message: PortalMessage) => { status?: number; body: string };
  close(): Promise<void>;
}

export const ACCEPTED = JSON.stringify({ error_code: 0, message: 'Thành công' });

export async function startStandInPortal(token: string): Promise<StandInPortal> {
  const portal: Omit<StandInPortal, 'url' | 'close'> = { received: [], reply: () => ({ body: ACCEPTED }) };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      // The portal refuses a caller without its token, as an error reply.
      if (request.headers.authorization !== `Bearer ${token}`) {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ error_code: 401, message: 'Sai mã xác thực' }));
        return;
      }
      const message = { headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> };
      portal.received.push(message);
      const { status, body } = portal.reply(message);
      response.writeHead(status ?? 200, { 'content-type': 'application/json; charset=utf-8' }).end(body);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return Object.assign(portal, {
    url: new URL(`http://127.0.0.1:${port}/dvcqg/dong-bo-ho-so`),
    close: () => new Promise<void>((done) => server.close(() => done())),
  });
}
