/**
 * @module two-province-app — one application on one store set serving two provinces, Hà Nội (01) and Hồ Chí Minh City
 * (79), each with the demo agency directory under the same identifiers (so that only the province tells their records
 * apart, never an agency that happens to differ), an administrator, an analyst, an official at the one-stop centre's
 * counter, a head of that centre, heads of the procedure's review and appraisal units and a province supervisor; and a national supervisor, made as `npm run create-admin
 * -- --national-supervisor` makes one. Hà Nội alone has the two-agency procedure deployed, a dossier received at its
 * counter with an attachment, an analyst's draft and an agency of its own (`phuong-hang-bac`). Password = username.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createAdministrator } from '../../../server/src/access/create-administrator';
import { DEMO_AGENCIES } from '../../../server/src/access/demo-agencies';
import { createPasswordHashing } from '../../../server/src/access/password-hashing';
import type { UserRecord } from '../../../server/src/access/user-record';
import { inProvince } from '../../../server/src/tenancy/province-scope';
import { partitionedByProvince, provincePartitioned } from '../../../server/src/persistence/memory/province-partitioned';
import { MemoryAttachmentStore } from '../../../server/src/persistence/memory/memory-attachment-store';
import { MemoryCalendarStore } from '../../../server/src/persistence/memory/memory-calendar-store';
import { MemoryCitizenMessageStore } from '../../../server/src/persistence/memory/memory-citizen-message-store';
import { MemoryDossierFactsStore } from '../../../server/src/persistence/memory/memory-dossier-facts-store';
import { dossierFactsNationalReads } from '../../../server/src/persistence/memory/dossier-facts-national-reads';
import { MemoryDraftStore } from '../../../server/src/persistence/memory/memory-draft-store';
import { MemoryOutboxStore } from '../../../server/src/persistence/memory/memory-outbox-store';
import { createTestApp, type TestAppOptions } from '../../support/test-app';

export const HA_NOI = '01';
export const HO_CHI_MINH = '79';
export const NATIONAL_SUPERVISOR = 'giamsat.quocgia';
export const PROCEDURE_KEY = 'thu-lien-thong';
/** An agency Hà Nội has and Hồ Chí Minh City has not. */
export const HA_NOI_ONLY_AGENCY = 'phuong-hang-bac';

export const procedureXml = readFileSync(fileURLToPath(new URL('../../fixtures/server/two-agency-procedure.bpmn', import.meta.url)), 'utf8');

const passwords = createPasswordHashing();

/** The people of one province: `<role>.<province>`, e.g. `admin.79`, `motcua.01`. */
function peopleOf(provinceCode: string): Omit<UserRecord, 'passwordHash'>[] {
  const person = (id: string, displayName: string, fields: Pick<UserRecord, 'role' | 'agencyId'> & Partial<UserRecord>) => ({
    id: `u-${id}-${provinceCode}`,
    username: `${id}.${provinceCode}`,
    displayName,
    provinceCode,
    ...fields,
  });
  return [
    person('admin', 'Quản trị tỉnh', { role: 'administrator', agencyId: 'tinh-demo' }),
    person('analyst', 'Phân tích quy trình', { role: 'analyst', agencyId: 'tinh-demo' }),
    person('motcua', 'Cán bộ một cửa', { role: 'official', agencyId: 'ttpvhcc', departmentId: 'quay-mot-cua' }),
    person('head', 'Trưởng trung tâm', { role: 'headOfUnit', agencyId: 'ttpvhcc' }),
    // The procedure's review and appraisal units, so that its steps reach someone's inbox (routing-coverage.ts).
    person('dkkd', 'Trưởng phòng đăng ký kinh doanh', { role: 'headOfUnit', agencyId: 'so-tai-chinh', departmentId: 'phong-dkkd' }),
    person('quyhoach', 'Trưởng phòng quy hoạch', { role: 'headOfUnit', agencyId: 'so-xay-dung', departmentId: 'phong-quy-hoach' }),
    person('supervisor', 'Giám sát tỉnh', { role: 'supervisor', agencyId: 'tinh-demo', supervisorScope: 'province' }),
  ];
}

export interface HaNoiWorld {
  dossierId: string;
  dossierCode: string;
  idNumber: string;
  stepId: string;
  attachmentId: string;
  draftId: string;
}

export async function createTwoProvinceApp(options: TestAppOptions = {}) {
  // Every store of the set kept per province, as the adapters keep them (memory partitions, the mongoose plugin).
  const t = await createTestApp({
    provinces: [HA_NOI, HO_CHI_MINH],
    drafts: partitionedByProvince(MemoryDraftStore),
    attachments: partitionedByProvince(MemoryAttachmentStore),
    calendarStore: partitionedByProvince(MemoryCalendarStore),
    facts: provincePartitioned(dossierFactsNationalReads, () => new MemoryDossierFactsStore()),
    outbox: partitionedByProvince(MemoryOutboxStore, ['test']),
    citizenMessages: partitionedByProvince(MemoryCitizenMessageStore),
    ...options,
  });
  for (const provinceCode of [HA_NOI, HO_CHI_MINH]) {
    await inProvince(provinceCode, async () => {
      for (const agency of DEMO_AGENCIES) await t.access.agencies.put({ ...agency, provinceCode });
      for (const user of peopleOf(provinceCode)) await t.access.users.create({ ...user, passwordHash: await passwords.hashPassword(user.username) });
    });
  }
  await inProvince(HA_NOI, async () => await t.access.agencies.put({ id: HA_NOI_ONLY_AGENCY, name: 'UBND phường Hàng Bạc', provinceCode: HA_NOI, kind: 'commune', departments: [] }));
  const { user: national } = await createAdministrator(
    { ...t.access, passwords },
    { username: NATIONAL_SUPERVISOR, password: 'mật khẩu giám sát toàn quốc', kind: 'nationalSupervisor', agencyId: 'vpcp', agencyName: 'Văn phòng Chính phủ' },
  );
  // The tests' sign-in uses password = username, which the command's password policy refuses: set it behind its back.
  await inProvince(national.provinceCode, async () => {
    const stored = (await t.access.users.get(national.id))!;
    await t.access.users.update({ ...stored, passwordHash: await passwords.hashPassword(NATIONAL_SUPERVISOR) });
  });

  async function request(username: string | undefined, method: string, path: string, body?: unknown, init: { headers?: Record<string, string>; form?: FormData } = {}): Promise<Response> {
    const headers = { ...(username ? await t.as(username) : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers };
    return t.app.request(path, { method, headers, ...(init.form ? { body: init.form } : body === undefined ? {} : { body: JSON.stringify(body) }) });
  }

  async function json<T>(username: string, method: string, path: string, body?: unknown, form?: FormData): Promise<T> {
    const response = await request(username, method, path, body, form ? { form } : {});
    if (response.status >= 300) throw new Error(`seed ${method} ${path} as ${username}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  let received = 0;
  /** A dossier received at Hà Nội's counter now, with its open step. */
  async function receiveInHaNoi(): Promise<Omit<HaNoiWorld, 'attachmentId' | 'draftId'>> {
    const idNumber = `00108500${String((received += 1)).padStart(4, '0')}`;
    const applicant = { name: 'Trần Văn Dân', idNumber, address: 'Số 1 Tràng Tiền, Hà Nội' };
    const dossier = await json<{ id: string; dossierCode: string }>(`motcua.${HA_NOI}`, 'POST', '/api/dossiers', {
      procedureKey: PROCEDURE_KEY,
      applicant,
      form: { businessName: 'Công ty TNHH Sen Vàng', capital: 1_000_000_000 },
      documents: [{ name: 'Giấy đề nghị', copyType: 'original', quantity: 1 }],
    });
    const steps = await inProvince(HA_NOI, async () => await t.stores.steps.list({ dossierId: dossier.id, status: ['open'] }, { offset: 0, limit: 10 }));
    return { dossierId: dossier.id, dossierCode: dossier.dossierCode, idNumber, stepId: steps.items[0]!.id };
  }

  await json(`analyst.${HA_NOI}`, 'POST', '/api/procedures', { key: PROCEDURE_KEY, xml: procedureXml });
  const dossier = await receiveInHaNoi();
  const form = new FormData();
  form.append('file', new File(['%PDF-1.4\n%%EOF\n'], 'don.pdf', { type: 'application/pdf' }));
  const attachment = await json<{ id: string }>(`motcua.${HA_NOI}`, 'POST', `/api/dossiers/${dossier.dossierId}/attachments`, undefined, form);
  const draftId = 'nhap-ha-noi';
  await inProvince(HA_NOI, async () => await t.drafts.save({ id: draftId, ownerId: `u-analyst-${HA_NOI}`, key: 'nhap-thu', name: 'Bản nháp', xml: procedureXml, savedAt: 0 }));
  const haNoi: HaNoiWorld = { ...dossier, attachmentId: attachment.id, draftId };

  return { ...t, haNoi, request, json, receiveInHaNoi };
}

export type TwoProvinceApp = Awaited<ReturnType<typeof createTwoProvinceApp>>;
