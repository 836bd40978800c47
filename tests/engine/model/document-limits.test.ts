import { describe, expect, it } from 'vitest';
import { MAX_ELEMENT_DEPTH, parseProcedure } from '../../../engine/src/model/index';
import { checkFeelExpression } from '../../../engine/src/model/index';

const BPMN = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

function nestedSubProcesses(depth: number): string {
  const open = Array.from({ length: depth }, (_, i) => `<bpmn:subProcess id="sub-${i}">`).join('');
  return `<bpmn:definitions xmlns:bpmn="${BPMN}" id="defs"><bpmn:process id="p" isExecutable="true">${open}${'</bpmn:subProcess>'.repeat(depth)}</bpmn:process></bpmn:definitions>`;
}

describe('parseProcedure document limits', () => {
  it('reads a model with 20 nested sub-processes', async () => {
    // when
    const { definition, issues } = await parseProcedure(nestedSubProcesses(20));
    // then
    expect(definition?.processes[0]?.nodes['sub-19']).toMatchObject({ kind: 'subProcess', scopeId: 'sub-18' });
    expect(issues.map((issue) => issue.code)).not.toContain('DOCUMENT_TOO_DEEP');
  });

  it('refuses 10,000 nested sub-processes with one DOCUMENT_TOO_DEEP issue naming the sub-process where the limit is passed, instead of overflowing the stack', async () => {
    // when
    const { definition, issues } = await parseProcedure(nestedSubProcesses(10_000));
    // then
    expect(definition).toBeUndefined();
    expect(issues).toEqual([
      { elementId: `sub-${MAX_ELEMENT_DEPTH - 2}`, code: 'DOCUMENT_TOO_DEEP', severity: 'error', message: expect.stringContaining(`more than ${MAX_ELEMENT_DEPTH} levels`) },
    ]);
  });

  it('refuses 10,000 nested foreign extension elements, instead of overflowing the stack', async () => {
    // given
    const xml = `<bpmn:definitions xmlns:bpmn="${BPMN}" id="defs"><bpmn:process id="p"><bpmn:extensionElements>${'<x:a xmlns:x="urn:x">'.repeat(10_000)}${'</x:a>'.repeat(10_000)}</bpmn:extensionElements></bpmn:process></bpmn:definitions>`;
    // when
    const { definition, issues } = await parseProcedure(xml);
    // then
    expect(definition).toBeUndefined();
    expect(issues).toEqual([expect.objectContaining({ elementId: 'p', code: 'DOCUMENT_TOO_DEEP' })]);
  });

  it('refuses an element id that is an Object member, naming it, instead of throwing', async () => {
    // given
    const xml = `<bpmn:definitions xmlns:bpmn="${BPMN}" id="defs"><bpmn:process id="p" isExecutable="true"><bpmn:task id="hasOwnProperty"/></bpmn:process></bpmn:definitions>`;
    // when
    const { definition, issues } = await parseProcedure(xml);
    // then
    expect(definition).toBeUndefined();
    expect(issues).toEqual([expect.objectContaining({ code: 'RESERVED_ID', message: expect.stringContaining('"hasOwnProperty"') })]);
  });

  it('refuses a sequence flow whose targetRef is "constructor", naming the flow, instead of throwing', async () => {
    // given
    const xml =
      `<bpmn:definitions xmlns:bpmn="${BPMN}" id="defs"><bpmn:process id="p" isExecutable="true"><bpmn:startEvent id="start"/>` +
      `<bpmn:sequenceFlow id="flow" sourceRef="start" targetRef="constructor"/></bpmn:process></bpmn:definitions>`;
    // when
    const { definition, issues } = await parseProcedure(xml);
    // then
    expect(definition).toBeUndefined();
    expect(issues).toEqual([{ elementId: 'flow', code: 'RESERVED_ID', severity: 'error', message: expect.stringContaining('targetRef of <bpmn:SequenceFlow> flow refers to "constructor"') }]);
  });
});

describe('checkFeelExpression size limits', () => {
  it('reports an expression nested 5,000 brackets deep as too deep instead of overflowing the stack', () => {
    expect(checkFeelExpression('['.repeat(5000) + ']'.repeat(5000))).toBe('the expression nests brackets more than 64 levels deep');
  });

  it('reports an expression over 10,000 characters as too long', () => {
    expect(checkFeelExpression(Array.from({ length: 3000 }, () => 'a').join(' + '))).toMatch(/^the expression is 11997 characters long; at most 10000 are accepted$/);
  });

  it('reports a pattern passed to matches, replace or split that RE2 cannot run in linear time (back-reference, look-ahead)', () => {
    expect(checkFeelExpression('matches(applicant.name, "^(a)\\1$")')).toMatch(/^the pattern "\^\(a\)\\1\$" cannot run in linear time/);
    expect(checkFeelExpression('replace(x, "a(?=b)", "")')).toMatch(/cannot run in linear time/);
  });

  it('accepts ordinary patterns, nested quantifiers included, since RE2 matches them in linear time', () => {
    for (const pattern of ['^[0-9]{12}$', '^[a-z]+(-[a-z]+)*$', '^(\\d|-)+$', '(ab)+', '^0[0-9]{9}$', '^(a+)+$', '(\\w+\\s?)*']) {
      expect(checkFeelExpression(`matches(x, "${pattern}")`), pattern).toBeUndefined();
    }
  });

  it('still checks a 60-deep bracketed expression and brackets inside strings', () => {
    expect(checkFeelExpression('('.repeat(60) + '1' + ')'.repeat(60))).toBeUndefined();
    expect(checkFeelExpression(`"${'('.repeat(100)}" = x`)).toBeUndefined();
  });
});
