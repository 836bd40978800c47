/**
 * @module procedureListPanel — the deployed procedures and their versions: one click on a procedure opens its latest
 * version read-only and lists the others, each of which opens the same way.
 */
import { t, currentLocale } from '../i18n/locale';
import { api, type ProcedureSummary } from '../api/api-client';
import { deployedProcedureKeys } from './lint/deployed-procedure-keys';

export interface ProcedureListPanel {
  refresh(): Promise<void>;
  /** The procedures listed by the last refresh, newest version each. */
  listed(): ProcedureSummary[];
}

export function createProcedureListPanel(host: HTMLElement, onOpen: (key: string, version: number) => void): ProcedureListPanel {
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
        item.append(button);
        return item;
      }),
    );
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
