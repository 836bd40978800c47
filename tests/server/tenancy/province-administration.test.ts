/**
 * Province tenancy at the API (issue 18 item 2): "province administrators manage only their province; a national
 * supervisor sees all". Two provinces share one store set; each request acts in its principal's province
 * (access/request-province-scope.ts), so an administrator of Hồ Chí Minh City neither lists, reads, changes nor
 * disables Hà Nội's users and agencies — another province's user is answered as a missing one — and only the
 * server's own command makes a national supervisor, who reads both provinces and changes nothing. Anonymous callers
 * name their province in `X-Province-Code` (docs/production.md).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { snapshotStores } from '../../reliability/support/store-snapshot';
import { DEFAULT_HOME_PROVINCE, inProvince, setHomeProvince } from '../../../server/src/tenancy/province-scope';
import { createTwoProvinceApp, HA_NOI, HA_NOI_ONLY_AGENCY, HO_CHI_MINH, NATIONAL_SUPERVISOR, type TwoProvinceApp } from './two-province-app';

const ADMIN_79 = `admin.${HO_CHI_MINH}`;
const OFFICIAL_01 = `u-motcua-${HA_NOI}`;

async function problemOf(response: Response): Promise<{ status: number; code?: string; type: string }> {
  const body = (await response.json()) as { code?: string };
  return { status: response.status, code: body.code, type: response.headers.get('content-type') ?? '' };
}

describe('province administration', () => {
  let t: TwoProvinceApp;
  const haNoiState = () => inProvince(HA_NOI, async () => await snapshotStores(t));

  beforeAll(async () => {
    t = await createTwoProvinceApp();
  });

  afterEach(() => setHomeProvince(DEFAULT_HOME_PROVINCE));

  it("lists only the administrator's own province's users and agencies", async () => {
    // when the administrator of Hồ Chí Minh City lists users and agencies
    const users = (await (await t.request(ADMIN_79, 'GET', '/api/users')).json()) as { username: string; provinceCode: string }[];
    const agencies = (await (await t.request(ADMIN_79, 'GET', '/api/agencies')).json()) as { id: string; provinceCode: string }[];
    // then every one is of province 79, none of Hà Nội's
    expect(users.length).toBeGreaterThan(0);
    expect(new Set(users.map((user) => user.provinceCode))).toEqual(new Set([HO_CHI_MINH]));
    expect(users.map((user) => user.username)).not.toContain(`motcua.${HA_NOI}`);
    expect(new Set(agencies.map((agency) => agency.provinceCode))).toEqual(new Set([HO_CHI_MINH]));
    expect(agencies.map((agency) => agency.id)).not.toContain(HA_NOI_ONLY_AGENCY);
  });

  it("answers a change or the disabling of another province's user as for a missing user, changing nothing", async () => {
    // given Hà Nội's stores
    const before = await haNoiState();
    // when Hồ Chí Minh City's administrator disables Hà Nội's official, and changes their phone, and a user who does not exist
    const disable = await problemOf(await t.request(ADMIN_79, 'PATCH', `/api/users/${OFFICIAL_01}`, { disabled: true }));
    const phone = await problemOf(await t.request(ADMIN_79, 'PATCH', `/api/users/${OFFICIAL_01}`, { phone: '0900000000' }));
    const missing = await problemOf(await t.request(ADMIN_79, 'PATCH', '/api/users/u-khong-co', { disabled: true }));
    // then each is the same 404 problem, and Hà Nội's official still signs in and acts
    expect(disable).toEqual({ status: 404, code: 'USER_NOT_FOUND', type: expect.stringContaining('application/problem+json') });
    expect(phone).toEqual(missing);
    expect(disable).toEqual(missing);
    expect(await haNoiState()).toBe(before);
    expect((await t.request(`motcua.${HA_NOI}`, 'GET', `/api/dossiers/${t.haNoi.dossierId}`)).status).toBe(200);
  });

  it("refuses an agency identifier another province holds with 403, and a user at another province's agency as an unknown agency", async () => {
    // given Hà Nội's stores
    const before = await haNoiState();
    // when Hồ Chí Minh City's administrator writes Hà Nội's own agency and creates a user there
    const agency = await problemOf(await t.request(ADMIN_79, 'PUT', `/api/agencies/${HA_NOI_ONLY_AGENCY}`, { name: 'Đổi tên', kind: 'commune' }));
    const user = await problemOf(
      await t.request(ADMIN_79, 'POST', '/api/users', { username: 'moi.o.ha.noi', displayName: 'Người mới', role: 'official', agencyId: HA_NOI_ONLY_AGENCY, password: 'mat-khau-du-dai-1' }),
    );
    // then the agency is forbidden, the user's agency unknown in province 79, and Hà Nội is as it was
    expect(agency).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(user).toMatchObject({ status: 422, code: 'USER_INVALID' });
    expect(await haNoiState()).toBe(before);
  });

  it('refuses with 403 a new user of another province or with the national scope, and makes a new user of its own province', async () => {
    // given Hà Nội's stores
    const before = await haNoiState();
    const newUser = (username: string, extra: Record<string, unknown>) => ({ username, displayName: 'Người mới', role: 'supervisor', agencyId: 'tinh-demo', supervisorScope: 'province', password: 'mat-khau-du-dai-1', ...extra });
    // when Hồ Chí Minh City's administrator creates a user of Hà Nội, a national supervisor, and a province supervisor
    const ofHaNoi = await problemOf(await t.request(ADMIN_79, 'POST', '/api/users', newUser('giamsat.hanoi', { provinceCode: HA_NOI })));
    const national = await problemOf(await t.request(ADMIN_79, 'POST', '/api/users', newUser('giamsat.toanquoc', { supervisorScope: 'national' })));
    const own = await t.request(ADMIN_79, 'POST', '/api/users', newUser('giamsat.hcm', {}));
    // then the first two are forbidden and the third is a user of province 79
    expect(ofHaNoi).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(national).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(own.status).toBe(201);
    expect(((await own.json()) as { provinceCode: string }).provinceCode).toBe(HO_CHI_MINH);
    expect(await haNoiState()).toBe(before);
    // and no administrator may turn an existing user into a national supervisor
    const promoted = await problemOf(await t.request(ADMIN_79, 'PATCH', `/api/users/u-supervisor-${HO_CHI_MINH}`, { supervisorScope: 'national' }));
    expect(promoted).toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });

  it("lets a national supervisor read both provinces' dossiers and statistics, refuses every change, and still lets them sign out", async () => {
    // given a dossier in Hà Nội and one received in Hồ Chí Minh City after deploying the procedure there too
    await t.json(`analyst.${HO_CHI_MINH}`, 'POST', '/api/procedures', { key: 'thu-lien-thong', xml: (await import('./two-province-app')).procedureXml });
    const hcm = await t.json<{ id: string }>(`motcua.${HO_CHI_MINH}`, 'POST', '/api/dossiers', {
      procedureKey: 'thu-lien-thong',
      applicant: { name: 'Lê Thị Nam', idNumber: '079085000001', address: 'Quận 1, TP. Hồ Chí Minh' },
      form: { businessName: 'Công ty TNHH Phương Nam', capital: 500_000_000 },
    });
    // when the national supervisor lists dossiers, reads each, reads the statistics, and tries to change things
    const listed = (await (await t.request(NATIONAL_SUPERVISOR, 'GET', '/api/dossiers?limit=100')).json()) as { items: { id: string }[] };
    const readHaNoi = await t.request(NATIONAL_SUPERVISOR, 'GET', `/api/dossiers/${t.haNoi.dossierId}`);
    const readHcm = await t.request(NATIONAL_SUPERVISOR, 'GET', `/api/dossiers/${hcm.id}`);
    const stats = await t.request(NATIONAL_SUPERVISOR, 'GET', '/api/stats/summary?from=2025-03-01&to=2025-03-31');
    const before = await haNoiState();
    const changes = await Promise.all([
      t.request(NATIONAL_SUPERVISOR, 'POST', `/api/dossiers/${t.haNoi.dossierId}/withdraw`, { reason: 'Thử' }),
      t.request(NATIONAL_SUPERVISOR, 'POST', `/api/steps/${t.haNoi.stepId}/claim`),
      t.request(NATIONAL_SUPERVISOR, 'PATCH', `/api/users/${OFFICIAL_01}`, { disabled: true }),
      t.request(NATIONAL_SUPERVISOR, 'PUT', `/api/agencies/${HA_NOI_ONLY_AGENCY}`, { name: 'Đổi tên', kind: 'commune' }),
    ]);
    // then both provinces' dossiers are read, and every change is a 403 problem that changed nothing
    expect(listed.items.map((item) => item.id)).toEqual(expect.arrayContaining([t.haNoi.dossierId, hcm.id]));
    expect([readHaNoi.status, readHcm.status, stats.status]).toEqual([200, 200, 200]);
    for (const change of changes) expect(await problemOf(change)).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(await haNoiState()).toBe(before);
    // and signing out writes the supervisor's own record, ending the session
    const { authorization } = await t.as(NATIONAL_SUPERVISOR);
    expect((await t.app.request('/api/auth/sign-out', { method: 'POST', headers: { authorization } })).status).toBe(204);
    expect((await t.app.request('/api/auth/me', { headers: { authorization } })).status).toBe(401);
  });

  it('runs an anonymous lookup in the province named by X-Province-Code, and refuses a province the deployment does not serve', async () => {
    // given Hà Nội's dossier code and the applicant's identity number
    const query = `/api/lookup?code=${encodeURIComponent(t.haNoi.dossierCode)}&idNumber=${t.haNoi.idNumber}`;
    // when a citizen looks it up naming Hà Nội, Hồ Chí Minh City, and a province not served
    const inHaNoi = await t.request(undefined, 'GET', query, undefined, { headers: { 'X-Province-Code': HA_NOI } });
    const inHcm = await t.request(undefined, 'GET', query, undefined, { headers: { 'X-Province-Code': HO_CHI_MINH } });
    const unknown = await problemOf(await t.request(undefined, 'GET', query, undefined, { headers: { 'X-Province-Code': '99' } }));
    // then only Hà Nội finds it, and the unknown province is a 400 problem
    expect(inHaNoi.status).toBe(200);
    expect(inHcm.status).toBe(404);
    expect(unknown).toMatchObject({ status: 400, code: 'PROVINCE_UNKNOWN' });
  });

  it('answers an anonymous request of a national deployment that names no province with 400 PROVINCE_REQUIRED, while sign-in still finds the user', async () => {
    // given a national deployment: no home province
    setHomeProvince(undefined);
    // when a citizen looks a dossier up without naming a province, and an official signs in
    const lookup = await problemOf(await t.request(undefined, 'GET', `/api/lookup?code=${encodeURIComponent(t.haNoi.dossierCode)}&idNumber=${t.haNoi.idNumber}`));
    const signIn = await t.app.request('/api/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: `motcua.${HA_NOI}`, password: `motcua.${HA_NOI}` }) });
    // then the lookup asks for the province in Vietnamese, and the official is signed in to Hà Nội
    const body = (await t.request(undefined, 'GET', '/api/lookup?code=x&idNumber=y')).headers.get('content-type');
    expect(lookup).toMatchObject({ status: 400, code: 'PROVINCE_REQUIRED' });
    expect(body).toContain('application/problem+json');
    expect(signIn.status).toBe(200);
    expect(((await signIn.json()) as { user: { provinceCode: string } }).user.provinceCode).toBe(HA_NOI);
  });
  it("passes an official's live heatmap stream the changes of their own province only", async () => {
    // given the head of Hồ Chí Minh City's one-stop centre watching the procedure's heatmap
    const token = (await t.as(`head.${HO_CHI_MINH}`)).authorization!.slice('Bearer '.length);
    const response = await t.app.request(`/api/events?procedureKey=thu-lien-thong&access_token=${encodeURIComponent(token)}`);
    const reader = response.body!.getReader();
    // when a change is published in Hà Nội, then one in Hồ Chí Minh City
    await inProvince(HA_NOI, async () => t.heatmapChanges.publish({ procedureKey: 'thu-lien-thong', version: 1, elementId: 'task-ha-noi' }));
    await inProvince(HO_CHI_MINH, async () => t.heatmapChanges.publish({ procedureKey: 'thu-lien-thong', version: 1, elementId: 'task-ho-chi-minh' }));
    // then the first event the stream carries is Hồ Chí Minh City's, and Hà Nội's never came
    let text = '';
    const decoder = new TextDecoder();
    while (!text.includes('task-ho-chi-minh')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    await reader.cancel();
    expect(text).toContain('task-ho-chi-minh');
    expect(text).not.toContain('task-ha-noi');
  });
});
