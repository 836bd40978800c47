/**
 * @module MongoCitizenMessageStore — CitizenMessageStore on `citizen_messages` and `citizen_channel_choices`, whose
 * documents are found by dossier id within the province and keyed `<provinceCode>:<dossierId>` (issue 18 item 2).
 */
import type { MessageChannel } from '../../outbox/citizen-channels-config';
import { MAX_CHOICES_PER_DOSSIER, type ChannelChoice, type CitizenMessageRecord, type CitizenMessageStore, type MessageReceipt, type ReceiptOutcome } from '../../outbox/citizen-message-store';
import type { CitizenMessageDocument, CitizenMessageModels, ChannelChoicesDocument } from './citizen-message-model';
import { writingProvince } from '../../tenancy/province-scope';

function toRecord({ _id, ...rest }: CitizenMessageDocument): CitizenMessageRecord {
  return { id: _id, ...rest };
}

export class MongoCitizenMessageStore implements CitizenMessageStore {
  constructor(private readonly models: CitizenMessageModels) {}

  async save({ id, ...record }: CitizenMessageRecord): Promise<void> {
    await this.models.messages.replaceOne({ _id: id }, { _id: id, ...record }, { upsert: true });
  }

  async get(id: string): Promise<CitizenMessageRecord | undefined> {
    const found = await this.models.messages.findById(id).lean<CitizenMessageDocument>();
    return found ? toRecord(found) : undefined;
  }

  async recordReceipt(id: string, receipt: MessageReceipt): Promise<ReceiptOutcome> {
    // One conditional update: two receipts racing for the same message, only one finds it still `sent`.
    const set = { status: receipt.status, receiptAt: receipt.at, ...(receipt.status === 'delivered' ? { deliveredAt: receipt.at } : {}), ...(receipt.error !== undefined ? { error: receipt.error } : {}) };
    const updated = await this.models.messages.updateOne({ _id: id, status: 'sent' }, { $set: set });
    if (updated.modifiedCount === 1) return 'recorded';
    return (await this.models.messages.exists({ _id: id })) ? 'repeated' : 'unknown';
  }

  async listByDossier(dossierId: string): Promise<CitizenMessageRecord[]> {
    const found = await this.models.messages.find({ dossierId }).sort({ at: 1, _id: 1 }).limit(500).lean<CitizenMessageDocument[]>();
    return found.map(toRecord);
  }

  async optedOut(dossierId: string): Promise<MessageChannel[]> {
    const last = new Map<MessageChannel, boolean>();
    for (const choice of await this.choices(dossierId)) last.set(choice.channel, choice.optedOut);
    return [...last].filter(([, optedOut]) => optedOut).map(([channel]) => channel).sort();
  }

  async choose(dossierId: string, choice: ChannelChoice): Promise<void> {
    const provinceCode = writingProvince('CitizenChannelChoices.updateOne');
    await this.models.choices.updateOne(
      { _id: `${provinceCode}:${dossierId}` },
      { $push: { choices: { $each: [choice], $slice: -MAX_CHOICES_PER_DOSSIER } }, $setOnInsert: { dossierId } },
      { upsert: true },
    );
  }

  async choices(dossierId: string): Promise<ChannelChoice[]> {
    const found = await this.models.choices.findOne({ dossierId }).lean<ChannelChoicesDocument>();
    return (found?.choices ?? []).map(({ channel, optedOut, at }) => ({ channel, optedOut, at }));
  }
}
