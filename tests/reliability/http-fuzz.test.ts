/**
 * Every operation of /api/openapi.json, read at test time (new routes are fuzzed as soon as they are documented),
 * receives hostile parameters, bodies, content types and credentials. Each answer is a 4xx RFC 9457 problem with a
 * stable code (never a 5xx; 401 first for a protected route called without a valid session), nothing stored changes,
 * no prototype is polluted, and every answer keeps CORS closed to a foreign origin and carries the security headers. Deterministic: fixed seed (FUZZ_SEED overrides it), bounded runs.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICANT, FIXTURE_KEY, VALID_FORM, createDossierTestApp, receive, type TestApp } from '../server/dossiers/dossier-fixture';
import { fillPath, operationsOf, type Operation } from './support/openapi-operations';
import { snapshotStores } from './support/store-snapshot';
import { billionLaughs, externalEntities, hugeAttribute, nestedForeignExtensions, nestedSubProcesses, prototypeKeyIds, referencesTo } from './support/hostile-bpmn';

const SEED = Number(process.env.FUZZ_SEED ?? 20_250_303);
const BODY_LIMIT_BYTES = 4 * 1024 * 1024;
const CANDIDATES = ['admin', 'analyst', 'official.motcua', 'head.motcua', 'supervisor'];

/** A user whose role may call the path: analysts deploy, officials of the receiving unit handle dossiers. */
function userFor(path: string): string {
  if (path.startsWith('/api/procedures')) return 'analyst';
  if (/^\/api\/(dossiers|steps|inbox|submissions|lookup)/.test(path)) return 'official.motcua';
  return 'admin';
}
/** An official of another agency than the seeded dossier's. */
const OUTSIDER = 'official.thue';

const HOSTILE_PARAMS = [
  'khong-co-ma-nay',
  '../..',
  '../../../../etc/passwd',
  '..\\..\\windows',
  '%2e%2e%2f%2e%2e%2f',
  '__proto__',
  'constructor',
  'x'.repeat(5_000),
  '\u0000',
  '-1',
  '0',
  '1e309',
  'NaN',
  '{"$ne":null}',
  "' OR '1'='1",
  '<script>alert(1)</script>',
  'Đơn vị 😀',
];

const HOSTILE_VALUES: unknown[] = [
  null,
  0,
  -1,
  1e308,
  -0,
  true,
  [],
  {},
  'NaN',
  'Infinity',
  '-Infinity',
  '',
  '\u0000',
  '__proto__',
  'x'.repeat(100_000),
  { $ne: null },
  { $gt: '' },
  [[[[[[[[[[1]]]]]]]]]],
  { __proto__: { admin: true } },
];

/** Raw JSON texts: prototype keys, duplicate keys, deep nesting, huge strings and numbers. */
const HOSTILE_JSON_TEXTS = [
  '{"__proto__": {"admin": true, "role": "administrator"}}',
  '{"constructor": {"prototype": {"admin": true}}}',
  '{"key": "a", "key": "b", "xml": "<x/>", "xml": 1}',
  '{"username": "admin", "username": {"$ne": null}, "password": "admin", "password": ["x"]}',
  `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
  `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`,
  `{"x": "${'y'.repeat(3_000_000)}"}`,
  '{"n": 1e999999, "m": -1e999999, "k": 123456789012345678901234567890}',
  '[]',
  'null',
  '"just a string"',
  '12345',
  'true',
];

// A leading byte order mark is ignored (RFC 8259 §8.1 allows it), so '\uFEFF{}' is not among these.
const INVALID_JSON = ['{', '{"a":', 'NaN', "{'a': 1}", '[1,]', '{"a": undefined}', '{"a": 1}}', '\u0000', '{"a": 1} {"b": 2}'];

const WRONG_TYPES = ['text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/json-patch', ''];

interface Answer {
  status: number;
  contentType: string;
  body: Record<string, unknown> | undefined;
  text: string;
}

/** Fails the request instead of letting a hung route time the whole test out without saying which request hung. */
async function withHangGuard<T>(what: string, promise: Promise<T>, limitMs = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${limitMs} ms`)), limitMs);
  });
  try {
    return await Promise.race([promise, hang]);
  } finally {
    clearTimeout(timer);
  }
}

let t: TestApp;
let operations: Operation[];
const realIds: Record<string, string> = {};
const fuzzUser = new Map<string, string>();
const bearer: Record<string, Record<string, string>> = {};
/** How often each status and problem code was answered, printed at the end to show what the fuzzing reached. */
const tally = new Map<string, number>();
afterAll(() => {
  console.log(`HTTP fuzz: ${operations.length} operations, fuzzed as ${JSON.stringify(Object.fromEntries(fuzzUser))}`);
  console.log(`HTTP fuzz answers: ${JSON.stringify(Object.fromEntries([...tally].sort()))}`);
});

async function send(method: string, path: string, init: { headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  // Every request comes from a foreign page: CORS stays closed and the security headers are on every answer.
  const headers = { origin: 'https://evil.example', ...init.headers };
  const response = await withHangGuard(`${method} ${path.slice(0, 100)}`, Promise.resolve(t.app.request(path, { method, headers, ...(init.body !== undefined ? { body: init.body } : {}) })));
  // A server-sent event stream never ends: its head is the answer.
  const streaming = (response.headers.get('content-type') ?? '').startsWith('text/event-stream');
  if (streaming) await response.body?.cancel();
  const text = streaming ? '' : await withHangGuard(`reading ${method} ${path.slice(0, 100)}`, response.text());
  expect(response.headers.get('access-control-allow-origin'), `${method} ${path}`).toBeNull();
  expect(response.headers.get('x-content-type-options'), `${method} ${path}`).toBe('nosniff');
  let body: Record<string, unknown> | undefined;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = undefined;
  }
  const code = typeof body?.code === 'string' ? body.code : '';
  tally.set(`${response.status} ${code}`.trim(), (tally.get(`${response.status} ${code}`.trim()) ?? 0) + 1);
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body, text };
}

const key = (operation: Operation) => `${operation.method} ${operation.path}`;
/** Operations that change something; `POST …/validate` only reports on its body. */
const isMutation = (operation: Operation) => operation.method !== 'GET' && !operation.path.endsWith('/validate');

/** A refusal: a 4xx problem+json with a stable code, and nothing stored changed. */
async function expectRefused(what: string, answer: Answer, before: string, allowed: number[] = []): Promise<void> {
  const context = `${what} → ${answer.status} ${answer.text.slice(0, 300)}`;
  expect(answer.status, context).toBeGreaterThanOrEqual(400);
  expect(answer.status, context).toBeLessThan(500);
  if (allowed.length > 0) expect(allowed, context).toContain(answer.status);
  expect(answer.contentType, context).toMatch(/^application\/problem\+json/);
  expect(answer.body?.code, context).toMatch(/^[A-Z][A-Z0-9_]*$/);
  expect(answer.body?.status, context).toBe(answer.status);
  expect(await snapshotStores(t), `${context}: the stores changed`).toBe(before);
}

/**
 * Any answer but a 5xx. A refusal is a problem and changes nothing; a read (or a validation report) may answer 2xx
 * and changes nothing; a change whose body was valid after all (unknown keys such as `__proto__` are dropped, every
 * field being optional) may succeed, but stores none of the hostile payload.
 */
async function expectHandled(operation: Operation, what: string, answer: Answer, before: string): Promise<void> {
  if (answer.status >= 400 || answer.status < 200) return expectRefused(what, answer, before);
  expect(answer.status, `${what} → ${answer.status}`).toBeLessThan(300);
  const after = await snapshotStores(t);
  if (!isMutation(operation)) expect(after, `${what}: a read changed the stores`).toBe(before);
  // `"$ne"` as a key, quoted: a bare `$ne` also occurs by chance in the random salt of a stored argon2 hash (`…p=1$ne…`).
  else expect(after, `${what}: the hostile payload was stored`).not.toMatch(/"admin":true|"role":"administrator","__proto__"|"\$ne"/);
  expect(({} as Record<string, unknown>).admin).toBeUndefined();
}

function pathValues(operation: Operation, value: string): Record<string, string> {
  return Object.fromEntries(operation.pathParams.map((name) => [name, value]));
}

function defaultPath(operation: Operation): string {
  return fillPath(operation.path, {});
}

beforeAll(async () => {
  console.log(`HTTP fuzz seed: ${SEED} (set FUZZ_SEED to replay another)`);
  t = await createDossierTestApp();
  const dossier = await receive(t);
  realIds.dossier = dossier.id;
  for (const user of [...CANDIDATES, OUTSIDER]) bearer[user] = await t.as(user);
  operations = operationsOf((await (await t.app.request('/api/openapi.json')).json()) as never);
  // The user who fuzzes each operation: one whose role may perform it, so that hostile input gets past authorization.
  for (const operation of operations) fuzzUser.set(key(operation), userFor(operation.path));
}, 120_000);

describe('the OpenAPI document', () => {
  it('lists the routes this suite fuzzes', () => {
    expect(operations.length).toBeGreaterThan(20);
    expect(operations.map(key)).toEqual(expect.arrayContaining(['POST /api/auth/sign-in', 'POST /api/procedures', 'POST /api/dossiers']));
  });
});

describe('every operation without a valid session', () => {
  it('answers a protected operation with 401 UNAUTHENTICATED whatever the body and parameters, before validating them', async () => {
    const badCredentials: Record<string, string>[] = [{}, { authorization: 'Bearer garbage' }, { authorization: 'Basic YWRtaW46YWRtaW4=' }, { authorization: `${bearer.admin!.authorization!.slice(0, -3)}AAA` }];
    let protectedCount = 0;
    for (const operation of operations) {
      const probe = await send(operation.method, defaultPath(operation), operation.hasJsonBody ? { headers: { 'content-type': 'application/json' }, body: '{}' } : {});
      if (probe.status !== 401) continue;
      protectedCount += 1;
      for (const headers of badCredentials) {
        for (const param of ['khong-co-ma-nay', '../..', '__proto__']) {
          const before = await snapshotStores(t);
          const answer = await send(operation.method, fillPath(operation.path, pathValues(operation, param)), {
            headers: { ...headers, ...(operation.hasJsonBody ? { 'content-type': 'application/json' } : {}) },
            ...(operation.hasJsonBody ? { body: HOSTILE_JSON_TEXTS[0] } : {}),
          });
          await expectRefused(`${key(operation)} as ${JSON.stringify(headers).slice(0, 40)} with ${param}`, answer, before, [401]);
          expect(answer.body?.code).toBe('UNAUTHENTICATED');
        }
      }
    }
    expect(protectedCount).toBeGreaterThan(15);
  });
});

describe('the order of refusals without a session', () => {
  it('answers an anonymous request to a protected operation with 401 whatever its body, before parsing it: unparsable JSON or a wrong content type', async () => {
    let checked = 0;
    for (const operation of operations.filter((op) => op.hasJsonBody)) {
      // given a protected operation (an anonymous caller with a well-formed body is refused with 401)
      const probe = await send(operation.method, defaultPath(operation), { headers: { 'content-type': 'application/json' }, body: '{}' });
      if (probe.status !== 401) continue;
      checked += 1;
      for (const headers of [{ 'content-type': 'application/json' }, { 'content-type': 'text/plain' }, { 'content-type': 'application/xml' }]) {
        // when the body cannot be parsed as JSON, or is not JSON at all
        const before = await snapshotStores(t);
        const answer = await send(operation.method, defaultPath(operation), { headers, body: '{"khong": "dong ngoac"' });
        // then the refusal is the missing session's, not the body's, and nothing changed
        await expectRefused(`${key(operation)} with ${headers['content-type']}`, answer, before, [401]);
        expect(answer.body?.code).toBe('UNAUTHENTICATED');
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});

describe('every operation with hostile input', () => {
  it('answers hostile path parameters without a 5xx, and refusals change nothing', async () => {
    for (const operation of operations.filter((op) => op.pathParams.length > 0)) {
      const headers = { ...bearer[fuzzUser.get(key(operation))!], ...(operation.hasJsonBody ? { 'content-type': 'application/json' } : {}) };
      for (const value of HOSTILE_PARAMS) {
        for (const raw of [false, true]) {
          const path = fillPath(operation.path, pathValues(operation, value), raw);
          if (raw && /[\s\u0000]/.test(value)) continue;
          const before = await snapshotStores(t);
          const answer = await send(operation.method, path, { headers, ...(operation.hasJsonBody ? { body: '{}' } : {}) });
          if (answer.status === 404 && answer.body === undefined) throw new Error(`${key(operation)} ${path}: 404 without a problem body`);
          await expectHandled(operation, `${key(operation)} at ${path.slice(0, 120)}`, answer, before);
        }
      }
    }
  });

  it('answers hostile query parameters (declared, unknown, repeated, prototype keys) without a 5xx', async () => {
    for (const operation of operations.filter((op) => op.method === 'GET')) {
      const headers = bearer[fuzzUser.get(key(operation))!]!;
      const queries = [
        '__proto__[admin]=true&constructor[prototype][admin]=true',
        ...operation.queryParams.flatMap((name) => HOSTILE_PARAMS.map((value) => `${name}=${encodeURIComponent(value)}`)),
        ...operation.queryParams.map((name) => `${name}=a&${name}=b&${name}[]=c`),
        ...operation.queryParams.map((name) => `${name}=%E0%A4%A`),
      ];
      for (const query of queries) {
        const before = await snapshotStores(t);
        const answer = await send('GET', `${fillPath(operation.path, pathValues(operation, realIds.dossier!))}?${query}`, { headers });
        await expectHandled(operation, `${key(operation)}?${query.slice(0, 80)}`, answer, before);
      }
    }
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('answers hostile JSON bodies (prototype keys, duplicate keys, deep nesting, huge strings, wrong types) without a 5xx: refused with a problem storing nothing, or accepted without the payload', async () => {
    const prototypeBefore = Reflect.ownKeys(Object.prototype).length;
    for (const operation of operations.filter((op) => op.hasJsonBody)) {
      const headers = { ...bearer[fuzzUser.get(key(operation))!], 'content-type': 'application/json' };
      const path = fillPath(operation.path, pathValues(operation, 'khong-co-ma-nay'));
      const realPath = fillPath(operation.path, pathValues(operation, realIds.dossier!));
      for (const text of HOSTILE_JSON_TEXTS) {
        for (const target of operation.pathParams.length > 0 ? [path, realPath] : [path]) {
          const before = await snapshotStores(t);
          const answer = await send(operation.method, target, { headers, body: text });
          await expectHandled(operation, `${key(operation)} at ${target} with ${text.slice(0, 60)}`, answer, before);
        }
      }
    }
    expect(Reflect.ownKeys(Object.prototype)).toHaveLength(prototypeBefore);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  }, 120_000);

  it('answers bodies whose fields have wrong types or hostile values, for any mix of fields, without a 5xx nor a stored payload', async () => {
    for (const operation of operations.filter((op) => op.hasJsonBody && op.bodyProperties.length > 0)) {
      const headers = { ...bearer[fuzzUser.get(key(operation))!], 'content-type': 'application/json' };
      const target = fillPath(operation.path, pathValues(operation, realIds.dossier!));
      const field = fc.constantFrom(...HOSTILE_VALUES);
      const body = fc.dictionary(fc.constantFrom(...operation.bodyProperties, '__proto__', 'constructor', 'extra'), field, { minKeys: 1 });
      await fc.assert(
        fc.asyncProperty(body, async (value) => {
          const before = await snapshotStores(t);
          const answer = await send(operation.method, target, { headers, body: JSON.stringify(value) });
          await expectHandled(operation, `${key(operation)} with ${JSON.stringify(value).slice(0, 120)}`, answer, before);
        }),
        { seed: SEED, numRuns: 12 },
      );
    }
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  }, 120_000);

  it('refuses wrong content types with 415, invalid JSON with 400 and a body over the limit with 413', async () => {
    const huge = `{"x": "${'z'.repeat(BODY_LIMIT_BYTES + 1024)}"}`;
    for (const operation of operations.filter((op) => op.hasJsonBody)) {
      const auth = bearer[fuzzUser.get(key(operation))!]!;
      const path = fillPath(operation.path, pathValues(operation, realIds.dossier!));
      // Authorization comes before the body: where the fuzz user may not act here at all, every body gets that 403 (or
      // 401 where a session is not the credential: the citizen's routes take the dossier's citizen token).
      const probe = await send(operation.method, path, { headers: { ...auth, 'content-type': 'application/json' }, body: '{}' });
      const forbidden = probe.status === 403 || probe.status === 401 ? [probe.status] : undefined;
      for (const type of WRONG_TYPES) {
        const before = await snapshotStores(t);
        const answer = await send(operation.method, path, { headers: { ...auth, ...(type ? { 'content-type': type } : {}) }, body: '{"key": "value"}' });
        await expectRefused(`${key(operation)} as ${type || 'no content type'}`, answer, before, forbidden ?? [400, 415]);
      }
      for (const text of INVALID_JSON) {
        const before = await snapshotStores(t);
        const answer = await send(operation.method, path, { headers: { ...auth, 'content-type': 'application/json' }, body: text });
        await expectRefused(`${key(operation)} with invalid JSON ${JSON.stringify(text)}`, answer, before, forbidden ?? [400]);
      }
      const before = await snapshotStores(t);
      const answer = await send(operation.method, path, { headers: { ...auth, 'content-type': 'application/json' }, body: huge });
      await expectRefused(`${key(operation)} with ${huge.length} bytes`, answer, before, [413]);
    }
  }, 120_000);
});

describe('a counter dossier with hostile values inside a valid body', () => {
  it('never answers 5xx nor pollutes a prototype when the form, applicant or documents hold hostile values; a refusal stores nothing', async () => {
    const headers = { ...bearer['official.motcua'], 'content-type': 'application/json' };
    // Values named, not generated, so that fast-check never prints a 20,000-deep object; the text is spliced in.
    const deepText = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const named: Record<string, string> = {
      ...Object.fromEntries(HOSTILE_VALUES.map((value, index) => [`hostile-${index}`, JSON.stringify(value)])),
      'deep-2000': deepText(2_000),
      'deep-20000': deepText(20_000),
      'long-vietnamese': JSON.stringify('ư'.repeat(500_000)),
      'prototype-keys': '{"__proto__": {"admin": true}, "constructor": {"prototype": {"admin": true}}}',
    };
    const part = fc.constantFrom('form', 'applicant', 'documents', 'form.businessName', 'form.capital', 'applicant.idNumber', 'applicant.name', 'procedureKey');
    await fc.assert(
      fc.asyncProperty(part, fc.constantFrom(...Object.keys(named)), async (where, name) => {
        const body: Record<string, unknown> = { procedureKey: FIXTURE_KEY, applicant: { ...APPLICANT }, form: { ...VALID_FORM }, documents: [{ name: 'Giấy đề nghị', copyType: 'original', quantity: 1 }] };
        const [top, inner] = where.split('.') as [string, string | undefined];
        if (inner) (body[top] as Record<string, unknown>)[inner] = '@@VALUE@@';
        else body[top] = '@@VALUE@@';
        const text = JSON.stringify(body).replace('"@@VALUE@@"', () => named[name]!).replace('"form":{', '"form":{"__proto__":{"admin":true},');
        const value = named[name]!;
        const before = await snapshotStores(t);
        const answer = await send('POST', '/api/dossiers', { headers, body: text });
        const what = `POST /api/dossiers with ${where} = ${name} ${value.slice(0, 40)}`;
        expect(answer.status, `${what} → ${answer.text.slice(0, 200)}`).toBeLessThan(500);
        if (answer.status >= 400) await expectRefused(what, answer, before);
        else expect(await snapshotStores(t), `${what}: the prototype keys were stored`).not.toContain('"admin":true');
        expect(({} as Record<string, unknown>).admin).toBeUndefined();
      }),
      { seed: SEED, numRuns: 40 },
    );
  }, 120_000);
});

describe('hostile BPMN models over HTTP', () => {
  it('answers validation with the issues and refuses deployment with 422 PROCEDURE_INVALID for deep or prototype-keyed models, storing nothing', async () => {
    const headers = { ...bearer.analyst, 'content-type': 'application/json' };
    const models: Record<string, string> = {
      'nested sub-processes': nestedSubProcesses(10_000),
      'nested extensions': nestedForeignExtensions(10_000),
      '__proto__ id': prototypeKeyIds('__proto__'),
      'constructor reference': referencesTo('constructor'),
    };
    for (const [name, xml] of Object.entries(models)) {
      const before = await snapshotStores(t);
      const validated = await send('POST', '/api/procedures/validate', { headers, body: JSON.stringify({ xml }) });
      expect(validated.status, `${name} → ${validated.text.slice(0, 200)}`).toBe(200);
      expect(validated.body, name).toMatchObject({ valid: false, issues: [expect.objectContaining({ severity: 'error', code: expect.stringMatching(/^(DOCUMENT_TOO_DEEP|RESERVED_ID)$/) })] });
      const deployed = await send('POST', '/api/procedures', { headers, body: JSON.stringify({ key: 'mo-hinh-doc-hai', xml }) });
      await expectRefused(`deploying ${name}`, deployed, before, [422]);
      expect(deployed.body?.code).toBe('PROCEDURE_INVALID');
    }
  });

  it('deploys or refuses models with entity declarations without ever storing an expanded entity or a local file', async () => {
    const headers = { ...bearer.analyst, 'content-type': 'application/json' };
    for (const [index, xml] of [billionLaughs(9), ...externalEntities('file:///etc/passwd', 'http://127.0.0.1:9')].entries()) {
      const answer = await send('POST', '/api/procedures', { headers, body: JSON.stringify({ key: `mo-hinh-thuc-the-${index}`, xml }) });
      expect([201, 422], answer.text.slice(0, 200)).toContain(answer.status);
      const stored = await snapshotStores(t);
      expect(stored).not.toContain('lollollollol');
      expect(stored).not.toContain('root:x:0:0');
    }
  });

  it('refuses a model over the size limit before parsing it', async () => {
    const before = await snapshotStores(t);
    const answer = await send('POST', '/api/procedures', { headers: { ...bearer.analyst, 'content-type': 'application/json' }, body: JSON.stringify({ key: 'mo-hinh-qua-lon', xml: hugeAttribute(3 * 1024 * 1024) }) });
    await expectRefused('a 6 MB model', answer, before, [400, 413]);
  });
});

describe('operations on another agency’s dossier', () => {
  it('answers an official of another agency with 403 or 404 on every dossier operation, whether the body is valid or not (authorization before validation), changing nothing', async () => {
    const dossierOperations = operations.filter((op) => op.path.startsWith('/api/dossiers/{id}'));
    expect(dossierOperations.length).toBeGreaterThan(5);
    for (const operation of dossierOperations) {
      for (const body of ['{"reason": "Tôi không thuộc cơ quan này", "note": "x"}', '["not an object"]']) {
        const before = await snapshotStores(t);
        const answer = await send(operation.method, fillPath(operation.path, { id: realIds.dossier!, form: '01' }), {
          headers: { ...bearer[OUTSIDER], ...(operation.hasJsonBody ? { 'content-type': 'application/json' } : {}) },
          ...(operation.hasJsonBody ? { body } : {}),
        });
        await expectRefused(`${key(operation)} as ${OUTSIDER} with ${body}`, answer, before, [403, 404]);
      }
    }
  });
});

describe('bounded public input (issue 14)', () => {
  /** Hostile e-form or step data: each must be refused with a problem that names where it is wrong. */
  const hostileData = fc.oneof(
    fc.record({ key: fc.constantFrom('$where', '$set', '$gt', '$expr', '$'), value: fc.jsonValue({ maxDepth: 2 }) }).map(({ key, value }) => ({ data: { businessName: 'x', [key]: value }, code: 'FORM_DATA_REFUSED' })),
    fc.record({ key: fc.constantFrom('a.b', 'state.routedTo', '.', 'x.'), value: fc.jsonValue({ maxDepth: 2 }) }).map(({ key, value }) => ({ data: { owner: { [key]: value } }, code: 'FORM_DATA_REFUSED' })),
    fc.integer({ min: 9, max: 40 }).map((depth) => ({ data: { deep: JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`) as unknown }, code: 'FORM_DATA_REFUSED' })),
    fc.integer({ min: 64 * 1024, max: 3 * 1024 * 1024 }).map((bytes) => ({ data: { businessName: 'ư'.repeat(Math.ceil(bytes / 2)) }, code: 'FORM_TOO_LARGE' })),
  );

  it('refuses every anonymous submission whose form holds operator keys, dotted keys, deep nesting or too many bytes, storing nothing', async () => {
    const app = await createDossierTestApp({ submissionLimit: { limit: 10_000, windowMs: 60_000 } });
    const before = await snapshotStores(app);
    await fc.assert(
      fc.asyncProperty(hostileData, async ({ data, code }) => {
        const form = { capital: 1, businessName: 'Công ty', ...data };
        const response = await app.app.request('/api/submissions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ procedureKey: FIXTURE_KEY, applicant: APPLICANT, form }) });
        const body = (await response.json()) as { code?: string; status?: number };
        expect(response.status, JSON.stringify(body).slice(0, 200)).toBe(code === 'FORM_TOO_LARGE' ? 413 : 400);
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(body.code).toBe(code);
      }),
      { seed: SEED, numRuns: 30 },
    );
    expect(await snapshotStores(app)).toBe(before);
  }, 120_000);

  it('refuses the same hostile data as a step’s data, leaving the step open', async () => {
    const headers = { ...bearer['official.motcua'], 'content-type': 'application/json' };
    // A dossier of its own: the suites above may have completed the seeded dossier's step with a valid body.
    const dossier = await receive(t);
    const step = (await t.stores.steps.list({ dossierId: dossier.id, status: ['open'] }, { offset: 0, limit: 1 })).items[0]!;
    await fc.assert(
      fc.asyncProperty(hostileData, async ({ data }) => {
        const before = await snapshotStores(t);
        const answer = await send('POST', `/api/steps/${step.id}/complete`, { headers, body: JSON.stringify({ decision: 'approve', data }) });
        await expectRefused(`complete with ${JSON.stringify(data).slice(0, 80)}`, answer, before, [400, 413]);
      }),
      { seed: SEED, numRuns: 12 },
    );
  }, 120_000);

  it('caps every list at 100 items a page: a larger limit is a 400 problem on every operation that takes one', async () => {
    const paged = operations.filter((operation) => operation.method === 'GET' && operation.queryParams.includes('limit'));
    expect(paged.map(key)).toEqual(expect.arrayContaining(['GET /api/dossiers', 'GET /api/inbox']));
    for (const operation of paged) {
      const headers = bearer[fuzzUser.get(key(operation))!]!;
      const path = fillPath(operation.path, pathValues(operation, realIds.dossier!));
      const before = await snapshotStores(t);
      await expectRefused(`${key(operation)}?limit=101`, await send('GET', `${path}?limit=101`, { headers }), before, [400]);
      // Some lists need other parameters too (the stats' period): the limit itself is then not what is refused.
      const within = await send('GET', `${path}?limit=100`, { headers });
      expect(within.status, `${key(operation)}?limit=100`).toBeLessThan(500);
      expect(JSON.stringify(within.body?.issues ?? []), `${key(operation)}?limit=100`).not.toContain('limit');
    }
  });
});
