/** Outbox entries as the dossier core writes them, for the deliverer and consumer tests. */
import { createOutboxEntry, type DossierProgressRecordedPayload, type DossierSyncPayload } from '../../../server/src/outbox/outbox-payloads';
import type { OutboxEntry } from '../../../server/src/outbox/outbox-store';

/** Mon 3 March 2025, 08:37 in Hanoi. */
export const RECEIVED_AT = Date.UTC(2025, 2, 3, 1, 37);

export function aDossierSync(dossierId: string): DossierSyncPayload {
  return {
    dossierId,
    dossierCode: '000.00.64.H10-250303-0011',
    procedureCode: '1.009664',
    procedureName: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
    agencyId: '000.00.64.H10',
    channel: 2,
    status: 4,
    applicantIdNumber: '001085012345',
    applicantName: 'Nguyễn Văn An',
    submittedAt: RECEIVED_AT - 3_600_000,
    receivedAt: RECEIVED_AT,
    appointmentAt: RECEIVED_AT + 15 * 86_400_000,
    components: [
      { code: 'TP1', name: 'Đơn đề nghị', attachments: [{ id: 'att-1', filename: 'don.pdf', contentType: 'application/pdf', size: 1234, sha256: 'ab'.repeat(32) }] },
    ],
    fees: { amount: 75_000, paid: true, paidAt: RECEIVED_AT, description: 'Lệ phí cấp giấy phép xây dựng' },
  };
}

export function aProgress(dossierId: string, seq: number, withDossier = true): DossierProgressRecordedPayload {
  return {
    id: `${dossierId}:${seq}`,
    seq,
    dossierId,
    dossierCode: '000.00.64.H10-250303-0011',
    at: RECEIVED_AT + seq * 60_000,
    status: 4,
    previousStatus: 2,
    action: 'step.handed_over',
    note: `Chuyển bước ${seq}`,
    actorId: 'u-motcua',
    actorName: 'Trần Thị Bình',
    departmentId: 'qldt',
    departmentName: 'Phòng Quản lý đô thị',
    stepName: 'Thẩm định hồ sơ',
    stepAgencyId: '000.00.64.H10',
    stepStartAt: RECEIVED_AT,
    stepDueAt: RECEIVED_AT + 10 * 86_400_000,
    ...(withDossier ? { dossier: aDossierSync(dossierId) } : {}),
  };
}

export function aProgressEntry(dossierId: string, seq: number): OutboxEntry {
  return createOutboxEntry({ dossierId, seq, kind: 'dossier.progress_recorded', payload: aProgress(dossierId, seq), createdAt: RECEIVED_AT + seq });
}
