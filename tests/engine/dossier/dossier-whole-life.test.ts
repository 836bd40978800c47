/**
 * A dossier's whole life on the pure decision (engine/src/dossier): no server, no store, no clock but the instants
 * the test names. Inter-agency group 1 (`lien-thong-khai-sinh`, Decree 63/2024/NĐ-CP: birth, residence, health card;
 * 3 working days) is received at the counter, asked for a supplement (the clocks pause, status 5) and supplemented
 * (they resume), handed from the commune to the Police and Social Insurance at the same time, the Police step left
 * to go nearly due, overdue and up its escalation ladder, the Police apologise with a new appointment (form 04), and
 * the counter returns the result. The Police have a closure day of their own: their clock skips it, nobody else's does.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  decide,
  decideNew,
  toTimekeeping,
  createVietnamWorkingCalendar,
  type Actor,
  type CalendarLayer,
  type Calendars,
  type DecisionResult,
  type DossierCommand,
  type DossierRecord,
  type ProcedureDefinition,
  type StepRecord,
  type TimerRecord,
  type Timekeeping,
} from '../../../engine/src/index';
import { exampleForm, loadDefinition } from '../../procedures/support/library';

/** A local Vietnam time (UTC+7) as an instant. */
const vn = (y: number, m: number, d: number, h = 0, min = 0): number => Date.UTC(y, m - 1, d, h - 7, min);

const POLICE = 'cong-an-xa-demo';
/** The Police close on Thursday 14/5/2026 (an agency layer): only their clocks skip it. */
const POLICE_CLOSURE: CalendarLayer = {
  id: POLICE,
  level: 'agency',
  name: { vi: 'Công an xã Demo', en: 'Commune Police (demo)' },
  years: [{ year: 2026, status: 'official', days: [{ date: '2026-05-14', kind: 'localClosure', reason: { vi: 'Diễn tập phòng cháy', en: 'Fire drill' } }] }],
};

function calendarsWith(layers: CalendarLayer[]): Calendars {
  const everyone = toTimekeeping(createVietnamWorkingCalendar());
  const byAgency = new Map<string, Timekeeping>(layers.map((layer) => [layer.id, toTimekeeping(createVietnamWorkingCalendar([layer]))]));
  return { forAgency: (agencyId) => (agencyId && byAgency.get(agencyId)) || everyone };
}

const COUNTER: Actor = { id: 'official.motcua', name: 'Nguyễn Văn Một', agencyId: 'ttpvhcc', departmentId: 'quay-mot-cua' };
const CIVIL: Actor = { id: 'official.hotich', agencyId: 'ubnd-xa-demo', departmentId: 'tu-phap-ho-tich' };
const POLICE_OFFICIAL: Actor = { id: 'official.congan', agencyId: POLICE };
const INSURANCE: Actor = { id: 'official.bhxh', agencyId: 'bhxh-tinh' };
const SYSTEM: Actor = { id: 'system' };

/** What a store would keep, kept in memory: the dossier, its steps, its timers, and everything the decisions left. */
class Ledger {
  dossier!: DossierRecord;
  readonly steps = new Map<string, StepRecord>();
  readonly timers = new Map<string, TimerRecord>();
  readonly outbox: DecisionResult['outbox'] = [];
  readonly progress: DecisionResult['progress'] = [];
  readonly audit: DecisionResult['audit'] = [];

  constructor(readonly definition: ProcedureDefinition, readonly calendars: Calendars) {}

  keep(result: DecisionResult): void {
    this.dossier = { ...result.dossier, rev: result.dossier.rev + 1 };
    for (const step of result.createdSteps) this.steps.set(step.id, { ...step, rev: 0 });
    for (const step of result.changedSteps) this.steps.set(step.id, { ...step, rev: step.rev + 1 });
    for (const write of result.timers) {
      if ('schedule' in write) this.timers.set(write.schedule.id, { ...write.schedule, status: 'scheduled' });
      else if (this.timers.get(write.cancel)?.status === 'scheduled') this.timers.get(write.cancel)!.status = 'cancelled';
    }
    this.outbox.push(...result.outbox);
    this.progress.push(...result.progress);
    this.audit.push(...result.audit);
  }

  async run(command: DossierCommand, actor: Actor, at: number): Promise<void> {
    const steps = [...this.steps.values()].filter((step) => step.status === 'open' || ('stepId' in command && step.id === command.stepId));
    this.keep(await decide({ dossier: structuredClone(this.dossier), steps: structuredClone(steps), definition: this.definition, calendars: this.calendars, actor, at }, command));
  }

  /** Fires every scheduled timer due by `until`, earliest first, as the sweeper would. */
  async sweep(until: number): Promise<string[]> {
    const fired: string[] = [];
    for (;;) {
      const due = [...this.timers.values()].filter((t) => t.status === 'scheduled' && t.dueAt <= until).sort((a, b) => a.dueAt - b.dueAt)[0];
      if (!due) return fired;
      due.status = 'fired';
      fired.push(due.kind);
      const steps = [...this.steps.values()].filter((step) => step.status === 'open' || step.id === due.stepId);
      this.keep(await decide({ dossier: structuredClone(this.dossier), steps: structuredClone(steps), definition: this.definition, calendars: this.calendars, actor: SYSTEM, at: due.dueAt }, { type: 'timer.fire', timer: due }));
    }
  }

  open(elementId: string): StepRecord {
    const step = [...this.steps.values()].find((s) => s.elementId === elementId && s.status === 'open');
    if (!step) throw new Error(`no open step ${elementId}; open: ${[...this.steps.values()].filter((s) => s.status === 'open').map((s) => s.elementId).join(', ')}`);
    return step;
  }

  async work(elementId: string, actor: Actor, at: number, decision: 'approve' | 'supplement' = 'approve', data: Record<string, unknown> = {}): Promise<void> {
    const step = this.open(elementId);
    await this.sweep(at);
    await this.run({ type: 'step.claim', stepId: step.id }, actor, at);
    await this.run({ type: 'step.complete', stepId: step.id, decision, data }, actor, at);
  }

  events(kind: string): Record<string, unknown>[] {
    return this.outbox.filter((entry) => entry.kind === kind).map((entry) => entry.payload);
  }
}

describe('a dossier\'s whole life, decided without a server or a store', () => {
  let definition: ProcedureDefinition;
  beforeAll(async () => {
    definition = await loadDefinition('lien-thong-khai-sinh');
  });

  it('is received, supplemented, handed to two agencies, goes overdue up the ladder, is apologised for and finished, each clock on its agency\'s calendar', async () => {
    const started = performance.now();
    const ledger = new Ledger(definition, calendarsWith([POLICE_CLOSURE]));
    // given a dossier received at the counter on Monday 11/5/2026 08:00
    const receivedAt = vn(2026, 5, 11, 8, 0);
    const opened = await decideNew(
      {
        dossier: { id: 'd1', dossierCode: 'ttpvhcc-260511-0001', procedureKey: 'lien-thong-khai-sinh', procedureVersion: 1, agencyId: 'ttpvhcc', channel: 1, applicant: { name: 'Trần Thị Bình', idNumber: '001190012345' }, form: exampleForm('lien-thong-khai-sinh') },
        definition,
        calendars: ledger.calendars,
        actor: COUNTER,
        at: receivedAt,
      },
      { type: 'counter.receive', outcome: { kind: 'accepted' } },
    );
    ledger.keep({ ...opened, dossier: { ...opened.dossier, rev: -1 } });
    // then it is in process (status 4) with the appointment 3 working days later, and the counter's step is open
    expect(ledger.dossier.status).toBe(4);
    expect(ledger.dossier.appointmentAt).toBe(vn(2026, 5, 14, 8, 0));
    expect(ledger.progress.map((p) => p.status)).toEqual([2, 4, 4]);
    expect(ledger.events('notification.citizen').map((e) => e.event)).toEqual(['dossier.received']);

    // when the counter hands it on and the civil-status officer asks for a supplement an hour later
    await ledger.work('task-receive', COUNTER, vn(2026, 5, 11, 9, 0));
    await ledger.work('task-register-birth', CIVIL, vn(2026, 5, 11, 10, 0), 'supplement');
    // then the dossier waits for the citizen (status 5) and the citizen is told
    expect(ledger.dossier.status).toBe(5);
    expect(ledger.open('task-wait-supplement').kind).toBe('receiveTask');
    expect(ledger.events('notification.citizen').at(-1)).toMatchObject({ event: 'supplement.requested', status: 5 });

    // when the citizen supplements two days later, the clocks resume and the route goes back to the check
    await ledger.run({ type: 'supplement.record', documents: [{ name: 'Giấy chứng sinh', copyType: 'original', quantity: 1 }] }, COUNTER, vn(2026, 5, 13, 8, 0));
    expect(ledger.dossier.status).toBe(4);
    await ledger.work('task-register-birth', CIVIL, vn(2026, 5, 13, 9, 0));

    // then the Police and Social Insurance each hold a step at the same time, each routed to its own agency
    const police = ledger.open('task-review-residence');
    const insurance = ledger.open('task-issue-health-card');
    expect([police.agencyId, insurance.agencyId]).toEqual([POLICE, 'bhxh-tinh']);
    expect(ledger.dossier.state['routedTo']).toEqual(expect.arrayContaining([{ agencyId: POLICE }, { agencyId: 'bhxh-tinh' }]));
    // and each is due 1 working day later on its own agency's calendar: the Police skip their closure day (Thursday)
    expect(insurance.dueAt).toBe(vn(2026, 5, 14, 9, 0));
    expect(police.dueAt).toBe(vn(2026, 5, 15, 9, 0));

    // when Social Insurance works in time and the Police step is left waiting into the next week
    await ledger.work('task-issue-health-card', INSURANCE, vn(2026, 5, 13, 14, 0));
    await ledger.work('task-approve-health-card', INSURANCE, vn(2026, 5, 13, 16, 0));
    const fired = await ledger.sweep(vn(2026, 5, 18, 17, 0));
    // then the Police step went nearly due, overdue and up its ladder (official, head of unit, supervisor), once each,
    // and the dossier's own clock, its appointment passed, went overdue too
    expect(fired.filter((kind) => kind.startsWith('step.'))).toEqual(['step.nearlyDue', 'step.overdue', 'step.escalation', 'step.escalation', 'step.escalation']);
    expect(fired).toContain('dossier.overdue');
    const marks = ledger.events('notification.official').filter((e) => e['stepId'] === police.id).map((e) => `${e['event']}${e['rung'] === undefined ? '' : `#${String(e['rung'])}`}`);
    expect(marks).toEqual(['step.activated', 'step.nearly_due', 'step.overdue', 'step.escalated#1', 'step.escalated#2', 'step.escalated#3']);
    expect(ledger.open('task-review-residence').dueAt).toBe(vn(2026, 5, 15, 9, 0));

    // when the Police apologise with a new appointment (form 04) and then finish their part
    await ledger.run({ type: 'dossier.reappoint', newAppointmentAt: vn(2026, 5, 20, 16, 0), reason: 'Chưa xác minh xong nơi cư trú' }, POLICE_OFFICIAL, vn(2026, 5, 18, 17, 0));
    expect(ledger.dossier.appointmentAt).toBe(vn(2026, 5, 20, 16, 0));
    expect(ledger.events('notification.citizen').at(-1)).toMatchObject({ event: 'dossier.reappointed', newAppointmentAt: vn(2026, 5, 20, 16, 0) });
    await ledger.work('task-review-residence', POLICE_OFFICIAL, vn(2026, 5, 19, 8, 0), 'approve', { needsVerification: false });
    await ledger.work('task-approve-residence', POLICE_OFFICIAL, vn(2026, 5, 19, 10, 0));
    await ledger.work('task-return', COUNTER, vn(2026, 5, 19, 14, 0));

    // then the dossier is finished (status 9), nothing is open, no timer is left armed, and the result is announced
    expect(ledger.dossier.status).toBe(9);
    expect([...ledger.steps.values()].filter((s) => s.status === 'open')).toEqual([]);
    expect([...ledger.timers.values()].filter((t) => t.status === 'scheduled')).toEqual([]);
    expect(ledger.events('notification.citizen').at(-1)).toMatchObject({ event: 'result.ready', status: 9 });
    // and the progress lines are numbered without a gap, as the portal sync needs
    expect(ledger.progress.map((p) => p.seq)).toEqual(ledger.progress.map((_, i) => i + 1));
    expect(ledger.outbox.map((e) => e.seq)).toEqual(ledger.outbox.map((_, i) => i + 1));
    // and the whole life took a few hundred milliseconds, not a server's worth
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
