/**
 * @module ComponentChecklist — the procedure's required components (thành phần hồ sơ) as the counter checks them:
 * each ticked when received, with its copy type (original, certified copy, copy, electronic), the quantity, and its
 * scans (`FileDrop`). `validateChecklist` gives the messages shown beside each component; a receipt (form 01) needs
 * every required component, a supplement request (form 02) lists those not ticked (`missingComponents`).
 */
import './ui.css';
import type { RequiredComponent } from '../../../engine/src/model/procedure-definition';
import { t } from '../i18n/locale';
import { FileDrop } from './file-drop';

export type CopyType = RequiredComponent['copyType'];

export interface ChecklistItem {
  received: boolean;
  copyType: CopyType;
  /** As typed; `validateChecklist` checks it is a whole number from 1 to 100. */
  quantity: string;
  files: File[];
}

/** One item per component id. */
export type ChecklistValue = Record<string, ChecklistItem>;

export interface ComponentChecklistProps {
  components: RequiredComponent[];
  value: ChecklistValue;
  onChange(value: ChecklistValue): void;
  /** Messages beside the components, by component id (from `validateChecklist`). */
  errors?: Record<string, string>;
}

const COPY_TYPES: CopyType[] = ['original', 'certifiedCopy', 'copy', 'electronic'];

/** Nothing received yet; each component with the copy type and quantity the procedure publishes. */
export function checklistFor(components: RequiredComponent[]): ChecklistValue {
  return Object.fromEntries(components.map((c) => [c.id, { received: false, copyType: c.copyType, quantity: String(c.quantity), files: [] }]));
}

/**
 * The messages beside each component: a quantity that is not 1–100 on a ticked component, and with
 * `requireAll` (a receipt) every required component not ticked.
 */
export function validateChecklist(components: RequiredComponent[], value: ChecklistValue, { requireAll = false } = {}): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const component of components) {
    const item = value[component.id];
    if (!item?.received) {
      if (requireAll && component.required) errors[component.id] = t('ui.error.missingRequired');
      continue;
    }
    const quantity = Number(item.quantity);
    if (!/^\d+$/.test(item.quantity.trim()) || quantity < 1 || quantity > 100) errors[component.id] = t('ui.error.quantity');
  }
  return errors;
}

/** The required components not ticked, for form 02. */
export function missingComponents(components: RequiredComponent[], value: ChecklistValue): RequiredComponent[] {
  return components.filter((c) => c.required && !value[c.id]?.received);
}

/** The ticked components as the dossier routes take them (`documents`, with `componentId`). */
export function receivedDocuments(components: RequiredComponent[], value: ChecklistValue) {
  return components
    .filter((c) => value[c.id]?.received)
    .map((c) => ({ name: c.name, copyType: value[c.id]!.copyType, quantity: Number(value[c.id]!.quantity), componentId: c.id }));
}

export function ComponentChecklist({ components, value, onChange, errors = {} }: ComponentChecklistProps) {
  if (components.length === 0) return <p class="ui-hint">{t('ui.checklist.none')}</p>;
  const update = (id: string, change: Partial<ChecklistItem>) => onChange({ ...value, [id]: { ...value[id]!, ...change } });
  const received = components.filter((c) => value[c.id]?.received).length;
  const files = components.reduce((sum, c) => sum + (value[c.id]?.files.length ?? 0), 0);
  return (
    <div class="ui-checklist">
      <p class="ui-hint" aria-live="polite">
        {t('ui.checklist.progress', { received, total: components.length, files })}
      </p>
      <ol class="ui-checklist-items">
        {components.map((component) => {
          const item = value[component.id] ?? { received: false, copyType: component.copyType, quantity: String(component.quantity), files: [] };
          const error = errors[component.id];
          const id = `component-${component.id}`;
          return (
            <li key={component.id} class={`ui-component${item.received ? ' ui-component-received' : ''}${error ? ' ui-field-invalid' : ''}`} data-component-id={component.id}>
              <div class="ui-component-head">
                <label class="ui-check">
                  <input type="checkbox" name={`${id}-received`} checked={item.received} onChange={(event) => update(component.id, { received: event.currentTarget.checked })} />
                  <span class="ui-component-name">{component.name}</span>
                </label>
                <span class={`ui-tag ${component.required ? 'ui-tag-required' : 'ui-tag-optional'}`}>
                  {component.required ? t('ui.checklist.required') : component.condition ? t('ui.checklist.conditional', { condition: component.condition }) : t('ui.checklist.optional')}
                </span>
              </div>
              {component.legalBasis && <p class="ui-hint">{t('ui.checklist.legalBasis', { text: component.legalBasis })}</p>}
              <div class="ui-component-fields">
                <label>
                  {t('ui.checklist.copyType')}
                  <select name={`${id}-copyType`} value={item.copyType} onChange={(event) => update(component.id, { copyType: event.currentTarget.value as CopyType })}>
                    {COPY_TYPES.map((copyType) => (
                      <option key={copyType} value={copyType}>
                        {t(`ui.copy.${copyType}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('ui.checklist.quantity')}
                  <input type="number" name={`${id}-quantity`} min={1} max={100} step={1} inputMode="numeric" value={item.quantity} onInput={(event) => update(component.id, { quantity: event.currentTarget.value })} aria-invalid={error ? 'true' : undefined} />
                </label>
              </div>
              <FileDrop name={id} label={`${t('ui.checklist.scans')}: ${component.name}`} files={item.files} onChange={(next) => update(component.id, { files: next, ...(next.length > item.files.length ? { received: true } : {}) })} />
              {error && (
                <p class="ui-field-error" id={`${id}-error`}>
                  {error}
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
