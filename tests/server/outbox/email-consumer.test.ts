/** The e-mail consumer through a local SMTP sink (smtp-server on 127.0.0.1): the Vietnamese message arrives, one per recipient. */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmailConsumer, createSmtpTransport } from '../../../server/src/outbox/email-consumer';
import { createOutboxDeliverer } from '../../../server/src/outbox/outbox-deliverer';
import { createOutboxEntry } from '../../../server/src/outbox/outbox-payloads';
import { MemoryOutboxStore } from '../../../server/src/persistence/memory/memory-outbox-store';
import { createSimulatedClock } from '../../support/test-app';
import { RECEIVED_AT } from './outbox-fixtures';

interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

let sink: SMTPServer;
let mails: ReceivedMail[];
let smtpUrl: URL;
/** What the sink answers to RCPT TO: 250, or a permanent 550. */
let refuseRecipients = false;

beforeEach(async () => {
  mails = [];
  refuseRecipients = false;
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuseRecipients) return callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({ from: String(session.envelope.mailFrom && session.envelope.mailFrom.address), to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((done) => sink.listen(0, '127.0.0.1', () => done()));
  smtpUrl = new URL(`smtp://127.0.0.1:${(sink.server.address() as AddressInfo).port}`);
});

afterEach(async () => {
  await new Promise<void>((done) => sink.close(() => done()));
});

/** The decoded text of a MIME message body (nodemailer sends UTF-8 text as quoted-printable or base64). */
function decodedText(raw: string): string {
  const [headers, ...rest] = raw.split('\r\n\r\n');
  const body = rest.join('\r\n\r\n');
  if (/content-transfer-encoding: base64/i.test(headers!)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  const qp = body.replace(/=\r\n/g, '');
  return Buffer.from(qp.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
}

/** RFC 2047 encoded-word subjects, decoded. */
function decodedSubject(raw: string): string {
  const header = /^Subject: (.*(?:\r\n[ \t].*)*)/im.exec(raw)![1]!.replace(/\r\n[ \t]/g, ' ');
  return header.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, encoding: string, text: string) =>
    encoding.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
  );
}

const resultReady = createOutboxEntry({
  dossierId: 'd1',
  seq: 9,
  kind: 'notification.citizen',
  payload: { event: 'result.ready', dossierCode: 'ttpvhcc-250303-0011', applicant: { name: 'Nguyễn Văn An', email: 'an@example.vn' }, agencyName: 'Trung tâm Phục vụ hành chính công' },
  createdAt: RECEIVED_AT,
});

describe('e-mail consumer', () => {
  it('delivers the citizen\'s "result ready" notice through SMTP with a Vietnamese subject and body', async () => {
    // given
    const outbox = new MemoryOutboxStore(['email']);
    await outbox.enqueue([resultReady]);
    const email = createEmailConsumer({ transport: createSmtpTransport(smtpUrl), from: '"Liên thông" <no-reply@lienthong.test>' });
    const deliverer = createOutboxDeliverer({ outbox, consumers: [email], clock: createSimulatedClock(RECEIVED_AT), owner: 'a' });
    // when
    const delivered = await deliverer.deliverOnce();
    // then
    expect(delivered).toBe(1);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual(['an@example.vn']);
    expect(mails[0]!.from).toBe('no-reply@lienthong.test');
    expect(decodedSubject(mails[0]!.raw)).toBe('Hồ sơ ttpvhcc-250303-0011 đã có kết quả');
    const text = decodedText(mails[0]!.raw);
    expect(text).toContain('Kính gửi Ông/Bà Nguyễn Văn An,');
    expect(text).toContain('Mời Ông/Bà đến nhận kết quả tại Trung tâm Phục vụ hành chính công');
    expect(mails[0]!.raw).toMatch(/^Message-ID: <d1%3A9\.0@lien-thong>/im);
  });

  it('marks the delivery dead at once when the SMTP server refuses the recipient for good (5xx)', async () => {
    // given
    refuseRecipients = true;
    const outbox = new MemoryOutboxStore(['email']);
    await outbox.enqueue([resultReady]);
    const email = createEmailConsumer({ transport: createSmtpTransport(smtpUrl), from: 'no-reply@lienthong.test' });
    const deliverer = createOutboxDeliverer({ outbox, consumers: [email], clock: createSimulatedClock(RECEIVED_AT), owner: 'a' });
    // when
    await deliverer.deliverOnce();
    // then
    expect(mails).toEqual([]);
    expect((await outbox.deliveries(resultReady.id))[0]).toMatchObject({ status: 'dead', attempts: 1, lastError: expect.stringContaining('550') });
  });
});
