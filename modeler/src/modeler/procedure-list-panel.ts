/**
 * @module procedureListPanel — the deployed procedures and their versions: one click on a procedure opens its latest
 * version read-only and lists the others, each with who deployed it and when, each of which opens the same way; a
 * version is compared with any earlier one, the one before it by default (steps, budgets, units and flows that changed).
 * A retired procedure is marked "Đã ngừng áp dụng" with who retired it, when and why; whoever may retire (an analyst,
 * an administrator: `procedure.retire`) retires an open procedure with a reason, or puts a retired one back in use.
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

export function createProcedureListPanel(
  host: HTMLElement,
  onOpen: (key: string, version: number) => void,
  agencies: () => readonly Agency[] = () => [],
  /** Whether the signed-in user may retire and restore procedures (`procedure.retire`). */
  canRetire: () => boolean = () => false,
): ProcedureListPanel {
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

  /**
   * Under an opened procedure: its retirement (who, when, why) and the button that puts it back in use, or the button
   * that asks for a reason and retires it. The list is read again after either.
   */
  const retirementActions = (procedure: ProcedureSummary) => {
    const box = document.createElement('div');
    box.className = 'procedure-retirement';
    box.hidden = true;
    const message = document.createElement('p');
    message.className = 'procedure-retirement-message';
    message.setAttribute('role', 'status');
    const act = (change: () => Promise<unknown>) => async () => {
      try {
        await change();
        await refresh();
      } catch (error) {
        message.textContent = (error as Error).message;
      }
    };
    if (procedure.retirement) {
      const note = document.createElement('p');
      note.className = 'procedure-retired-note';
      const { at, by, byName, reason } = procedure.retirement;
      note.textContent = t('list.retiredSince', { date: formatDate(at), name: byName ?? by, reason });
      box.append(note);
      if (canRetire()) box.append(actionButton('procedure-restore', t('list.restore'), act(() => api.restore(procedure.key))));
    } else if (canRetire()) {
      const form = document.createElement('form');
      form.className = 'procedure-retire-form';
      form.hidden = true;
      const label = document.createElement('label');
      label.textContent = t('list.retireReason');
      const reason = document.createElement('textarea');
      reason.name = 'reason';
      reason.rows = 3;
      reason.maxLength = 2000;
      label.append(reason);
      const note = document.createElement('small');
      note.textContent = t('list.retireNote');
      const confirm = document.createElement('button');
      confirm.type = 'submit';
      confirm.className = 'procedure-retire-confirm';
      confirm.textContent = t('list.retireConfirm');
      const cancel = actionButton('procedure-retire-cancel', t('list.cancel'), () => {
        form.hidden = true;
        open.hidden = false;
      });
      form.append(label, note, confirm, cancel);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        if (reason.value.trim() === '') {
          message.textContent = t('list.retireNeedsReason');
          return;
        }
        void act(() => api.retire(procedure.key, reason.value.trim()))();
      });
      const open = actionButton('procedure-retire', t('list.retire'), () => {
        form.hidden = false;
        open.hidden = true;
        reason.focus();
      });
      box.append(open, form);
    }
    box.append(message);
    return box;
  };

  const procedureItem = (procedure: ProcedureSummary) => {
    const item = document.createElement('li');
    item.className = 'procedure-item';
    item.dataset.key = procedure.key;
    item.classList.toggle('is-retired', procedure.retirement !== undefined);
    const toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'procedure-toggle';
    toggle.setAttribute('aria-expanded', 'false');
    toggle.innerHTML = '<strong></strong><small></small>';
    toggle.querySelector('strong')!.textContent = procedure.name || procedure.key;
    toggle.querySelector('small')!.textContent = `${procedure.procedureCode || procedure.key} · ${t('list.version', { version: procedure.version })}`;
    if (procedure.retirement) {
      const badge = document.createElement('span');
      badge.className = 'procedure-retired-badge';
      badge.textContent = t('list.retired');
      toggle.append(badge);
    }
    const retirement = retirementActions(procedure);
    const versions = document.createElement('ul');
    versions.className = 'version-list';
    versions.hidden = true;
    toggle.addEventListener('click', () => {
      versions.hidden = false;
      retirement.hidden = false;
      toggle.setAttribute('aria-expanded', 'true');
      void versionItems(procedure.key, versions);
      onOpen(procedure.key, procedure.version);
    });
    item.append(toggle, retirement, versions);
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

function actionButton(className: string, label: string, onClick: () => void): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = className;
  button.textContent = label;
  button.addEventListener('click', onClick);
  return button;
}

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(currentLocale() === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
}
