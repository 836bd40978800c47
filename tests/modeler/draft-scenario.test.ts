/**
 * What the modeler's "Mô phỏng" panel reads from a draft and sends (issue 19), on the construction permit as shipped:
 * its steps with their units and budgets, the branches a review's decision chooses (from the gateway's conditions),
 * and each scenario's request body, refused in Vietnamese naming the step or the unit when typed wrong.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readModel } from '../procedures/support/library';
import { parseProcedure } from '../../engine/src/model/parse-procedure';
import { emptyScenario, readDraftSteps, toRunBody, unitsOf, type DraftStep } from '../../modeler/src/modeler/simulation/draft-scenario';

const KEY = 'cap-giay-phep-xay-dung-nha-o';
const xml = readModel(KEY);
const common = { from: '2025-04-01', to: '2025-04-30', arrivals: '3', seed: '4' };
let steps: DraftStep[];

beforeAll(async () => {
  // The interface's language is read from localStorage: Vietnamese, as in a browser that never chose.
  const stored = new Map<string, string>();
  Object.assign(globalThis, { localStorage: { getItem: (key: string) => stored.get(key) ?? null, setItem: (key: string, value: string) => stored.set(key, value) } });
  steps = readDraftSteps((await parseProcedure(xml)).definition!);
});

describe('the draft as the simulation panel reads it', () => {
  it('lists the review with its unit, its budget and the branches its decision chooses, named as the flows are', () => {
    const review = steps.find((step) => step.id === 'task-review')!;
    expect(review.name).toBe('Thẩm định hồ sơ, kiểm tra thực địa');
    expect(review.budget?.unit).toBe('workingDays');
    expect(review.unitKey).toMatch(/^[a-z-]+(\/[a-z-]+)?$/);
    expect(review.branches).toEqual([{ decision: 'reject', label: 'Từ chối' }, { decision: 'supplement', label: 'Bổ sung' }]);
    expect(unitsOf(steps)).toContain(review.unitKey);
    // the citizen's supplement is a receive task: a step with no unit's officials
    expect(steps.find((step) => step.id === 'task-wait-supplement')?.branches).toEqual([]);
  });

  it('turns typed working days into hours, a typed step budget into working days, percentages into shares and officials into staffing, leaving empty fields to the measurement', () => {
    const review = steps.find((step) => step.id === 'task-review')!;
    const form = { ...emptyScenario(), stepDays: { 'task-review': '1,5' }, stepBudgets: { 'task-review': '2,5', 'task-wait-supplement': ' ' }, shares: { 'task-review': { supplement: '20', reject: '' } }, officials: { [review.unitKey!]: '2' } };
    expect(toRunBody(common, form, 'A', steps, KEY, xml)).toEqual({
      procedureKey: KEY, xml, from: '2025-04-01', to: '2025-04-30', arrivalsPerWorkingDay: 3, seed: 4,
      stepHours: { 'task-review': 12 }, stepBudgets: { 'task-review': 2.5 }, outcomeShares: { 'task-review': { supplement: 0.2 } }, staffing: { [review.unitKey!]: 2 },
    });
  });

  it('refuses a negative duration, a step budget of 0 or over 365 days (the citizen\'s wait has none to change), shares over 100 % and a fraction of an official, naming the step and the unit', () => {
    const review = steps.find((step) => step.id === 'task-review')!;
    const form = { stepDays: { 'task-review': '-2' }, stepBudgets: { 'task-review': '0', 'task-wait-supplement': '400' }, shares: { 'task-review': { supplement: '70', reject: '40' } }, officials: { [review.unitKey!]: '1,5' } };
    const answer = toRunBody(common, form, 'B', steps, KEY, xml, (unit) => (unit === review.unitKey ? 'Phòng Quản lý đô thị' : unit));
    expect(answer).toEqual({ errors: [
      'Kịch bản B, bước «Thẩm định hồ sơ, kiểm tra thực địa»: thời gian xử lý phải là số ngày làm việc từ 0 đến 250.',
      'Kịch bản B, bước «Thẩm định hồ sơ, kiểm tra thực địa»: thời hạn bước phải là số ngày làm việc lớn hơn 0, tối đa 365.',
      'Kịch bản B, bước «Thẩm định hồ sơ, kiểm tra thực địa»: tổng tỉ lệ các nhánh vượt 100 %.',
      'Kịch bản B, đơn vị «Phòng Quản lý đô thị»: số cán bộ phải là số nguyên từ 1 đến 1 000.',
    ] });
  });
});
