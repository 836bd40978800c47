/**
 * @module readResultDeclaration — the result document of a procedure (`resultTitle`, `resultTemplate`, `resultSigner`
 * on `lt:procedure`): what the last unit issues and signs (Decree 45/2020/NĐ-CP: a signed electronic result has the
 * paper one's legal value). A placeholder the server cannot fill is reported to the analyst, not printed as it is.
 */
import { RESULT_PLACEHOLDERS, type ResultDocumentDeclaration } from './procedure-definition';
import { stringProp, type ModdleElement } from './moddle-element';

/** Bounds a model's template: a result is a page or two, not a book. */
const MAX_TEMPLATE_LENGTH = 20_000;
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
/** `form.<field>` or a nested field, `form.project.name`: at most five levels, as the e-forms nest groups. */
const FORM_FIELD = /^form(\.[A-Za-z_$][\w$-]{0,99}){1,5}$/;

/** Every placeholder the template names, in order, trimmed. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]!);
}

export function readResultDeclaration(procedure: ModdleElement, report: (message: string) => void): ResultDocumentDeclaration | undefined {
  const title = stringProp(procedure, 'resultTitle')?.trim();
  const signer = stringProp(procedure, 'resultSigner')?.trim();
  let template = stringProp(procedure, 'resultTemplate')?.trim();
  if (template && template.length > MAX_TEMPLATE_LENGTH) {
    report(`has a resultTemplate of ${template.length} characters; at most ${MAX_TEMPLATE_LENGTH}`);
    template = undefined;
  }
  if (template) {
    const unknown = placeholdersOf(template).filter((name) => !(RESULT_PLACEHOLDERS as readonly string[]).includes(name) && !FORM_FIELD.test(name));
    if (unknown.length > 0) {
      report(`has a resultTemplate naming ${unknown.map((name) => `{{${name}}}`).join(', ')}; known: ${RESULT_PLACEHOLDERS.map((name) => `{{${name}}}`).join(', ')}, {{form.<field>}}`);
    }
  }
  if (!title && !template && !signer) return undefined;
  return { ...(title ? { title } : {}), ...(template ? { template } : {}), ...(signer ? { signer } : {}) };
}

function fieldOf(form: Record<string, unknown>, path: string[]): unknown {
  let value: unknown = form;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * The template with each placeholder replaced by its value from `values` (`form.<field>` looked up in `form`); a value
 * the dossier does not have prints as "…" so the signer sees the gap before signing.
 */
export function fillResultTemplate(template: string, values: Record<string, string | undefined>, form: Record<string, unknown> = {}): string {
  return template.replace(PLACEHOLDER, (_whole, name: string) => {
    const value = name.startsWith('form.') ? fieldOf(form, name.slice('form.'.length).split('.')) : values[name];
    if (typeof value === 'number') return new Intl.NumberFormat('vi-VN').format(value);
    if (typeof value === 'boolean') return value ? 'Có' : 'Không';
    return typeof value === 'string' && value.trim() !== '' ? value : '…';
  });
}
