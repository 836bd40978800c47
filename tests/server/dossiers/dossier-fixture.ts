/**
 * Helpers for the dossier tests: the two-agency fixture procedure deployed on a test app, and the HTTP calls the
 * tests repeat (receive at the counter, read an inbox, act on a step), each returning status and body.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createTestApp, type TestAppOptions } from '../../support/test-app';

export const FIXTURE_KEY = 'thu-lien-thong';
const fixtureXml = readFileSync(fileURLToPath(new URL('../../fixtures/server/two-agency-procedure.bpmn', import.meta.url)), 'utf8');

/** The fixture with another supplement policy: `pause`, `restart`, or a bounded wait of `waitDays` working days. */
export function fixtureWithPolicy(policy: 'pause' | 'restart' | 'boundedWait', waitDays = 7): string {
  const attributes = policy === 'boundedWait' ? `supplementPolicy="boundedWait" supplementWaitValue="${waitDays}" supplementWaitUnit="workingDays"` : `supplementPolicy="${policy}"`;
  return fixtureXml.replace('supplementPolicy="pause"', attributes);
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

export const VALID_FORM = { businessName: 'Công ty TNHH Sen Vàng', capital: 1_000_000_000 };
export const APPLICANT = { name: 'Trần Văn Dân', idNumber: '001085012345', phone: '0912345678', address: 'Số 1 Tràng Tiền, Hà Nội' };

export async function createDossierTestApp(options: TestAppOptions & { xml?: string; deploy?: boolean } = {}) {
  const t = await createTestApp(options);
  if (options.deploy ?? !options.stores) {
    const deployed = await call(t, 'analyst', 'POST', '/api/procedures', { key: FIXTURE_KEY, xml: options.xml ?? fixtureXml });
    if (deployed.status !== 201) throw new Error(`deploy failed: ${JSON.stringify(deployed.body)}`);
  }
  return t;
}

export async function call<T = Record<string, unknown>>(t: TestApp, user: string | undefined, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
  const auth = user ? await t.as(user) : {};
  const response = await t.app.request(path, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...auth, ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // HTML forms stay text
  }
  return { status: response.status, body: parsed as T };
}

export interface DossierBody {
  id: string;
  dossierCode: string;
  status: number;
  appointmentAt?: string;
  receivedAt?: string;
  [key: string]: unknown;
}

export interface InboxItem {
  id: string;
  dossierId: string;
  dossierCode: string;
  elementId: string;
  name: string;
  mark: string;
  dueAt?: string;
  remainingMs?: number;
  remainingText?: string;
  assigneeId?: string;
  status: string;
}

export async function receive(t: TestApp, overrides: Record<string, unknown> = {}): Promise<DossierBody> {
  const answer = await call<DossierBody>(t, 'official.motcua', 'POST', '/api/dossiers', {
    procedureKey: FIXTURE_KEY,
    applicant: APPLICANT,
    form: VALID_FORM,
    documents: [{ name: 'Giấy đề nghị', copyType: 'original', quantity: 1 }],
    ...overrides,
  });
  if (answer.status !== 201) throw new Error(`receive failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export async function inbox(t: TestApp, user: string, scope: 'mine' | 'department' = 'department'): Promise<InboxItem[]> {
  const answer = await call<{ items: InboxItem[] }>(t, user, 'GET', `/api/inbox?scope=${scope}`);
  if (answer.status !== 200) throw new Error(`inbox failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.items;
}

/** The open step of `dossierId` in `user`'s department inbox. */
export async function openStepOf(t: TestApp, user: string, dossierId: string): Promise<InboxItem> {
  const step = (await inbox(t, user)).find((item) => item.dossierId === dossierId);
  if (!step) throw new Error(`no open step of ${dossierId} in the inbox of ${user}`);
  return step;
}

export async function complete(t: TestApp, user: string, stepId: string, body: Record<string, unknown> = {}): Promise<Answer> {
  return call(t, user, 'POST', `/api/steps/${encodeURIComponent(stepId)}/complete`, body);
}
