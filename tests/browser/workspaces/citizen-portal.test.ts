/**
 * The citizen portal in a real browser on a phone (360 × 740), against the whole server, without an account: a
 * citizen submits online (procedure → applicant → e-form → components → review → receipt), every form first refusing
 * bad input beside the field with nothing stored; an official asks for a supplement through the API; the citizen looks
 * the dossier up, sees the missing components and the deadline, uploads them online, and the dossier is back in
 * process with its step clock running again. Ends in what the store holds. Screenshots at 360 and 1280 px.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../../support/browser-launch';
import { startWorkspaceApp, workspaceFrontEndBuilt, type WorkspaceTestApp } from '../../support/browser-workspace-app';

const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));
const runnable = chromiumAvailable() && workspaceFrontEndBuilt();
if (!runnable) console.log('skipped: no chromium at /usr/bin/chromium or no built front end (npm run build:modeler)');

const KEY = 'thu-cong-dan';
/** The two-agency fixture received at the one-stop centre, with a titled e-form and three published components. */
const XML = readFileSync(fileURLToPath(new URL('../../fixtures/server/two-agency-procedure.bpmn', import.meta.url)), 'utf8')
  .replace('name="Thủ tục thử liên thông hai cơ quan"', 'name="Đăng ký thành lập công ty (thử)"')
  .replace('leadAgency="so-tai-chinh"', 'leadAgency="ttpvhcc"')
  .replace(
    /<lt:formSchema>.*<\/lt:formSchema>/,
    '<lt:formSchema>{"type":"object","required":["businessName","capital"],"properties":{"businessName":{"type":"string","title":"Tên doanh nghiệp","minLength":1},"capital":{"type":"number","title":"Vốn điều lệ (đồng)","minimum":0}}}</lt:formSchema>' +
      '<lt:component id="giay-de-nghi" name="Giấy đề nghị đăng ký doanh nghiệp" copyType="electronic" quantity="1" required="true" />' +
      '<lt:component id="dieu-le" name="Điều lệ công ty" copyType="copy" quantity="1" required="true" />' +
      '<lt:component id="uy-quyen" name="Văn bản ủy quyền" copyType="certifiedCopy" quantity="1" required="false" condition="Khi người khác nộp thay" />',
  );

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** Hanoi wall-clock time (UTC+7) as an instant. */
const vn = (month: number, day: number, hour: number, minute = 0) => Date.UTC(2025, month - 1, day, hour - 7, minute);
const MISSING = [{ name: 'Bản sao Điều lệ công ty có chữ ký', detail: 'bản đã nộp thiếu trang 3' }, { name: 'Danh sách thành viên góp vốn' }];
const ID_NUMBER = '001085012399';

describe.runIf(runnable)('the citizen portal on a phone', () => {
  let app: WorkspaceTestApp;
  let browser: Browser;
  let page: Page;
  let dossierCode = '';
  let dossierId = '';
  const files = { application: pdf('giay de nghi'), charter: pdf('dieu le'), charterSigned: pdf('dieu le co chu ky'), members: pdf('danh sach') };

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    app = await startWorkspaceApp({ startAt: vn(3, 3, 9) });
    const deployed = await app.call('analyst', 'POST', '/api/procedures', { key: KEY, xml: XML });
    if (deployed.status !== 201) throw new Error(`deploy: ${JSON.stringify(deployed.body)}`);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const dossierCount = async () => (await app.stores.dossiers.list({}, { offset: 0, limit: 1 })).total;
  const errorBeside = (id: string) => page.locator(`#portal-${id}-error`);
  const next = () => page.getByRole('button', { name: 'Tiếp tục' }).click();
  /** The whole page: the shell scrolls its main area under the header, so the window is made as tall as the content. */
  async function shoot(name: string) {
    const viewport = page.viewportSize()!;
    const tall = await page.evaluate(() => (document.querySelector('.app-header')?.getBoundingClientRect().height ?? 0) + (document.querySelector('.app-main')?.scrollHeight ?? 0));
    await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, Math.ceil(tall)) });
    await page.screenshot({ path: `${screenshots}${name}` });
    await page.setViewportSize(viewport);
  }

  it('submits a dossier online on a 360-px phone, refusing bad input beside each field before anything is stored', { timeout: 60_000 }, async () => {
    // given the portal, without signing in
    await page.goto(`${app.url}/submit`);
    await page.getByText('Đăng ký thành lập công ty (thử)').waitFor();
    await shoot('portal-01-procedure-360.png');

    // when the citizen goes on without choosing, then chooses the procedure
    await next();
    expect(await page.getByRole('alert').textContent()).toBe('Vui lòng chọn một thủ tục.');
    await page.getByText('Đăng ký thành lập công ty (thử)').click();
    await next();

    // when the applicant's fields are empty, then the ID number is malformed and the e-mail is not one
    await next();
    expect(await errorBeside('name').textContent()).toBe('Vui lòng nhập thông tin này.');
    expect(await errorBeside('idNumber').textContent()).toBe('Vui lòng nhập thông tin này.');
    await page.locator('#portal-name').fill('Trần Thị Bình');
    await page.locator('#portal-idNumber').fill('0010-85');
    await page.locator('#portal-email').fill('binh@');
    await next();
    expect(await errorBeside('name').count()).toBe(0);
    expect(await errorBeside('idNumber').textContent()).toContain('Gồm 6 đến 20 chữ số hoặc chữ cái');
    expect(await errorBeside('email').textContent()).toContain('Thư điện tử chưa đúng dạng');
    await shoot('portal-02-applicant-errors-360.png');
    await page.locator('#portal-idNumber').fill(ID_NUMBER);
    await page.locator('#portal-email').fill('binh@example.vn');
    await page.locator('#portal-phone').fill('0912345678');
    await next();

    // when the e-form is sent empty, then with a negative capital, then right
    await next();
    expect(await page.locator('.portal-eform .error-detail').allTextContents()).toEqual(['Bắt buộc nhập', 'Bắt buộc nhập']);
    await page.locator('#root_businessName').fill('Công ty TNHH Bình An');
    await page.locator('#root_capital').fill('-5');
    await next();
    expect(await page.locator('.portal-eform .error-detail').allTextContents()).toEqual(['Không nhỏ hơn 0']);
    await shoot('portal-03-eform-error-360.png');
    await page.locator('#root_capital').fill('1500000000');
    await next();

    // when a required component has no file and another is an executable
    await page.locator('#portal-component-dieu-le').setInputFiles({ name: 'dieu-le.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
    await next();
    expect(await errorBeside('component-giay-de-nghi').textContent()).toBe('Vui lòng tải lên giấy tờ này.');
    expect(await errorBeside('component-dieu-le').textContent()).toContain('không đúng loại');
    expect(await errorBeside('component-uy-quyen').count()).toBe(0);
    await shoot('portal-04-components-errors-360.png');
    await page.locator('#portal-component-giay-de-nghi').setInputFiles({ name: 'giay-de-nghi.pdf', mimeType: 'application/pdf', buffer: files.application });
    await page.locator('#portal-component-dieu-le').setInputFiles({ name: 'dieu-le.pdf', mimeType: 'application/pdf', buffer: files.charter });
    await next();

    // then nothing is stored before "Nộp hồ sơ", which first needs the declaration ticked
    expect(await dossierCount()).toBe(0);
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    expect(await page.getByRole('alert').textContent()).toBe('Vui lòng đánh dấu lời cam đoan trước khi nộp.');
    expect(await dossierCount()).toBe(0);
    await page.getByText('Tôi cam đoan').click();
    await shoot('portal-05-review-360.png');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();

    // then the receipt shows the dossier code, the files received with their hashes, and a link to follow it
    const code = page.locator('[data-dossier-code]');
    await code.waitFor();
    dossierCode = (await code.textContent())!;
    expect(dossierCode).toMatch(/^ttpvhcc-250303-\d{4}$/);
    expect(await page.locator('.portal-receipt').textContent()).toContain(`SHA-256: ${sha256(files.application)}`);
    expect(await page.getByRole('link', { name: 'Theo dõi hồ sơ' }).getAttribute('href')).toBe(`/lookup?code=${dossierCode}`);
    // the page fits the phone: nothing wider than the viewport
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shoot('portal-06-receipt-360.png');
    // printed, the receipt keeps the code and the files and drops the buttons
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.portal-no-print').isVisible()).toBe(false);
    await shoot('portal-06-receipt-print-360.png');
    await page.emulateMedia({ media: 'screen' });

    // and the store holds the dossier in status 1 with both files, their hashes and the citizen as uploader
    const dossier = await app.stores.dossiers.getByCode(dossierCode);
    dossierId = dossier!.id;
    expect(dossier).toMatchObject({ status: 1, channel: 2, applicant: { name: 'Trần Thị Bình', idNumber: ID_NUMBER }, form: { businessName: 'Công ty TNHH Bình An', capital: 1_500_000_000 } });
    const stored = await app.attachments.listByDossier(dossierId);
    expect(stored.map((a) => [a.componentCode, a.sha256, a.uploadedBy]).sort()).toEqual([
      ['dieu-le', sha256(files.charter), `citizen:${ID_NUMBER}`],
      ['giay-de-nghi', sha256(files.application), `citizen:${ID_NUMBER}`],
    ]);
  });

  it('shows the supplement request with its missing list and deadline, takes the files online, and the clock resumes', { timeout: 60_000 }, async () => {
    // given the counter accepts the dossier on Monday and the review asks for a supplement on Tuesday 4/3 10:00
    app.clock.set(vn(3, 3, 10));
    expect((await app.call('official.motcua', 'POST', `/api/dossiers/${dossierId}/accept`, {})).status).toBe(200);
    const counterStep = (await app.stores.steps.list({ dossierId, status: ['open'] }, { offset: 0, limit: 10 })).items[0]!;
    expect((await app.call('official.motcua', 'POST', `/api/steps/${counterStep.id}/complete`, { decision: 'approve' })).status).toBe(200);
    app.clock.set(vn(3, 4, 10));
    const review = (await app.stores.steps.list({ dossierId, status: ['open'] }, { offset: 0, limit: 10 })).items[0]!;
    const asked = await app.call<{ status: number }>('official.dkkd', 'POST', `/api/dossiers/${dossierId}/supplement-requests`, {
      stepId: review.id,
      missingComponents: MISSING,
      reason: 'Điều lệ chưa có chữ ký của các thành viên',
      contactOfficial: { name: 'Lê Thị Hoa', unit: 'Phòng Đăng ký kinh doanh', phone: '024 3987 6543' },
    });
    expect(asked.body.status).toBe(5);

    // when the citizen follows the receipt's link on Wednesday and asks without the ID number, then with it
    app.clock.set(vn(3, 5, 14));
    await page.getByRole('link', { name: 'Theo dõi hồ sơ' }).click();
    await page.locator('#portal-code').waitFor();
    expect(await page.locator('#portal-code').inputValue()).toBe(dossierCode);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    expect(await errorBeside('idNumber').textContent()).toBe('Vui lòng nhập số định danh của người nộp.');
    await page.locator('#portal-idNumber').fill(ID_NUMBER);
    await page.getByRole('button', { name: 'Tra cứu' }).click();

    // then the request is there in words: missing components, reason, contact, and no deadline in the law (pause)
    const supplement = page.locator('.portal-supplement');
    await supplement.waitFor();
    expect(await page.locator('.ws-lookup-status').textContent()).toBe('Tình trạng: Yêu cầu bổ sung giấy tờ');
    expect(await supplement.locator('.portal-missing li').allTextContents()).toEqual([
      'Bản sao Điều lệ công ty có chữ ký — bản đã nộp thiếu trang 3',
      'Danh sách thành viên góp vốn',
    ]);
    const told = (await supplement.textContent())!;
    expect(told).toContain('Điều lệ chưa có chữ ký của các thành viên');
    expect(told).toContain('Lê Thị Hoa · Phòng Đăng ký kinh doanh · 024 3987 6543');
    expect(await supplement.locator('.portal-deadline').textContent()).toBe('Không có thời hạn');
    expect(await supplement.locator('.portal-deadline-text').textContent()).toContain('Pháp luật không quy định thời hạn bổ sung');
    // and the appointment's explanation says the clock waits for them
    expect(await page.locator('.portal-explain p').first().textContent()).toContain('Đang tạm dừng từ Thứ Ba 4/3/2025 10:00 (chờ công dân bổ sung hồ sơ)');
    await shoot('portal-07-supplement-request-360.png');

    // when the citizen sends nothing, then a wrong type, then both missing components
    await page.getByRole('button', { name: 'Gửi hồ sơ bổ sung' }).click();
    expect(await supplement.getByRole('alert').textContent()).toBe('Vui lòng tải lên ít nhất một giấy tờ cần bổ sung.');
    await page.locator('#portal-missing-0').setInputFiles({ name: 'dieu-le.html', mimeType: 'text/html', buffer: Buffer.from('<html></html>') });
    expect(await errorBeside('missing-0').textContent()).toContain('không đúng loại');
    expect(await app.attachments.listByDossier(dossierId)).toHaveLength(2);
    await page.locator('#portal-missing-0').setInputFiles({ name: 'dieu-le-co-chu-ky.pdf', mimeType: 'application/pdf', buffer: files.charterSigned });
    await page.locator('#portal-missing-1').setInputFiles({ name: 'danh-sach-thanh-vien.pdf', mimeType: 'application/pdf', buffer: files.members });
    await page.locator('#portal-note').fill('Đã bổ sung đủ hai giấy tờ');
    await page.getByRole('button', { name: 'Gửi hồ sơ bổ sung' }).click();

    // then the page says it was received, and the dossier is in process again
    await page.getByText('Đã nhận hồ sơ bổ sung. Hồ sơ được tiếp tục xử lý.').waitFor();
    expect(await page.locator('.ws-lookup-status').textContent()).toBe('Tình trạng: Đang xử lý');
    expect(await page.locator('.portal-supplement').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.locator('.portal-explain summary').first().click();
    // the appointment on the receipt stands, and the paused days are told as not counted
    const appointment = (await page.locator('.portal-explain p').first().textContent())!;
    expect(appointment).toContain('Tạm dừng từ Thứ Ba 4/3/2025 10:00 đến Thứ Tư 5/3/2025 14:00 (chờ công dân bổ sung hồ sơ): thời gian này không tính.');
    expect(appointment).toContain('Ngày hẹn trên giấy tiếp nhận giữ nguyên');
    await shoot('portal-08-supplement-sent-360.png');

    // and the store holds: the files with their hashes, the supplement recorded, status 4, the review's clock running
    const dossier = await app.stores.dossiers.get(dossierId);
    expect(dossier!.status).toBe(4);
    const state = dossier!.state as { supplementRequests: { receivedAt?: number }[]; documents: { name: string; copyType: string; quantity: number }[] };
    expect(state.supplementRequests).toHaveLength(1);
    expect(state.supplementRequests[0]!.receivedAt).toBe(vn(3, 5, 14));
    expect(state.documents).toEqual(expect.arrayContaining(MISSING.map((m) => ({ name: m.name, copyType: 'electronic', quantity: 1 }))));
    const supplemented = (await app.attachments.listByDossier(dossierId)).filter((a) => a.uploadedAt === vn(3, 5, 14));
    expect(supplemented.map((a) => [a.componentCode, a.sha256]).sort()).toEqual([
      [MISSING[0]!.name, sha256(files.charterSigned)],
      [MISSING[1]!.name, sha256(files.members)],
    ].sort());
    const open = (await app.stores.steps.list({ dossierId, status: ['open'] }, { offset: 0, limit: 10 })).items;
    expect(open.map((step) => step.elementId)).toEqual(['task-review']);
    const clock = (open[0]!.clock as { context: { clock: { pauses: { resumedAt?: number }[]; stoppedAt?: number } } }).context.clock;
    expect(clock.pauses.every((pause) => pause.resumedAt !== undefined)).toBe(true);
    expect(clock.stoppedAt).toBeUndefined();
    const audit = await app.stores.audit.listByDossier(dossierId);
    expect(audit.find((record) => record.action === 'supplement.received')).toMatchObject({ actorId: `citizen:${ID_NUMBER}` });
  });

  it('lays the same pages out on a 1280-px screen', async () => {
    // given a desktop window
    await page.setViewportSize({ width: 1280, height: 900 });
    // when the citizen looks at the lookup answer and the start of a submission
    await shoot('portal-09-lookup-1280.png');
    await page.goto(`${app.url}/submit`);
    await page.getByText('Đăng ký thành lập công ty (thử)').click();
    await shoot('portal-10-submit-1280.png');
    // then the portal keeps one readable column, centred
    const box = await page.locator('.portal-page').boundingBox();
    expect(box!.width).toBeLessThanOrEqual(760);
  });
});
