/**
 * Intake at the counter (tiếp nhận hồ sơ) in a real browser against the whole server: the one-stop official picks
 * each of the six library procedures, types the applicant, fills the procedure's e-form (drawn from its JSON Schema),
 * ticks the components with their scans (chosen, dropped), receives the dossier and gets form 01 with its QR code and
 * the appointment explained; each ends in what the store holds. A double click on "Tiếp nhận hồ sơ" makes one dossier;
 * bad input in every step is told beside its field and stores nothing; a supplement asked on the spot prints form 02
 * and a refusal form 03. Screenshots at 1280 and 360 px go to tests/browser/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Frame, Page } from 'playwright-core';
import { LIBRARY_SPECS } from '../../../procedures/tools/specs/library-specs';
import { exampleForm, readModel } from '../../procedures/support/library';
import { chromiumAvailable, launchChromium } from '../../support/browser-launch';
import { startWorkspaceApp, workspaceFrontEndBuilt, type WorkspaceTestApp } from '../../support/browser-workspace-app';
import { signInThroughPage } from '../../support/browser-workspace-page';

const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));
const runnable = chromiumAvailable() && workspaceFrontEndBuilt();
if (!runnable) console.log('skipped: no chromium at /usr/bin/chromium or no built front end (LIENTHONG_TEST_FRONT_END or modeler/dist)');

type Schema = { properties?: Record<string, Schema>; items?: Schema; oneOf?: { const?: unknown; title?: string }[]; type?: string };
interface Component {
  id: string;
  name: string;
  required: boolean;
}
interface Entry {
  key: string;
  name: string;
  formSchema: Schema;
  components: Component[];
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const APPLICANT = { idNumber: '001085012345', name: 'Trần Văn Dân', address: 'Số 1 Tràng Tiền, Hà Nội', phone: '0912 345 678', email: 'dan@example.vn' };
/** Monday 3/3/2025 08:37 in Hanoi. */
const MONDAY_0837 = Date.UTC(2025, 2, 3, 1, 37);

describe.runIf(runnable)('counter intake in a browser', () => {
  let app: WorkspaceTestApp;
  let browser: Browser;
  let page: Page;
  const catalogue = new Map<string, Entry>();
  const pageErrors: string[] = [];

  const dossierCount = async () => (await app.stores.dossiers.list({}, { offset: 0, limit: 1000 })).total;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    app = await startWorkspaceApp();
    for (const spec of LIBRARY_SPECS) {
      const deployed = await app.call('analyst', 'POST', '/api/procedures', { key: spec.slug, xml: readModel(spec.slug) });
      if (deployed.status !== 201) throw new Error(`deploy ${spec.slug}: ${JSON.stringify(deployed.body)}`);
    }
    const answer = await app.call<{ items: Entry[] }>(undefined, 'GET', '/api/catalogue');
    for (const entry of answer.body.items) catalogue.set(entry.key, entry);
    app.clock.set(MONDAY_0837);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${app.url}/intake`);
    await signInThroughPage(page, 'official.motcua');
  });

  afterAll(async () => {
    if (pageErrors.length > 0) console.log('page errors:', pageErrors);
    await browser?.close();
    await app?.close();
  });

  // --- what the official does, step by step -------------------------------------------------------------------

  const next = () => page.locator('.intake-card button[type="submit"]').click();

  async function pickProcedure(key: string, search: string): Promise<void> {
    await page.locator('#procedure-search').fill(search);
    const item = page.locator(`.ui-picker-item[data-procedure-key="${key}"]`);
    await expect.poll(() => page.locator('.ui-picker-item').evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.procedureKey))).toEqual([key]);
    await item.click();
  }

  async function fillApplicant(values: Partial<typeof APPLICANT> = APPLICANT, delivery: 'counter' | 'post' | 'online' = 'post'): Promise<void> {
    for (const [field, value] of Object.entries(values)) await page.locator(`#applicant-${field}`).fill(value);
    await page.locator(`input[name="applicant-resultDelivery"][value="${delivery}"]`).check();
  }

  /** Types the example e-form into the fields @rjsf/core drew from the schema (ids `root_<path>`), choices by their title. */
  async function fillEform(schema: Schema, value: unknown, path: string[] = []): Promise<void> {
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) {
        const first = page.locator(`[id^="root_${[...path, String(index)].join('_')}"]`).first();
        if ((await first.count()) === 0) await page.locator(`#root_${path.join('_')}`).locator('xpath=..').locator('button.array-item-add, button.btn-add').first().click();
        await fillEform(schema.items ?? {}, item, [...path, String(index)]);
      }
      return;
    }
    if (value !== null && typeof value === 'object') {
      for (const [name, child] of Object.entries(value)) await fillEform(schema.properties?.[name] ?? {}, child, [...path, name]);
      return;
    }
    const field = page.locator(`#root_${path.join('_')}`);
    if (schema.oneOf) await field.selectOption({ label: schema.oneOf.find((choice) => choice.const === value)!.title! });
    else if (typeof value === 'boolean') await field.setChecked(value);
    else await field.fill(String(value));
  }

  /** Ticks every required component with one scan each: the first dropped on its zone, the others chosen. */
  async function tickComponents(entry: Entry): Promise<Component[]> {
    const required = entry.components.filter((component) => component.required);
    for (const [index, component] of required.entries()) {
      const row = page.locator(`li[data-component-id="${component.id}"]`);
      await row.locator(`input[name="component-${component.id}-received"]`).check();
      if (index === 0) {
        // dropped onto the zone, as from the scanner's folder
        const transfer = await page.evaluateHandle((bytes) => {
          const data = new DataTransfer();
          data.items.add(new File([new Uint8Array(bytes)], 'to-khai-quet.pdf', { type: 'application/pdf' }));
          return data;
        }, [...PDF]);
        await row.locator('.ui-drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
      } else {
        await row.locator(`input[name="component-${component.id}-files"]`).setInputFiles({ name: `${component.id}.pdf`, mimeType: 'application/pdf', buffer: PDF });
      }
      await expect.poll(() => row.locator('.ui-file-list li').count()).toBe(1);
    }
    return required;
  }

  async function formFrame(form: '01' | '02' | '03'): Promise<Frame> {
    const handle = await page.locator(`iframe.intake-form-frame[data-form="${form}"]`).elementHandle();
    const frame = await handle!.contentFrame();
    await frame!.waitForSelector('.dossier-code');
    return frame!;
  }

  // --- the scenarios ---------------------------------------------------------------------------------------------

  it('receives a dossier of each of the six procedures with its scans, and prints form 01 with the QR code and the appointment explained', { timeout: 120_000 }, async () => {
    for (const [index, spec] of LIBRARY_SPECS.entries()) {
      const entry = catalogue.get(spec.slug)!;
      app.clock.set(MONDAY_0837 + index * 60_000);
      // given the official at "Tiếp nhận hồ sơ mới"
      if (index > 0) await page.locator('.intake-another').click();
      // when they find the procedure by its name without diacritics, type the applicant, fill the e-form, tick the components
      await pickProcedure(spec.slug, entry.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').slice(0, 40));
      await fillApplicant();
      if (index === 0) await page.screenshot({ path: `${screenshots}intake-1280-02-applicant.png`, fullPage: true });
      await next();
      await page.locator('.ui-schema-form').waitFor();
      await fillEform(entry.formSchema, exampleForm(spec.slug));
      if (index === 0) await page.screenshot({ path: `${screenshots}intake-1280-03-eform.png`, fullPage: true });
      await page.locator('.ui-schema-form button[type="submit"]').click();
      await page.locator('.ui-checklist').waitFor();
      const required = await tickComponents(entry);
      if (index === 0) await page.screenshot({ path: `${screenshots}intake-1280-04-checklist.png`, fullPage: true });
      await next();
      // and receive it
      await page.locator('.intake-accept').click();

      // then the page gives the dossier code, the appointment and how it was counted, and form 01 with its QR code
      const result = page.locator('.intake-result-accepted');
      await result.waitFor();
      await expect.poll(() => page.locator('.intake-uploads').textContent()).toBe(`Đã lưu ${required.length} bản quét.`);
      const code = (await result.locator('.intake-dossier-code').textContent())!;
      expect(await result.locator('.intake-status').textContent()).toBe('Đang xử lý');
      expect(await result.locator('.intake-explanation').textContent()).toMatch(/^Hạn: .* ngày làm việc, tính từ Thứ Hai 3\/3\/2025 08:\d\d\./);
      const form01 = await formFrame('01');
      expect(await form01.locator('.dossier-code').textContent()).toBe(code);
      expect(await form01.locator('svg').count()).toBeGreaterThan(0);
      expect(await form01.locator('body').textContent()).toContain('Qua dịch vụ bưu chính công ích, đến địa chỉ Số 1 Tràng Tiền, Hà Nội');
      if (index === 0) await page.screenshot({ path: `${screenshots}intake-1280-05-form01.png`, fullPage: true });

      // and the store holds the dossier as received: status 4, the e-form as filled, each component and its scan
      const stored = (await app.stores.dossiers.list({ procedureKey: spec.slug }, { offset: 0, limit: 10 })).items;
      expect(stored).toHaveLength(1);
      const dossier = (await app.stores.dossiers.get(stored[0]!.id))!;
      expect(dossier).toMatchObject({ dossierCode: code, status: 4, channel: 1, applicant: { idNumber: APPLICANT.idNumber, name: APPLICANT.name, phone: '0912345678' } });
      expect(dossier.form).toEqual(exampleForm(spec.slug));
      const state = dossier.state as { documents: { componentId?: string }[]; resultDelivery?: string };
      expect(state.documents.map((document) => document.componentId)).toEqual(required.map((component) => component.id));
      expect(state.resultDelivery).toBe('post');
      const attachments = await app.attachments.listByDossier(dossier.id);
      expect(attachments.map((attachment) => attachment.componentCode).sort()).toEqual(required.map((component) => component.id).sort());
      expect(attachments.every((attachment) => attachment.contentType === 'application/pdf')).toBe(true);
    }
  });

  it('makes one dossier of a double click on "Tiếp nhận hồ sơ"', async () => {
    // given a birth registration ready to receive
    const entry = catalogue.get('lien-thong-khai-sinh')!;
    await page.locator('.intake-another').click();
    await pickProcedure(entry.key, 'khai sinh');
    await fillApplicant({ ...APPLICANT, idNumber: '001190012345', name: 'Nguyễn Thị Lan' }, 'counter');
    await next();
    await fillEform(entry.formSchema, exampleForm(entry.key));
    await page.locator('.ui-schema-form button[type="submit"]').click();
    for (const component of entry.components.filter((c) => c.required)) await page.locator(`input[name="component-${component.id}-received"]`).check();
    await next();
    const before = await dossierCount();
    const posts: string[] = [];
    page.on('request', (request) => void (request.method() === 'POST' && request.url().endsWith('/api/dossiers') && posts.push(request.headers()['idempotency-key'] ?? '')));
    // when the official double-clicks
    await page.locator('.intake-accept').dblclick();
    await page.locator('.intake-result-accepted').waitFor();
    // then one dossier was made, under one Idempotency-Key
    expect(await dossierCount()).toBe(before + 1);
    expect(new Set(posts).size).toBe(1);
  });

  it('tells bad input beside its field in every step, in Vietnamese, and stores nothing', async () => {
    const before = await dossierCount();
    const entry = catalogue.get('dang-ky-thanh-lap-doanh-nghiep')!;
    await page.locator('.intake-another').click();
    await pickProcedure(entry.key, '2.001610');
    // the applicant: nothing typed, then a bad ID number, phone and e-mail
    await next();
    expect(await page.locator('#applicant-idNumber-error').textContent()).toBe('Bắt buộc nhập');
    expect(await page.locator('#applicant-name-error').textContent()).toBe('Bắt buộc nhập');
    await fillApplicant({ ...APPLICANT, idNumber: '0010850123', phone: '12345', email: 'dan@' }, 'online');
    await next();
    expect(await page.locator('#applicant-idNumber-error').textContent()).toBe('Số định danh gồm 12 chữ số (CCCD), 9 chữ số (CMND cũ), hoặc là số hộ chiếu (6–9 chữ cái và chữ số)');
    expect(await page.locator('#applicant-phone-error').textContent()).toBe('Số điện thoại gồm 10 chữ số, bắt đầu bằng 0 (hoặc +84)');
    expect(await page.locator('#applicant-email-error').textContent()).toBe('Thư điện tử không hợp lệ');
    expect(await page.locator('#applicant-name-error').count()).toBe(0);
    await page.screenshot({ path: `${screenshots}intake-1280-06-applicant-errors.png`, fullPage: true });
    await fillApplicant({ ...APPLICANT, idNumber: 'C1234567' }, 'online');
    await next();
    // the e-form: a bad ID number of the legal representative and no company name
    const form = exampleForm(entry.key);
    delete form.businessName;
    (form.legalRepresentative as Record<string, unknown>).idNumber = '0010850';
    await fillEform(entry.formSchema, form);
    await page.locator('.ui-schema-form button[type="submit"]').click();
    const fieldError = (id: string) => page.locator(`#${id}`).locator('xpath=ancestor::div[contains(@class,"form-group")][1]').locator('.error-detail');
    await expect.poll(() => fieldError('root_businessName').textContent()).toBe('Bắt buộc nhập');
    expect(await fieldError('root_legalRepresentative_idNumber').textContent()).toContain('Không đúng định dạng');
    await page.screenshot({ path: `${screenshots}intake-1280-07-eform-errors.png`, fullPage: true });
    await page.locator('#root_businessName').fill('Công ty TNHH Sen Vàng');
    await page.locator('#root_legalRepresentative_idNumber').fill('001085012345');
    await page.locator('.ui-schema-form button[type="submit"]').click();
    // the checklist: a quantity of 0 and a text file instead of a scan
    const [first] = entry.components;
    const row = page.locator(`li[data-component-id="${first!.id}"]`);
    await row.locator(`input[name="component-${first!.id}-received"]`).check();
    await row.locator(`input[name="component-${first!.id}-quantity"]`).fill('0');
    await row.locator(`input[name="component-${first!.id}-files"]`).setInputFiles({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('không phải bản quét') });
    expect(await row.locator('.ui-file-drop .ui-field-error').textContent()).toBe('Tệp “ghi-chu.txt” không phải PDF, JPG hoặc PNG');
    await next();
    expect(await row.locator(`#component-${first!.id}-error`).textContent()).toBe('Số lượng là số nguyên từ 1 đến 100');
    await page.screenshot({ path: `${screenshots}intake-1280-08-checklist-errors.png`, fullPage: true });
    await row.locator(`input[name="component-${first!.id}-quantity"]`).fill('1');
    await next();
    // the outcome: receiving with required components missing, refusing without a reason
    await page.locator('.intake-accept').click();
    expect(await page.locator('.intake-outcome .ui-field-error').textContent()).toMatch(/^Còn \d thành phần bắt buộc chưa nhận/);
    await page.locator('.intake-refuse').click();
    await page.locator('.intake-outcome-form button[type="submit"]').click();
    expect(await page.locator('.intake-outcome-form .ui-field-error').textContent()).toBe('Bắt buộc nhập lý do');
    // then nothing was stored
    expect(await dossierCount()).toBe(before);
    await page.locator('.intake-outcome-form button[type="button"]').click();
  });

  it('asks for a supplement on the spot with form 02, and refuses with form 03', async () => {
    // given the company dossier of the last test, its required components but one not ticked
    const entry = catalogue.get('dang-ky-thanh-lap-doanh-nghiep')!;
    const missing = entry.components.filter((c) => c.required).slice(1);
    // when the official asks for them
    await page.locator('.intake-supplement').click();
    for (const component of missing) expect(await page.locator(`input[name="missing-${component.id}"]`).isChecked()).toBe(true);
    await page.locator('#outcome-reason').fill('Bổ sung các giấy tờ còn thiếu theo danh mục');
    await page.locator('.intake-outcome-form button[type="submit"]').click();
    // then the dossier waits for the citizen (5) and form 02 lists what is missing
    await page.locator('.intake-result-supplementRequested').waitFor();
    expect(await page.locator('.intake-status').textContent()).toBe('Yêu cầu bổ sung giấy tờ');
    const form02 = await formFrame('02');
    for (const component of missing) expect(await form02.locator('body').textContent()).toContain(component.name);
    const code = (await page.locator('.intake-dossier-code').textContent())!;
    const waiting = (await app.stores.dossiers.list({ status: [5] }, { offset: 0, limit: 10 })).items.find((d) => d.dossierCode === code);
    expect(waiting?.procedureKey).toBe(entry.key);

    // when another applicant's dossier is refused
    await page.locator('.intake-another').click();
    await pickProcedure('cap-giay-phep-xay-dung-nha-o', 'giay phep xay dung');
    await fillApplicant();
    await next();
    await fillEform(catalogue.get('cap-giay-phep-xay-dung-nha-o')!.formSchema, exampleForm('cap-giay-phep-xay-dung-nha-o'));
    await page.locator('.ui-schema-form button[type="submit"]').click();
    await next();
    await page.locator('.intake-refuse').click();
    await page.locator('#outcome-reason').fill('Công trình thuộc diện được miễn giấy phép xây dựng');
    await page.locator('.intake-outcome-form button[type="submit"]').click();
    // then it is not received (3) and form 03 gives the reason
    await page.locator('.intake-result-refused').waitFor();
    expect(await page.locator('.intake-status').textContent()).toBe('Không được tiếp nhận');
    expect(await (await formFrame('03')).locator('body').textContent()).toContain('Công trình thuộc diện được miễn giấy phép xây dựng');
    await page.screenshot({ path: `${screenshots}intake-1280-09-form03.png`, fullPage: true });
  });

  it('works on a phone 360 px wide, with the camera offered for scans', async () => {
    const phone = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', isMobile: true, hasTouch: true });
    try {
      await phone.goto(`${app.url}/intake`);
      await signInThroughPage(phone, 'official.motcua');
      const previous = page;
      page = phone;
      try {
        await pickProcedure('lien-thong-khai-tu', 'khai tu');
        await fillApplicant();
        await phone.screenshot({ path: `${screenshots}intake-360-01-applicant.png`, fullPage: true });
        await next();
        const entry = catalogue.get('lien-thong-khai-tu')!;
        await fillEform(entry.formSchema, exampleForm(entry.key));
        await phone.screenshot({ path: `${screenshots}intake-360-02-eform.png` });
        await phone.locator('.ui-schema-form button[type="submit"]').click();
        const required = await tickComponents(entry);
        const camera = phone.locator(`input[name="component-${required[0]!.id}-camera"]`);
        expect(await camera.getAttribute('capture')).toBe('environment');
        expect(await camera.getAttribute('accept')).toBe('image/*,application/pdf');
        await camera.setInputFiles({ name: 'anh-chup.png', mimeType: 'image/png', buffer: PNG });
        await phone.screenshot({ path: `${screenshots}intake-360-03-checklist.png`, fullPage: true });
        // no horizontal scrolling on the phone
        expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
        await next();
        await phone.locator('.intake-accept').click();
        await phone.locator('.intake-result-accepted').waitFor();
        await formFrame('01');
        await expect.poll(() => phone.locator('.intake-uploads').textContent()).toBe(`Đã lưu ${required.length + 1} bản quét.`);
        await phone.screenshot({ path: `${screenshots}intake-360-04-form01.png`, fullPage: true });
      } finally {
        page = previous;
      }
    } finally {
      await phone.close();
    }
  });
});
