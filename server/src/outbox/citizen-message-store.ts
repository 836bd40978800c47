/**
 * @module citizen-message-store — what became of each message to a citizen (issue 20 item 6) and which channels the
 * citizen turned off. One record per notification entry and channel (`<entryId>:<channel>`, also the `tracking_id`
 * ZNS echoes in its receipts and the `requestId` the SMS gateway echoes): `sent` when the provider accepted it,
 * `failed` when it refused it, `optedOut` when the citizen had turned the channel off, then `delivered` or
 * `undelivered` when the provider's delivery receipt arrives. The phone number is kept masked (Decree 13/2023/NĐ-CP:
 * no more personal data than the purpose needs).
 */
import type { MessageChannel } from './citizen-channels-config';

export type CitizenMessageStatus = 'sent' | 'failed' | 'optedOut' | 'delivered' | 'undelivered';

export interface CitizenMessageRecord {
  /** `<entryId>:<channel>`. */
  id: string;
  entryId: string;
  dossierId: string;
  channel: MessageChannel;
  /** The notification's template name, e.g. `citizen.dossier.received`. */
  template: string;
  /** Masked, e.g. `84******678`; absent when the dossier has no usable mobile number. */
  phone?: string;
  status: CitizenMessageStatus;
  /** The provider's id (ZNS `msg_id`, the gateway's `messageId`). */
  providerMessageId?: string;
  /** The provider's refusal or the receipt's reason, as it said it. */
  error?: string;
  /** Sent through SMS because ZNS could not reach the citizen or they turned Zalo off. */
  fallbackFrom?: MessageChannel;
  at: number;
  deliveredAt?: number;
  receiptAt?: number;
}

/** A delivery receipt for a message, as a provider reported it. */
export interface MessageReceipt {
  status: 'delivered' | 'undelivered';
  at: number;
  error?: string;
}

/** Whether a receipt changed anything: `repeated` when the message already had its receipt, `unknown` for no such message. */
export type ReceiptOutcome = 'recorded' | 'repeated' | 'unknown';

/** One change of a citizen's channel choice, kept with the dossier. */
export interface ChannelChoice {
  channel: MessageChannel;
  optedOut: boolean;
  at: number;
}

export interface CitizenMessageStore {
  /** Stores the record in place of the one with its id. */
  save(record: CitizenMessageRecord): Promise<void>;
  get(id: string): Promise<CitizenMessageRecord | undefined>;
  /** Applies a receipt to the message with `id`, once: a second receipt for the same message changes nothing. */
  recordReceipt(id: string, receipt: MessageReceipt): Promise<ReceiptOutcome>;
  /** The dossier's messages, oldest first (at most 500). */
  listByDossier(dossierId: string): Promise<CitizenMessageRecord[]>;
  /** The channels the citizen has turned off for this dossier. */
  optedOut(dossierId: string): Promise<MessageChannel[]>;
  /** Turns a channel off or on again for this dossier; every change is kept (the last 100 per dossier). */
  choose(dossierId: string, choice: ChannelChoice): Promise<void>;
  /** The dossier's choices, oldest first. */
  choices(dossierId: string): Promise<ChannelChoice[]>;
}

/** How many choices a dossier keeps: the toggle is the citizen's, so its history is bounded. */
export const MAX_CHOICES_PER_DOSSIER = 100;

/** Whether a receipt may apply: only to a message the provider accepted and that has no receipt yet. */
export function acceptsReceipt(record: CitizenMessageRecord): boolean {
  return record.status === 'sent';
}
