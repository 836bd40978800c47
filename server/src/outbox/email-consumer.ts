/**
 * @module createEmailConsumer — sends notification entries as Vietnamese e-mail through SMTP (nodemailer), one
 * message per recipient so that nobody sees another recipient's address. The Message-ID is derived from the entry,
 * so a repeated delivery (at least once) can be recognised by mail systems that deduplicate.
 */
import { createTransport } from 'nodemailer';
import { DeliveryError } from './delivery-error';
import { notificationEntryMessage } from './notification-entry-message';
import { notificationRecipients, type OfficialDirectory } from './notification-recipients';
import type { OutboxConsumer } from './outbox-consumer';
import { toTypedOutboxEntry } from './outbox-payloads';

/** What the consumer needs of a mail transport (nodemailer's `Transporter` has it). */
export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string; messageId: string }): Promise<unknown>;
}

export interface EmailConsumerOptions {
  transport: MailTransport;
  /** The sender, e.g. `"Liên thông" <no-reply@example.gov.vn>`. */
  from: string;
  officials?: OfficialDirectory;
}

/** A nodemailer SMTP transport from an `smtp://` or `smtps://` URL (user and password in the URL, as nodemailer reads them). */
export function createSmtpTransport(smtpUrl: URL): MailTransport {
  if (smtpUrl.protocol !== 'smtp:' && smtpUrl.protocol !== 'smtps:') throw new Error(`SMTP_URL must be an smtp or smtps URL, not ${smtpUrl.protocol}`);
  return createTransport(smtpUrl.href);
}

export function createEmailConsumer(options: EmailConsumerOptions): OutboxConsumer {
  return {
    name: 'email',
    accepts: (entry) => entry.kind === 'notification.official' || entry.kind === 'notification.citizen',
    async deliver(claimed) {
      const entry = toTypedOutboxEntry(claimed);
      const message = notificationEntryMessage(entry);
      if (!message) return;
      const recipients = (await notificationRecipients(entry, options.officials)).filter((contact) => contact.email);
      for (const [index, recipient] of recipients.entries()) {
        try {
          await options.transport.sendMail({
            from: options.from,
            to: recipient.email!,
            subject: message.subject,
            text: message.text,
            messageId: `<${encodeURIComponent(entry.id)}.${index}@lien-thong>`,
          });
        } catch (error) {
          // SMTP 5xx replies are permanent (RFC 5321 §4.2.1): the address will not start working on a retry.
          const code = (error as { responseCode?: number }).responseCode;
          throw new DeliveryError(`SMTP refused the message (${code ?? (error as Error).message})`, {
            permanent: code !== undefined && code >= 500,
            cause: error,
          });
        }
      }
    },
  };
}
