/**
 * An e-form's `pattern` is an analyst's text and the form anyone's input: the server checks patterns on RE2, so a
 * pattern that backtracks catastrophically on a JS RegExp answers a near-miss form at once.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { APPLICANT, call, createDossierTestApp } from './dossier-fixture';

const fixtureXml = readFileSync(fileURLToPath(new URL('../../fixtures/server/two-agency-procedure.bpmn', import.meta.url)), 'utf8');
const SCHEMA = { type: 'object', required: ['code'], properties: { code: { type: 'string', pattern: '^(a+)+$', description: 'chỉ chữ a' } } };
const xml = fixtureXml.replace(/<lt:formSchema>[^<]*<\/lt:formSchema>/, `<lt:formSchema>${JSON.stringify(SCHEMA)}</lt:formSchema>`);

describe('e-form patterns', () => {
  it('refuses a near miss of a backtracking pattern at once, naming the field with the format the schema describes', async () => {
    // given a procedure whose e-form has a pattern that backtracks exponentially on a JS RegExp
    const t = await createDossierTestApp({ xml });
    const startedAt = performance.now();
    // when a form of 40 "a" and a "b" is received at the counter
    const answer = await call<{ errors: unknown[] }>(t, 'official.motcua', 'POST', '/api/dossiers', { procedureKey: 'thu-lien-thong', applicant: APPLICANT, form: { code: `${'a'.repeat(40)}b` } });
    // then it is refused with the field named, well before a backtracking engine would have answered
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([{ pointer: '/code', message: 'Không đúng định dạng: chỉ chữ a' }]);
    expect(performance.now() - startedAt).toBeLessThan(5_000);
    expect((await call(t, 'official.motcua', 'POST', '/api/dossiers', { procedureKey: 'thu-lien-thong', applicant: APPLICANT, form: { code: 'aaaa' } })).status).toBe(201);
  });
});
