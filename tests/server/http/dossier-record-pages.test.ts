/**
 * A dossier's progress records, audit trail and attachments are answered in pages of at most 100 with their total,
 * so a dossier worked on for years (or sent many small files) cannot make one answer grow without bound.
 */
import { describe, expect, it } from 'vitest';
import { createDossierTestApp, receive } from '../dossiers/dossier-fixture';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

async function given() {
  const t = await createDossierTestApp();
  const dossier = await receive(t);
  const headers = await t.as('official.motcua');
  const get = (path: string) => t.app.request(`/api/dossiers/${dossier.id}${path}`, { headers });
  return { t, dossier, headers, get };
}

describe('pages of a dossier\'s records and attachments', () => {
  it.each(['progress', 'audit'])('answers the %s records a page at a time, the body still an array and the total in X-Total-Count', async (records) => {
    // given a received dossier and all its records as the default page returns them
    const { get } = await given();
    const all = (await (await get(`/${records}`)).json()) as unknown[];
    expect(all.length).toBeGreaterThanOrEqual(1);
    // when the last record alone is asked for
    const response = await get(`/${records}?offset=${all.length - 1}&limit=1`);
    // then it is that one record, and the header counts them all
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([all.at(-1)]);
    expect(response.headers.get('x-total-count')).toBe(String(all.length));
  });

  it.each(['progress', 'audit', 'attachments'])('refuses a %s page over 100 with a 400 problem naming the limit', async (records) => {
    // given
    const { get } = await given();
    // when
    const response = await get(`/${records}?limit=101`);
    // then
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(await response.json())).toContain('limit');
  });

  it('answers the attachments a page at a time with their total, oldest first', async () => {
    // given three files uploaded to the dossier at the counter, a minute apart (the order is the upload time's)
    const { t, dossier, headers, get } = await given();
    for (const name of ['a.pdf', 'b.pdf', 'c.pdf']) {
      t.clock.advance(60_000);
      const form = new FormData();
      form.set('file', new File([new Uint8Array(PDF)], name));
      expect((await t.app.request(`/api/dossiers/${dossier.id}/attachments`, { method: 'POST', body: form, headers })).status).toBe(201);
    }
    // when the second page of two is asked for
    const response = await get('/attachments?offset=2&limit=2');
    // then it holds the third file, and the total is three
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: { filename: string }[]; total: number };
    expect(body.items.map((item) => item.filename)).toEqual(['c.pdf']);
    expect(body.total).toBe(3);
  });
});
