/**
 * @module EformView — the dossier's e-form, read-only: one row per property of the procedure's JSON Schema with its
 * title and the applicant's value; nested objects as groups; values the schema does not name are listed after.
 */
import type { ComponentChild } from 'preact';
import { t } from '../../i18n/locale';
import { formatDate, formatNumber } from '../common/workspace-format';

interface SchemaNode {
  type?: string | string[];
  title?: string;
  format?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  /** A choice: the code stored, the label shown (procedures/tools/specs/eform-fields.ts writes choices this way). */
  oneOf?: { const?: unknown; title?: string }[];
  anyOf?: { const?: unknown; title?: string }[];
}

export function EformView({ schemaText, form }: { schemaText: string | undefined; form: Record<string, unknown> }) {
  let schema: SchemaNode = {};
  try {
    schema = schemaText ? (JSON.parse(schemaText) as SchemaNode) : {};
  } catch {
    schema = {};
  }
  const rows: ComponentChild[] = [];
  appendRows(rows, schema, form, '');
  if (rows.length === 0) return <p class="ws-empty">{t('ws.dossier.noForm')}</p>;
  return <dl class="ws-fields ws-eform">{rows}</dl>;
}

function appendRows(rows: ComponentChild[], schema: SchemaNode, values: Record<string, unknown>, path: string): void {
  const named = schema.properties ?? {};
  for (const [name, property] of Object.entries(named)) {
    const value = values[name];
    const key = `${path}/${name}`;
    if (property.properties) {
      rows.push(<dt class="ws-group" key={`${key}:t`}>{property.title ?? name}</dt>, <dd key={`${key}:d`} />);
      appendRows(rows, property, (value as Record<string, unknown>) ?? {}, key);
      continue;
    }
    rows.push(<dt key={`${key}:t`}>{property.title ?? name}</dt>, <dd key={`${key}:d`}>{display(value, property)}</dd>);
  }
  for (const [name, value] of Object.entries(values)) {
    if (!(name in named)) rows.push(<dt key={`${path}/${name}:t`}>{name}</dt>, <dd key={`${path}/${name}:d`}>{display(value, {})}</dd>);
  }
}

function display(value: unknown, property: SchemaNode): string {
  if (value === undefined || value === null || value === '') return '—';
  const choice = [...(property.oneOf ?? []), ...(property.anyOf ?? [])].find((option) => option.const === value);
  if (choice?.title) return choice.title;
  if (typeof value === 'boolean') return t(value ? 'ws.yes' : 'ws.no');
  if (typeof value === 'number') return formatNumber(value, 2);
  if (typeof value === 'string' && (property.format === 'date' || property.format === 'date-time')) return formatDate(value) || value;
  if (Array.isArray(value)) return value.map((item) => display(item, property.items ?? {})).join('; ');
  // An object inside a list (e.g. a business line: code and name): its values in the schema's order, labelled.
  if (typeof value === 'object') {
    const fields = property.properties ?? {};
    const entries = Object.entries(value as Record<string, unknown>).filter(([, inner]) => inner !== undefined && inner !== null && inner !== '');
    entries.sort(([a], [b]) => order(fields, a) - order(fields, b));
    return entries.map(([name, inner]) => (fields[name]?.title ? `${fields[name]!.title}: ${display(inner, fields[name]!)}` : display(inner, {}))).join(' — ');
  }
  return String(value);
}

function order(fields: Record<string, SchemaNode>, name: string): number {
  const index = Object.keys(fields).indexOf(name);
  return index === -1 ? Number.MAX_SAFE_INTEGER : index;
}
