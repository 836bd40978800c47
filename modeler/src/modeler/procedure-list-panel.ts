/**
 * @module procedureListPanel — the deployed procedures and their versions: one click on a procedure opens its latest
 * version read-only and lists the others, each with who deployed it and when, each of which opens the same way; a
 * version is compared with any earlier one, the one before it by default (steps, budgets, units and flows that changed).
 */
import { t, currentLocale } from '../i18n/locale';
import { api, type Agency, type ProcedureSummary } from '../api/api-client';
import { deployedProcedureKeys } from './lint/deployed-procedure-keys';
import { diffVersions } from './version-diff';

export interface ProcedureListPanel {
  refresh(): Promise<void>;
  /** The procedures listed by the last refresh, newest version each. */
  listed(): ProcedureSummary[];
}

export function createProcedureListPanel(host: HTMLElement, onOpen: (key: string, version: number) => void, agencies: () => readonly Agency[] = () => []): ProcedureListPanel {
  const heading = document.createElement('h3');
  heading.textContent = t('list.title');
  const list = document.createElement('ul');
  list.className = 'procedure-list';
  host.replaceChildren(heading, list);

  const versionItems = async (key: string, target: HTMLElement) => {
    const versions = await api.versions(key);
    target.replaceChildren(
      ...versions.map((version) => {
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'version-link';
        button.dataset.key = key;
        button.dataset.version = String(version.version);
        button.textContent = `${t('list.version', { version: version.version })} · ${formatDate(version.deployedAt)}`;
        button.addEventListener('click', () => onOpen(key, version.version));
        const by = document.createElement('small');
        by.className = 'version-deployed-by';
        by.textContent = t('list.deployedBy', { name: version.deployedByName ?? version.deployedBy });
        item.append(button, by);
        const earlier = versions.map((other) => other.version).filter((other) => other < version.version);
        if (earlier.length > 0) item.append(compareButton(key, version.version, earlier));
        return item;
      }),
    );
  };

  /**
   * "Compare with version n": any earlier version (the one before by default), chosen beside the button; the changes
   * listed under the version, in the interface's language.
   */
  const compareButton = (key: string, version: number, earlier: number[]) => {
    const wrapper = document.createElement('div');
    wrapper.className = 'version-compare';
    let against = Math.max(...earlier);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'version-compare-button';
    button.textContent = t('diff.compare', { version: against });
    const choice = document.createElement('select');
    choice.className = 'version-compare-with';
    choice.setAttribute('aria-label', t('diff.choose'));
    choice.hidden = earlier.length < 2;
    for (const other of [...earlier].sort((a, b) => b - a)) choice.append(new Option(t('list.version', { version: other }), String(other)));
    choice.addEventListener('change', () => {
      against = Number(choice.value);
      button.textContent = t('diff.compare', { version: against });
    });
    const result = document.createElement('section');
    result.className = 'version-diff';
    result.hidden = true;
    button.addEventListener('click', async () => {
      result.hidden = false;
      const title = document.createElement('h4');
      title.textContent = t('diff.title', { newer: version, older: against });
      const list = document.createElement('ul');
      try {
        const [older, newer] = await Promise.all([api.version(key, against), api.version(key, version)]);
        const changes = await diffVersions(older.xml, newer.xml, agencies());
        list.replaceChildren(
          ...(changes.length === 0 ? [{ kind: 'same', text: t('diff.same') }] : changes).map((change) => {
            const line = document.createElement('li');
            line.dataset.kind = change.kind;
            line.textContent = change.text;
            return line;
          }),
        );
      } catch (error) {
        const line = document.createElement('li');
        line.textContent = t('list.failed', { message: (error as Error).message });
        list.replaceChildren(line);
      }
      result.replaceChildren(title, list);
    });
    wrapper.append(choice, button, result);
    return wrapper;
  };

  const procedureItem = (procedure: ProcedureSummary) => {
    const item = document.createElement('li');
    item.className = 'procedure-item';
    item.dataset.key = procedure.key;
    const toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'procedure-toggle';
    toggle.setAttribute('aria-expanded', 'false');
    toggle.innerHTML = '<strong></strong><small></small>';
    toggle.querySelector('strong')!.textContent = procedure.name || procedure.key;
    toggle.querySelector('small')!.textContent = `${procedure.procedureCode || procedure.key} · ${t('list.version', { version: procedure.version })}`;
    const versions = document.createElement('ul');
    versions.className = 'version-list';
    versions.hidden = true;
    toggle.addEventListener('click', () => {
      versions.hidden = false;
      toggle.setAttribute('aria-expanded', 'true');
      void versionItems(procedure.key, versions);
      onOpen(procedure.key, procedure.version);
    });
    item.append(toggle, versions);
    return item;
  };

  let shown: ProcedureSummary[] = [];
  const refresh = async () => {
    try {
      const procedures = await api.procedures();
      shown = procedures;
      deployedProcedureKeys.clear();
      for (const procedure of procedures) deployedProcedureKeys.add(procedure.key);
      list.replaceChildren(...procedures.map(procedureItem));
      if (procedures.length === 0) {
        const empty = document.createElement('li');
        empty.className = 'procedure-empty';
        empty.textContent = t('list.empty');
        list.append(empty);
      }
    } catch (error) {
      const failed = document.createElement('li');
      failed.className = 'procedure-empty';
      failed.textContent = t('list.failed', { message: (error as Error).message });
      list.replaceChildren(failed);
    }
  };
  return { refresh, listed: () => shown };
}

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(currentLocale() === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
}
