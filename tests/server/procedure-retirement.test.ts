/**
 * Retiring a procedure (issue 18): when a decision abolishes an administrative procedure, an analyst or an
 * administrator retires it with a reason. From then on no new dossier starts — at the counter, online or from the
 * national portal, each refused with a Vietnamese RFC 9457 problem — while every dossier already under way goes on to
 * its end (Decree 61/2018/NĐ-CP Art. 19: a dossier received is settled). The catalogue no longer offers it, the
 * analysts' list still shows it with its retirement, and it can be restored. Both leave an audit of administration
 * record with the procedure before and after.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { signPortalRequest } from '../../server/src/national-portal/portal-credentials';
import type { AdminAuditRecord } from '../../server/src/stores';
import { createMemoryAccessStores } from '../../server/src/persistence/memory/create-memory-access-stores';
import { APPLICANT, call, complete, createDossierTestApp, FIXTURE_KEY, openStepOf, receive, VALID_FORM, type TestApp } from './dossiers/dossier-fixture';

const CREDENTIAL = { id: 'dvcqg', secret: 'portal-secret-0123456789-abcdefghijkl' };
const REASON = 'Bãi bỏ theo Quyết định số 123/QĐ-UBND ngày 01/3/2025';

type Problem = { type: string; title: string; status: number; code: string; detail?: string; error_code?: number };
type Summary = { key: string; version: number; retirement?: { at: string; by: string; byName?: string; reason: string } };

/** The fixture's dossier as the national portal hands it over, signed with the portal's credential. */
async function fromPortal(t: TestApp, code: string) {
  const body = JSON.stringify({
    MaHoSo: code,
    MaTTHC: '9.000001',
    MaDonViTiepNhan: 'ttpvhcc',
    ChuHoSo: APPLICANT.name,
    SoGiayToChuHoSo: APPLICANT.idNumber,
    DuLieuBieuMau: VALID_FORM,
  });
  const timestamp = Math.floor(t.clock.now() / 1000);
  const response = await t.app.request('/api/national-portal/dossiers', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-portal-key-id': CREDENTIAL.id, 'x-portal-timestamp': String(timestamp), 'x-portal-signature': signPortalRequest(CREDENTIAL.secret, timestamp, body) },
    body,
  });
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: (await response.json()) as Problem };
}

const counter = (t: TestApp) =>
  call<Problem>(t, 'official.motcua', 'POST', '/api/dossiers', { procedureKey: FIXTURE_KEY, applicant: APPLICANT, form: VALID_FORM, documents: [{ name: 'Giấy đề nghị', copyType: 'original', quantity: 1 }] });
const online = (t: TestApp) => call<Problem>(t, undefined, 'POST', '/api/submissions', { procedureKey: FIXTURE_KEY, applicant: APPLICANT, form: VALID_FORM });
const catalogueKeys = async (t: TestApp) => (await call<{ items: { key: string }[] }>(t, undefined, 'GET', '/api/catalogue')).body.items.map((entry) => entry.key);
const auditOf = async (t: TestApp, action: string) => (await call<{ items: AdminAuditRecord[] }>(t, 'admin', 'GET', `/api/audit?action=${action}`)).body.items;
const dossierCount = async (t: TestApp) => (await t.stores.dossiers.list({}, { offset: 0, limit: 1 })).total;

describe('retiring a procedure', () => {
  let t: TestApp;
  let underWay: { id: string };

  beforeAll(async () => {
    // given the two-agency fixture deployed, a dossier received and under way, and the national portal's credential
    t = await createDossierTestApp({ nationalPortal: { credentials: [CREDENTIAL] } });
    underWay = await receive(t);
  });

  it('takes a reason from an analyst, keeps the procedure listed for analysts with its retirement, and records who, why, before and after', async () => {
    // when the analyst retires the procedure
    const retired = await call<Summary>(t, 'analyst', 'PUT', `/api/procedures/${FIXTURE_KEY}/retirement`, { reason: REASON });
    // then the answer and the analysts' list carry the retirement, by the directory's name
    expect(retired.status).toBe(200);
    const expected = { at: new Date(t.clock.now()).toISOString(), by: 'u-analyst', byName: 'Nguyễn Thị Phân Tích', reason: REASON };
    expect(retired.body.retirement).toEqual(expected);
    const listed = await call<Summary[]>(t, 'analyst', 'GET', '/api/procedures');
    expect(listed.body.find((procedure) => procedure.key === FIXTURE_KEY)?.retirement).toEqual(expected);
    expect((await call<Summary[]>(t, 'analyst', 'GET', `/api/procedures/${FIXTURE_KEY}/versions`)).body[0]?.retirement?.reason).toBe(REASON);
    // and the audit of administration has one record with the procedure before (in use) and after (retired)
    const [record, ...more] = await auditOf(t, 'procedure.retired');
    expect(more).toEqual([]);
    expect(record).toMatchObject({ actorId: 'u-analyst', target: { kind: 'procedure', id: FIXTURE_KEY }, after: { key: FIXTURE_KEY, retirement: { reason: REASON } } });
    expect(record!.before).not.toHaveProperty('retirement');
  });

  it('refuses a new dossier at the counter, online and from the national portal with a Vietnamese problem, storing none', async () => {
    // given the procedure retired (previous case)
    const before = await dossierCount(t);
    // when a dossier is handed in at the counter, submitted online and sent by the national portal
    const atCounter = await counter(t);
    const submitted = await online(t);
    const portal = await fromPortal(t, 'G22.99-250303-0001');
    // then each is refused, naming the retirement in Vietnamese, and nothing is stored
    for (const refused of [atCounter, submitted]) {
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ status: 409, code: 'PROCEDURE_RETIRED', title: 'Thủ tục hành chính đã ngừng áp dụng' });
      expect(refused.body.detail).toContain(`đã ngừng áp dụng từ ngày 03/03/2025, không tiếp nhận hồ sơ mới. Lý do: ${REASON}`);
    }
    expect(portal.status).toBe(422);
    expect(portal.type).toMatch(/^application\/problem\+json/);
    expect(portal.body).toMatchObject({ error_code: 2, errors: [{ field: 'MaTTHC', message: 'Thủ tục hành chính đã ngừng áp dụng' }] });
    expect(await dossierCount(t)).toBe(before);
  });

  it('is no longer offered in the catalogue of the counter and the citizen', async () => {
    // when the catalogue is read, and the retired procedure's page asked for
    const keys = await catalogueKeys(t);
    const page = await call<Problem>(t, undefined, 'GET', `/api/catalogue/${FIXTURE_KEY}`);
    // then it is not listed, and its page says it is retired
    expect(keys).not.toContain(FIXTURE_KEY);
    expect(page.status).toBe(409);
    expect(page.body.code).toBe('PROCEDURE_RETIRED');
  });

  it('lets the dossier received before the retirement go on through its steps', async () => {
    // when the counter completes the dossier's first step
    const step = await openStepOf(t, 'official.motcua', underWay.id);
    const completed = await complete(t, 'official.motcua', step.id);
    // then it moves on to the next agency
    expect(completed.status).toBe(200);
    expect((await openStepOf(t, 'official.dkkd', underWay.id)).elementId).toBe('task-review');
  });

  it('refuses a new version deployed over the retirement, and leaves retiring to analysts and administrators', async () => {
    // when an analyst deploys a new version, and an official tries to restore the procedure
    const xml = (await call<{ xml: string }>(t, 'analyst', 'GET', `/api/procedures/${FIXTURE_KEY}/versions/1`)).body.xml;
    const deployed = await call<Problem>(t, 'analyst', 'POST', '/api/procedures', { key: FIXTURE_KEY, xml });
    const byOfficial = await call<Problem>(t, 'official.motcua', 'DELETE', `/api/procedures/${FIXTURE_KEY}/retirement`);
    // then both are refused and it stays retired at version 1
    expect(deployed.status).toBe(409);
    expect(deployed.body.code).toBe('PROCEDURE_RETIRED');
    expect(byOfficial.status).toBe(403);
    expect((await t.stores.procedures.latest(FIXTURE_KEY))).toMatchObject({ version: 1, retirement: { reason: REASON } });
  });

  it('is restored by an administrator: offered again, taking new dossiers, with its own audit record', async () => {
    // when the administrator restores it
    t.clock.advance(86_400_000);
    const restored = await call<Summary>(t, 'admin', 'DELETE', `/api/procedures/${FIXTURE_KEY}/retirement`);
    // then it is in use again everywhere
    expect(restored.status).toBe(200);
    expect(restored.body).not.toHaveProperty('retirement');
    expect(await catalogueKeys(t)).toContain(FIXTURE_KEY);
    expect((await counter(t)).status).toBe(201);
    expect((await online(t)).status).toBe(201);
    expect((await fromPortal(t, 'G22.99-250304-0001')).status).toBe(201);
    // and the audit records the restoration with the retirement before and none after
    const [record, ...more] = await auditOf(t, 'procedure.restored');
    expect(more).toEqual([]);
    expect(record).toMatchObject({ actorId: 'u-admin', target: { kind: 'procedure', id: FIXTURE_KEY }, before: { retirement: { reason: REASON } } });
    expect(record!.after).not.toHaveProperty('retirement');
  });

  it('restores a procedure in use without any change or record, and refuses an unknown procedure and an empty reason', async () => {
    // when the procedure in use is restored again, an unknown one retired, and one retired without a reason
    const again = await call(t, 'admin', 'DELETE', `/api/procedures/${FIXTURE_KEY}/retirement`);
    const unknown = await call<Problem>(t, 'analyst', 'PUT', '/api/procedures/khong-co/retirement', { reason: REASON });
    const noReason = await call<Problem>(t, 'analyst', 'PUT', `/api/procedures/${FIXTURE_KEY}/retirement`, { reason: '   ' });
    // then nothing changes
    expect(again.status).toBe(200);
    expect(await auditOf(t, 'procedure.restored')).toHaveLength(1);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('PROCEDURE_NOT_FOUND');
    expect(noReason.status).toBe(400);
    expect(await t.stores.procedures.latest(FIXTURE_KEY)).not.toHaveProperty('retirement');
  });
});

describe('a retirement and its audit record, in one unit of work', () => {
  it('leaves the procedure in use and no record when the audit record cannot be written', async () => {
    // given an audit of administration that fails after it appended inside the retirement's unit of work
    const access = createMemoryAccessStores();
    const kept = access.adminAudit;
    access.adminAudit = {
      append: (record) => kept.append(record),
      list: (query, page) => kept.list(query, page),
      within: (unit) => ({
        append: async (record) => {
          await kept.within(unit).append(record);
          throw new Error('the audit of administration failed after the append');
        },
      }),
    };
    const t = await createDossierTestApp({ access });
    // when the analyst retires the procedure
    const failed = await call<Problem>(t, 'analyst', 'PUT', `/api/procedures/${FIXTURE_KEY}/retirement`, { reason: REASON });
    // then neither the retirement nor its record is kept, and the counter still receives dossiers
    expect(failed.status).toBe(500);
    expect(await t.stores.procedures.latest(FIXTURE_KEY)).not.toHaveProperty('retirement');
    expect((await kept.list({ action: 'procedure.retired' }, { offset: 0, limit: 10 })).total).toBe(0);
    expect((await counter(t)).status).toBe(201);
  });
});
