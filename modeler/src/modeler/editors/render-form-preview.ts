/**
 * @module renderFormPreview — the e-form as officials and citizens will see it, drawn from its JSON Schema: one field
 * per property (text, number, date, yes/no, choice list), required fields marked, nested objects as fieldsets.
 */
import { t } from '../../i18n/locale';

interface SchemaNode {
  type?: string | string[];
  title?: string;
  description?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  maxLength?: number;
}

export function renderFormPreview(target: HTMLElement, schemaText: string): void {
  target.replaceChildren();
  if (schemaText.trim() === '') {
    target.append(note(t('form.empty')));
    return;
  }
  let schema: SchemaNode;
  try {
    schema = JSON.parse(schemaText) as SchemaNode;
  } catch (error) {
    target.append(note(t('form.invalidJson', { message: (error as Error).message }), 'form-preview-error'));
    return;
  }
  const form = document.createElement('form');
  form.className = 'form-preview';
  form.addEventListener('submit', (event) => event.preventDefault());
  if (schema.title) {
    const heading = document.createElement('h3');
    heading.textContent = schema.title;
    form.append(heading);
  }
  if (schema.description) form.append(note(schema.description));
  appendFields(form, schema, 'form');
  target.append(form);
}

function appendFields(parent: HTMLElement, schema: SchemaNode, path: string): void {
  const required = new Set(schema.required ?? []);
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const id = `${path}-${name}`;
    const type = Array.isArray(property.type) ? property.type[0] : property.type;
    if (type === 'object') {
      const fieldset = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = property.title ?? name;
      fieldset.append(legend);
      appendFields(fieldset, property, id);
      parent.append(fieldset);
      continue;
    }
    const row = document.createElement('div');
    row.className = 'form-preview-field';
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = property.title ?? name;
    if (required.has(name)) {
      const mark = document.createElement('span');
      mark.className = 'form-preview-required';
      mark.textContent = ' *';
      mark.title = t('form.required');
      label.append(mark);
    }
    row.append(label, control(id, type, property));
    if (property.description) row.append(note(property.description));
    parent.append(row);
  }
}

function control(id: string, type: string | undefined, property: SchemaNode): HTMLElement {
  if (property.enum) {
    const select = document.createElement('select');
    select.id = id;
    select.append(new Option('—', ''), ...property.enum.map((value) => new Option(String(value), String(value))));
    return select;
  }
  if (type === 'array' && property.items?.enum) {
    const select = document.createElement('select');
    select.id = id;
    select.multiple = true;
    select.append(...property.items.enum.map((value) => new Option(String(value), String(value))));
    return select;
  }
  const input = document.createElement('input');
  input.id = id;
  if (type === 'boolean') input.type = 'checkbox';
  else if (type === 'number' || type === 'integer') input.type = 'number';
  else if (property.format === 'date') input.type = 'date';
  else if (property.format === 'date-time') input.type = 'datetime-local';
  else if (property.format === 'email') input.type = 'email';
  else if (type === 'array') input.type = 'file';
  else input.type = 'text';
  if (property.maxLength && property.maxLength > 200) {
    const area = document.createElement('textarea');
    area.id = id;
    area.rows = 3;
    return area;
  }
  return input;
}

function note(text: string, className = 'form-preview-note'): HTMLElement {
  const paragraph = document.createElement('p');
  paragraph.className = className;
  paragraph.textContent = text;
  return paragraph;
}
