/** @module MongoSigningCertificateStore — officials' sealed signing certificates in MongoDB through mongoose. */
import type { SigningCertificateRecord, SigningCertificateStore } from '../../signatures/signing-certificate-store';
import type { SigningCertificateDocument, SigningCertificateModel } from './signing-certificate-model';

export class MongoSigningCertificateStore implements SigningCertificateStore {
  constructor(private readonly model: SigningCertificateModel) {}

  async get(userId: string): Promise<SigningCertificateRecord | undefined> {
    const found = await this.model.findById(userId).lean<SigningCertificateDocument>().exec();
    if (!found) return undefined;
    const { _id, ...rest } = found;
    return { userId: _id, ...rest };
  }

  async put(record: SigningCertificateRecord): Promise<void> {
    const { userId, ...rest } = record;
    await this.model.replaceOne({ _id: userId }, { _id: userId, ...rest }, { upsert: true }).exec();
  }

  async remove(userId: string): Promise<void> {
    await this.model.deleteOne({ _id: userId }).exec();
  }
}
