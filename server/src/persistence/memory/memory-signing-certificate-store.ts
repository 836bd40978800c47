/** @module MemorySigningCertificateStore — officials' sealed signing certificates in a Map, for tests and the in-memory app. */
import type { SigningCertificateRecord, SigningCertificateStore } from '../../signatures/signing-certificate-store';
import { firstFound, type NationalReads } from './province-partitioned';

export class MemorySigningCertificateStore implements SigningCertificateStore {
  /** How each read is answered in a national scope; every other method writes (province-partitioned.ts). */
  static readonly nationalReads: NationalReads<MemorySigningCertificateStore> = { get: firstFound };

  private readonly records = new Map<string, SigningCertificateRecord>();

  async get(userId: string): Promise<SigningCertificateRecord | undefined> {
    const found = this.records.get(userId);
    return found && structuredClone(found);
  }

  async put(record: SigningCertificateRecord): Promise<void> {
    this.records.set(record.userId, structuredClone(record));
  }

  async remove(userId: string): Promise<void> {
    this.records.delete(userId);
  }
}
