/**
 * Local stand-ins for the two providers of citizen messages, on 127.0.0.1: a Zalo ZNS API that checks the OA token
 * and answers as Zalo does (`{ error, message, data: { msg_id } }`, a non-zero `error` per phone number as the test
 * sets it), and a brand-name SMS gateway that answers `{ code, message, messageId }`. Both record every request.
 * `channelsFor` is the shipped example configuration pointed at them.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseCitizenChannelsConfig, type CitizenChannelsConfig } from '../../../server/src/outbox/citizen-channels-config';

export interface StandInRequest {
  headers: IncomingHttpHeaders;
  body: Record<string, any>;
}

export interface StandIn {
  url: URL;
  received: StandInRequest[];
  close(): Promise<void>;
}

async function serve(path: string, reply: (request: StandInRequest) => unknown): Promise<StandIn> {
  const received: StandInRequest[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const recorded = { headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, any> };
      received.push(recorded);
      const answer = request.url === path && request.method === 'POST' ? reply(recorded) : { error: -106, message: 'Method unsupported' };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: new URL(`http://127.0.0.1:${port}${path}`), received, close: () => new Promise<void>((done) => server.close(() => done())) };
}

export const ZNS_TOKEN = 'oa-access-token-0123456789';

/** Zalo: -124 for another token, the error the test set for a phone, else success with a new msg_id. */
export async function startZnsStandIn(errorsByPhone: Map<string, { error: number; message: string }> = new Map()): Promise<StandIn> {
  let sent = 0;
  return serve('/message/template', (request) => {
    if (request.headers.access_token !== ZNS_TOKEN) return { error: -124, message: 'Access token invalid' };
    const refusal = errorsByPhone.get(String(request.body.phone));
    if (refusal) return refusal;
    sent += 1;
    return { error: 0, message: 'Success', data: { msg_id: `zns-msg-${sent}`, sent_time: '1741000000000', quota: { dailyQuota: '500', remainingQuota: '499' } } };
  });
}

export const SMS_API_KEY = 'sms-gateway-key-0123456789';

/** The gateway: code 0 with a message id, or the code the test set for a phone. */
export async function startSmsStandIn(codesByPhone: Map<string, { code: string; message: string }> = new Map()): Promise<StandIn> {
  let sent = 0;
  return serve('/brandname/send', (request) => {
    if (request.headers.authorization !== `Bearer ${SMS_API_KEY}`) return { code: '101', message: 'Sai khoa API' };
    const refusal = codesByPhone.get(String(request.body.phone));
    if (refusal) return refusal;
    sent += 1;
    return { code: 0, message: 'OK', messageId: `sms-msg-${sent}` };
  });
}

/** The example file shipped in server/, pointed at the stand-ins. */
export function channelsFor(zns: StandIn | undefined, sms: StandIn | undefined, changes: { fallbackToSms?: boolean; maxLength?: number } = {}): CitizenChannelsConfig {
  const example = JSON.parse(readFileSync(new URL('../../../server/citizen-channels.example.json', import.meta.url), 'utf8'));
  return parseCitizenChannelsConfig({
    ...example,
    zns: zns && { ...example.zns, url: zns.url.href, accessTokenFile: undefined, accessToken: ZNS_TOKEN, oaSecretKey: 'oa-secret-key-0123456789', ...(changes.fallbackToSms === undefined ? {} : { fallbackToSms: changes.fallbackToSms }) },
    sms: sms && { ...example.sms, url: sms.url.href, apiKey: SMS_API_KEY, receiptSecret: 'sms-receipt-secret-0123456789', ...(changes.maxLength ? { maxLength: changes.maxLength } : {}) },
  });
}

