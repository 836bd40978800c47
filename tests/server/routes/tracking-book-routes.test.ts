/** Form 06 over HTTP (issue 20): an agency's dossier tracking book for a period, as HTML and PDF, bounded. */
import { describe, expect, it } from 'vitest';
import { pdfTextOf } from '../../support/poppler';
import { call, createDossierTestApp, receive } from '../dossiers/dossier-fixture';

describe('the dossier tracking book (form 06)', () => {
  it('lists the dossiers the agency received in the period, one row each, in the HTML page and the PDF', async () => {
    // given
    const t = await createDossierTestApp();
    const first = await receive(t);
    const second = await receive(t, { applicant: { name: 'Đặng Văn Hùng', idNumber: '001085000777' } });
    const period = `from=${encodeURIComponent('2025-03-01T00:00:00+07:00')}&to=${encodeURIComponent('2025-03-04T00:00:00+07:00')}`;
    // when
    const page = await call<string>(t, 'official.motcua', 'GET', `/api/agencies/ttpvhcc/tracking-book?${period}`);
    const pdf = await t.app.request(`/api/agencies/ttpvhcc/tracking-book/pdf?${period}`, { headers: await t.as('official.motcua') });
    // then
    expect(page.status).toBe(200);
    expect(page.body.match(/<tr class="entry">/g)).toHaveLength(2);
    expect(page.body).toContain('Mẫu số 06');
    expect(pdf.status).toBe(200);
    const text = pdfTextOf(Buffer.from(await pdf.arrayBuffer()), 'raw').replace(/\s+/g, ' ');
    expect(text).toContain('SỔ THEO DÕI HỒ SƠ');
    expect(text).toContain('Đặng Văn Hùng');
    expect(text).toContain('Tổng số hồ sơ: 2');
    for (const dossier of [first, second]) expect(text.replace(/ /g, '')).toContain(dossier.dossierCode);
  });

  it('refuses a period longer than a year or ending before it starts', async () => {
    // given
    const t = await createDossierTestApp();
    // when
    const backwards = await call(t, 'official.motcua', 'GET', `/api/agencies/ttpvhcc/tracking-book?from=2025-03-04T00:00:00Z&to=2025-03-01T00:00:00Z`);
    const tooLong = await call(t, 'official.motcua', 'GET', `/api/agencies/ttpvhcc/tracking-book?from=2023-01-01T00:00:00Z&to=2025-03-01T00:00:00Z`);
    // then
    expect([backwards.status, backwards.body.code]).toEqual([400, 'PERIOD_INVALID']);
    expect([tooLong.status, tooLong.body.code]).toEqual([400, 'PERIOD_INVALID']);
  });
});
