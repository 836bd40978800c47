import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseProcedure } from '../../../engine/src/model/index';
import { readFixture } from './read-fixture';

/** Every attribute (name="value") of a fixture, so that a property can drop any subset of them. */
function attributeSpans(xml: string): [number, number][] {
  return [...xml.matchAll(/\s[\w:-]+="[^"]*"/g)].map((match) => [match.index ?? 0, (match.index ?? 0) + match[0].length]);
}

function without(xml: string, spans: [number, number][]): string {
  let result = xml;
  for (const [start, end] of [...spans].sort((a, b) => b[0] - a[0])) result = result.slice(0, start) + result.slice(end);
  return result;
}

describe('parseProcedure on damaged documents', () => {
  it('never throws when any attributes of a model are missing, and always reports why', async () => {
    // given
    const xml = readFixture('three-lane-procedure.bpmn');
    const spans = attributeSpans(xml);
    // when / then
    await fc.assert(
      fc.asyncProperty(fc.subarray(spans, { minLength: 1, maxLength: 12 }), async (dropped) => {
        const { definition, issues } = await parseProcedure(without(xml, dropped));
        expect(definition !== undefined || issues.length > 0).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('never throws when the document is cut off anywhere', async () => {
    // given
    const xml = readFixture('ordinary-elements.bpmn');
    // when / then
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: xml.length - 1 }), async (length) => {
        const { definition, issues } = await parseProcedure(xml.slice(0, length));
        expect(definition === undefined ? issues[0]?.code : 'parsed').toMatch(/^(XML_NOT_WELL_FORMED|NOT_BPMN|parsed)$/);
      }),
      { numRuns: 60 },
    );
  });
});
