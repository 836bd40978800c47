/**
 * @module eformView — the dossier's e-form, read-only: one row per property of the procedure's JSON Schema with its
 * title and the applicant's value; nested objects as groups; values the schema does not name are listed after.
 */
import { t } from '../../i18n/locale';
import { element } from '../common/element';
import { formatDate, formatNumber } from '../common/workspace-format';

interface SchemaNode {
  type?: string | string[];
  title?: string;
  format?: string;
  properties?: Record<string, SchemaNode>;
}

export function renderEform(schemaText: string | undefined, form: Record<string, unknown>): HTMLElement {
  let schema: SchemaNode = {};
  try {
    schema = schemaText ? (JSON.parse(schemaText) as SchemaNode) : {};
  } catch {
    schema = {};
  }
  const list = element('dl', { className: 'ws-fields ws-eform' });
  appendRows(list, schema, form);
  if (list.childElementCount === 0) return element('p', { className: 'ws-empty', text: t('ws.dossier.noForm') });
  return list;
}

function appendRows(list: HTMLElement, schema: SchemaNode, values: Record<string, unknown>): void {
  const named = schema.properties ?? {};
  for (const [name, property] of Object.entries(named)) {
    const value = values[name];
    if (property.properties) {
      list.append(element('dt', { className: 'ws-group', text: property.title ?? name }), element('dd', {}));
      appendRows(list, property, (value as Record<string, unknown>) ?? {});
      continue;
    }
    list.append(element('dt', { text: property.title ?? name }), element('dd', { text: display(value, property) }));
  }
  for (const [name, value] of Object.entries(values)) {
    if (!(name in named)) list.append(element('dt', { text: name }), element('dd', { text: display(value, {}) }));
  }
}

function display(value: unknown, property: SchemaNode): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return t(value ? 'ws.yes' : 'ws.no');
  if (typeof value === 'number') return formatNumber(value, 2);
  if (typeof value === 'string' && (property.format === 'date' || property.format === 'date-time')) return formatDate(value) || value;
  if (Array.isArray(value)) return value.map((item) => display(item, {})).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
