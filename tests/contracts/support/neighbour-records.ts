/**
 * @module neighbour-records — what province 79 keeps in each store while the contracts run in province 01
 * (beside-neighbour.ts): records with the procedure keys, dossier codes, agencies, applicants, owners and dossier
 * references the contracts themselves use, so that a read that crossed provinces would hand a contract a record it
 * did not write. Timers are due and outbox deliveries pending from instant 0, so a claim that crossed would take them.
 */
import type { ProcedureDefinition } from '../../../engine/src/index';
import type { AgencyStore } from '../../../server/src/access/agency-store';
import type { UserStore } from '../../../server/src/access/user-store';
import type { AttachmentStore } from '../../../server/src/attachments/attachment-store';
import type { IdempotencyStore } from '../../../server/src/http/idempotency-store';
import type { CitizenMessageStore } from '../../../server/src/outbox/citizen-message-store';
import type { OutboxStore } from '../../../server/src/outbox/outbox-store';
import type { PaymentOrderStore } from '../../../server/src/payments/payment-order-store';
import type { SigningCertificateStore } from '../../../server/src/signatures/signing-certificate-store';
import type { AdminAuditStore, DossierRecord, DraftStore, Stores } from '../../../server/src/stores';
import { NEIGHBOUR_PROVINCE, type Neighbour } from './beside-neighbour';

const ALL = { offset: 0, limit: 1000 };
/** The dossier ids the contracts refer to: the neighbour's timers, audit, progress, outbox and files point at them. */
const REFERENCED_DOSSIERS = ['d1', 'd2', 'd-1', 'dossier-1', 'existing'];
const PROCEDURE_KEYS = ['dang-ky-kinh-doanh', 'cap-phep-xay-dung', 'cap-phep-thu'];
const id = (name: string) => `${NEIGHBOUR_PROVINCE}-${name}`;

const definition = (key: string): ProcedureDefinition => ({
  id: `defs-${key}`,
  processes: [{ id: 'process', isExecutable: true, nodes: {}, flows: {}, lanes: {}, childNodeIds: [] }],
  messages: {},
  signals: {},
  errors: {},
  escalations: {},
});

const aDossier = (name: string, dossierCode: string, agencyId: string, status: DossierRecord['status']): Omit<DossierRecord, 'rev'> => ({
  id: id(name),
  dossierCode,
  procedureKey: 'dang-ky-kinh-doanh',
  procedureVersion: 1,
  agencyId,
  status,
  channel: 2,
  applicant: { name: 'Nguyễn Thị Hoà', idNumber: '001090000001' },
  form: { businessName: 'Công ty Hoà Bình' },
  state: {},
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
  receivedAt: 1_700_000_000_000,
});

/** The dossier stores: two versions of each procedure key, dossiers under the contracts' codes, their steps and trails. */
export const neighbourStores: Neighbour<Stores> = {
  async seed(stores) {
    for (const key of PROCEDURE_KEYS) {
      for (let i = 0; i < 2; i += 1) {
        await stores.procedures.deploy({ key, name: `Thủ tục ${key} của tỉnh ${NEIGHBOUR_PROVINCE}`, xml: '<definitions/>', definition: definition(key), deployedAt: 1, deployedBy: id('admin') });
      }
    }
    const dossiers = [
      aDossier('d1', '000.00.01.H01-261121-d1', '000.00.01.H01', 2),
      aDossier('d2', 'CODE-1', '000.00.01.H01', 4),
      aDossier('dossier-1', 'TTHC-250303-0007', 'so-kh-dt', 4),
    ];
    for (const dossier of dossiers) await stores.dossiers.create(dossier);
    for (const [n, dossier] of dossiers.entries()) {
      await stores.steps.create({
        id: id(`s${n}`), dossierId: dossier.id, stepId: id(`si${n}`), elementId: 'task-review', name: 'Thẩm định hồ sơ', kind: 'userTask',
        agencyId: dossier.agencyId, departmentId: 'phong-dkkd', status: 'open', startedAt: 0, dueAt: 1,
      });
    }
    for (const dossierId of REFERENCED_DOSSIERS) {
      await stores.timers.schedule({ id: id(`timer-${dossierId}`), kind: 'step.overdue', dossierId, stepId: 's1', dueAt: 0, payload: { rung: 0 } });
      await stores.audit.append({ id: id(`audit-${dossierId}`), dossierId, at: 0, actorId: 'officer-1', action: 'dossier.received', details: {} });
      await stores.progress.append({ id: id(`progress-${dossierId}`), dossierId, seq: 1, at: 0, status: 2, stepStartAt: 0, action: 'dossier.received' });
    }
  },
  async readBack(stores) {
    const dossierIds = [...REFERENCED_DOSSIERS, ...['d1', 'd2', 'dossier-1'].map(id)];
    return {
      procedures: await Promise.all(PROCEDURE_KEYS.map((key) => stores.procedures.listVersions(key))),
      dossiers: await stores.dossiers.list({}, ALL),
      steps: await stores.steps.list({}, ALL),
      timers: await Promise.all(dossierIds.map((dossierId) => stores.timers.listByDossier(dossierId))),
      audit: await Promise.all(dossierIds.map((dossierId) => stores.audit.listByDossier(dossierId))),
      progress: await Promise.all(dossierIds.map((dossierId) => stores.progress.listByDossier(dossierId))),
    };
  },
};

/** The outbox: one pending entry per referenced dossier for every consumer the contract names. */
export const neighbourOutbox: Neighbour<OutboxStore> = {
  async seed(outbox) {
    await outbox.enqueue(REFERENCED_DOSSIERS.map((dossierId) => ({ id: id(`${dossierId}:1`), dossierId, seq: 1, kind: 'dossier.status_changed', payload: { status: 2 }, createdAt: 0 })));
  },
  async readBack(outbox) {
    return {
      entries: await Promise.all(REFERENCED_DOSSIERS.map((dossierId) => outbox.listByDossier(dossierId))),
      deliveries: await Promise.all(REFERENCED_DOSSIERS.map((dossierId) => outbox.deliveries(id(`${dossierId}:1`)))),
      listed: await outbox.listDeliveries({}, ALL),
    };
  },
};

export const neighbourUsers: Neighbour<UserStore> = {
  async seed(users) {
    for (const role of ['official', 'supervisor', 'administrator'] as const) {
      await users.create({
        id: id(role), username: `${NEIGHBOUR_PROVINCE}.${role}`, displayName: `Người dùng tỉnh ${NEIGHBOUR_PROVINCE}`, provinceCode: NEIGHBOUR_PROVINCE,
        role, agencyId: 'ubnd-xa-demo', email: 'gs@demo.gov.vn', oidcSubject: 'sub-1', passwordHash: 'x',
      } as never);
    }
  },
  readBack: async (users) => await users.list(),
};

export const neighbourAgencies: Neighbour<AgencyStore> = {
  async seed(agencies) {
    await agencies.put({ id: id('so-tai-chinh'), name: 'Sở Tài chính', provinceCode: NEIGHBOUR_PROVINCE, parentId: 'tinh-demo', kind: 'department', departments: [] } as never);
  },
  readBack: async (agencies) => await agencies.list(),
};

export const neighbourIdempotency: Neighbour<IdempotencyStore> = {
  async seed(store) {
    await store.begin({ key: id('key'), requestHash: 'h', createdAt: 0, expiresAt: Date.UTC(2099, 0, 1) });
  },
  readBack: async (store) => await store.get(id('key')),
};

export const neighbourAdminAudit: Neighbour<AdminAuditStore> = {
  async seed(store) {
    await store.append({ id: id('r1'), at: 1_000, actorId: 'u-admin', action: 'agency.changed', target: { kind: 'agency', id: 'so-tai-chinh' }, address: '192.0.2.79' });
  },
  readBack: async (store) => await store.list({}, ALL),
};

export const neighbourDrafts: Neighbour<DraftStore> = {
  async seed(drafts) {
    await drafts.save({ id: id('draft-1'), ownerId: 'u-analyst', key: 'cap-phep-thu', name: 'Cấp phép thử', xml: '<definitions/>', savedAt: Date.UTC(2025, 2, 3, 9) });
  },
  readBack: async (drafts) => await drafts.listByOwner('u-analyst'),
};

export const neighbourCitizenMessages: Neighbour<CitizenMessageStore> = {
  async seed(store) {
    await store.save({ id: id('d1:3:zns'), entryId: 'd1:3', dossierId: 'd1', channel: 'zns', template: 'citizen.dossier.received', phone: '84******679', status: 'sent', providerMessageId: 'zns-msg-1', at: 1_000 });
    await store.choose('d1', { channel: 'sms', optedOut: true, at: 1 });
  },
  async readBack(store) {
    return { messages: await store.listByDossier('d1'), choices: await store.choices('d1') };
  },
};

/** Payment orders of the contracts' dossier, one pending and one with a refund requested. */
export const neighbourPayments: Neighbour<{ payments: PaymentOrderStore; stores: Stores }> = {
  async seed({ payments }) {
    const base = { gateway: 'vnpay', dossierId: 'd-1', dossierCode: 'ttpvhcc-250303-0001', amount: 500_000, reason: 'Lệ phí đăng ký', feeRequestedAt: 0, createdAt: 0, expiresAt: 1 } as const;
    await payments.create({ ...base, id: id('pending'), status: 'pending' } as never);
    await payments.create({ ...base, id: id('refund'), status: 'paid', refund: { status: 'requested', requestedAt: 0 } } as never);
  },
  readBack: async ({ payments }) => await payments.listByDossier('d-1'),
};

export const neighbourSigningCertificates: Neighbour<SigningCertificateStore> = {
  async seed(store) {
    await store.put({ userId: id('u-official'), subject: 'Tỉnh 79', issuer: 'CA', serialNumber: '79', validFrom: 0, validTo: 1, fingerprint256: 'AA', sealed: { iv: 'aXY=', tag: 'dGFn', data: 'ZGF0YQ==' }, uploadedAt: 0 });
  },
  readBack: async (store) => await store.get(id('u-official')),
};

export const neighbourAttachments: Neighbour<AttachmentStore> = {
  async seed(store) {
    for (const dossierId of ['d1', 'd2']) await store.put(Buffer.from(`tỉnh ${NEIGHBOUR_PROVINCE}`), { dossierId, filename: 'giay-to.pdf', contentType: 'application/pdf', uploadedAt: 0, uploadedBy: id('u') });
  },
  async readBack(store) {
    return [...(await store.listByDossier('d1')), ...(await store.listByDossier('d2'))];
  },
};

/** A unit of work's fixture: the dossier stores and the outbox joined to it. */
export const neighbourUnitOfWork: Neighbour<{ stores: Stores; outbox: OutboxStore }> = {
  async seed({ stores, outbox }) {
    await neighbourStores.seed(stores);
    await neighbourOutbox.seed(outbox);
  },
  async readBack({ stores, outbox }) {
    return { stores: await neighbourStores.readBack(stores), outbox: await neighbourOutbox.readBack(outbox) };
  },
};
