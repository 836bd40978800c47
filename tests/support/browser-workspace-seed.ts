/**
 * @module browserWorkspaceSeed — a working Monday for the workspace browser tests, through the dossier routes only:
 * the library's business registration procedure deployed (counter → Department of Finance's business registration
 * office: review, head's approval → counter), five dossiers received at the one-stop counter from 08:37 on, one of
 * them already handed on to the Department of Finance, and the clock at 14:37 so the counter's steps are overdue,
 * nearly due and in time (4 working-hour budget, nearly due at 75 %). Optionally the two weeks before, worked through
 * to the result, with some reviews late at the Department of Finance, for the supervisors' figures and trend.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exampleForm } from '../procedures/support/library';
import type { WorkspaceTestApp } from './browser-workspace-app';

export const SEED_PROCEDURE_KEY = 'dang-ky-thanh-lap-doanh-nghiep';
const procedureXml = readFileSync(fileURLToPath(new URL(`../../procedures/${SEED_PROCEDURE_KEY}/${SEED_PROCEDURE_KEY}.bpmn`, import.meta.url)), 'utf8');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface SeededDossier {
  id: string;
  dossierCode: string;
  applicant: { name: string; idNumber: string };
}

export interface WorkspaceSeed {
  /** Received at 08:37: overdue at 14:37. */
  overdue: SeededDossier;
  /** Received at 09:30: nearly due at 14:37. */
  nearlyDue: SeededDossier;
  /** Received at 10:37 and 11:37: in time. */
  inTime: SeededDossier[];
  /** Handed on to the Department of Finance (another agency) at 11:40. */
  atFinance: SeededDossier;
}

const APPLICANTS = [
  { name: 'Nguyễn Văn An', idNumber: '001085000101' },
  { name: 'Trần Thị Bình', idNumber: '001190000202' },
  { name: 'Lê Văn Cường', idNumber: '001088000303' },
  { name: 'Phạm Thị Dung', idNumber: '001192000404' },
  { name: 'Hoàng Văn Em', idNumber: '001080000505' },
];

/** Deploys the procedure, optionally works the week before (`history`), then seeds Monday 3/3/2025. */
export async function seedWorkingDay(app: WorkspaceTestApp, options: { history?: boolean } = {}): Promise<WorkspaceSeed> {
  const deployed = await app.call('analyst', 'POST', '/api/procedures', { key: SEED_PROCEDURE_KEY, xml: procedureXml });
  if (deployed.status !== 201) throw new Error(`deploy failed: ${JSON.stringify(deployed.body)}`);
  if (options.history) await seedHistoryWeek(app);
  let index = 0;
  const receive = () => receiveAtCounter(app, index++);
  // Monday 3/3/2025 08:37 in Hanoi (UTC+7).
  app.clock.set(Date.UTC(2025, 2, 3, 1, 37));
  const overdue = await receive();
  app.clock.advance(53 * MINUTE);
  const nearlyDue = await receive();
  app.clock.advance(67 * MINUTE);
  const first = await receive();
  app.clock.advance(60 * MINUTE);
  const second = await receive();
  const atFinance = await receive();
  app.clock.advance(3 * MINUTE);
  await completeOpenStep(app, 'official.motcua', atFinance.id);
  app.clock.set(Date.UTC(2025, 2, 3, 7, 37));
  return { overdue, nearlyDue, inTime: [first, second], atFinance };
}

/**
 * The two weeks from Monday 17/2 to Friday 28/2/2025: two dossiers a working day, worked through counter → review →
 * head's approval → counter. In the first week every third review is done a week later, over its 1.5 working-day
 * budget and past the 3-day appointment (a delay the Department of Finance caused); every fifth dossier waits at the
 * head's approval. Each official claims a step before completing it (the counter 20 minutes after it opens, the review
 * and the head 30 minutes after, the return 20 minutes after), so the wait for an official is measured apart from the
 * work (issue 19); the late reviews were claimed early and worked long. Actions run in time order on the simulated clock.
 */
async function seedHistoryWeek(app: WorkspaceTestApp): Promise<void> {
  const events: { at: number; run: () => Promise<unknown> }[] = [];
  const firstMonday = Date.UTC(2025, 1, 17, 1, 0); // 08:00 in Hanoi
  for (let day = 0; day < 10; day += 1) {
    const date = firstMonday + (day + 2 * Math.floor(day / 5)) * DAY;
    for (let slot = 0; slot < 2; slot += 1) {
      const index = day * 2 + slot;
      const receivedAt = date + slot * 2 * HOUR;
      let dossier: SeededDossier | undefined;
      const late = index % 3 === 0 && day < 5;
      const reviewAt = receivedAt + (late ? 7 * DAY : DAY) + HOUR;
      events.push({ at: receivedAt, run: async () => (dossier = await receiveAtCounter(app, index)) });
      events.push({ at: receivedAt + HOUR / 3, run: () => claimOpenStep(app, 'official.motcua', dossier!.id) });
      events.push({ at: receivedAt + HOUR, run: () => completeOpenStep(app, 'official.motcua', dossier!.id) });
      events.push({ at: receivedAt + HOUR + HOUR / 2, run: () => claimOpenStep(app, 'official.dkkd', dossier!.id) });
      events.push({ at: reviewAt, run: () => completeOpenStep(app, 'official.dkkd', dossier!.id) });
      if (index % 5 === 4) continue;
      events.push({ at: reviewAt + HOUR / 2, run: () => claimOpenStep(app, 'official.dkkd', dossier!.id) });
      events.push({ at: reviewAt + 2 * HOUR, run: () => completeOpenStep(app, 'official.dkkd', dossier!.id) });
      events.push({ at: reviewAt + 2 * HOUR + HOUR / 3, run: () => claimOpenStep(app, 'official.motcua', dossier!.id) });
      events.push({ at: reviewAt + 3 * HOUR, run: () => completeOpenStep(app, 'official.motcua', dossier!.id) });
    }
  }
  events.sort((a, b) => a.at - b.at);
  for (const event of events) {
    app.clock.set(event.at);
    await event.run();
  }
}

async function receiveAtCounter(app: WorkspaceTestApp, index: number): Promise<SeededDossier> {
  const applicant = { ...APPLICANTS[index % APPLICANTS.length]!, phone: '0912345678', address: 'Số 1 Tràng Tiền, Hà Nội' };
  const answer = await app.call<SeededDossier>('official.motcua', 'POST', '/api/dossiers', {
    procedureKey: SEED_PROCEDURE_KEY,
    applicant,
    form: { ...exampleForm(SEED_PROCEDURE_KEY), businessName: `Công ty TNHH ${applicant.name}`, capital: 1_500_000_000 },
    documents: [
      { name: 'Giấy đề nghị đăng ký', copyType: 'original', quantity: 1 },
      { name: 'Bản sao căn cước công dân', copyType: 'certifiedCopy', quantity: 1 },
    ],
  });
  if (answer.status !== 201) throw new Error(`receive failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** Claims the open step of `dossierId` in `user`'s department inbox (the wait for an official ends). */
async function claimOpenStep(app: WorkspaceTestApp, user: string, dossierId: string): Promise<void> {
  const inbox = await app.call<{ items: { id: string; dossierId: string }[] }>(user, 'GET', '/api/inbox?scope=department');
  const step = inbox.body.items.find((item) => item.dossierId === dossierId);
  if (!step) throw new Error(`no open step of ${dossierId} for ${user}`);
  const claimed = await app.call(user, 'POST', `/api/steps/${encodeURIComponent(step.id)}/claim`);
  if (claimed.status !== 200) throw new Error(`claim failed: ${claimed.status} ${JSON.stringify(claimed.body)}`);
}

/** Completes (approve) the open step of `dossierId` in `user`'s department inbox; returns that step's element id. */
export async function completeOpenStep(app: WorkspaceTestApp, user: string, dossierId: string): Promise<string> {
  const inbox = await app.call<{ items: { id: string; dossierId: string; elementId: string }[] }>(user, 'GET', '/api/inbox?scope=department');
  const step = inbox.body.items.find((item) => item.dossierId === dossierId);
  if (!step) throw new Error(`no open step of ${dossierId} for ${user}`);
  const done = await app.call(user, 'POST', `/api/steps/${encodeURIComponent(step.id)}/complete`, { decision: 'approve' });
  if (done.status !== 200) throw new Error(`complete failed: ${done.status} ${JSON.stringify(done.body)}`);
  return step.elementId;
}
