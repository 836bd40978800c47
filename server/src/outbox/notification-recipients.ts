/**
 * @module notificationRecipients — who a notification goes to, with their contact details: the citizen's as the
 * dossier recorded them, an official's as copied into the entry or else looked up by user id at delivery time
 * (so a changed e-mail address is used, and the outbox need not copy contact details).
 */
import type { TypedOutboxEntry } from './outbox-payloads';

export interface Contact {
  name?: string;
  email?: string;
  phone?: string;
}

/** Contact details of a user (the user store in the server); undefined for an unknown or disabled user. */
export type ContactLookup = (userId: string) => Promise<Contact | undefined>;

/** The recipients of a notification entry (none for other kinds), each with whatever contact details are known. */
export async function notificationRecipients(entry: TypedOutboxEntry, lookup?: ContactLookup): Promise<Contact[]> {
  if (entry.kind === 'notification.citizen') return [entry.payload.citizen];
  if (entry.kind !== 'notification.official') return [];
  const recipients: Contact[] = [];
  for (const recipient of entry.payload.recipients) {
    const copied = { name: recipient.displayName, email: recipient.email, phone: recipient.phone };
    const known = copied.email || copied.phone ? copied : await lookup?.(recipient.userId);
    if (known) recipients.push(known);
  }
  return recipients;
}
