/** @module MemoryCitizenMessageStore — citizen messages and channel choices in Maps, for tests and the in-memory app. */
import type { MessageChannel } from '../../outbox/citizen-channels-config';
import { acceptsReceipt, MAX_CHOICES_PER_DOSSIER, type ChannelChoice, type CitizenMessageRecord, type CitizenMessageStore, type MessageReceipt, type ReceiptOutcome } from '../../outbox/citizen-message-store';
import { firstFound, type NationalRead, type NationalReads } from './province-partitioned';

const LISTED = 500;
const byTime = (a: CitizenMessageRecord, b: CitizenMessageRecord): number => a.at - b.at || a.id.localeCompare(b.id);

export class MemoryCitizenMessageStore implements CitizenMessageStore {
  /** How each read is answered in a national scope; every other method writes (province-partitioned.ts). */
  static readonly nationalReads: NationalReads<MemoryCitizenMessageStore> = {
    get: firstFound,
    listByDossier: { combine: (answers) => (answers as CitizenMessageRecord[][]).flat().sort(byTime).slice(0, LISTED) } satisfies NationalRead,
    optedOut: { combine: (answers) => [...new Set((answers as MessageChannel[][]).flat())].sort() } satisfies NationalRead,
    choices: { combine: (answers) => (answers as ChannelChoice[][]).flat() } satisfies NationalRead,
  };

  private readonly messages = new Map<string, CitizenMessageRecord>();
  private readonly choicesByDossier = new Map<string, ChannelChoice[]>();

  async save(record: CitizenMessageRecord): Promise<void> {
    this.messages.set(record.id, structuredClone(record));
  }

  async get(id: string): Promise<CitizenMessageRecord | undefined> {
    const found = this.messages.get(id);
    return found && structuredClone(found);
  }

  async recordReceipt(id: string, receipt: MessageReceipt): Promise<ReceiptOutcome> {
    const found = this.messages.get(id);
    if (!found) return 'unknown';
    if (!acceptsReceipt(found)) return 'repeated';
    found.status = receipt.status;
    found.receiptAt = receipt.at;
    if (receipt.status === 'delivered') found.deliveredAt = receipt.at;
    if (receipt.error !== undefined) found.error = receipt.error;
    return 'recorded';
  }

  async listByDossier(dossierId: string): Promise<CitizenMessageRecord[]> {
    return [...this.messages.values()]
      .filter((record) => record.dossierId === dossierId)
      .sort(byTime)
      .slice(0, LISTED)
      .map((record) => structuredClone(record));
  }

  async optedOut(dossierId: string): Promise<MessageChannel[]> {
    const last = new Map<MessageChannel, boolean>();
    for (const choice of this.choicesByDossier.get(dossierId) ?? []) last.set(choice.channel, choice.optedOut);
    return [...last].filter(([, optedOut]) => optedOut).map(([channel]) => channel).sort();
  }

  async choose(dossierId: string, choice: ChannelChoice): Promise<void> {
    const choices = [...(this.choicesByDossier.get(dossierId) ?? []), { ...choice }];
    this.choicesByDossier.set(dossierId, choices.slice(-MAX_CHOICES_PER_DOSSIER));
  }

  async choices(dossierId: string): Promise<ChannelChoice[]> {
    return structuredClone(this.choicesByDossier.get(dossierId) ?? []);
  }
}
