/**
 * The authorization matrix's province dimension (issue 18, "Done means": the authorization matrix gains the province
 * dimension). Two provinces share one store set (tenancy/two-province-app.ts), with the same agency identifiers, so
 * that only the province keeps them apart. For every operation of `/api/openapi.json` whose path names a resource,
 * each role of Hồ Chí Minh City (79) acting on Hà Nội's (01) resource must get exactly the answer it gets for a
 * resource that does not exist — a problem, never Hà Nội's data — and Hà Nội's stores must stay as they were. A national
 * supervisor reads both provinces, and every operation that would change something is refused, changing nothing in
 * either province.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { snapshotStores } from '../reliability/support/store-snapshot';
import { inProvince } from '../../server/src/tenancy/province-scope';
import { createTwoProvinceApp, HA_NOI, HA_NOI_ONLY_AGENCY, HO_CHI_MINH, NATIONAL_SUPERVISOR, PROCEDURE_KEY, procedureXml, type TwoProvinceApp } from './tenancy/two-province-app';

/** Hồ Chí Minh City's principals; `undefined` is an anonymous caller naming province 79 in X-Province-Code. */
const PRINCIPALS_79 = [undefined, ...['admin', 'analyst', 'motcua', 'head', 'supervisor'].map((role) => `${role}.${HO_CHI_MINH}`)];

/**
 * The one deliberate difference: agency identifiers are national (`000.00.64.H10`), so writing one another province
 * holds is refused (401 anonymous, 403 signed in), where a new identifier creates an agency of one's own province.
 */
const NOT_LIKE_MISSING: Record<string, readonly number[]> = { 'PUT /api/agencies/{id}': [401, 403] };

/** Operations that compute or check without storing anything (a model's validation, a signature's check, what-if runs). */
const CHANGE_NOTHING = new Set(['POST /api/procedures/validate', 'POST /api/signatures/verify', 'POST /api/simulation/runs', 'POST /api/simulation/forecasts']);

const PDF = '%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n';

/** A plausible body per operation, so that an answer is about the resource rather than a malformed request. */
const BODIES: Record<string, unknown> = {
  'PATCH /api/users/{id}': { phone: '0900000000', disabled: true },
  'PUT /api/agencies/{id}': { name: 'UBND phường Hàng Bạc (đổi tên)', kind: 'commune' },
  'PUT /api/drafts/{id}': { key: 'nhap-thu', name: 'Bản nháp sửa', xml: procedureXml },
  'PUT /api/calendars/{scope}': { layer: { id: HA_NOI_ONLY_AGENCY, level: 'agency', name: { vi: 'Lịch cơ quan', en: 'Agency calendar' }, years: [] }, reason: 'Thử quyền' },
  'PUT /api/retention/policies/{key}': { years: 10, mode: 'archive' },
  'PUT /api/procedures/{key}/retirement': { reason: 'Bãi bỏ theo quyết định công bố' },
  'POST /api/dossiers/{id}/accept': {},
  'POST /api/dossiers/{id}/refuse': { reason: 'Thiếu giấy tờ' },
  'POST /api/dossiers/{id}/withdraw': { reason: 'Công dân rút' },
  'POST /api/dossiers/{id}/stop': { reason: 'Không đủ điều kiện' },
  'POST /api/dossiers/{id}/finish': {},
  'POST /api/dossiers/{id}/return-result': {},
  'POST /api/dossiers/{id}/reappointments': { newAppointmentAt: '2025-03-20T10:00:00+07:00', reason: 'Chờ xác minh' },
  'POST /api/dossiers/{id}/supplement-requests': { missingComponents: [{ name: 'Bản sao CCCD' }], reason: 'Thiếu CCCD' },
  'POST /api/dossiers/{id}/supplements': { note: 'Đã bổ sung' },
  'POST /api/citizen/dossiers/{id}/supplements': { note: 'Đã bổ sung' },
  'POST /api/dossiers/{id}/fee-requests': { amount: 50_000, reason: 'Lệ phí' },
  'POST /api/dossiers/{id}/fee-payments': { amount: 50_000 },
  'POST /api/dossiers/{id}/forms/{form}/signed-pdf': { signWith: 'certificate' },
  'POST /api/dossiers/{id}/result': { signWith: 'certificate' },
  'POST /api/steps/{id}/complete': { decision: 'approve' },
  'POST /api/steps/{id}/return': { reason: 'Làm lại' },
  'POST /api/steps/{id}/reassign': { assigneeId: `u-motcua-${HA_NOI}`, reason: 'Phân công' },
};
const UPLOADS = new Set(['POST /api/dossiers/{id}/attachments', 'POST /api/citizen/dossiers/{id}/attachments']);

interface Answer {
  status: number;
  code?: string;
  problem: boolean;
  text: string;
}

async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  const problem = (response.headers.get('content-type') ?? '').startsWith('application/problem+json');
  const code = problem ? (JSON.parse(text) as { code?: string }).code : undefined;
  return { status: response.status, code, problem, text };
}

describe('authorization matrix across provinces', () => {
  let t: TwoProvinceApp;
  let operations: string[];
  /** The path parameters naming Hà Nội's resources, and the same for resources that exist nowhere. */
  let haNoiIds: (path: string) => Record<string, string>;
  const missingIds: (path: string) => Record<string, string> = () => ({ id: 'khong-ton-tai', key: 'khong-ton-tai', version: '1', elementId: 'task-receive', form: '01', scope: 'khong-ton-tai' });
  /** Everything of Hà Nội a request of another province must leave as it was. */
  const haNoiState = () =>
    inProvince(HA_NOI, async () => JSON.stringify({ stores: await snapshotStores(t), draft: await t.drafts.get(t.haNoi.draftId), calendars: await t.calendarStore.list() }));
  const everyProvinceState = async () => JSON.stringify([await haNoiState(), await inProvince(HO_CHI_MINH, async () => await snapshotStores(t))]);

  const pathWith = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_match, name: string) => encodeURIComponent(values[name] ?? name));

  async function send(username: string | undefined, operation: string, values: Record<string, string>): Promise<Answer> {
    const [method, template] = operation.split(' ') as [string, string];
    const path = pathWith(template, values);
    const headers: Record<string, string> = username === undefined ? { 'X-Province-Code': HO_CHI_MINH } : {};
    if (UPLOADS.has(operation)) {
      const form = new FormData();
      form.append('file', new File([PDF], 'don.pdf', { type: 'application/pdf' }));
      return answerOf(await t.request(username, method, path, undefined, { headers, form }));
    }
    const body = BODIES[operation] ?? (method === 'GET' || method === 'DELETE' ? undefined : {});
    return answerOf(await t.request(username, method, path, body, { headers }));
  }

  beforeAll(async () => {
    t = await createTwoProvinceApp();
    haNoiIds = (path) => ({
      id: path.startsWith('/api/steps/')
        ? t.haNoi.stepId
        : path.startsWith('/api/attachments/')
          ? t.haNoi.attachmentId
          : path.startsWith('/api/drafts/')
            ? t.haNoi.draftId
            : path.startsWith('/api/users/')
              ? `u-motcua-${HA_NOI}`
              : path.startsWith('/api/agencies/')
                ? HA_NOI_ONLY_AGENCY
                : t.haNoi.dossierId,
      key: PROCEDURE_KEY,
      version: '1',
      elementId: 'task-receive',
      form: '01',
      scope: HA_NOI_ONLY_AGENCY,
    });
    const document = (await (await t.app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
  });

  it("answers every role of another province on a resource of Hà Nội as on one that does not exist, with a problem, and changes nothing of Hà Nội's", { timeout: 120_000 }, async () => {
    // given every operation whose path names a resource
    const named = operations.filter((operation) => operation.includes('{'));
    expect(named.length).toBeGreaterThan(40);
    const differences: string[] = [];
    for (const operation of named) {
      for (const username of PRINCIPALS_79) {
        const who = username ?? `anonymous (${HO_CHI_MINH})`;
        // when a principal of Hồ Chí Minh City sends it naming Hà Nội's resource, then naming a resource that does not exist
        const before = await haNoiState();
        const foreign = await send(username, operation, haNoiIds(operation.split(' ')[1]!));
        const changed = (await haNoiState()) !== before;
        const missing = await send(username, operation, missingIds(operation.split(' ')[1]!));
        // then the first answer is the second's (or the one deliberate difference), a problem naming nothing of Hà Nội
        const expected = NOT_LIKE_MISSING[operation];
        if (expected !== undefined) {
          if (!expected.includes(foreign.status)) differences.push(`${operation} as ${who}: ${foreign.status} instead of ${expected.join(' or ')}`);
        } else if (foreign.status !== missing.status || foreign.code !== missing.code) {
          differences.push(`${operation} as ${who}: ${foreign.status} ${foreign.code ?? ''} on Hà Nội's resource, ${missing.status} ${missing.code ?? ''} on a missing one`);
        }
        if (foreign.status < 300 && missing.status >= 300) differences.push(`${operation} as ${who}: ${foreign.status} on Hà Nội's resource`);
        if (foreign.status >= 400 && !foreign.problem) differences.push(`${operation} as ${who}: ${foreign.status} is not a problem`);
        if (foreign.text.includes(t.haNoi.dossierCode) || foreign.text.includes(t.haNoi.idNumber)) differences.push(`${operation} as ${who}: the answer names Hà Nội's dossier`);
        if (changed) differences.push(`${operation} as ${who}: changed Hà Nội's stores (${foreign.status})`);
      }
    }
    expect(differences).toEqual([]);
  });

  it("lets a national supervisor read both provinces' dossiers and statistics, and refuses every operation that changes something in either", { timeout: 120_000 }, async () => {
    // given a dossier in each province
    await t.json(`analyst.${HO_CHI_MINH}`, 'POST', '/api/procedures', { key: PROCEDURE_KEY, xml: procedureXml }).catch(() => undefined);
    const hcm = await t.json<{ id: string }>(`motcua.${HO_CHI_MINH}`, 'POST', '/api/dossiers', {
      procedureKey: PROCEDURE_KEY,
      applicant: { name: 'Lê Thị Nam', idNumber: '079085000002', address: 'Quận 1, TP. Hồ Chí Minh' },
      form: { businessName: 'Công ty TNHH Phương Nam', capital: 500_000_000 },
    });
    // when the national supervisor reads
    const listed = (await (await t.request(NATIONAL_SUPERVISOR, 'GET', '/api/dossiers?limit=100')).json()) as { items: { id: string }[] };
    const reads = await Promise.all(
      [`/api/dossiers/${t.haNoi.dossierId}`, `/api/dossiers/${hcm.id}`, `/api/dossiers/${t.haNoi.dossierId}/progress`, '/api/stats/summary?from=2025-03-01&to=2025-03-31', '/api/stats/breakdown?from=2025-03-01&to=2025-03-31&by=agency'].map(
        async (path) => `${path} ${(await t.request(NATIONAL_SUPERVISOR, 'GET', path)).status}`,
      ),
    );
    // then both provinces' dossiers are listed and read, and the statistics answer
    expect(listed.items.map((item) => item.id)).toEqual(expect.arrayContaining([t.haNoi.dossierId, hcm.id]));
    expect(reads).toEqual(reads.map((read) => `${read.split(' ')[0]} 200`));

    // when the national supervisor sends every operation that changes something (their own session's aside)
    const own = /^(POST|PUT|PATCH|DELETE) \/api\/(auth|citizen\/sign-in)\//;
    const mutations = operations.filter((operation) => !operation.startsWith('GET ') && !own.test(operation));
    const accepted: string[] = [];
    for (const operation of mutations) {
      const before = await everyProvinceState();
      const answer = await send(NATIONAL_SUPERVISOR, operation, haNoiIds(operation.split(' ')[1]!));
      // then each is refused with a problem (a computation that stores nothing may answer), and neither province changed
      const refused = answer.status >= 400 && answer.status < 500 && answer.problem;
      if (!refused && !CHANGE_NOTHING.has(operation)) accepted.push(`${operation}: ${answer.status} ${answer.text.slice(0, 120)}`);
      if ((await everyProvinceState()) !== before) accepted.push(`${operation}: changed the stores (${answer.status})`);
    }
    expect(mutations.length).toBeGreaterThan(30);
    expect(accepted).toEqual([]);
  });
});
