/** The SigningCertificateStore contract (issue 20): one sealed signing certificate per official, replaced on upload. */
import { describe, expect, it } from 'vitest';
import type { SigningCertificateRecord, SigningCertificateStore } from '../../server/src/signatures/signing-certificate-store';

const record = (overrides: Partial<SigningCertificateRecord> = {}): SigningCertificateRecord => ({
  userId: 'u-official',
  subject: 'Trần Văn Tiếp Nhận',
  issuer: 'CA thử nghiệm cấp dưới',
  serialNumber: '01ab',
  validFrom: Date.UTC(2025, 0, 1),
  validTo: Date.UTC(2028, 0, 1),
  fingerprint256: 'AA:BB',
  sealed: { iv: 'aXY=', tag: 'dGFn', data: 'ZGF0YQ==' },
  uploadedAt: Date.UTC(2026, 2, 2),
  ...overrides,
});

export function describeSigningCertificateStoreContract(adapter: string, makeStore: () => Promise<SigningCertificateStore>): void {
  describe(`SigningCertificateStore contract (${adapter})`, () => {
    it('gives back an official’s certificate as it was put, and nothing for another official', async () => {
      const store = await makeStore();
      await store.put(record());
      expect(await store.get('u-official')).toEqual(record());
      expect(await store.get('u-other')).toBeUndefined();
    });

    it('replaces the official’s certificate when a new one is uploaded, and forgets it when removed', async () => {
      const store = await makeStore();
      await store.put(record());
      await store.put(record({ serialNumber: '02cd', sealed: { iv: 'bmV3', tag: 'bmV3', data: 'bmV3' } }));
      expect(await store.get('u-official')).toEqual(record({ serialNumber: '02cd', sealed: { iv: 'bmV3', tag: 'bmV3', data: 'bmV3' } }));
      await store.remove('u-official');
      expect(await store.get('u-official')).toBeUndefined();
    });
  });
}
