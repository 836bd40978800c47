/**
 * Hostile uploads to POST /api/dossiers/{id}/attachments (multipart/form-data): malformed multipart, hostile file
 * names, random bytes under allowed extensions, wrong credentials. Never a 5xx; every refusal is a problem with a
 * stable code and stores nothing; an accepted file keeps a safe name. Deterministic: fixed seed, bounded runs.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app';
import { storeDossier } from '../server/lookup/stored-dossier';

const SEED = Number(process.env.FUZZ_SEED ?? 20_250_303);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const LIMITS = { maxFileBytes: 64 * 1024, maxDossierBytes: 10 * 1024 * 1024 };

type Context = Awaited<ReturnType<typeof createTestApp>>;
let context: Context;
let dossierId: string;
let uploadPath: string;
let official: Record<string, string>;

beforeAll(async () => {
  console.log(`upload fuzz seed: ${SEED} (set FUZZ_SEED to replay another)`);
  context = await createTestApp({ attachmentLimits: LIMITS });
  dossierId = (await storeDossier(context.stores)).id;
  uploadPath = `/api/dossiers/${dossierId}/attachments`;
  official = await context.as('official.motcua');
});

function formWith(filename: string, content: Uint8Array, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.set('file', new File([new Uint8Array(content)], filename, { type: 'application/octet-stream' }));
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

async function stored(): Promise<string> {
  return JSON.stringify(await context.attachments.listByDossier(dossierId));
}

async function expectRefusal(response: Response, before: string, what: string): Promise<void> {
  const text = await response.text();
  const context_ = `${what} → ${response.status} ${text.slice(0, 200)}`;
  expect(response.status, context_).toBeGreaterThanOrEqual(400);
  expect(response.status, context_).toBeLessThan(500);
  expect(response.headers.get('content-type') ?? '', context_).toMatch(/^application\/problem\+json/);
  expect((JSON.parse(text) as { code?: string }).code, context_).toMatch(/^[A-Z][A-Z0-9_]*$/);
  expect(await stored(), `${context_}: an attachment was stored`).toBe(before);
}

describe('attachment uploads with hostile multipart bodies', () => {
  it('refuses malformed multipart bodies (no boundary, wrong boundary, truncated, header injection, no file part) with a 4xx problem, storing nothing', async () => {
    const boundary = 'XyZ123';
    const part = (headers: string, body: string) => `--${boundary}\r\n${headers}\r\n\r\n${body}\r\n`;
    const cases: [string, string][] = [
      ['multipart/form-data', part('Content-Disposition: form-data; name="file"; filename="a.pdf"', PDF.toString('latin1')) + `--${boundary}--\r\n`],
      [`multipart/form-data; boundary=${boundary}`, ''],
      [`multipart/form-data; boundary=${boundary}`, 'not multipart at all'],
      [`multipart/form-data; boundary=${boundary}`, part('Content-Disposition: form-data; name="file"; filename="a.pdf"', PDF.toString('latin1'))],
      [`multipart/form-data; boundary=${boundary}`, `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n`],
      [`multipart/form-data; boundary=other`, part('Content-Disposition: form-data; name="file"; filename="a.pdf"', PDF.toString('latin1')) + `--${boundary}--\r\n`],
      [`multipart/form-data; boundary=${boundary}`, part('Content-Disposition: form-data; name="note"', 'no file here') + `--${boundary}--\r\n`],
      [`multipart/form-data; boundary=${boundary}`, part('Content-Disposition: form-data; name="file"', 'a file field without a filename') + `--${boundary}--\r\n`],
      [`multipart/form-data; boundary=${boundary}`, part(`Content-Disposition: form-data; name="file"; filename="${'x'.repeat(100_000)}.pdf"`, 'x') + `--${boundary}--\r\n`],
      [`multipart/form-data; boundary=${boundary}`, part('Content-Disposition: form-data; name="__proto__"; filename="a.pdf"', PDF.toString('latin1')) + `--${boundary}--\r\n`],
      [`multipart/form-data; boundary=${boundary}`, Array.from({ length: 2_000 }, (_, i) => part(`Content-Disposition: form-data; name="f${i}"`, 'v')).join('') + `--${boundary}--\r\n`],
      ['application/json', '{"file": "JVBERi0xLjc="}'],
      ['text/plain', PDF.toString('latin1')],
      ['application/octet-stream', PDF.toString('latin1')],
    ];
    for (const [type, body] of cases) {
      const before = await stored();
      const response = await context.app.request(uploadPath, { method: 'POST', headers: { ...official, 'content-type': type }, body });
      await expectRefusal(response, before, `${type} ${JSON.stringify(body.slice(0, 60))}`);
    }
  });

  it('answers random bytes under any file name and extension with 201 or a 4xx problem (415 for a disguised type), never a 5xx', async () => {
    const extension = fc.constantFrom('.pdf', '.png', '.jpg', '.docx', '.xlsx', '.exe', '.html', '.svg', '.pdf.exe', '', '.PDF');
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2_048 }), extension, async (bytes, ext) => {
        const before = await stored();
        const response = await context.app.request(uploadPath, { method: 'POST', headers: official, body: formWith(`tep${ext}`, bytes) });
        if (response.status === 201) return;
        await expectRefusal(response, before, `${bytes.length} random bytes as tep${ext}`);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('stores a real PDF under any hostile name as a plain file name: no path, no control characters, a header-safe Content-Disposition', async () => {
    const hostileName = fc.oneof(
      fc.constantFrom('../../../../etc/passwd.pdf', '..\\..\\windows\\system32.pdf', '/absolute/path.pdf', 'C:\\boot.pdf', 'a\r\nX-Injected: 1.pdf', 'a"; filename="evil.exe.pdf', '\u0000.pdf', '\u202Efdp.exe.pdf', `${'ư'.repeat(1_000)}.pdf`, '.pdf', '%2e%2e%2f.pdf', '__proto__.pdf'),
      fc.string({ unit: 'binary', maxLength: 300 }).map((name) => `${name}.pdf`),
    );
    await fc.assert(
      fc.asyncProperty(hostileName, fc.constantFrom(undefined, '__proto__', 'x'.repeat(10_000), '\r\n'), async (filename, componentCode) => {
        const before = await stored();
        const response = await context.app.request(uploadPath, { method: 'POST', headers: official, body: formWith(filename, PDF, componentCode === undefined ? {} : { componentCode }) });
        if (response.status !== 201) return expectRefusal(response, before, `PDF named ${JSON.stringify(filename.slice(0, 60))}`);
        const info = (await response.json()) as { id: string; filename: string; componentCode?: string };
        expect(info.filename).not.toMatch(/[/\\\u0000-\u001f\u007f]/);
        expect(info.filename.length).toBeLessThanOrEqual(200);
        if (info.componentCode !== undefined) expect(info.componentCode.length).toBeLessThanOrEqual(100);
        const download = await context.app.request(`/api/attachments/${info.id}`, { headers: official });
        expect(download.status).toBe(200);
        expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[\x21-\x7e]*$/);
      }),
      { seed: SEED, numRuns: 40 },
    );
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('refuses an upload without a session (401), from another agency (403), to an unknown or traversing dossier id (404), and over the size limit (413), storing nothing', async () => {
    const outsider = await context.as('official.thue');
    const cases: [string, Record<string, string>, FormData | string, number][] = [
      [uploadPath, {}, formWith('a.pdf', PDF), 401],
      [uploadPath, { authorization: 'Bearer forged' }, formWith('a.pdf', PDF), 401],
      [uploadPath, outsider, formWith('a.pdf', PDF), 403],
      ['/api/dossiers/khong-co-ma-nay/attachments', official, formWith('a.pdf', PDF), 404],
      [`/api/dossiers/${encodeURIComponent('../..')}/attachments`, official, formWith('a.pdf', PDF), 404],
      [uploadPath, official, formWith('big.pdf', new Uint8Array(Buffer.concat([PDF, Buffer.alloc(LIMITS.maxFileBytes)]))), 413],
    ];
    for (const [path, headers, body, status] of cases) {
      const before = await stored();
      const response = await context.app.request(path, { method: 'POST', headers, body });
      expect(response.status, `${path} ${JSON.stringify(headers).slice(0, 30)}`).toBe(status);
      await expectRefusal(response, before, path);
    }
  });
});
