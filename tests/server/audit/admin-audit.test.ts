/**
 * The audit of administration (issue 18 item 4): each change an administrator (or an analyst deploying) makes to
 * users, roles, agencies, departments, calendars and procedures leaves one record with who, when, the target before
 * and after and the client address; administrators read it with filters and pages and as CSV; no route alters it.
 */
import { describe, expect, it } from 'vitest';
import type { AdminAuditRecord } from '../../../server/src/stores';
import { call, createDossierTestApp, FIXTURE_KEY, type TestApp } from '../dossiers/dossier-fixture';

type View = Omit<AdminAuditRecord, 'at'> & { at: string };

async function records(t: TestApp, query = ''): Promise<{ items: View[]; total: number }> {
  const answer = await call<{ items: View[]; total: number }>(t, 'admin', 'GET', `/api/audit${query}`);
  expect(answer.status).toBe(200);
  return answer.body;
}

const closure = {
  id: 'tinh-demo',
  level: 'province',
  name: { vi: 'Lịch tỉnh Demo', en: 'Demo province calendar' },
  years: [{ year: 2025, status: 'official', days: [{ date: '2025-03-04', kind: 'holiday', reason: { vi: 'Nghỉ do bão', en: 'Storm closure' } }] }],
};

describe('the audit of administration', () => {
  it('records a created user with no before, the public user after, the administrator and the time, never the password hash', async () => {
    // given
    const t = await createDossierTestApp();
    // when
    const created = await call<{ id: string }>(t, 'admin', 'POST', '/api/users', { username: 'moi.nguoi', displayName: 'Người Mới', role: 'official', agencyId: 'ttpvhcc', password: 'mat-khau-rat-dai-2025' });
    // then
    expect(created.status).toBe(201);
    const { items } = await records(t, '?action=user.created');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ actorId: 'u-admin', target: { kind: 'user', id: created.body.id }, after: { username: 'moi.nguoi', role: 'official' }, at: new Date(t.clock.now()).toISOString() });
    expect(items[0]!.before).toBeUndefined();
    expect(JSON.stringify(items[0])).not.toMatch(/passwordHash|argon2/);
  });

  it('records a role change with the user before and after', async () => {
    const t = await createDossierTestApp();
    const user = (await t.access.users.getByUsername('official.motcua'))!;
    // when
    const changed = await call(t, 'admin', 'PATCH', `/api/users/${user.id}`, { role: 'headOfUnit' });
    // then
    expect(changed.status).toBe(200);
    const { items } = await records(t, `?targetId=${user.id}`);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ action: 'user.changed', before: { role: 'official' }, after: { role: 'headOfUnit' } });
  });

  it('records an agency whose department was added, with the departments before and after', async () => {
    const t = await createDossierTestApp();
    const agency = (await t.access.agencies.get('so-tai-chinh'))!;
    const departments = [...agency.departments, { id: 'phong-moi', name: 'Phòng Mới' }];
    // when
    const put = await call(t, 'admin', 'PUT', '/api/agencies/so-tai-chinh', { name: agency.name, kind: agency.kind, ...(agency.parentId ? { parentId: agency.parentId } : {}), departments });
    // then
    expect(put.status).toBe(200);
    const { items } = await records(t, '?targetKind=agency');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ action: 'agency.changed', target: { id: 'so-tai-chinh' } });
    expect((items[0]!.before as { departments: unknown[] }).departments).toHaveLength(agency.departments.length);
    expect((items[0]!.after as { departments: { id: string }[] }).departments.map((d) => d.id)).toContain('phong-moi');
  });

  it('records a calendar change with the layer after and the reason, and a deployment by the analyst', async () => {
    // given the fixture deployed by the analyst when the app was made
    const t = await createDossierTestApp();
    // when
    expect((await call(t, 'admin', 'PUT', '/api/calendars/tinh-demo', { layer: closure, reason: 'Bão số 3' })).status).toBe(200);
    // then
    const calendar = (await records(t, '?targetKind=calendar')).items;
    expect(calendar).toHaveLength(1);
    expect(calendar[0]).toMatchObject({ action: 'calendar.changed', actorId: 'u-admin', after: { reason: 'Bão số 3', layer: { id: 'tinh-demo' } } });
    const deployed = (await records(t, '?action=procedure.deployed')).items;
    expect(deployed).toHaveLength(1);
    expect(deployed[0]).toMatchObject({ actorId: 'u-analyst', target: { kind: 'procedure', id: `${FIXTURE_KEY}@1` }, after: { key: FIXTURE_KEY, version: 1 } });
  });

  it('takes the address from the connection, and from X-Forwarded-For only behind a trusted proxy', async () => {
    const forwarded = { 'x-forwarded-for': '203.0.113.7' };
    const direct = await createDossierTestApp();
    await call(direct, 'admin', 'PUT', '/api/calendars/tinh-demo', { layer: closure, reason: 'x' }, forwarded);
    expect((await records(direct, '?targetKind=calendar')).items[0]!.address).not.toBe('203.0.113.7');
    const proxied = await createDossierTestApp({ trustProxyHops: 1 });
    await call(proxied, 'admin', 'PUT', '/api/calendars/tinh-demo', { layer: closure, reason: 'x' }, forwarded);
    expect((await records(proxied, '?targetKind=calendar')).items[0]!.address).toBe('203.0.113.7');
  });

  it('filters by who, action and period, newest first, a page at a time', async () => {
    const t = await createDossierTestApp();
    const startedAt = t.clock.now();
    for (const name of ['Một', 'Hai', 'Ba']) {
      t.clock.advance(60_000);
      await call(t, 'admin', 'PUT', '/api/agencies/phong-a', { name: `Phòng ${name}`, kind: 'department', departments: [] });
    }
    // when / then
    const page = await records(t, '?targetKind=agency&limit=2');
    expect(page.total).toBe(3);
    expect(page.items.map((r) => (r.after as { name: string }).name)).toEqual(['Phòng Ba', 'Phòng Hai']);
    expect((await records(t, '?targetKind=agency&limit=2&offset=2')).items.map((r) => r.action)).toEqual(['agency.created']);
    const from = new Date(startedAt + 90_000).toISOString();
    expect((await records(t, `?targetKind=agency&from=${encodeURIComponent(from)}`)).total).toBe(2);
    expect((await records(t, '?actorId=u-analyst&targetKind=agency')).total).toBe(0);
  });

  it('exports the selection as CSV, a cell that a spreadsheet would run as a formula prefixed with an apostrophe', async () => {
    // given an address a proxy passed on as written (any text may reach a cell)
    const t = await createDossierTestApp({ trustProxyHops: 1 });
    await call(t, 'admin', 'PUT', '/api/agencies/phong-a', { name: 'Phòng A', kind: 'department', departments: [] }, { 'x-forwarded-for': '=cmd|calc' });
    // when
    const response = await t.app.request('/api/audit/export?targetKind=agency', { headers: await t.as('admin') });
    // then
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const lines = (await response.text()).replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe('Thời điểm,Người thực hiện,Thao tác,Loại đối tượng,Đối tượng,Trước,Sau,Địa chỉ');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^2025-03-03T01:37:00\.000Z,u-admin,agency\.created,agency,phong-a,,"\{""id"":""phong-a"",""name"":""Phòng A"".*\}",'=cmd\|calc$/);
  });

  it('cannot be altered or removed through the API, and is read by administrators only', async () => {
    const t = await createDossierTestApp();
    await call(t, 'admin', 'PUT', '/api/agencies/phong-a', { name: 'Phòng A', kind: 'department', departments: [] });
    const [record] = (await records(t)).items.filter((r) => r.target.kind === 'agency');
    // when
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
      for (const path of ['/api/audit', `/api/audit/${record!.id}`]) {
        const answer = await call(t, 'admin', method, path, method === 'DELETE' ? undefined : { action: 'nothing' });
        // then
        expect([404, 405]).toContain(answer.status);
      }
    }
    expect((await records(t, '?targetKind=agency')).items).toEqual([record]);
    expect((await call(t, 'supervisor.xa', 'GET', '/api/audit')).status).toBe(403);
    expect((await call(t, 'analyst', 'GET', '/api/audit/export')).status).toBe(403);
    // and the store port offers no way to change a record: append and list, and within a unit of work append only
    const store = t.access.adminAudit;
    expect(Object.getOwnPropertyNames(Object.getPrototypeOf(store)).filter((name) => name !== 'constructor').sort()).toEqual(['append', 'list', 'within']);
    await t.stores.transaction(async (tx) => expect(Object.keys(store.within(tx.unit)).sort()).toEqual(['append']));
  });
});
