/**
 * The modeler's FEEL highlighting (@bpmn-io/feel-lint) and the engine's deploy check (`checkFeelExpression`) agree on
 * which conditions of the procedure library are valid, and on a handful of broken ones.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lintExpression } from '@bpmn-io/feel-lint';
import { checkFeelExpression } from '../../../engine/src/index';

const library = fileURLToPath(new URL('../../../procedures/', import.meta.url));

const decode = (text: string) =>
  text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function libraryConditions(): string[] {
  const files = readdirSync(library, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.bpmn'));
  return files.flatMap((file) =>
    [...readFileSync(`${library}${file}`, 'utf8').matchAll(/<(?:bpmn:)?conditionExpression\b[^>]*>([\s\S]*?)<\/(?:bpmn:)?conditionExpression>/g)].map((match) => decode(match[1]!)),
  );
}

const feelLintValid = (body: string) => lintExpression(body.trim().replace(/^=/, '')).every((issue) => issue.severity !== 'error');

describe('one FEEL grammar for the modeler and the server', () => {
  const conditions = libraryConditions();

  it('given the procedure library, when its conditions are collected, then there are some to compare', () => {
    expect(conditions.length).toBeGreaterThan(10);
  });

  it.each(conditions)('given the library condition %s, then both the highlighting and the deploy check accept it', (body) => {
    expect(checkFeelExpression(body)).toBeUndefined();
    expect(feelLintValid(body)).toBe(true);
  });

  it.each(['age <', '= decision = ', 'a and (b or', 'x = "unterminated', 'amount +', 'date("2025-01-01"'])('given the broken condition %s, then both refuse it', (body) => {
    expect(checkFeelExpression(body)).toBeDefined();
    expect(feelLintValid(body)).toBe(false);
  });
});
