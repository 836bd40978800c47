/**
 * @module notificationRecipients — who a notification goes to, with their contact details: the applicant as the
 * dossier recorded them; officials found at delivery time by user id or by unit (assignee, department, agency,
 * escalation target) in the official directory, so the outbox never copies officials' contact details.
 */
import type { OfficialNotificationPayload, TypedOutboxEntry } from './outbox-payloads';

export interface Contact {
  name?: string;
  email?: string;
  phone?: string;
}

/** Finds the officials a notification is for (see `createUserDirectory`). */
export interface OfficialDirectory {
  contactsOf(to: Pick<OfficialNotificationPayload, 'recipients' | 'assigneeId' | 'agencyId' | 'departmentId' | 'target'>): Promise<Contact[]>;
}

/** The recipients of a notification entry (none for other kinds). */
export async function notificationRecipients(entry: TypedOutboxEntry, directory?: OfficialDirectory): Promise<Contact[]> {
  if (entry.kind === 'notification.citizen') return [entry.payload.applicant];
  if (entry.kind === 'notification.official') return (await directory?.contactsOf(entry.payload)) ?? [];
  return [];
}
