/** A dossier written straight into the stores (received at the one-stop centre, routed to the construction department), with two steps. */
import type { DossierRecord, Stores } from '../../../server/src/stores';

export const RECEIVED_AT = Date.UTC(2025, 2, 3, 1, 37);
export const DOSSIER_CODE = 'ttpvhcc-250303-0011';
export const ID_NUMBER = '001085012345';

export async function storeDossier(stores: Stores, overrides: Partial<DossierRecord> = {}): Promise<DossierRecord> {
  await stores.procedures.deploy({
    key: 'cap-phep-xay-dung',
    procedureCode: '1.009664',
    name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
    xml: '<definitions/>',
    definition: {} as never,
    deployedAt: RECEIVED_AT - 86_400_000,
    deployedBy: 'u-analyst',
  });
  const dossier = await stores.dossiers.create({
    id: 'dossier-1',
    dossierCode: DOSSIER_CODE,
    procedureKey: 'cap-phep-xay-dung',
    procedureVersion: 1,
    agencyId: 'ttpvhcc',
    status: 4,
    channel: 1,
    applicant: { name: 'Nguyễn Văn An', idNumber: ID_NUMBER, phone: '0912345678', email: 'an@example.vn', address: '12 Phố Huế, Hà Nội' },
    form: { diaChiCongTrinh: 'Thửa 45, tờ bản đồ 12' },
    receivedAt: RECEIVED_AT,
    appointmentAt: RECEIVED_AT + 15 * 86_400_000,
    state: { routedTo: [{ agencyId: 'so-xay-dung', departmentId: 'phong-quy-hoach' }], receivingOfficial: { id: 'u-official-motcua', name: 'Official' } },
    createdAt: RECEIVED_AT,
    updatedAt: RECEIVED_AT,
    ...overrides,
  });
  await stores.steps.create({
    id: 'step-1',
    dossierId: dossier.id,
    stepId: 'st-1',
    elementId: 'task-receive',
    name: 'Tiếp nhận hồ sơ',
    kind: 'userTask',
    agencyId: 'ttpvhcc',
    departmentId: 'quay-mot-cua',
    assigneeId: 'u-official-motcua',
    status: 'completed',
    startedAt: RECEIVED_AT,
    dueAt: RECEIVED_AT + 4 * 3_600_000,
    completedAt: RECEIVED_AT + 3_600_000,
    outcome: 'accepted',
  });
  await stores.steps.create({
    id: 'step-2',
    dossierId: dossier.id,
    stepId: 'st-2',
    elementId: 'task-review',
    name: 'Thẩm định hồ sơ',
    kind: 'userTask',
    agencyId: 'so-xay-dung',
    departmentId: 'phong-quy-hoach',
    assigneeId: 'u-official-xaydung',
    status: 'open',
    startedAt: RECEIVED_AT + 3_600_000,
    dueAt: RECEIVED_AT + 10 * 86_400_000,
  });
  return dossier;
}
