/**
 * Claiming a step records when the wait for an official ended (issue 19: measured durations are step opened →
 * claimed → completed). Decided on the pure decision with the library's birth registration route
 * (`lien-thong-khai-sinh`, Decree 63/2024/NĐ-CP), no server and no store.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createVietnamWorkingCalendar, decide, decideNew, toTimekeeping,
  type Actor, type Calendars, type DossierCommand, type DossierRecord, type ProcedureDefinition, type StepRecord,
} from '../../../engine/src/index';
import { exampleForm, loadDefinition } from '../../procedures/support/library';

const vn = (y: number, m: number, d: number, h = 0, min = 0): number => Date.UTC(y, m - 1, d, h - 7, min);
const COUNTER: Actor = { id: 'official.motcua', agencyId: 'ttpvhcc', departmentId: 'quay-mot-cua' };
const OTHER_COUNTER: Actor = { id: 'official.motcua-2', agencyId: 'ttpvhcc', departmentId: 'quay-mot-cua' };
const calendars: Calendars = { forAgency: () => toTimekeeping(createVietnamWorkingCalendar()) };

describe('claiming a step', () => {
  let definition: ProcedureDefinition;
  let dossier: DossierRecord;
  let receiveStep: StepRecord;
  beforeAll(async () => {
    definition = await loadDefinition('lien-thong-khai-sinh');
    const opened = await decideNew({
      dossier: { id: 'd1', dossierCode: 'ttpvhcc-260511-0001', procedureKey: 'lien-thong-khai-sinh', procedureVersion: 1, agencyId: 'ttpvhcc', channel: 1, applicant: { name: 'Trần Thị Bình', idNumber: '001190012345' }, form: exampleForm('lien-thong-khai-sinh') },
      definition, calendars, actor: COUNTER, at: vn(2026, 5, 11, 8, 0),
    }, { type: 'counter.receive', outcome: { kind: 'accepted' } });
    dossier = { ...opened.dossier, rev: 0 };
    receiveStep = { ...opened.createdSteps.find((step) => step.elementId === 'task-receive')!, rev: 0 };
  });

  const run = async (step: StepRecord, command: DossierCommand, actor: Actor, at: number): Promise<StepRecord> => {
    const result = await decide({ dossier: structuredClone(dossier), steps: [structuredClone(step)], definition, calendars, actor, at }, command);
    return { ...result.changedSteps.find((changed) => changed.id === step.id)!, rev: step.rev + 1 };
  };

  it('records the instant of the claim on the step, which a second claim by the same official and a reassignment keep', async () => {
    // given the counter's step opened at 08:00, unclaimed
    expect(receiveStep.claimedAt).toBeUndefined();
    // when the official claims it at 09:30, claims it again at 10:00, and it is reassigned to a colleague at 11:00
    const claimed = await run(receiveStep, { type: 'step.claim', stepId: receiveStep.id }, COUNTER, vn(2026, 5, 11, 9, 30));
    const again = await run(claimed, { type: 'step.claim', stepId: receiveStep.id }, COUNTER, vn(2026, 5, 11, 10, 0));
    const reassigned = await run(again, { type: 'step.reassign', stepId: receiveStep.id, assigneeId: OTHER_COUNTER.id }, COUNTER, vn(2026, 5, 11, 11, 0));
    // then the wait for an official ended at 09:30 and stays so
    expect(claimed).toMatchObject({ assigneeId: COUNTER.id, claimedAt: vn(2026, 5, 11, 9, 30) });
    expect(again.claimedAt).toBe(vn(2026, 5, 11, 9, 30));
    expect(reassigned).toMatchObject({ assigneeId: OTHER_COUNTER.id, claimedAt: vn(2026, 5, 11, 9, 30) });
  });

  it('leaves a step completed without a claim unclaimed, so its whole span counts as work', async () => {
    // when the official completes the step without claiming it first
    const result = await decide({ dossier: structuredClone(dossier), steps: [structuredClone(receiveStep)], definition, calendars, actor: COUNTER, at: vn(2026, 5, 11, 9, 0) }, { type: 'step.complete', stepId: receiveStep.id });
    // then it is completed, by that official, with no claim instant
    const completed = result.changedSteps.find((changed) => changed.id === receiveStep.id)!;
    expect(completed).toMatchObject({ status: 'completed', assigneeId: COUNTER.id });
    expect(completed.claimedAt).toBeUndefined();
  });
});
