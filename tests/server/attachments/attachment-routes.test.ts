/** Attachment routes through the app: upload, list and download, and every refusal a problem with nothing stored. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../support/test-app';
import { storeDossier } from '../lookup/stored-dossier';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
/** The first bytes of a .docx: a ZIP local file header naming a part under word/. */
const DOCX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 0, 0]), Buffer.alloc(16), Buffer.from('word/document.xml<w:document/>')]);

function upload(filename: string, content: Buffer, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.set('file', new File([new Uint8Array(content)], filename, { type: 'application/octet-stream' }));
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

async function given(limits?: { maxFileBytes: number; maxDossierBytes: number }) {
  const context = await createTestApp(limits ? { attachmentLimits: limits } : {});
  const dossier = await storeDossier(context.stores);
  const post = async (username: string | undefined, form: FormData) =>
    context.app.request(`/api/dossiers/${dossier.id}/attachments`, { method: 'POST', body: form, headers: username ? await context.as(username) : {} });
  return { ...context, dossier, post };
}

describe('dossier attachment routes', () => {
  it('stores a PDF uploaded by an official the dossier is routed to, with its size and SHA-256, and lists it', async () => {
    // given
    const { post, app, as, dossier } = await given();
    // when
    const response = await post('official.xaydung', upload('Bản vẽ thiết kế.pdf', PDF, { componentCode: 'TP2' }));
    // then
    expect(response.status).toBe(201);
    const info = await response.json();
    expect(info).toMatchObject({
      dossierId: dossier.id,
      filename: 'Bản vẽ thiết kế.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
      uploadedBy: 'u-official-xaydung',
      componentCode: 'TP2',
    });
    expect(response.headers.get('location')).toBe(`/api/attachments/${info.id}`);
    const listed = await app.request(`/api/dossiers/${dossier.id}/attachments`, { headers: await as('official.motcua') });
    expect((await listed.json()).items).toEqual([info]);
  });

  it('serves the download with our content type, a UTF-8 Content-Disposition and the content digest', async () => {
    // given
    const { post, app, as } = await given();
    const info = await (await post('official.motcua', upload('Đơn đề nghị.pdf', PDF))).json();
    // when
    const response = await app.request(`/api/attachments/${info.id}`, { headers: await as('supervisor') });
    // then
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="Don de nghi.pdf"; filename*=UTF-8''${encodeURIComponent('Đơn đề nghị.pdf')}`);
    expect(response.headers.get('repr-digest')).toBe(`sha-256=:${createHash('sha256').update(PDF).digest('base64')}:`);
    expect(Buffer.from(await response.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('accepts a Word document recognised by its ZIP parts', async () => {
    // given
    const { post } = await given();
    // when
    const response = await post('official.motcua', upload('to-khai.docx', DOCX));
    // then
    expect(response.status).toBe(201);
    expect((await response.json()).contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  it('refuses with 415 a file whose extension is not allowed, or whose bytes are not what its extension says, storing nothing', async () => {
    // given
    const { post, attachments, dossier } = await given();
    // when
    const executable = await post('official.motcua', upload('setup.exe', Buffer.from('MZ\x90\x00')));
    const disguised = await post('official.motcua', upload('scan.pdf', PNG));
    const htmlAsXml = await post('official.motcua', upload('data.png', Buffer.from('<html><script>alert(1)</script>')));
    // then
    for (const response of [executable, disguised, htmlAsXml]) {
      expect(response.status).toBe(415);
      expect(await response.json()).toMatchObject({ code: 'ATTACHMENT_TYPE_NOT_ALLOWED', allowed: ['pdf', 'jpg', 'jpeg', 'png', 'docx', 'xlsx', 'xml'] });
    }
    expect(await attachments.listByDossier(dossier.id)).toEqual([]);
  });

  it('refuses with 413 a file over the per-file limit and one that would pass the per-dossier limit, storing nothing more', async () => {
    // given
    const { post, attachments, dossier } = await given({ maxFileBytes: 1_000, maxDossierBytes: 1_500 });
    const big = Buffer.concat([PDF, Buffer.alloc(1_000)]);
    const medium = Buffer.concat([PDF, Buffer.alloc(800 - PDF.length)]);
    // when
    const tooBig = await post('official.motcua', upload('big.pdf', big));
    const first = await post('official.motcua', upload('first.pdf', medium));
    const second = await post('official.motcua', upload('second.pdf', medium));
    // then
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toMatchObject({ code: 'ATTACHMENT_TOO_LARGE', maxBytes: 1_000 });
    expect(first.status).toBe(201);
    expect(second.status).toBe(413);
    expect(await second.json()).toMatchObject({ code: 'DOSSIER_ATTACHMENTS_TOO_LARGE', maxBytes: 1_500 });
    expect((await attachments.listByDossier(dossier.id)).map((info) => info.filename)).toEqual(['first.pdf']);
  });

  it('lets only one of two simultaneous uploads through when together they would pass the per-dossier limit', async () => {
    // given a store that takes a few turns of the event loop to write, as a database does
    const { post, attachments, dossier } = await given({ maxFileBytes: 1_000, maxDossierBytes: 1_500 });
    const put = attachments.put.bind(attachments);
    attachments.put = async (...args) => {
      for (let turn = 0; turn < 20; turn += 1) await new Promise((yieldTurn) => setImmediate(yieldTurn));
      return put(...args);
    };
    const medium = Buffer.concat([PDF, Buffer.alloc(800 - PDF.length)]);
    // when
    const answers = await Promise.all([post('official.motcua', upload('one.pdf', medium)), post('official.motcua', upload('two.pdf', medium))]);
    // then
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 413]);
    expect(await attachments.listByDossier(dossier.id)).toHaveLength(1);
  });

  it('refuses with 413 an upload body larger than one file and its form framing before reading it', async () => {
    // given
    const { post, attachments, dossier } = await given({ maxFileBytes: 1_000, maxDossierBytes: 1_500 });
    // when
    const response = await post('official.motcua', upload('huge.pdf', Buffer.concat([PDF, Buffer.alloc(200 * 1024)])));
    // then
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(await attachments.listByDossier(dossier.id)).toEqual([]);
  });

  it('refuses officials of units the dossier never reached (403), supervisors uploading (403) and anonymous callers (401)', async () => {
    // given
    const { post, app, as, attachments, dossier } = await given();
    const stored = await (await post('official.motcua', upload('a.pdf', PDF))).json();
    // when
    const otherAgency = await post('official.hotich', upload('b.pdf', PDF));
    const supervisor = await post('supervisor', upload('c.pdf', PDF));
    const anonymous = await post(undefined, upload('d.pdf', PDF));
    const otherDownload = await app.request(`/api/attachments/${stored.id}`, { headers: await as('official.hotich') });
    // then
    expect([otherAgency.status, supervisor.status, anonymous.status, otherDownload.status]).toEqual([403, 403, 401, 403]);
    expect((await attachments.listByDossier(dossier.id)).map((info) => info.filename)).toEqual(['a.pdf']);
  });

  it('answers 404 problems for an unknown dossier and an unknown attachment', async () => {
    // given
    const { app, as } = await given();
    const headers = await as('official.motcua');
    // when
    const noDossier = await app.request('/api/dossiers/nope/attachments', { method: 'POST', body: upload('a.pdf', PDF), headers });
    const noAttachment = await app.request('/api/attachments/nope', { headers });
    // then
    expect(noDossier.status).toBe(404);
    expect(await noDossier.json()).toMatchObject({ code: 'DOSSIER_NOT_FOUND' });
    expect(noAttachment.status).toBe(404);
    expect(await noAttachment.json()).toMatchObject({ code: 'ATTACHMENT_NOT_FOUND' });
  });

  it('describes the attachment and lookup routes in the OpenAPI document', async () => {
    // given
    const { app } = await given();
    // when
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    // then
    expect(Object.keys(doc.paths['/api/dossiers/{id}/attachments'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/attachments/{id}'] ?? {})).toEqual(['get']);
    expect(Object.keys(doc.paths['/api/lookup'] ?? {})).toEqual(['get']);
  });
});
