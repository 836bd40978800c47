/** @module readExpression — BPMN expressions (§8.3.6 Expression / FormalExpression) kept verbatim with their language. */
import type { Expression } from './procedure-definition';
import { isModdleElement, stringProp, type ModdleElement } from './moddle-element';

/** Map a declared language URI or name (`language`, `scriptFormat`, `expressionLanguage`) to our languages. */
export function languageOfDeclaration(declared: string | undefined): Expression['language'] | undefined {
  if (!declared) return undefined;
  const lower = declared.toLowerCase();
  if (lower.includes('feel')) return 'feel';
  if (lower.includes('juel') || lower.includes('jexl') || lower === 'el') return 'juel';
  if (lower.includes('javascript') || lower === 'js' || lower.includes('ecmascript')) return 'javascript';
  return 'unknown';
}

/**
 * The language of an expression body: a declared language wins; otherwise `= expr` is FEEL (Camunda 8 / zeebe
 * convention), `${…}` and `#{…}` are JUEL (Camunda 7); otherwise the definitions' `expressionLanguage`, else
 * `fallback` (FEEL for our own `lt:` attributes, whose schema says they are FEEL).
 */
export function languageOfBody(
  body: string,
  declared: string | undefined,
  fallback: Expression['language'] = 'unknown',
): Expression['language'] {
  const fromDeclaration = languageOfDeclaration(declared);
  if (fromDeclaration) return fromDeclaration;
  const trimmed = body.trim();
  if (trimmed.startsWith('=')) return 'feel';
  // `${…}` / `#{…}`, also inside composite text such as `Prefix${name}` (Camunda 7 JUEL).
  if (/[$#]\{[\s\S]*\}/.test(trimmed)) return 'juel';
  return fallback;
}

export interface ExpressionDefaults {
  /** Language from `bpmn:definitions/@expressionLanguage`, when declared. */
  defaultLanguage?: Expression['language'];
}

/** Read a `bpmn:Expression`/`bpmn:FormalExpression` element, or a plain text attribute, into an `Expression`. */
export function readExpression(
  source: ModdleElement | string | undefined,
  defaults: ExpressionDefaults = {},
  fallback: Expression['language'] = 'unknown',
): Expression | undefined {
  if (source === undefined) return undefined;
  if (typeof source === 'string') {
    const body = source.trim();
    return body === '' ? undefined : { body, language: languageOfBody(body, undefined, fallback) };
  }
  if (!isModdleElement(source)) return undefined;
  const body = (stringProp(source, 'body') ?? stringProp(source, '$body') ?? '').trim();
  if (body === '') return undefined;
  const declared = stringProp(source, 'language');
  const language = languageOfBody(body, declared, defaults.defaultLanguage ?? fallback);
  return { body, language };
}
