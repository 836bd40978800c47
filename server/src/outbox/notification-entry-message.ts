/** @module notificationEntryMessage — the Vietnamese message of a notification entry, or undefined for other kinds. */
import { toCitizenMessage, toOfficialMessage, type NotificationMessage } from './notification-message';
import type { TypedOutboxEntry } from './outbox-payloads';

export function notificationEntryMessage(entry: TypedOutboxEntry): NotificationMessage | undefined {
  if (entry.kind === 'notification.official') return toOfficialMessage(entry.payload);
  if (entry.kind === 'notification.citizen') return toCitizenMessage(entry.payload);
  return undefined;
}
