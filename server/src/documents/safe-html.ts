/**
 * @module safe-html — builds HTML where every interpolated value is escaped unless it is already `SafeHtml`, so a
 * form cannot forget to escape an applicant's name (OWASP XSS Prevention, rule 1: encode HTML element content).
 */

/** A fragment of HTML that is trusted: produced by `html` or by our own renderers (e.g. the QR code SVG). */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] as string);
}

export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/**
 * Tagged template for HTML: strings written in the template are markup, interpolated values are text (escaped),
 * arrays are concatenated, and `null`/`undefined`/`false` render nothing.
 *
 * @example
 * html`<td>${applicant.name}</td>` // '<td>&lt;script&gt;…</td>' for a hostile name
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}
