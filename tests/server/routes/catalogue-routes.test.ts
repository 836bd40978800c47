/**
 * The public procedure catalogue: the current version of each deployed procedure with what intake needs, found by
 * name or national code without regard to case or diacritics, the signed-in official's agency's procedures first.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, createDossierTestApp, FIXTURE_KEY, type TestApp } from '../dossiers/dossier-fixture';

const LIBRARY = ['lien-thong-khai-sinh', 'lien-thong-khai-tu', 'cap-giay-chung-nhan-dang-ky-dau-tu', 'dang-ky-thanh-lap-doanh-nghiep'];
const libraryXml = (slug: string) => readFileSync(fileURLToPath(new URL(`../../../procedures/${slug}/${slug}.bpmn`, import.meta.url)), 'utf8');

interface Entry {
  key: string;
  version: number;
  name: string;
  procedureCode: string;
  statutoryBudget?: { value: number; unit: string };
  leadAgency?: { id: string; name: string };
  supplementPolicy: { kind: string };
  legalBasis?: string;
  formSchema?: { properties?: Record<string, unknown> };
  components: unknown[];
  ownAgency?: boolean;
}

describe('GET /api/catalogue', () => {
  let t: TestApp;
  const keys = async (query: string, user?: string) => (await call<{ items: Entry[] }>(t, user, 'GET', `/api/catalogue${query}`)).body.items.map((item) => item.key);

  beforeAll(async () => {
    // given the fixture (with an e-form schema), deployed twice, and four procedures of the library
    t = await createDossierTestApp();
    const fixture = await call<{ xml: string }>(t, 'analyst', 'GET', `/api/procedures/${FIXTURE_KEY}/versions/1`);
    await call(t, 'analyst', 'POST', '/api/procedures', { key: FIXTURE_KEY, xml: fixture.body.xml });
    for (const slug of LIBRARY) expect((await call(t, 'analyst', 'POST', '/api/procedures', { key: slug, xml: libraryXml(slug) })).status).toBe(201);
  });

  it('lists the current version of every procedure to anyone, with its deadline, lead agency, policy and parsed e-form schema', async () => {
    // when an anonymous caller reads the catalogue
    const answer = await call<{ items: Entry[]; total: number }>(t, undefined, 'GET', '/api/catalogue');
    // then every procedure is there once, at its latest version, sorted by name
    expect(answer.status).toBe(200);
    expect(answer.body.total).toBe(5);
    const fixture = answer.body.items.find((item) => item.key === FIXTURE_KEY)!;
    expect(fixture.version).toBe(2);
    expect(fixture.leadAgency).toEqual({ id: 'so-tai-chinh', name: 'Sở Tài chính' });
    expect(fixture.supplementPolicy).toEqual({ kind: 'pause' });
    expect(Object.keys(fixture.formSchema?.properties ?? {})).toEqual(['businessName', 'capital']);
    expect(Array.isArray(fixture.components)).toBe(true);
    expect(fixture.ownAgency).toBeUndefined();
    const birth = answer.body.items.find((item) => item.key === 'lien-thong-khai-sinh')!;
    expect(birth.statutoryBudget).toEqual({ value: 3, unit: 'workingDays' });
    expect(birth.supplementPolicy.kind).toBe('boundedWait');
    expect(birth.legalBasis).toContain('Nghị định 63/2024/NĐ-CP');
    const names = answer.body.items.map((item) => item.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'vi')));
    // and one procedure by key; an unknown key is a 404 problem
    const one = await call<Entry>(t, undefined, 'GET', `/api/catalogue/${FIXTURE_KEY}`);
    expect(one.body.version).toBe(2);
    expect((await call<{ code: string }>(t, undefined, 'GET', '/api/catalogue/khong-co')).body.code).toBe('PROCEDURE_NOT_FOUND');
  });

  it('finds a procedure by name or national code, whatever the case and the diacritics', async () => {
    expect(await keys('?q=khai%20sinh')).toEqual(['lien-thong-khai-sinh']);
    expect(await keys('?q=KHAI%20SINH')).toEqual(['lien-thong-khai-sinh']);
    expect(await keys(`?q=${encodeURIComponent('đăng ký  KHAI TỬ')}`)).toEqual(['lien-thong-khai-tu']);
    expect(await keys('?q=dang%20ky%20khai%20tu')).toEqual(['lien-thong-khai-tu']);
    expect(await keys('?q=1.009664')).toEqual(['cap-giay-chung-nhan-dang-ky-dau-tu']);
    expect(await keys('?q=nd63')).toEqual(['lien-thong-khai-sinh']);
    expect(await keys('?q=khong%20co%20thu%20tuc%20nay')).toEqual([]);
  });

  it('puts the signed-in official\'s agency\'s procedures first', async () => {
    // when an official of the commune reads it, the commune's procedures (its lanes) come first
    const answer = await call<{ items: Entry[] }>(t, 'official.hotich', 'GET', '/api/catalogue');
    const own = answer.body.items.filter((item) => item.ownAgency).map((item) => item.key).sort();
    expect(own).toEqual(['lien-thong-khai-sinh', 'lien-thong-khai-tu']);
    expect(answer.body.items.slice(0, 2).map((item) => item.key).sort()).toEqual(own);
    // and the Department of Finance's official sees the finance procedures first
    const finance = await keys('', 'official.dkkd');
    expect(finance.slice(0, 3).sort()).toEqual(['cap-giay-chung-nhan-dang-ky-dau-tu', 'dang-ky-thanh-lap-doanh-nghiep', FIXTURE_KEY].sort());
  });

  it('is bounded: at most 100 a page, a query of at most 100 characters', async () => {
    expect(await keys('?limit=2')).toHaveLength(2);
    expect((await call(t, undefined, 'GET', '/api/catalogue?limit=101')).status).toBe(400);
    expect((await call(t, undefined, 'GET', `/api/catalogue?q=${'a'.repeat(101)}`)).status).toBe(400);
  });
});
