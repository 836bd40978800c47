/**
 * The signed result in a real browser against the whole server (issue 20): the director of the Department of Finance
 * opens the investment dossier at their step, signs its result with their certificate and reads the verdict "Chữ ký
 * hợp lệ" with their name and the signing time; a tampered copy uploaded as the result is refused beside the field
 * with the reason; the citizen, not signed in, looks the dossier up, reads the same verdict and downloads the signed
 * PDF, whose signature the server verifies. The test CA is made in the test. Screenshots at 1280 and 360 px go to
 * tests/browser/screenshots/.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySigningCertificateStore } from '../../../server/src/persistence/memory/memory-signing-certificate-store';
import { verifyPdfSignatures } from '../../../server/src/signatures/verify-pdf-signatures';
import { exampleForm } from '../../procedures/support/library';
import { chromiumAvailable, launchChromium } from '../../support/browser-launch';
import { startWorkspaceApp, workspaceFrontEndBuilt, type WorkspaceTestApp } from '../../support/browser-workspace-app';
import { signInThroughPage } from '../../support/browser-workspace-page';
import { completeOpenStep } from '../../support/browser-workspace-seed';
import { createTestCertificateAuthority, toPkcs12, type TestCertificateAuthority } from '../../support/test-certificate-authority';

const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));
const runnable = chromiumAvailable() && workspaceFrontEndBuilt();
if (!runnable) console.log('skipped: no chromium at /usr/bin/chromium or modeler/dist not built (npm run build:modeler)');

const SLUG = 'cap-giay-chung-nhan-dang-ky-dau-tu';
const XML = readFileSync(new URL(`../../../procedures/${SLUG}/${SLUG}.bpmn`, import.meta.url), 'utf8');
const APPLICANT = { name: 'Phạm Quốc Bảo', idNumber: '001085099999', phone: '0912345678', address: 'Số 1 Tràng Tiền, Hà Nội' };
const DIRECTOR = 'head.taichinh';

describe.runIf(runnable)('the signed result in a browser', () => {
  let app: WorkspaceTestApp;
  let ca: TestCertificateAuthority;
  let browser: Browser;
  let page: Page;
  let dossier: { id: string; dossierCode: string };
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    ca = createTestCertificateAuthority();
    app = await startWorkspaceApp({ signing: { sealingKey: randomBytes(32), trustAnchors: [ca.root.pem], certificates: new MemorySigningCertificateStore(), location: 'Hà Nội' } });
    // given the investment procedure, the director's certificate, and a dossier carried to the director's step
    expect((await app.call('analyst', 'POST', '/api/procedures', { key: SLUG, xml: XML })).status).toBe(201);
    const director = ca.issueOfficial('Hoàng Văn Giám Đốc', { notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2028-01-01T00:00:00Z') });
    const pkcs12 = toPkcs12(director, [ca.intermediate], 'mật-khẩu');
    expect((await app.call(DIRECTOR, 'PUT', '/api/signing-certificates/mine', { pkcs12: pkcs12.toString('base64'), password: 'mật-khẩu' })).status).toBe(200);
    const received = await app.call<{ id: string; dossierCode: string }>('official.motcua', 'POST', '/api/dossiers', {
      procedureKey: SLUG,
      applicant: APPLICANT,
      form: exampleForm(SLUG),
      documents: [{ name: 'Văn bản đề nghị thực hiện dự án đầu tư', copyType: 'original', quantity: 1 }],
    });
    expect(received.status).toBe(201);
    dossier = received.body;
    for (const user of ['official.motcua', 'official.dautu', 'head.dautu']) await completeOpenStep(app, user, dossier.id);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', acceptDownloads: true });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await page?.screenshot({ path: `${screenshots}signed-result-99-last-state.png`, fullPage: true }).catch(() => undefined);
    await browser?.close();
    await app?.close();
  });

  it('lets the director sign the result and shows the verdict "Chữ ký hợp lệ" with the signer and the signing time', async () => {
    // when the director opens the dossier and signs its result with their certificate
    await page.goto(`${app.url}/inbox/dossiers/${encodeURIComponent(dossier.id)}`);
    await signInThroughPage(page, DIRECTOR);
    const panel = page.locator('.ws-result');
    await panel.locator('button[data-sign="certificate"]').click();
    // then the page says it is signed and shows the server's verdict on the stored result
    await expect.poll(() => page.locator('.ws-ok').textContent()).toBe('Đã ký số kết quả giải quyết.');
    const verdict = panel.locator('.ws-signature');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-valid')).toBe('true');
    expect(await verdict.locator('.ws-signature-badge').textContent()).toBe('✓ Chữ ký hợp lệ');
    expect(await verdict.locator('.ws-signature-signer').textContent()).toBe('Người ký: Hoàng Văn Giám Đốc');
    expect(await verdict.locator('.ws-signature-time').textContent()).toBe(`Thời điểm ký: ${vietnamTime(app.clock.now())}`);
    // and checking it again asks the server, which verifies the stored file once more
    const checked = page.waitForResponse((response) => response.url().endsWith('/signatures'));
    await panel.getByRole('button', { name: 'Kiểm tra lại chữ ký' }).click();
    expect((await checked).status()).toBe(200);
    expect(await verdict.getAttribute('data-valid')).toBe('true');
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${screenshots}signed-result-01-official.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('refuses a tampered copy uploaded as the result, beside the field, with the reason in Vietnamese', async () => {
    // given the signed result as downloaded, one byte changed
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.ws-result button[data-result]').click()]);
    const signed = readFileSync((await download.path())!);
    const tampered = Buffer.from(signed);
    tampered[tampered.indexOf('/Creator') + 1] = 0x63;
    // when the director uploads it ticked as the result
    await page.locator('.off-upload input[type="file"]').setInputFiles({ name: 'ket-qua-sua.pdf', mimeType: 'application/pdf', buffer: tampered });
    await page.locator('.off-upload input[name="kind"]').check();
    await page.locator('.off-upload button[type="submit"]').click();
    // then the form says why, and the dossier keeps its one valid result
    await expect.poll(() => page.locator('#off-upload-error').textContent()).toContain('Tài liệu đã bị thay đổi sau khi ký');
    expect((await app.attachments.listByDossier(dossier.id)).filter((item) => item.kind === 'result')).toHaveLength(1);
    await page.setViewportSize({ width: 360, height: 800 });
    await page.locator('.ws-result').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${screenshots}signed-result-02-official-360.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('shows the citizen the verdict on the lookup page and downloads the signed result, whose signature verifies', async () => {
    // given a citizen's browser, not signed in, on a phone
    const citizen = await browser.newPage({ viewport: { width: 360, height: 800 }, locale: 'vi-VN', acceptDownloads: true });
    try {
      // when they look the dossier up with its code and their ID number
      await citizen.goto(`${app.url}/lookup?code=${encodeURIComponent(dossier.dossierCode)}`);
      await citizen.locator('input[name="idNumber"]').fill(APPLICANT.idNumber);
      await citizen.getByRole('button', { name: 'Tra cứu' }).click();
      // then the result is there with the verdict and the signer
      const result = citizen.locator('.portal-result');
      await result.waitFor();
      expect(await result.locator('h3').textContent()).toBe('Kết quả giải quyết');
      expect(await result.locator('.ws-signature-badge').textContent()).toBe('✓ Chữ ký hợp lệ');
      expect(await result.locator('.ws-signature-signer').textContent()).toBe('Người ký: Hoàng Văn Giám Đốc');
      await result.scrollIntoViewIfNeeded();
      await citizen.screenshot({ path: `${screenshots}signed-result-03-citizen-360.png`, fullPage: true });
      // and the download is the signed PDF, whose signature the server's verifier accepts
      const [download] = await Promise.all([citizen.waitForEvent('download'), result.getByRole('link', { name: 'Tải kết quả (PDF đã ký số)' }).click()]);
      expect(download.suggestedFilename()).toBe(`ket-qua-${dossier.dossierCode}.pdf`);
      const pdf = readFileSync((await download.path())!);
      const report = verifyPdfSignatures(pdf, { trustAnchors: [ca.root.pem], now: new Date(app.clock.now()) });
      expect(report).toMatchObject({ valid: true, signatures: [{ signer: 'Hoàng Văn Giám Đốc' }] });
      // and the page fits a phone's width
      expect(await citizen.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    } finally {
      await citizen.close();
    }
  });
});

/** "dd/mm/yyyy hh:mm" in Vietnam's time, as the page writes instants. */
function vietnamTime(at: number): string {
  const shifted = new Date(at + 7 * 3_600_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(shifted.getUTCDate())}/${pad(shifted.getUTCMonth() + 1)}/${shifted.getUTCFullYear()} ${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
}
