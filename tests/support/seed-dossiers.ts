/**
 * Seeds N dossiers across three procedures through the dossier core's public use cases (receive, complete steps,
 * request and record supplements, reject, return the result) on a simulated clock, deterministically (seeded
 * PRNG): each official claims a step some time before completing it (the wait for an official, issue 19; drawn from a
 * PRNG of its own so every other instant stays as before, and only for steps completed before the stop, so the steps
 * still open then stay unclaimed in their inboxes); some finish early or on time, some overdue, some have one or two supplement requests, some are still in
 * process when the simulation stops. Used by the statistics and heatmap tests.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../../engine/src/index';
import type { Stores } from '../../server/src/stores';
import type { Actor, DossierDeps } from '../../server/src/dossiers/dossier-deps';
import { claimStep, completeStep } from '../../server/src/dossiers/dossier-commands';
import { receiveDossier } from '../../server/src/dossiers/receive-dossier';
import { acceptDossier } from '../../server/src/dossiers/dossier-commands';
import { submitDossier } from '../../server/src/dossiers/receive-dossier';
import { recordSupplement } from '../../server/src/dossiers/dossier-commands';
import { requestSupplement } from '../../server/src/dossiers/dossier-commands';
import { returnResult } from '../../server/src/dossiers/dossier-commands';
import type { OutboxStore } from '../../server/src/outbox/outbox-store';
import type { CalendarSource } from '../../server/src/dossiers/timekeeping';
import type { DossierFactsStore } from '../../server/src/statistics/dossier-facts-store';
import type { HeatmapNotifier } from '../../server/src/heatmap/heatmap-notifier';

const fixtureXml = readFileSync(fileURLToPath(new URL('../fixtures/server/two-agency-procedure.bpmn', import.meta.url)), 'utf8');

/** Three procedures from the two-agency fixture: the appraisal at Construction, at the commune, or at Land Registration. */
export const SEED_PROCEDURES = [
  { key: 'seed-xay-dung', code: '9.100001', name: 'Thủ tục A (Tài chính → Xây dựng)', appraisal: { agency: 'so-xay-dung', department: 'phong-quy-hoach' } },
  { key: 'seed-ubnd-xa', code: '9.100002', name: 'Thủ tục B (Tài chính → UBND xã)', appraisal: { agency: 'ubnd-xa-demo', department: 'tu-phap-ho-tich' } },
  { key: 'seed-dat-dai', code: '9.100003', name: 'Thủ tục C (Tài chính → Đất đai)', appraisal: { agency: 'vpdk-dat-dai', department: 'chi-nhanh-1' } },
] as const;

export function seedProcedureXml(index: number): string {
  const procedure = SEED_PROCEDURES[index]!;
  return fixtureXml
    .replace('procedureCode="9.000001"', `procedureCode="${procedure.code}"`)
    .replace('name="Thủ tục thử liên thông hai cơ quan"', `name="${procedure.name}"`)
    .replace('<lt:assignment agency="so-xay-dung" department="phong-quy-hoach" />', `<lt:assignment agency="${procedure.appraisal.agency}" department="${procedure.appraisal.department}" />`);
}

export const SEED_ACTORS = {
  counter: { id: 'u-official-motcua', name: 'Cán bộ một cửa', agencyId: 'ttpvhcc', departmentId: 'quay-mot-cua' },
  finance: { id: 'u-official-dkkd', name: 'Cán bộ ĐKKD', agencyId: 'so-tai-chinh', departmentId: 'phong-dkkd' },
  appraiser: { id: 'u-appraiser', name: 'Cán bộ thẩm định' },
} satisfies Record<string, Actor>;

export interface SeedTarget {
  stores: Stores;
  outbox: OutboxStore;
  clock: Clock & { set(at: number): void };
  calendars: CalendarSource;
  facts: DossierFactsStore;
  heatmapChanges?: HeatmapNotifier;
  /** Deploys the three procedures (the test app does it through `POST /api/procedures`). */
  deploy(key: string, xml: string): Promise<void>;
}

export interface SeedOptions {
  count: number;
  seed?: number;
  /** First receipt (a Monday morning in Vietnam); receipts spread over `days` calendar days. */
  startAt: number;
  days?: number;
  /** The simulation stops here: later actions do not happen (those dossiers stay in process). */
  stopAt: number;
}

/** mulberry32: a small deterministic PRNG. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Stage =
  | { kind: 'claim'; actor: Actor; completesAt: number }
  | { kind: 'complete'; decision?: 'approve' | 'reject'; actor: Actor }
  | { kind: 'requestSupplement'; actor: Actor }
  | { kind: 'recordSupplement' }
  | { kind: 'returnResult' };

interface Planned {
  at: number;
  dossier: number;
  stage: Stage;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A working-hours instant `days` calendar days after `at`'s day, moved off weekends (Vietnam time). */
function workingInstant(at: number, random: () => number): number {
  let day = at;
  while ([0, 6].includes(new Date(day + 7 * HOUR).getUTCDay())) day += DAY;
  const startOfDay = Math.floor((day + 7 * HOUR) / DAY) * DAY - 7 * HOUR;
  return startOfDay + 8 * HOUR + Math.floor(random() * 8 * HOUR);
}

/** Seeds the dossiers; returns their ids in receipt order and how many use cases ran. */
export async function seedDossiers(target: SeedTarget, options: SeedOptions): Promise<{ dossierIds: string[]; actions: number }> {
  for (let index = 0; index < SEED_PROCEDURES.length; index += 1) await target.deploy(SEED_PROCEDURES[index]!.key, seedProcedureXml(index));
  const random = createRandom(options.seed ?? 766);
  const deps: DossierDeps & { facts: DossierFactsStore; heatmapChanges?: HeatmapNotifier } = {
    stores: target.stores,
    outbox: target.outbox,
    clock: target.clock,
    calendars: target.calendars,
    newId: (() => {
      let next = 0;
      return () => `seed-${(next += 1).toString(36)}`;
    })(),
    facts: target.facts,
    ...(target.heatmapChanges ? { heatmapChanges: target.heatmapChanges } : {}),
  };
  const days = options.days ?? 40;
  const receipts = Array.from({ length: options.count }, (_, i) => ({ i, at: workingInstant(options.startAt + Math.floor(random() * days) * DAY, random), procedure: Math.floor(random() * 3) }));
  receipts.sort((a, b) => a.at - b.at || a.i - b.i);
  const queue: Planned[] = [];
  const claimRandom = createRandom((options.seed ?? 766) ^ 0x5c1a);
  const plans = receipts.map((receipt, dossier) => withClaims(receipt.at, planDossier(receipt.at, random), claimRandom).map((planned) => ({ ...planned, dossier })));
  for (const plan of plans) queue.push(...plan);
  queue.sort((a, b) => a.at - b.at || a.dossier - b.dossier);
  const receiptQueue = receipts.map((receipt, dossier) => ({ at: receipt.at, dossier, procedure: receipt.procedure }));

  const dossierIds: string[] = [];
  let actions = 0;
  let next = 0;
  const runUntil = async (until: number) => {
    while (next < queue.length && queue[next]!.at <= until) {
      const planned = queue[next++]!;
      const dossierId = dossierIds[planned.dossier];
      if (dossierId === undefined || planned.at > options.stopAt) continue;
      if (planned.stage.kind === 'claim' && planned.stage.completesAt > options.stopAt) continue;
      target.clock.set(planned.at);
      if (await runStage(deps, dossierId, planned.stage)) actions += 1;
    }
  };
  for (const receipt of receiptQueue) {
    if (receipt.at > options.stopAt) break;
    await runUntil(receipt.at);
    target.clock.set(receipt.at);
    const command = {
      procedureKey: SEED_PROCEDURES[receipt.procedure]!.key,
      agencyId: 'ttpvhcc',
      applicant: { name: `Người nộp ${receipt.dossier + 1}`, idNumber: `0010850${String(receipt.dossier).padStart(5, '0')}` },
      form: { businessName: `Công ty ${receipt.dossier + 1}`, capital: 1_000_000 },
      documents: [{ name: 'Giấy đề nghị', copyType: receipt.dossier % 4 === 0 ? ('electronic' as const) : ('original' as const), quantity: 1 }],
    };
    // One in five is submitted online (channel 2) and accepted at the counter at once.
    const dossier = receipt.dossier % 5 === 1
      ? await acceptDossier(deps, (await submitDossier(deps, command, { id: 'citizen', name: command.applicant.name })).id, SEED_ACTORS.counter)
      : await receiveDossier(deps, command, SEED_ACTORS.counter);
    dossierIds[receipt.dossier] = dossier.id;
    actions += 1;
  }
  await runUntil(options.stopAt);
  target.clock.set(options.stopAt);
  return { dossierIds, actions };
}

/** The life of one dossier: counter check, review (maybe supplements, maybe rejected), appraisal, return. */
function planDossier(receivedAt: number, random: () => number): Omit<Planned, 'dossier'>[] {
  const stages: Omit<Planned, 'dossier'>[] = [];
  let at = receivedAt;
  const after = (hours: number) => (at += Math.max(1, hours) * HOUR);
  stages.push({ at: after(0.5 + random() * 5), stage: { kind: 'complete', actor: SEED_ACTORS.counter } });
  const supplements = random() < 0.12 ? (random() < 0.3 ? 2 : 1) : 0;
  for (let n = 0; n < supplements; n += 1) {
    stages.push({ at: after(2 + random() * 20), stage: { kind: 'requestSupplement', actor: SEED_ACTORS.finance } });
    stages.push({ at: after(24 + random() * 96), stage: { kind: 'recordSupplement' } });
  }
  // Review: budget 2 working days; most take 4 h to 3 days, a few much longer.
  const reviewHours = random() < 0.15 ? 72 + random() * 96 : 4 + random() * 60;
  if (random() < 0.05) {
    stages.push({ at: after(reviewHours), stage: { kind: 'complete', decision: 'reject', actor: SEED_ACTORS.finance } });
    return stages;
  }
  stages.push({ at: after(reviewHours), stage: { kind: 'complete', decision: 'approve', actor: SEED_ACTORS.finance } });
  const appraisalHours = random() < 0.2 ? 80 + random() * 120 : 4 + random() * 50;
  stages.push({ at: after(appraisalHours), stage: { kind: 'complete', actor: SEED_ACTORS.appraiser } });
  stages.push({ at: after(1 + random() * 20), stage: { kind: 'complete', actor: SEED_ACTORS.counter } });
  if (random() < 0.6) stages.push({ at: after(2 + random() * 48), stage: { kind: 'returnResult' } });
  return stages;
}

/**
 * Before each completion or request to supplement, the official claims the step at a drawn share (2–60 %) of the time since the stage before it:
 * the step waited in the unit's inbox until then.
 */
function withClaims(receivedAt: number, stages: Omit<Planned, 'dossier'>[], random: () => number): Omit<Planned, 'dossier'>[] {
  return stages.flatMap((planned, index) => {
    if (planned.stage.kind !== 'complete' && planned.stage.kind !== 'requestSupplement') return [planned];
    const previousAt = index === 0 ? receivedAt : stages[index - 1]!.at;
    const claimAt = Math.round(previousAt + (0.02 + random() * 0.58) * (planned.at - previousAt));
    return [{ at: claimAt, stage: { kind: 'claim' as const, actor: planned.stage.actor, completesAt: planned.at } }, planned];
  });
}

async function runStage(deps: DossierDeps, dossierId: string, stage: Stage): Promise<boolean> {
  const open = (await deps.stores.steps.list({ dossierId, status: ['open'] }, { offset: 0, limit: 10 })).items;
  const dossier = await deps.stores.dossiers.get(dossierId);
  if (!dossier) return false;
  const allow = () => undefined;
  switch (stage.kind) {
    case 'claim': {
      const step = open.find((candidate) => candidate.kind === 'userTask');
      if (!step || dossier.status !== 4 || step.assigneeId !== undefined) return false;
      const actor = stage.actor.agencyId ? stage.actor : { ...stage.actor, agencyId: step.agencyId, departmentId: step.departmentId };
      await claimStep(deps, step.id, actor, allow);
      // Not counted: `actions` stays the count of the seeded life's other use cases, as the tests know it.
      return false;
    }
    case 'complete': {
      const step = open.find((candidate) => candidate.kind === 'userTask');
      if (!step || dossier.status !== 4) return false;
      const actor = stage.actor.agencyId ? stage.actor : { ...stage.actor, agencyId: step.agencyId, departmentId: step.departmentId };
      await completeStep(deps, step.id, stage.decision ? { decision: stage.decision } : {}, actor, allow);
      return true;
    }
    case 'requestSupplement': {
      const step = open.find((candidate) => candidate.elementId === 'task-review');
      if (!step || dossier.status !== 4) return false;
      await requestSupplement(deps, dossierId, { stepId: step.id, missingComponents: [{ name: 'Bản sao giấy tờ tùy thân' }], reason: 'Thiếu giấy tờ' }, stage.actor, allow);
      return true;
    }
    case 'recordSupplement':
      if (dossier.status !== 5) return false;
      await recordSupplement(deps, dossierId, { note: 'Đã bổ sung' }, SEED_ACTORS.counter);
      return true;
    case 'returnResult':
      if (dossier.status !== 9) return false;
      await returnResult(deps, dossierId, undefined, SEED_ACTORS.counter);
      return true;
  }
}
