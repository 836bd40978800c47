/**
 * Hostile BPMN documents: parseProcedure never throws, never hangs (each call runs in a worker under a hang guard),
 * never expands entities or reads external resources, and names an element or the document in every issue.
 * Deterministic: fixed seed (FUZZ_SEED overrides it), bounded runs.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GuardedEngine, type ParseReply } from './support/guarded-engine';
import {
  BPMN_URI,
  FIXTURES,
  LAUGHS,
  PROTOTYPE_KEYS,
  billionLaughs,
  byteDamage,
  definitions,
  externalEntities,
  hugeAttribute,
  mutate,
  mutationArbitrary,
  nestedForeignExtensions,
  nestedForeignRootChildren,
  nestedSubProcesses,
  prototypeKeyIds,
  randomModelArbitrary,
  referencesTo,
} from './support/hostile-bpmn';

const SEED = Number(process.env.FUZZ_SEED ?? 20_250_303);
const READ_FAILURES = ['XML_NOT_WELL_FORMED', 'NOT_BPMN', 'DOCUMENT_TOO_DEEP', 'RESERVED_ID'];
/** The id the reader makes up for an element without one (read-context `ensureId`), e.g. `startEvent_1`. */
const MADE_UP_ID = /^[a-z][A-Za-z]*_\d+$/;

let engine: GuardedEngine;
beforeAll(() => {
  console.log(`BPMN parser fuzz seed: ${SEED} (set FUZZ_SEED to replay another)`);
  engine = new GuardedEngine();
});
afterAll(() => engine.close());

/** The properties every answer has: a definition or a reason, each issue naming an element that is in the document. */
function expectClearAnswer(xml: string, reply: ParseReply): void {
  if (!reply.hasDefinition) {
    expect(reply.issues.length).toBeGreaterThan(0);
    expect(READ_FAILURES).toContain(reply.issues[0]!.code);
  }
  for (const issue of reply.issues) {
    expect(issue.elementId.length).toBeGreaterThan(0);
    const named = issue.elementId === 'document' || issue.elementId === 'definitions' || xml.includes(issue.elementId) || MADE_UP_ID.test(issue.elementId);
    expect(named, `issue ${JSON.stringify(issue)} names nothing in the document`).toBe(true);
    expect(issue.message.length).toBeGreaterThan(0);
  }
  expect(reply.polluted).toEqual([]);
}

describe('the BPMN parser on mutated real models', () => {
  it('given any fixture with up to four flips, cuts, insertions, duplicated or deleted elements or swapped attributes, answers with a definition or a reason', async () => {
    const names = Object.keys(FIXTURES);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.array(mutationArbitrary, { minLength: 1, maxLength: 4 }), async (name, mutations) => {
        const xml = mutations.reduce(mutate, FIXTURES[name]!);
        expectClearAnswer(xml, await engine.parse(xml));
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('given the bytes of a fixture damaged and decoded as UTF-8, Latin-1 or UTF-16, answers with a definition or a reason', async () => {
    const names = Object.keys(FIXTURES);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { maxLength: 8 }),
        fc.constantFrom('utf8' as const, 'latin1' as const, 'utf16le' as const),
        async (name, damage, decodeAs) => {
          const xml = byteDamage(FIXTURES[name]!, damage, decodeAs);
          expectClearAnswer(xml, await engine.parse(xml));
        },
      ),
      { seed: SEED, numRuns: 60 },
    );
  });
});

describe('the BPMN parser on generated models', () => {
  it('given random structures of tasks, events, gateways, flows, sub-processes, loops, timers and lt: extensions with crossing and dangling ids, answers with a definition or a reason', async () => {
    await fc.assert(
      fc.asyncProperty(randomModelArbitrary, async (xml) => {
        expectClearAnswer(xml, await engine.parse(xml));
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});

describe('the BPMN parser on prototype keys', () => {
  it('given any attribute of any fixture set to __proto__, constructor, toString or another Object member, answers with a definition or a reason', async () => {
    const names = Object.keys(FIXTURES);
    const reserve = fc.record({ kind: fc.constant('reserve' as const), attribute: fc.nat(), key: fc.constantFrom(...PROTOTYPE_KEYS) });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.array(reserve, { minLength: 1, maxLength: 3 }), async (name, mutations) => {
        const xml = mutations.reduce(mutate, FIXTURES[name]!);
        expectClearAnswer(xml, await engine.parse(xml));
      }),
      { seed: SEED, numRuns: 120 },
    );
  });
});

describe('the BPMN parser on oversized documents', () => {
  it('given 10,000 nested sub-processes, refuses the document with DOCUMENT_TOO_DEEP naming a sub-process', async () => {
    // given
    const xml = nestedSubProcesses(10_000);
    // when
    const reply = await engine.parse(xml);
    // then
    expect(reply.hasDefinition).toBe(false);
    expect(reply.issues).toEqual([expect.objectContaining({ code: 'DOCUMENT_TOO_DEEP', severity: 'error', elementId: expect.stringMatching(/^sub-\d+$/) })]);
  });

  it('given 10,000 nested foreign extension elements, refuses the document as too deep', async () => {
    // given
    const xml = nestedForeignExtensions(10_000);
    // when
    const reply = await engine.parse(xml);
    // then
    expect(reply.hasDefinition).toBe(false);
    expect(reply.issues).toEqual([expect.objectContaining({ code: 'DOCUMENT_TOO_DEEP', elementId: 'process-deep' })]);
  });

  it('given 100,000 nested foreign elements straight under the root (which the reader skips), answers without overflowing', async () => {
    const xml = nestedForeignRootChildren(100_000);
    expectClearAnswer(xml, await engine.parse(xml));
  });

  it('given a 10 MB name attribute and documentation, answers without hanging', async () => {
    // given
    const xml = hugeAttribute(10 * 1024 * 1024);
    // when
    const reply = await engine.parse(xml);
    // then
    expectClearAnswer(xml, reply);
    expect(reply.hasDefinition).toBe(true);
  });

  it('given 20,000 sibling tasks, answers without hanging', async () => {
    const tasks = Array.from({ length: 20_000 }, (_, i) => `<bpmn:task id="t${i}"/>`).join('');
    const xml = definitions(`<bpmn:process id="process-wide" isExecutable="true">${tasks}</bpmn:process>`);
    expectClearAnswer(xml, await engine.parse(xml));
  });
});

describe('the BPMN parser and entities', () => {
  let server: Server;
  const requested: string[] = [];
  let httpUrl = '';
  beforeAll(async () => {
    server = createServer((request, response) => {
      requested.push(request.url ?? '');
      response.end('<!ENTITY leaked "SECRET-FROM-THE-NETWORK">SECRET-FROM-THE-NETWORK');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    httpUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('given a billion-laughs doctype, never expands the entities', async () => {
    // given
    const xml = billionLaughs(9);
    // when
    const reply = await engine.parse(xml, [LAUGHS]);
    // then
    expect(reply.found).toEqual([]);
    expectClearAnswer(xml, reply);
  });

  it('given external entities, an external DTD or XInclude pointing at /etc/passwd or a server, reads neither', async () => {
    // given
    const passwdLine = existsSync('/etc/passwd') ? readFileSync('/etc/passwd', 'utf8').split('\n')[0]! : 'root:x:0:0';
    const forbidden = [passwdLine, 'root:x:0:0', 'SECRET-FROM-THE-NETWORK'];
    for (const xml of externalEntities('file:///etc/passwd', httpUrl)) {
      // when
      const reply = await engine.parse(xml, forbidden);
      // then
      expect(reply.found).toEqual([]);
      expectClearAnswer(xml, reply);
    }
    expect(requested).toEqual([]);
  });
});

describe('the BPMN parser and namespaces', () => {
  it('given any prefix bound to the BPMN namespace or to a foreign one, and foreign elements anywhere, answers with a definition or a reason', async () => {
    const prefix = fc.constantFrom('bpmn', 'bpmn2', 'semantic', 'lt', 'xsi', 'xml', 'x', '');
    const uri = fc.constantFrom(BPMN_URI, 'http://schema.omg.org/spec/BPMN/2.0', 'urn:foreign', 'https://lienthong.gov.vn/schema/bpmn/1.0', 'http://www.w3.org/2001/XMLSchema-instance', '');
    await fc.assert(
      fc.asyncProperty(prefix, uri, prefix, uri, fc.boolean(), async (rootPrefix, rootUri, childPrefix, childUri, foreignChild) => {
        const tag = (prefixName: string, local: string) => (prefixName ? `${prefixName}:${local}` : local);
        const declare = (prefixName: string, ns: string) => (prefixName ? `xmlns:${prefixName}="${ns}"` : `xmlns="${ns}"`);
        const child = foreignChild ? `<${tag(childPrefix, 'weird')} ${declare(childPrefix, childUri)} id="w"/>` : '';
        const xml =
          `<${tag(rootPrefix, 'definitions')} ${declare(rootPrefix, rootUri)} id="defs">` +
          `<${tag(childPrefix, 'process')} ${declare(childPrefix, childUri)} id="p" isExecutable="true">${child}` +
          `<${tag(childPrefix, 'startEvent')} id="s"/></${tag(childPrefix, 'process')}></${tag(rootPrefix, 'definitions')}>`;
        const reply = await engine.parse(xml);
        expectClearAnswer(xml, reply);
        if (rootUri !== BPMN_URI && rootUri !== 'http://schema.omg.org/spec/BPMN/2.0' && rootPrefix !== 'xml') expect(reply.hasDefinition).toBe(false);
      }),
      { seed: SEED, numRuns: 80 },
    );
  });

  it('given ids named __proto__, constructor or toString, refuses the document with RESERVED_ID and pollutes no prototype', async () => {
    for (const key of PROTOTYPE_KEYS.filter((name) => name !== 'prototype')) {
      const xml = prototypeKeyIds(key);
      const reply = await engine.parse(xml);
      expectClearAnswer(xml, reply);
      expect(reply.issues).toEqual([expect.objectContaining({ code: 'RESERVED_ID', message: expect.stringContaining(`"${key}"`) })]);
    }
  });

  it('given references, agencies and lane names that are prototype keys but no such element, answers with a definition or a reason', async () => {
    for (const key of PROTOTYPE_KEYS) {
      const xml = referencesTo(key);
      expectClearAnswer(xml, await engine.parse(xml));
    }
  });

  it('given encoding declarations other than UTF-8, byte order marks and a second XML declaration, answers with a definition or a reason', async () => {
    const body = FIXTURES['three-lane-procedure.bpmn']!.replace(/^<\?xml[^>]*\?>/, '');
    const prologs = ['<?xml version="1.0" encoding="ISO-8859-1"?>', '<?xml version="1.0" encoding="UTF-16"?>', '<?xml version="1.0" encoding="EBCDIC-CP-US"?>', '<?xml version="1.1" encoding="x-unknown"?>', '\uFEFF<?xml version="1.0"?>', '\uFFFE<?xml version="1.0"?>', '<?xml version="1.0"?><?xml version="1.0"?>', '   \n<?xml version="1.0"?>'];
    for (const prolog of prologs) {
      const xml = `${prolog}${body}`;
      expectClearAnswer(xml, await engine.parse(xml));
    }
  });

  it('given NUL bytes, lone surrogates and non-characters in names, ids and text, answers with a definition or a reason', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('\u0000', '\uD800', '\uDFFF', '\uFFFE', '\uFFFF', '\u001B', '\u202E'), fc.constantFrom('id', 'name', 'text'), async (bad, where) => {
        const id = where === 'id' ? `p${bad}` : 'p';
        const name = where === 'name' ? `a${bad}b` : 'ab';
        const text = where === 'text' ? `x${bad}y` : 'xy';
        const xml = definitions(`<bpmn:process id="${id}" name="${name}" isExecutable="true"><bpmn:documentation>${text}</bpmn:documentation></bpmn:process>`);
        expectClearAnswer(xml, await engine.parse(xml));
      }),
      { seed: SEED, numRuns: 21 },
    );
  });
});
