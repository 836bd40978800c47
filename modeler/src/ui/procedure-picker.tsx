/**
 * @module ProcedurePicker — choose the procedure a dossier is for from the public catalogue: search by name or
 * national code (diacritics and case ignored by the server), current deployed versions only, the signed-in
 * official's agency's procedures first. Each shows its code, statutory deadline and lead agency.
 */
import './ui.css';
import { useEffect, useState } from 'preact/hooks';
import type { Budget } from '../../../engine/src/model/procedure-definition';
import { t } from '../i18n/locale';
import { fetchCatalogue, type CatalogueEntry } from './catalogue-entry';

export interface ProcedurePickerProps {
  /** The key of the procedure picked so far, marked in the list. */
  selectedKey?: string;
  onPick(entry: CatalogueEntry): void;
}

/** "3 ngày làm việc", "trong ngày"… in the interface language. */
export function budgetText(budget: Budget): string {
  return t(`ui.budget.${budget.unit}`, { n: String(budget.value).replace('.', ',') });
}

/** Waits this long after the last key before asking the server. */
const TYPING_MS = 200;

export function ProcedurePicker({ selectedKey, onPick }: ProcedurePickerProps) {
  const [query, setQuery] = useState('');
  const [entries, setEntries] = useState<CatalogueEntry[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  useEffect(() => {
    const abort = new AbortController();
    const timer = setTimeout(() => {
      fetchCatalogue(query, { signal: abort.signal })
        .then((found) => {
          setEntries(found);
          setError(undefined);
        })
        .catch((failure: unknown) => {
          if (!abort.signal.aborted) setError(failure instanceof Error ? failure.message : String(failure));
        });
    }, query ? TYPING_MS : 0);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [query]);

  return (
    <div class="ui-picker">
      <label class="ui-field" for="procedure-search">
        {t('ui.picker.search')}
        <input id="procedure-search" type="search" name="procedure-search" value={query} placeholder={t('ui.picker.placeholder')} maxLength={100} autoComplete="off" onInput={(event) => setQuery(event.currentTarget.value)} />
      </label>
      {error && <p class="ui-field-error">{error}</p>}
      {entries === undefined ? (
        <p class="ui-hint">{t('ui.picker.loading')}</p>
      ) : entries.length === 0 ? (
        <p class="ui-hint">{t('ui.picker.none', { q: query })}</p>
      ) : (
        <ul class="ui-picker-list" aria-label={t('ui.picker.count', { n: entries.length })}>
          {entries.map((entry) => (
            <li key={entry.key}>
              <button type="button" class={`ui-picker-item${entry.key === selectedKey ? ' ui-picker-selected' : ''}`} aria-pressed={entry.key === selectedKey} data-procedure-key={entry.key} onClick={() => onPick(entry)}>
                <span class="ui-picker-name">{entry.name}</span>
                <span class="ui-picker-meta">
                  <span class="ui-code">{t('ui.picker.code', { code: entry.procedureCode })}</span>
                  {entry.statutoryBudget && <span>{t('ui.picker.deadline', { budget: budgetText(entry.statutoryBudget) })}</span>}
                  {entry.leadAgency && <span>{t('ui.picker.lead', { name: entry.leadAgency.name })}</span>}
                  {entry.ownAgency && <span class="ui-tag ui-tag-own">{t('ui.picker.own')}</span>}
                  {entry.key === selectedKey && <span class="ui-tag ui-tag-selected">{t('ui.picker.selected')}</span>}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
