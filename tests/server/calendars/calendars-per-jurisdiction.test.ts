/**
 * Calendars per jurisdiction (issue 18): each step's clock counts on the calendar of the agency holding it, and a
 * calendar change re-projects only the clocks that calendar governs, each move explained with the layer and the day.
 * The dossier runs the two-agency fixture procedure: counter → Department of Finance (review) → Department of
 * Construction (appraisal) → counter.
 */
import { describe, expect, it } from 'vitest';
import { call, complete, createDossierTestApp, openStepOf, receive, type TestApp } from '../dossiers/dossier-fixture';
import { vn } from '../sweeper/sweeper-fixture';

interface Moved { dossiers: number; moved: { dossierId: string; deadlines: { id: string; text: string; changes: { date: string; layer?: { id: string; level: string; name: { vi: string } } }[] }[] }[] }

const closure = (date: string, vi: string, en: string) => ({ date, kind: 'localClosure', reason: { vi, en } });
const agencyLayer = (id: string, name: string, days: ReturnType<typeof closure>[]) => ({
  id, level: 'agency', name: { vi: name, en: name }, years: [{ year: 2025, status: 'official', days }],
});
const iso = (at: number) => new Date(at).toISOString();

async function putLayer(t: TestApp, scope: string, layer: unknown, reason = 'Thông báo nghỉ') {
  const answer = await call<Moved>(t, 'admin', 'PUT', `/api/calendars/${scope}`, { layer, reason });
  if (answer.status !== 200) throw new Error(`calendar change refused: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** Receives a dossier at the counter on Monday 3/3/2025 08:37 and hands it to the Department of Finance. */
async function dossierAtFinance(t: TestApp) {
  const dossier = await receive(t);
  await complete(t, 'official.motcua', (await openStepOf(t, 'official.motcua', dossier.id)).id);
  return dossier;
}

const calendarNotes = async (t: TestApp, dossierId: string) =>
  (await t.stores.audit.listByDossier(dossierId)).filter((a) => a.action === 'calendar.changed');

describe('calendars per jurisdiction', () => {
  it('leaves a dossier alone when an agency holding none of its open steps, and not its receiver, closes for a day', async () => {
    // given a review step at the Department of Finance due Wednesday 5/3 08:37
    const t = await createDossierTestApp();
    const dossier = await dossierAtFinance(t);
    expect((await openStepOf(t, 'official.dkkd', dossier.id)).dueAt).toBe(iso(vn(2025, 3, 5, 8, 37)));
    // when the Department of Construction closes on Tuesday 4/3
    const changed = await putLayer(t, 'so-xay-dung', agencyLayer('so-xay-dung', 'Sở Xây dựng', [closure('2025-03-04', 'Sửa chữa trụ sở', 'Building repairs')]));
    // then no dossier was even looked at, the review is still due Wednesday and nothing is noted on the dossier
    expect(changed).toEqual({ scope: 'so-xay-dung', dossiers: 0, moved: [] });
    expect((await openStepOf(t, 'official.dkkd', dossier.id)).dueAt).toBe(iso(vn(2025, 3, 5, 8, 37)));
    expect(await calendarNotes(t, dossier.id)).toEqual([]);
  });

  it('moves every open step when the province closes for a day, naming the province layer and the day', async () => {
    // given a review step at the Department of Finance due Wednesday 5/3 08:37
    const t = await createDossierTestApp();
    const dossier = await dossierAtFinance(t);
    // when the province declares Tuesday 4/3 a day off
    const province = { id: 'tinh-demo', level: 'province', name: { vi: 'Tỉnh Demo', en: 'Demo province' },
      years: [{ year: 2025, status: 'official', days: [{ date: '2025-03-04', kind: 'holiday', reason: { vi: 'Nghỉ do bão', en: 'Storm closure' } }] }] };
    const changed = await putLayer(t, 'tinh-demo', province, 'Bão số 3');
    // then the review is due Thursday 6/3 08:37, and the move names the province's layer and Tuesday 4/3
    expect((await openStepOf(t, 'official.dkkd', dossier.id)).dueAt).toBe(iso(vn(2025, 3, 6, 8, 37)));
    const moved = changed.moved.find((m) => m.dossierId === dossier.id)!.deadlines;
    const review = moved.find((d) => d.text.includes('Thứ Ba 4/3/2025'))!;
    expect(review.changes).toEqual([expect.objectContaining({ date: '2025-03-04', layer: { id: 'tinh-demo', level: 'province', name: province.name } })]);
    expect(review.text).toContain('Thứ Ba 4/3/2025 nay là ngày nghỉ (Nghỉ do bão), theo lịch cấp tỉnh “Tỉnh Demo”');
    const [note] = await calendarNotes(t, dossier.id);
    expect(note?.details).toMatchObject({ reason: 'Bão số 3', layer: { scope: 'tinh-demo', level: 'province' } });
  });

  it('explains a step\'s due date on its agency\'s calendar to the official and to the citizen, and the appointment on the receiving agency\'s', async () => {
    // given the Department of Finance closed on Tuesday 4/3, and a dossier whose review Finance holds
    const t = await createDossierTestApp();
    await putLayer(t, 'so-tai-chinh', agencyLayer('so-tai-chinh', 'Sở Tài chính', [closure('2025-03-04', 'Kiểm kê tài sản', 'Stocktaking')]));
    const dossier = await dossierAtFinance(t);
    // when the official reads the dossier's steps and the citizen looks the dossier up
    const steps = await call<{ items: { elementId: string; dueText?: { vi: string } }[] }>(t, 'official.dkkd', 'GET', `/api/inbox?dossierId=${dossier.id}`);
    const lookup = await call<{ appointmentExplanation?: { vi: string }; steps: { name: string; dueExplanation?: { vi: string } }[] }>(
      t, undefined, 'GET', `/api/lookup?${new URLSearchParams({ code: dossier.dossierCode, idNumber: '001085012345' })}`);
    // then the review's due date names Finance's closure day, and the counter's appointment does not
    const review = steps.body.items.find((item) => item.elementId === 'task-review');
    expect(review?.dueText?.vi).toContain('Kiểm kê tài sản (nghỉ riêng của Sở Tài chính)');
    expect(lookup.body.steps.find((step) => step.name === 'Thẩm định hồ sơ')?.dueExplanation?.vi).toContain('nghỉ riêng của Sở Tài chính');
    expect(lookup.body.appointmentExplanation?.vi).toBeDefined();
    expect(lookup.body.appointmentExplanation?.vi).not.toContain('Sở Tài chính');
  });

  it('keeps the national layer under VN only, where an administrator confirms a year of national holidays', async () => {
    const t = await createDossierTestApp();
    const national = { id: 'VN', level: 'national', name: { vi: 'Lịch làm việc quốc gia', en: 'National working calendar' },
      years: [{ year: 2027, status: 'official', days: [{ date: '2027-01-01', kind: 'holiday', reason: { vi: 'Tết Dương lịch (1/1)', en: "New Year's Day" } }] }] };
    expect((await call(t, 'admin', 'PUT', '/api/calendars/VN', { layer: { ...national, level: 'province' }, reason: 'x' })).status).toBe(400);
    expect((await call(t, 'admin', 'PUT', '/api/calendars/so-tai-chinh', { layer: national, reason: 'x' })).status).toBe(400);
    expect((await call(t, 'official.dkkd', 'PUT', '/api/calendars/VN', { layer: national, reason: 'x' })).status).toBe(403);
    expect(await putLayer(t, 'VN', national, 'Xác nhận lịch nghỉ lễ 2027')).toMatchObject({ scope: 'VN', dossiers: 0 });
    expect((await t.calendars.current()).calendar.yearStatus(2027)).toBe('official');
  });

  it('counts each step of a dossier crossing two agencies on its own agency\'s closure days, and explains a later closure with the agency\'s layer and the day', async () => {
    // given the Department of Finance closed on Tuesday 4/3 and the Department of Construction on Wednesday 5/3
    const t = await createDossierTestApp();
    await putLayer(t, 'so-tai-chinh', agencyLayer('so-tai-chinh', 'Sở Tài chính', [closure('2025-03-04', 'Kiểm kê tài sản', 'Stocktaking')]));
    await putLayer(t, 'so-xay-dung', agencyLayer('so-xay-dung', 'Sở Xây dựng', [closure('2025-03-05', 'Sửa chữa trụ sở', 'Building repairs')]));
    // when a dossier received Monday 3/3 08:37 reaches Finance (2 working days)
    const dossier = await dossierAtFinance(t);
    const review = await openStepOf(t, 'official.dkkd', dossier.id);
    // then the review skips Finance's Tuesday only: due Thursday 6/3 08:37 (not Wednesday, not Friday)
    expect(review.dueAt).toBe(iso(vn(2025, 3, 6, 8, 37)));
    // when Finance hands it to Construction on Monday 10:00 (2 working days)
    t.clock.set(vn(2025, 3, 3, 10, 0));
    expect((await complete(t, 'official.dkkd', review.id, { decision: 'approve', data: { reviewNote: 'đủ điều kiện' } })).status).toBe(200);
    const appraise = await openStepOf(t, 'official.xaydung', dossier.id);
    // then the appraisal skips Construction's Wednesday only: due Thursday 6/3 10:00
    expect(appraise.dueAt).toBe(iso(vn(2025, 3, 6, 10, 0)));
    // when Construction also closes on Thursday 6/3, declared Monday afternoon
    t.clock.set(vn(2025, 3, 3, 14, 0));
    const changed = await putLayer(t, 'so-xay-dung', agencyLayer('so-xay-dung', 'Sở Xây dựng', [
      closure('2025-03-05', 'Sửa chữa trụ sở', 'Building repairs'), closure('2025-03-06', 'Diễn tập phòng cháy', 'Fire drill')]), 'Diễn tập');
    // then the appraisal is due Friday 7/3 10:00, and the move names Construction's layer and Thursday 6/3
    expect((await openStepOf(t, 'official.xaydung', dossier.id)).dueAt).toBe(iso(vn(2025, 3, 7, 10, 0)));
    expect(changed.dossiers).toBe(1);
    const [moved] = changed.moved[0]!.deadlines;
    expect(moved!.id).toBe(appraise.id);
    expect(moved!.changes).toEqual([expect.objectContaining({ date: '2025-03-06', layer: { id: 'so-xay-dung', level: 'agency', name: { vi: 'Sở Xây dựng', en: 'Sở Xây dựng' } } })]);
    expect(moved!.text).toBe('Thứ Năm 6/3/2025 nay là ngày nghỉ (Diễn tập phòng cháy), theo lịch riêng của cơ quan “Sở Xây dựng”: '
      + 'hạn chuyển từ Thứ Năm 6/3/2025 10:00 sang Thứ Sáu 7/3/2025 10:00.');
    // and a later closure of Finance, which no longer holds the dossier, moves nothing
    expect(await putLayer(t, 'so-tai-chinh', agencyLayer('so-tai-chinh', 'Sở Tài chính', [closure('2025-03-07', 'Kiểm kê tài sản', 'Stocktaking')])))
      .toMatchObject({ dossiers: 0, moved: [] });
  });
});
