/**
 * The authorization matrix: every operation of `/api/openapi.json` × each role × a resource of the principal's own
 * agency and one of another agency, in process through `app.request()`, against the explicit table of
 * `authorization-matrix.expected.ts`. Every 401/403 must be a problem (`UNAUTHENTICATED` / `FORBIDDEN`), a refused
 * mutation must leave the stores as they were, and a refused mutation sent again with a malformed body must be
 * refused the same way (authorization before validation, never the schema's 400).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENCIES } from '../../server/src/access/demo-agencies';
import { createTestApp } from '../support/test-app';
import { parseSignInMethods } from '../../server/src/access/oidc-config';
import { signInAtProvider, startTestProvider, type TestProvider } from '../support/oidc-test-provider';
import { MemorySigningCertificateStore } from '../../server/src/persistence/memory/memory-signing-certificate-store';
import { createTestCertificateAuthority, toPkcs12 } from '../support/test-certificate-authority';
import { EXPECTED_MATRIX, ROLES, type MatrixRole, type MatrixRow, type StatusClass } from './authorization-matrix.expected';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
type Scope = 'own' | 'other';

const PRINCIPALS: Record<MatrixRole, string | undefined> = {
  anonymous: undefined,
  administrator: 'admin',
  analyst: 'analyst',
  official: 'official.hotich',
  headOfUnit: 'head.xa',
  supervisor: 'supervisor.xa',
};

const fixtureXml = readFileSync(fileURLToPath(new URL('../fixtures/server/two-agency-procedure.bpmn', import.meta.url)), 'utf8');
/** The two-agency fixture moved to the commune: counter and review at its civil-status department, appraisal at the commune police. */
const communeXml = fixtureXml
  .replaceAll('agency="ttpvhcc" department="quay-mot-cua"', 'agency="ubnd-xa-demo" department="tu-phap-ho-tich"')
  .replaceAll('agency="so-tai-chinh" department="phong-dkkd"', 'agency="ubnd-xa-demo" department="tu-phap-ho-tich"')
  .replaceAll('agency="so-xay-dung" department="phong-quy-hoach"', 'agency="cong-an-xa-demo"')
  .replace('leadAgency="so-tai-chinh"', 'leadAgency="ubnd-xa-demo"');

/** What each scope's resources belong to: "own" is the commune's, "other" the one-stop centre's. */
const SIDES = {
  own: { agencyId: 'ubnd-xa-demo', key: 'thu-lien-thong-xa', xml: communeXml, receiver: 'official.hotich', userId: 'u-official-hotich' },
  other: { agencyId: 'ttpvhcc', key: 'thu-lien-thong', xml: fixtureXml, receiver: 'official.motcua', userId: 'u-official-motcua' },
} as const;

/** An analyst's draft per scope: "own" is the analyst principal's, "other" another analyst's (seeded in beforeAll). */
const DRAFTS = { own: 'matrix-draft-own', other: 'matrix-draft-other' } as const;
const DRAFT_OWNERS = { own: 'u-analyst', other: 'u-analyst-khac' } as const;
const draftOf = (scope: Scope, id: string = DRAFTS[scope]) => ({ id, ownerId: DRAFT_OWNERS[scope], key: 'nhap-thu', name: 'Bản nháp', xml: fixtureXml, savedAt: 0 });

/** Where the in-process identity provider sends the browser back to (never reached: the test reads the redirect). */
const SSO_REDIRECT_URL = 'http://127.0.0.1:5173/sign-in';
let provider: TestProvider | undefined;

/** The roles bound to an agency or a scope, whose answers must not name the other agency's dossiers. */
const AGENCY_ROLES: readonly MatrixRole[] = ['official', 'headOfUnit', 'supervisor'];

const FORM = { businessName: 'Công ty TNHH Sen Vàng', capital: 1_000_000_000 };
const applicant = (n: number) => ({ name: 'Trần Văn Dân', idNumber: `0010850${String(n).padStart(5, '0')}`, address: 'Số 1 Tràng Tiền, Hà Nội' });
const PDF = '%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n';

/** Ký số: a test CA whose official's PKCS#12 every signing role uploads (issue 20). */
const SIGNING = (() => {
  const ca = createTestCertificateAuthority();
  const official = ca.issueOfficial('Cán bộ thử', { notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2028-01-01T00:00:00Z') });
  return {
    deps: { sealingKey: randomBytes(32), trustAnchors: [ca.root.pem], certificates: new MemorySigningCertificateStore(), location: 'Demo' },
    upload: { pkcs12: toPkcs12(official, [ca.intermediate], 'p12').toString('base64'), password: 'p12' },
  };
})();

interface MatrixRequest {
  method: string;
  path: string;
  body?: unknown;
  form?: FormData;
  /** Runs after the request, e.g. to undo a password change that succeeded. */
  after?: (status: number) => Promise<void>;
}

/** A dossier of one side, with its open step. */
interface Seeded {
  id: string;
  code: string;
  idNumber: string;
  stepId: string;
}

interface SideResources extends Seeded {
  attachmentId: string;
}

interface World {
  t: TestApp;
  sides: Record<Scope, SideResources>;
  /** The principal's username, or undefined for anonymous. */
  username: string | undefined;
  /** A dossier received at the side just now: its open step at the counter. */
  fresh(scope: Scope, prepare?: (seeded: Seeded) => Promise<void>): Promise<Seeded>;
  /** An online submission (status 1) at the side's agency. */
  submitted(scope: Scope): Promise<Seeded>;
  /** Ids of the dossiers the cell touches, for the before/after snapshot of a refused mutation. */
  touched: string[];
}

let counter = 0;

async function call(t: TestApp, username: string | undefined, method: string, path: string, body?: unknown, form?: FormData): Promise<Response> {
  const auth = username ? await t.as(username) : {};
  const headers: Record<string, string> = { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
  return t.app.request(path, { method, headers, ...(form ? { body: form } : body === undefined ? {} : { body: JSON.stringify(body) }) });
}

async function json<T>(t: TestApp, username: string | undefined, method: string, path: string, body?: unknown): Promise<T> {
  const response = await call(t, username, method, path, body);
  const text = await response.text();
  if (response.status >= 300) throw new Error(`seed ${method} ${path} as ${username ?? 'anonymous'}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

async function openStepOf(t: TestApp, dossierId: string): Promise<string> {
  const { items } = await t.stores.steps.list({ dossierId, status: ['open'] }, { offset: 0, limit: 10 });
  const step = items.find((item) => item.elementId !== 'task-wait-supplement');
  if (!step) throw new Error(`no open step of ${dossierId}`);
  return step.id;
}

async function receiveAt(t: TestApp, scope: Scope): Promise<Seeded> {
  const side = SIDES[scope];
  const idNumber = applicant((counter += 1)).idNumber;
  const body = { procedureKey: side.key, applicant: applicant(counter), form: FORM, documents: [{ name: 'Giấy đề nghị', copyType: 'original', quantity: 1 }] };
  const dossier = await json<{ id: string; dossierCode: string }>(t, side.receiver, 'POST', '/api/dossiers', body);
  return { id: dossier.id, code: dossier.dossierCode, idNumber, stepId: await openStepOf(t, dossier.id) };
}

async function submitAt(t: TestApp, scope: Scope): Promise<Seeded> {
  const side = SIDES[scope];
  const who = applicant((counter += 1));
  const dossier = await json<{ id: string; dossierCode: string }>(t, undefined, 'POST', '/api/submissions', { procedureKey: side.key, agencyId: side.agencyId, applicant: who, form: FORM });
  return { id: dossier.id, code: dossier.dossierCode, idNumber: who.idNumber, stepId: '' };
}

/** A JSON image of everything a refused request must not change: the touched dossiers and the shared directories. */
async function snapshot(t: TestApp, dossierIds: readonly string[]): Promise<string> {
  const dossiers = await Promise.all(
    dossierIds.map(async (id) => ({
      dossier: await t.stores.dossiers.get(id),
      steps: (await t.stores.steps.list({ dossierId: id }, { offset: 0, limit: 100 })).items,
      progress: await t.stores.progress.listByDossier(id),
      audit: await t.stores.audit.listByDossier(id),
      outbox: await Promise.all((await t.outbox.listByDossier(id)).map(async (entry) => ({ entry, deliveries: await t.outbox.deliveries(entry.id) }))),
      attachments: await t.attachments.listByDossier(id),
    })),
  );
  return JSON.stringify({
    dossiers,
    dossierCount: (await t.stores.dossiers.list({}, { offset: 0, limit: 1 })).total,
    users: await t.access.users.list(),
    agencies: await t.access.agencies.list(),
    procedures: await t.stores.procedures.listLatest(),
    calendars: await t.calendarStore.list(),
    drafts: await Promise.all(Object.values(DRAFTS).map((id) => t.drafts.get(id))),
  });
}

const agencyBody = (id: string) => {
  const { id: _id, ...rest } = DEMO_AGENCIES.find((agency) => agency.id === id)!;
  return rest;
};
const statsQuery = (scope: Scope) => `agencyId=${SIDES[scope].agencyId}&from=2025-03-01&to=2025-03-31`;

/** One request per operation and scope; `fresh` resources for mutations, so that no cell depends on another. */
const FACTORIES: Record<string, (w: World, scope: Scope) => Promise<MatrixRequest>> = {
  'GET /api/auth/me': async () => ({ method: 'GET', path: '/api/auth/me' }),
  'GET /api/auth/methods': async () => ({ method: 'GET', path: '/api/auth/methods' }),
  'POST /api/auth/oidc/start': async () => ({ method: 'POST', path: '/api/auth/oidc/start' }),
  // A real round trip at the in-process identity provider for each cell: the commune's civil-status official signs in.
  'POST /api/auth/oidc/callback': async (w) => {
    const started = (await (await w.t.app.request('/api/auth/oidc/start', { method: 'POST' })).json()) as { authorizationUrl: string; seal: string };
    return { method: 'POST', path: '/api/auth/oidc/callback', body: { query: await signInAtProvider(started.authorizationUrl, 'sub-hotich'), seal: started.seal } };
  },
  'POST /api/auth/sign-in': async (w) => {
    const username = w.username ?? 'official.hotich';
    return { method: 'POST', path: '/api/auth/sign-in', body: { username, password: username } };
  },
  'POST /api/auth/sign-out': async (w) => {
    const stored = w.username ? await w.t.access.users.getByUsername(w.username) : undefined;
    // Put the token version back, so that the session the next cells use is valid again.
    return { method: 'POST', path: '/api/auth/sign-out', after: async (status) => void (status < 300 && stored ? await w.t.access.users.update(stored) : undefined) };
  },
  'POST /api/auth/password': async (w) => {
    const current = w.username ?? 'nobody';
    const stored = w.username ? await w.t.access.users.getByUsername(w.username) : undefined;
    return {
      method: 'POST',
      path: '/api/auth/password',
      body: { currentPassword: current, newPassword: `${current}-changed-password` },
      // Put the demo password and token version back (a change ends every session), so the next cells sign in as before.
      after: async (status) => void (status < 300 && stored ? await w.t.access.users.update(stored) : undefined),
    };
  },
  'GET /api/users': async () => ({ method: 'GET', path: '/api/users' }),
  'POST /api/users': async (_w, scope) => ({
    method: 'POST',
    path: '/api/users',
    body: { username: `matrix.user.${(counter += 1)}`, displayName: 'Người thử', role: 'official', agencyId: SIDES[scope].agencyId, password: 'matrix-password' },
  }),
  'PATCH /api/users/{id}': async (_w, scope) => ({ method: 'PATCH', path: `/api/users/${SIDES[scope].userId}`, body: { phone: '0900000000' } }),
  'GET /api/agencies': async () => ({ method: 'GET', path: '/api/agencies' }),
  'PUT /api/agencies/{id}': async (_w, scope) => ({ method: 'PUT', path: `/api/agencies/${SIDES[scope].agencyId}`, body: agencyBody(SIDES[scope].agencyId) }),
  'POST /api/procedures/validate': async (_w, scope) => ({ method: 'POST', path: '/api/procedures/validate', body: { xml: SIDES[scope].xml } }),
  'POST /api/procedures': async (_w, scope) => ({ method: 'POST', path: '/api/procedures', body: { key: SIDES[scope].key, xml: SIDES[scope].xml } }),
  'GET /api/procedures': async () => ({ method: 'GET', path: '/api/procedures' }),
  // Retired and put back in use at once, so that every later cell still receives dossiers of the procedure.
  'PUT /api/procedures/{key}/retirement': async (w, scope) => ({
    method: 'PUT',
    path: `/api/procedures/${SIDES[scope].key}/retirement`,
    body: { reason: 'Bãi bỏ theo quyết định công bố' },
    after: async (status) => void (status < 300 ? await w.t.stores.procedures.setRetirement(SIDES[scope].key, undefined) : undefined),
  }),
  'DELETE /api/procedures/{key}/retirement': async (_w, scope) => ({ method: 'DELETE', path: `/api/procedures/${SIDES[scope].key}/retirement` }),
  'GET /api/procedures/{key}/versions': async (_w, scope) => ({ method: 'GET', path: `/api/procedures/${SIDES[scope].key}/versions` }),
  'POST /api/simulation/runs': async (_w, scope) => ({ method: 'POST', path: '/api/simulation/runs', body: { procedureKey: SIDES[scope].key, from: '2025-04-01', to: '2025-04-07', arrivalsPerWorkingDay: 2, timeBudgetMs: 2000 } }),
  'GET /api/simulation/durations': async (_w, scope) => ({ method: 'GET', path: `/api/simulation/durations?procedureKey=${SIDES[scope].key}` }),
  'POST /api/simulation/forecasts': async (_w, scope) => ({ method: 'POST', path: '/api/simulation/forecasts', body: { procedureKey: SIDES[scope].key, arrivalFactor: 2, from: '2025-04-01', to: '2025-04-07' } }),
  'GET /api/procedures/{key}/incidents': async (_w, scope) => ({ method: 'GET', path: `/api/procedures/${SIDES[scope].key}/incidents` }),
  'GET /api/procedures/{key}/versions/{version}': async (_w, scope) => ({ method: 'GET', path: `/api/procedures/${SIDES[scope].key}/versions/1` }),
  'GET /api/drafts': async () => ({ method: 'GET', path: '/api/drafts' }),
  'GET /api/drafts/{id}': async (_w, scope) => ({ method: 'GET', path: `/api/drafts/${DRAFTS[scope]}` }),
  'PUT /api/drafts/{id}': async (_w, scope) => ({ method: 'PUT', path: `/api/drafts/${DRAFTS[scope]}`, body: { key: 'nhap-thu', name: 'Bản nháp sửa', xml: fixtureXml } }),
  'DELETE /api/drafts/{id}': async (w, scope) => {
    // A draft of its own for each cell, so a deletion leaves the others' drafts in place.
    const id = `matrix-draft-${scope}-${(counter += 1)}`;
    await w.t.drafts.save(draftOf(scope, id));
    return { method: 'DELETE', path: `/api/drafts/${id}`, after: async () => void (await w.t.drafts.remove(id)) };
  },
  'POST /api/dossiers': async (_w, scope) => ({
    method: 'POST',
    path: '/api/dossiers',
    body: { procedureKey: SIDES[scope].key, applicant: applicant((counter += 1)), form: FORM },
  }),
  'GET /api/dossiers': async () => ({ method: 'GET', path: '/api/dossiers' }),
  'GET /api/dossiers/{id}': async (w, scope) => ({ method: 'GET', path: `/api/dossiers/${w.sides[scope].id}` }),
  'GET /api/dossiers/{id}/progress': async (w, scope) => ({ method: 'GET', path: `/api/dossiers/${w.sides[scope].id}/progress` }),
  'GET /api/dossiers/{id}/audit': async (w, scope) => ({ method: 'GET', path: `/api/dossiers/${w.sides[scope].id}/audit` }),
  'POST /api/dossiers/{id}/accept': async (w, scope) => ({ method: 'POST', path: `/api/dossiers/${(await w.submitted(scope)).id}/accept`, body: {} }),
  'POST /api/dossiers/{id}/refuse': async (w, scope) => ({ method: 'POST', path: `/api/dossiers/${(await w.submitted(scope)).id}/refuse`, body: { reason: 'Thiếu giấy tờ' } }),
  'POST /api/dossiers/{id}/withdraw': async (w, scope) => ({ method: 'POST', path: `/api/dossiers/${(await w.fresh(scope)).id}/withdraw`, body: { reason: 'Công dân rút' } }),
  'POST /api/dossiers/{id}/stop': async (w, scope) => ({ method: 'POST', path: `/api/dossiers/${(await w.fresh(scope)).id}/stop`, body: { reason: 'Không đủ điều kiện' } }),
  'POST /api/dossiers/{id}/finish': async (w, scope) => ({ method: 'POST', path: `/api/dossiers/${(await w.fresh(scope)).id}/finish`, body: {} }),
  'POST /api/dossiers/{id}/return-result': async (w, scope) => {
    const side = SIDES[scope];
    const dossier = await w.fresh(scope, async (seeded) => void (await json(w.t, side.receiver, 'POST', `/api/dossiers/${seeded.id}/finish`, {})));
    return { method: 'POST', path: `/api/dossiers/${dossier.id}/return-result`, body: {} };
  },
  'POST /api/dossiers/{id}/reappointments': async (w, scope) => ({
    method: 'POST',
    path: `/api/dossiers/${(await w.fresh(scope)).id}/reappointments`,
    body: { newAppointmentAt: '2025-03-20T10:00:00+07:00', reason: 'Chờ xác minh' },
  }),
  'POST /api/dossiers/{id}/supplement-requests': async (w, scope) => {
    const dossier = await w.fresh(scope);
    return { method: 'POST', path: `/api/dossiers/${dossier.id}/supplement-requests`, body: { stepId: dossier.stepId, missingComponents: [{ name: 'Bản sao CCCD' }], reason: 'Thiếu CCCD' } };
  },
  'POST /api/dossiers/{id}/supplements': async (w, scope) => {
    const side = SIDES[scope];
    const dossier = await w.fresh(scope, async (seeded) => {
      await json(w.t, side.receiver, 'POST', `/api/dossiers/${seeded.id}/supplement-requests`, { stepId: seeded.stepId, missingComponents: [{ name: 'Bản sao CCCD' }], reason: 'Thiếu CCCD' });
    });
    return { method: 'POST', path: `/api/dossiers/${dossier.id}/supplements`, body: { note: 'Đã bổ sung' } };
  },
  'POST /api/dossiers/{id}/fee-requests': async (w, scope) => ({ method: 'POST', path: `/api/dossiers/${(await w.fresh(scope)).id}/fee-requests`, body: { amount: 50_000, reason: 'Lệ phí' } }),
  'POST /api/dossiers/{id}/fee-payments': async (w, scope) => {
    const side = SIDES[scope];
    const dossier = await w.fresh(scope, async (seeded) => void (await json(w.t, side.receiver, 'POST', `/api/dossiers/${seeded.id}/fee-requests`, { amount: 50_000, reason: 'Lệ phí' })));
    return { method: 'POST', path: `/api/dossiers/${dossier.id}/fee-payments`, body: { amount: 50_000 } };
  },
  'GET /api/dossiers/{id}/forms/{form}': async (w, scope) => ({ method: 'GET', path: `/api/dossiers/${w.sides[scope].id}/forms/01` }),
  'GET /api/dossiers/{id}/forms/{form}/pdf': async (w, scope) => ({ method: 'GET', path: `/api/dossiers/${w.sides[scope].id}/forms/01/pdf` }),
  'POST /api/dossiers/{id}/forms/{form}/signed-pdf': async (w, scope) => ({ method: 'POST', path: `/api/dossiers/${w.sides[scope].id}/forms/01/signed-pdf`, body: { signWith: 'certificate' } }),
  'GET /api/dossiers/{id}/result/pdf': async (w, scope) => ({ method: 'GET', path: `/api/dossiers/${w.sides[scope].id}/result/pdf` }),
  'POST /api/dossiers/{id}/result': async (w, scope) => ({ method: 'POST', path: `/api/dossiers/${w.sides[scope].id}/result`, body: { signWith: 'certificate' } }),
  'PUT /api/signing-certificates/mine': async () => ({ method: 'PUT', path: '/api/signing-certificates/mine', body: SIGNING.upload }),
  'GET /api/signing-certificates/mine': async () => ({ method: 'GET', path: '/api/signing-certificates/mine' }),
  'POST /api/signatures/verify': async () => ({ method: 'POST', path: '/api/signatures/verify', body: { pdf: 'not a pdf' } }),
  'GET /api/agencies/{id}/tracking-book': async (_w, scope) => ({ method: 'GET', path: `/api/agencies/${SIDES[scope].agencyId}/tracking-book` }),
  'GET /api/agencies/{id}/tracking-book/pdf': async (_w, scope) => ({ method: 'GET', path: `/api/agencies/${SIDES[scope].agencyId}/tracking-book/pdf` }),
  // A well-formed portal dossier of the side's agency, sent with the principal's session and no portal signature.
  'POST /api/national-portal/dossiers': async (_w, scope) => ({
    method: 'POST',
    path: '/api/national-portal/dossiers',
    body: { MaHoSo: `G22.99-${(counter += 1)}`, MaTTHC: '1.009664', MaDonViTiepNhan: SIDES[scope].agencyId, ChuHoSo: 'Trần Văn Dân', SoGiayToChuHoSo: '001085012345', DuLieuBieuMau: FORM },
  }),
  'POST /api/submissions': async (_w, scope) => ({ method: 'POST', path: '/api/submissions', body: { procedureKey: SIDES[scope].key, agencyId: SIDES[scope].agencyId, applicant: applicant((counter += 1)), form: FORM } }),
  'GET /api/inbox': async () => ({ method: 'GET', path: '/api/inbox' }),
  'POST /api/steps/{id}/claim': async (w, scope) => ({ method: 'POST', path: `/api/steps/${(await w.fresh(scope)).stepId}/claim` }),
  'POST /api/steps/{id}/complete': async (w, scope) => ({ method: 'POST', path: `/api/steps/${(await w.fresh(scope)).stepId}/complete`, body: { decision: 'approve' } }),
  'POST /api/steps/{id}/return': async (w, scope) => {
    const side = SIDES[scope];
    // The review step, one hand-over after the counter, returned to the counter.
    const dossier = await w.fresh(scope, async (seeded) => void (await json(w.t, side.receiver, 'POST', `/api/steps/${seeded.stepId}/complete`, { decision: 'approve' })));
    const reviewId = await openStepOf(w.t, dossier.id);
    return { method: 'POST', path: `/api/steps/${reviewId}/return`, body: { toElementId: 'task-receive', reason: 'Kiểm tra lại' } };
  },
  'POST /api/steps/{id}/reassign': async (w, scope) => ({ method: 'POST', path: `/api/steps/${(await w.fresh(scope)).stepId}/reassign`, body: { assigneeId: SIDES[scope].userId, reason: 'Phân công' } }),
  'GET /api/calendars': async () => ({ method: 'GET', path: '/api/calendars' }),
  'PUT /api/calendars/{scope}': async (_w, scope) => ({
    method: 'PUT',
    path: `/api/calendars/${SIDES[scope].agencyId}`,
    body: { layer: { id: SIDES[scope].agencyId, level: 'agency', name: { vi: 'Lịch cơ quan', en: 'Agency calendar' }, years: [] }, reason: 'Thử quyền' },
  }),
  'GET /api/audit': async () => ({ method: 'GET', path: '/api/audit?targetKind=agency' }),
  'GET /api/audit/export': async () => ({ method: 'GET', path: '/api/audit/export?targetKind=agency' }),
  'GET /api/outbox/consumers': async () => ({ method: 'GET', path: '/api/outbox/consumers' }),
  'GET /api/outbox/deliveries': async () => ({ method: 'GET', path: '/api/outbox/deliveries?state=pending' }),
  // The first outbox entry of a fresh dossier of the side, waiting for the test consumer.
  'POST /api/outbox/replay': async (w, scope) => ({ method: 'POST', path: '/api/outbox/replay', body: { consumer: 'test', entryId: (await w.t.outbox.listByDossier((await w.fresh(scope)).id))[0]!.id } }),
  // Citizens' own sign-in (not configured here: 404) and list (no citizen session: 401), whatever the staff's session.
  'GET /api/citizen/sign-in/methods': async () => ({ method: 'GET', path: '/api/citizen/sign-in/methods' }),
  'POST /api/citizen/sign-in/start': async () => ({ method: 'POST', path: '/api/citizen/sign-in/start' }),
  'POST /api/citizen/sign-in/callback': async () => ({ method: 'POST', path: '/api/citizen/sign-in/callback', body: { query: '?code=x&state=y', seal: 'x' } }),
  'GET /api/citizen/my-dossiers': async () => ({ method: 'GET', path: '/api/citizen/my-dossiers' }),
  // Retention (issue 18 item 6): the dry run, the side's procedure's period, one batch.
  'GET /api/retention': async () => ({ method: 'GET', path: '/api/retention' }),
  'PUT /api/retention/policies/{key}': async (_w, scope) => ({ method: 'PUT', path: `/api/retention/policies/${SIDES[scope].key}`, body: { years: 10, mode: 'archive' } }),
  'POST /api/retention/runs': async () => ({ method: 'POST', path: '/api/retention/runs', body: { limit: 10 } }),
  'POST /api/outbox/skip': async (w, scope) => ({ method: 'POST', path: '/api/outbox/skip', body: { consumer: 'test', entryId: (await w.t.outbox.listByDossier((await w.fresh(scope)).id))[0]!.id } }),
  'GET /api/catalogue': async () => ({ method: 'GET', path: '/api/catalogue?q=thu' }),
  'GET /api/catalogue/{key}': async (_w, scope) => ({ method: 'GET', path: `/api/catalogue/${SIDES[scope].key}` }),
  'GET /api/lookup': async (w, scope) => ({ method: 'GET', path: `/api/lookup?code=${encodeURIComponent(w.sides[scope].code)}&idNumber=${w.sides[scope].idNumber}` }),
  'GET /api/lookup/result': async (w, scope) => ({ method: 'GET', path: `/api/lookup/result?code=${encodeURIComponent(w.sides[scope].code)}&idNumber=${w.sides[scope].idNumber}` }),
  // The citizen's routes with a session and no citizen token: refused before the body or the dossier is read.
  'POST /api/citizen/dossiers/{id}/attachments': async (w, scope) => {
    const form = new FormData();
    form.append('file', new File([PDF], 'don.pdf', { type: 'application/pdf' }));
    return { method: 'POST', path: `/api/citizen/dossiers/${(await w.submitted(scope)).id}/attachments`, form };
  },
  'GET /api/citizen/dossiers/{id}/attachments': async (w, scope) => ({ method: 'GET', path: `/api/citizen/dossiers/${w.sides[scope].id}/attachments` }),
  // Citizen messages (issue 20 item 6): the tracking page's toggle, the providers' receipts, the dossier's list.
  'GET /api/citizen/notifications': async () => ({ method: 'GET', path: '/api/citizen/notifications' }),
  'PUT /api/citizen/notifications': async () => ({ method: 'PUT', path: '/api/citizen/notifications', body: { channel: 'zns', optedOut: true } }),
  'POST /api/message-receipts/zns': async () => ({ method: 'POST', path: '/api/message-receipts/zns', body: { app_id: '1', event_name: 'user_received_message', timestamp: '1' } }),
  'POST /api/message-receipts/sms': async () => ({ method: 'POST', path: '/api/message-receipts/sms', body: { requestId: 'x', status: 'delivered' } }),
  'GET /api/dossiers/{id}/messages': async (w, scope) => ({ method: 'GET', path: `/api/dossiers/${w.sides[scope].id}/messages` }),
  'POST /api/citizen/dossiers/{id}/supplements': async (w, scope) => {
    const side = SIDES[scope];
    const dossier = await w.fresh(scope, async (seeded) => {
      await json(w.t, side.receiver, 'POST', `/api/dossiers/${seeded.id}/supplement-requests`, { stepId: seeded.stepId, missingComponents: [{ name: 'Bản sao CCCD' }], reason: 'Thiếu CCCD' });
    });
    return { method: 'POST', path: `/api/citizen/dossiers/${dossier.id}/supplements`, body: { note: 'Đã bổ sung' } };
  },
  'POST /api/dossiers/{id}/attachments': async (w, scope) => {
    const form = new FormData();
    form.append('file', new File([PDF], 'don.pdf', { type: 'application/pdf' }));
    return { method: 'POST', path: `/api/dossiers/${(await w.fresh(scope)).id}/attachments`, form };
  },
  'GET /api/dossiers/{id}/attachments': async (w, scope) => ({ method: 'GET', path: `/api/dossiers/${w.sides[scope].id}/attachments` }),
  'GET /api/attachments/{id}': async (w, scope) => ({ method: 'GET', path: `/api/attachments/${w.sides[scope].attachmentId}` }),
  'GET /api/attachments/{id}/signatures': async (w, scope) => ({ method: 'GET', path: `/api/attachments/${w.sides[scope].attachmentId}/signatures` }),
  'GET /api/stats/summary': async (_w, scope) => ({ method: 'GET', path: `/api/stats/summary?${statsQuery(scope)}` }),
  'GET /api/stats/breakdown': async (_w, scope) => ({ method: 'GET', path: `/api/stats/breakdown?${statsQuery(scope)}&by=department` }),
  'GET /api/stats/trend': async (_w, scope) => ({ method: 'GET', path: `/api/stats/trend?${statsQuery(scope)}` }),
  'GET /api/stats/delays': async (_w, scope) => ({ method: 'GET', path: `/api/stats/delays?${statsQuery(scope)}` }),
  'GET /api/stats/steps': async (_w, scope) => ({ method: 'GET', path: `/api/stats/steps?${statsQuery(scope)}&mark=overdue` }),
  'GET /api/stats/dossiers': async (_w, scope) => ({ method: 'GET', path: `/api/stats/dossiers?${statsQuery(scope)}&classification=inTime` }),
  'GET /api/heatmap/{key}/versions/{version}': async (_w, scope) => ({ method: 'GET', path: `/api/heatmap/${SIDES[scope].key}/versions/1` }),
  'GET /api/heatmap/{key}/versions/{version}/elements/{elementId}/dossiers': async (_w, scope) => ({
    method: 'GET',
    path: `/api/heatmap/${SIDES[scope].key}/versions/1/elements/task-receive/dossiers`,
  }),
  'GET /api/events': async (_w, scope) => ({ method: 'GET', path: `/api/events?procedureKey=${SIDES[scope].key}` }),
};

/** A JSON body no operation's schema accepts (every body is an object). */
const MALFORMED = ['not an object'];

const statusClass = (status: number): StatusClass => (status >= 200 && status < 300 ? '2xx' : (String(status) as StatusClass));

/** The rows of `table` that differ from `expected`, one line per cell, for a readable failure. */
function differences(expected: Record<string, MatrixRow>, actual: Record<string, MatrixRow>): string[] {
  const lines: string[] = [];
  for (const [operation, row] of Object.entries(actual)) {
    for (const role of ROLES) {
      for (const scope of ['own', 'other'] as const) {
        const want = expected[operation]?.[role][scope];
        if (want !== row[role][scope]) lines.push(`${operation} as ${role} on ${scope} agency's resource: expected ${want}, got ${row[role][scope]}`);
      }
    }
  }
  return lines;
}

describe('authorization matrix', () => {
  let t: TestApp;
  let operations: string[];
  const actual: Record<string, MatrixRow> = {};
  const problems: string[] = [];

  beforeAll(async () => {
    // The province's identity provider, in process, knows the commune's civil-status official by e-mail.
    provider = await startTestProvider({ redirectUris: [SSO_REDIRECT_URL], accounts: { 'sub-hotich': { email: 'hotich@xa.demo.gov.vn' } } });
    t = await createTestApp({
      submissionLimit: { limit: 100_000, windowMs: 60_000 },
      signing: SIGNING.deps,
      // A portal credential is configured: still no session stands in for its signature.
      nationalPortal: { credentials: [{ id: 'dvcqg', secret: 'portal-secret-0123456789-abcdefghijkl' }] },
      signInMethods: parseSignInMethods({ OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: provider.clientId, OIDC_CLIENT_SECRET: provider.clientSecret, OIDC_REDIRECT_URL: SSO_REDIRECT_URL }),
    });
    const official = await t.access.users.getByUsername('official.hotich');
    await t.access.users.update({ ...official!, email: 'hotich@xa.demo.gov.vn' });
    for (const side of Object.values(SIDES)) await json(t, 'analyst', 'POST', '/api/procedures', { key: side.key, xml: side.xml });
    for (const signer of ['official.hotich', 'head.xa']) await json(t, signer, 'PUT', '/api/signing-certificates/mine', SIGNING.upload);
    for (const scope of ['own', 'other'] as const) await t.drafts.save(draftOf(scope));
    const document = (await (await t.app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
  });

  afterAll(async () => {
    await provider?.close();
  });

  it('describes every operation of the OpenAPI document in the matrix and has a request for each', () => {
    // given the operations the server documents
    // then each has a row in the expected table ("add it to the matrix") and a request factory here, and no row is stale
    expect(operations.filter((operation) => !EXPECTED_MATRIX[operation]), 'add these operations to authorization-matrix.expected.ts').toEqual([]);
    expect(operations.filter((operation) => !FACTORIES[operation]), 'add a request for these operations to authorization-matrix.test.ts').toEqual([]);
    expect(Object.keys(EXPECTED_MATRIX).filter((operation) => !operations.includes(operation)), 'rows for operations the server no longer has').toEqual([]);
  });

  it('answers every role on its own and on another agency\'s resources exactly as the expected table says, refusing with problems before validation, changing nothing and naming no other agency\'s dossier', { timeout: 120_000 }, async () => {
    // given one dossier of each agency, with its open step and an attachment
    const sides = {} as Record<Scope, SideResources>;
    for (const scope of ['own', 'other'] as const) {
      const seeded = await receiveAt(t, scope);
      const form = new FormData();
      form.append('file', new File([PDF], 'don.pdf', { type: 'application/pdf' }));
      const upload = await call(t, SIDES[scope].receiver, 'POST', `/api/dossiers/${seeded.id}/attachments`, undefined, form);
      if (upload.status !== 201) throw new Error(`seed attachment: ${upload.status} ${await upload.text()}`);
      sides[scope] = { ...seeded, attachmentId: ((await upload.json()) as { id: string }).id };
    }

    const foreign = [sides.other.id, sides.other.code];

    // when each role sends each operation on each agency's resource
    for (const operation of operations) {
      const factory = FACTORIES[operation];
      if (!factory) continue;
      const row = {} as MatrixRow;
      for (const role of ROLES) {
        const cells = {} as MatrixRow[MatrixRole];
        for (const scope of ['own', 'other'] as const) {
          const world: World = {
            t,
            sides,
            username: PRINCIPALS[role],
            touched: [sides.own.id, sides.other.id],
            fresh: async (s, prepare) => {
              const seeded = await receiveAt(t, s);
              await prepare?.(seeded);
              world.touched.push(seeded.id);
              if (s === 'other') foreign.push(seeded.id, seeded.code);
              return seeded;
            },
            submitted: async (s) => {
              const seeded = await submitAt(t, s);
              world.touched.push(seeded.id);
              if (s === 'other') foreign.push(seeded.id, seeded.code);
              return seeded;
            },
          };
          const request = await factory(world, scope);
          const mutation = request.method !== 'GET';
          const before = mutation ? await snapshot(t, world.touched) : '';
          const response = await call(t, world.username, request.method, request.path, request.body, request.form);
          const cell = `${operation} as ${role} (${scope})`;
          if (response.status === 401 || response.status === 403) {
            const type = response.headers.get('content-type') ?? '';
            const body = (await response.json()) as { code?: string; status?: number };
            const code = response.status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN';
            if (!type.startsWith('application/problem+json') || body.code !== code || body.status !== response.status) {
              problems.push(`${cell}: ${response.status} is not a ${code} problem (${type}, ${JSON.stringify(body)})`);
            }
          } else if (request.path.startsWith('/api/events') && response.status === 200) {
            await response.body?.cancel();
          } else if (request.method === 'GET' && response.status === 200 && AGENCY_ROLES.includes(role)) {
            // Nobody reaches another agency's private data: no answer names one of the one-stop centre's dossiers.
            const text = await response.text();
            const leaked = foreign.filter((value) => text.includes(value));
            if (leaked.length > 0) problems.push(`${cell}: the answer names the other agency's dossiers ${leaked.join(', ')}`);
          } else {
            await response.arrayBuffer();
          }
          if (mutation && response.status >= 400 && (await snapshot(t, world.touched)) !== before) problems.push(`${cell}: refused with ${response.status} but changed the stores`);
          // Authentication and authorization come before validation: a refused caller learns nothing of the schema.
          const expected = EXPECTED_MATRIX[operation]?.[role][scope];
          if (mutation && !request.form && (expected === '401' || expected === '403')) {
            const malformed = await call(t, world.username, request.method, request.path, MALFORMED);
            if (String(malformed.status) !== expected) problems.push(`${cell} with a malformed body: ${malformed.status} instead of ${expected} (validated before authorizing)`);
            await malformed.arrayBuffer();
          }
          await request.after?.(response.status);
          cells[scope] = statusClass(response.status);
        }
        row[role] = cells;
      }
      actual[operation] = row;
    }

    // then every cell is as expected, and every refusal a problem that changed nothing
    expect(differences(EXPECTED_MATRIX, actual)).toEqual([]);
    expect(problems).toEqual([]);
  });

  // Known gap, reported: `POST /api/steps/{id}/reassign` takes any assigneeId (another agency's official, or no user at
  // all) and notifies them with the dossier code; the step routes have no user store to check the assignee's unit.
  // When this starts to pass, make it an `it` and drop this note.
  it('refuses a head of unit handing their own unit\'s step to an official of another agency', async () => {
    // given an open step of the commune
    const { id, stepId } = await receiveAt(t, 'own');
    // when the commune's head hands it to the one-stop centre's official
    const response = await call(t, PRINCIPALS.headOfUnit, 'POST', `/api/steps/${stepId}/reassign`, { assigneeId: SIDES.other.userId });
    // then it is refused, and the step keeps no assignee
    expect(response.status).toBe(403);
    const step = (await t.stores.steps.list({ dossierId: id }, { offset: 0, limit: 10 })).items.find((item) => item.id === stepId);
    expect(step?.assigneeId).toBeUndefined();
  });
});
