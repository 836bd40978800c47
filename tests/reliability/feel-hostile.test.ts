/**
 * FEEL expressions cannot reach the host: no JS function, global or prototype comes back, nothing is added to a
 * built-in prototype, and nothing hangs (each hostile expression runs in a worker under a hang guard). Deterministic:
 * fixed seed (FUZZ_SEED overrides it), bounded runs.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProcedure } from '../../engine/src/model/index';
import { FeelEvaluator } from '../../engine/src/runtime/feel-evaluator';
import { GuardedEngine } from './support/guarded-engine';

const SEED = Number(process.env.FUZZ_SEED ?? 20_250_303);

let engine: GuardedEngine;
beforeAll(() => {
  console.log(`FEEL fuzz seed: ${SEED} (set FUZZ_SEED to replay another)`);
  engine = new GuardedEngine();
});
afterAll(() => engine.close());

const ESCAPES = [
  'constructor',
  '__proto__',
  'prototype',
  'globalThis',
  'this',
  'process',
  'process.env',
  'module',
  'require("child_process")',
  'import("node:fs")',
  'applicant.constructor',
  'applicant.constructor.constructor("return process")()',
  'applicant.__proto__',
  'applicant["constructor"]',
  'applicant.toString',
  'applicant.hasOwnProperty("name")',
  '{}.constructor',
  '[].constructor',
  '"text".constructor',
  '(1).constructor',
  'date("2020-01-01").constructor',
  '@"P1D".constructor',
  'get value(applicant, "constructor")',
  'get value(applicant, "__proto__")',
  'get value({}, "toString")',
  'context put(applicant, "__proto__", {admin: true})',
  'context put({}, ["__proto__", "admin"], true)',
  'context put({}, ["constructor", "prototype", "admin"], true)',
  'context merge([applicant, {__proto__: {admin: true}}])',
  '{"__proto__": {"admin": true}}.admin',
  '{constructor: {prototype: {admin: true}}}',
  'function(a) a',
  '(function(a) a.constructor)(applicant)',
  '(function() constructor)()',
  '{f: function(n) f(n)}.f(1)',
  '{f: function(n) if n = 0 then 0 else f(n - 1)}.f(1000000)',
  'string(applicant.constructor)',
  '"${process.env}"',
  '"\\u0063onstructor"',
  'applicant.`constructor`',
  'x.y.z.__proto__.constructor',
  'items[1].constructor',
  'for x in items return x.constructor',
  'every x in items satisfies x.__proto__ = null',
  'sort(items, function(a, b) a.constructor = b.constructor)',
];

describe('FEEL cannot reach the host', () => {
  it('given expressions that try constructor, __proto__, globals, require, import and function definitions, returns no host object and pollutes no prototype', async () => {
    for (const body of ESCAPES) {
      const reply = await engine.feel(body, { applicant: { name: 'An' }, items: [{ a: 1 }, { a: 2 }] });
      expect(reply.reachesHost, `${body} → ${reply.valueKind}`).toBe(false);
      expect(reply.valueKind, body).not.toBe('host function');
      expect(reply.polluted, body).toEqual([]);
    }
  });

  it('given variable contexts with hostile keys and values, evaluation never pollutes a prototype nor returns a host function', () => {
    // given
    const feel = new FeelEvaluator();
    const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'admin', 'name', 'a');
    const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 2 }), fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 4 }).map(ownEntries)),
    })).value;
    const path = fc.array(hostileKey, { minLength: 1, maxLength: 3 }).map((keys) => keys.join('.'));
    const expression = fc.oneof(
      path,
      path.map((p) => `${p} = null`),
      path.map((p) => `string(${p})`),
      path.map((p) => `get entries(${p})`),
      fc.tuple(path, hostileKey).map(([p, k]) => `get value(${p}, "${k}")`),
      fc.tuple(path, hostileKey).map(([p, k]) => `context put(${p}, "${k}", {admin: true})`),
      fc.tuple(path, hostileKey).map(([p, k]) => `context put(${p}, ["${k}", "admin"], true)`),
      fc.tuple(path, path).map(([p, q]) => `context merge([${p}, ${q}])`),
      path.map((p) => `for x in ${p} return x.constructor`),
    );
    const before = prototypeKeys();
    // when / then
    fc.assert(
      fc.property(fc.array(fc.tuple(hostileKey, value), { maxLength: 5 }).map(ownEntries), expression, (context, body) => {
        const result = feel.evaluate(body, context as Record<string, unknown>);
        expect(prototypeKeys()).toEqual(before);
        expect(({} as Record<string, unknown>).admin).toBeUndefined();
        if (result.ok) expect(typeof result.value).not.toBe('function');
      }),
      { seed: SEED, numRuns: 400 },
    );
  });
});

describe('FEEL cannot hang or exhaust memory', () => {
  const HOSTILE = [
    'for i in 1..1000000000 return i',
    'some i in 1..1000000000 satisfies i < 0',
    'every i in [1..1000000000] satisfies i > 0',
    'for i in 1..100000, j in 1..100000 return i',
    'for i in 1..3.5 return i',
    'for i in 0.5..2 return i',
    'for i in 1..n return i',
    'for i in 1..count(for j in 1..100000 return j) return i',
    'string join(for i in 1..100000 return "aaaaaaaaaa")',
    'count(for i in 1..100000 return for j in 1..10 return j)',
    '['.repeat(5000) + ']'.repeat(5000),
    '('.repeat(10_000) + '1' + ')'.repeat(10_000),
    '{a: '.repeat(3000) + '1' + '}'.repeat(3000),
    Array.from({ length: 100_000 }, () => '1').join(' + '),
    'if true then '.repeat(5000) + '1' + ' else 0'.repeat(5000),
    '- '.repeat(20_000) + '1',
    'not('.repeat(60) + 'true' + ')'.repeat(60),
    `"${'a'.repeat(5_000_000)}"`,
    '{f: function(n) f(n) + f(n)}.f(1)',
    'duration("P999999999999Y") * 999999999999',
    'date and time("2020-01-01T00:00:00") + duration("P999999999Y")',
    'substring("abc", 1, 1000000000)',
    'string length(string join(for i in 1..100000 return string(i)))',
  ];

  it('given huge ranges, fractional bounds, deep nesting, long expressions and runaway recursion, every evaluation ends with a value or a failure', async () => {
    for (const body of HOSTILE) {
      const reply = await engine.feel(body, { n: 1e12 });
      expect(reply.polluted).toEqual([]);
      expect(reply.reachesHost).toBe(false);
    }
  });

  it('given a huge range, answers with a failure that names the limit, which the runtime turns into an incident', async () => {
    const reply = await engine.feel('for i in 1..n return i', { n: 1e12 });
    expect(reply).toMatchObject({ ok: false, message: expect.stringContaining('at most 10000 are allowed') });
  });

  it('given catastrophic regular expressions (nested quantifiers, overlapping alternations) on a near-miss input, answers at once: they run on RE2', async () => {
    const input = { name: `${'a'.repeat(40)}!` };
    for (const body of ['matches(name, "^(a+)+$")', 'replace(name, "(\\w+\\s?)*$", "x")', 'split(name, "(a*)*b")', 'matches(name, "^(a{1,3})+$")', 'matches(name, "^(?:a+)+$")', 'matches(name, "^(a|aa)+$")']) {
      const reply = await engine.feel(body, input);
      expect(reply, body).toMatchObject({ ok: true });
    }
    expect(await engine.feel('matches(name, "^[a-z]+(-[a-z]+)*$")', { name: 'thu-tuc-hanh-chinh' })).toMatchObject({ ok: true, valueKind: 'boolean' });
  });
});

/** An object with the entries as own properties, `__proto__` included (as JSON.parse would make it). */
function ownEntries(entries: [string, unknown][]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, entry] of entries) Object.defineProperty(object, key, { value: entry, enumerable: true, writable: true, configurable: true });
  return object;
}

function prototypeKeys(): string[] {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype].flatMap((proto) => Reflect.ownKeys(proto).map(String));
}

describe('FEEL inside running processes', () => {
  /** Models that run: the model fixtures, the server fixture and the procedures library. */
  const models = runnableModels();
  const HOSTILE_VARIABLE_VALUES = ['null', '0', '-1', '1e308', '3.5', '"NaN"', '"__proto__"', '"constructor"', '[]', '{}', '[1, "a", null]', `"${'x'.repeat(10_000)}"`, '{"__proto__": {"admin": true}}', '1000000000'];

  it('given hostile variables at the start and at every completed step, every condition, timer, collection and mapping ends as a route, an incident or a refusal: nothing throws, hangs or pollutes a prototype', async () => {
    const runnable: string[] = [];
    for (const [name, model] of Object.entries(models)) {
      const { definition, issues } = await parseProcedure(model.xml);
      if (definition && !issues.some((issue) => issue.severity === 'error')) runnable.push(name);
    }
    expect(runnable.length).toBeGreaterThan(5);
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...runnable), fc.array(fc.constantFrom(...HOSTILE_VARIABLE_VALUES), { minLength: 3, maxLength: 3 }), async (name, [start, first, second]) => {
        const { xml, names } = models[name]!;
        const bag = (value: string) => `{"__proto__": {"admin": true}, "constructor": {"prototype": {"admin": true}}${names.map((variable) => `, ${JSON.stringify(variable)}: ${value}`).join('')}}`;
        const reply = await engine.run(xml, bag(start!), [bag(first!), bag(second!)]);
        expect(reply.status, name).not.toBe('not runnable');
        const outcome = `${reply.engineError ?? reply.status}${reply.incidents ? ' with incident' : ''}`;
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        expect(reply.polluted, name).toEqual([]);
      }),
      { seed: SEED, numRuns: 40 },
    );
    console.log(`runtime outcomes under hostile variables: ${JSON.stringify(Object.fromEntries(outcomes))}`);
  }, 120_000);
});

/** Every model of tests/fixtures/model, tests/fixtures/server and procedures/, with the variable names its expressions use. */
function runnableModels(): Record<string, { xml: string; names: string[] }> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const files = [
    ...readdirSync(path.join(root, 'tests/fixtures/model')).map((file) => path.join(root, 'tests/fixtures/model', file)),
    ...readdirSync(path.join(root, 'tests/fixtures/server')).map((file) => path.join(root, 'tests/fixtures/server', file)),
    ...readdirSync(path.join(root, 'procedures'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.join(root, 'procedures', entry.name, `${entry.name}.bpmn`)),
  ].filter((file) => file.endsWith('.bpmn') && existsSync(file));
  const keywords = new Set(['true', 'false', 'null', 'not', 'and', 'or', 'if', 'then', 'else', 'for', 'in', 'return', 'some', 'every', 'satisfies', 'count', 'sum', 'date', 'time', 'duration', 'string', 'number', 'matches']);
  return Object.fromEntries(
    files.map((file) => {
      const xml = readFileSync(file, 'utf8');
      const expressions = [...xml.matchAll(/>\s*=([^<]*)</g), ...xml.matchAll(/(?:inputCollection|source|loopCardinality)="=?([^"]*)"/g)].map((match) => match[1]!);
      const names = [...new Set(expressions.flatMap((text) => text.replace(/"[^"]*"|&quot;[^&]*&quot;/g, '').match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []))].filter((word) => !keywords.has(word));
      return [path.relative(root, file), { xml, names }];
    }),
  );
}
