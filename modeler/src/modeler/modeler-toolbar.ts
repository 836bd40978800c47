/** @module modelerToolbar — the modeler's commands as buttons, with their keyboard shortcuts in the tooltips. */
import { t, type MessageKey } from '../i18n/locale';

export interface ToolbarActions {
  newEmpty(): void;
  newFromTemplate(): void;
  openFile(xml: string): void;
  saveDraft(): void;
  check(): void;
  /** Open the "Mô phỏng" panel on the draft (issue 19). */
  simulate(): void;
  deploy(): void;
  undo(): void;
  redo(): void;
  exportSvg(): void;
  exportPng(): void;
  downloadXml(): void;
  /** The procedure's name was typed in the toolbar. */
  rename(name: string): void;
}

type ButtonSpec = [action: keyof ToolbarActions, label: MessageKey, shortcut?: string, primary?: boolean];

const GROUPS: ButtonSpec[][] = [
  [['newEmpty', 'toolbar.newEmpty'], ['newFromTemplate', 'toolbar.newFromTemplate']],
  [['saveDraft', 'toolbar.saveDraft', 'Ctrl+S'], ['check', 'toolbar.check', 'Ctrl+Enter'], ['simulate', 'toolbar.simulate'], ['deploy', 'toolbar.deploy', undefined, true]],
  [['undo', 'toolbar.undo', 'Ctrl+Z'], ['redo', 'toolbar.redo', 'Ctrl+Y']],
  [['exportSvg', 'toolbar.exportSvg'], ['exportPng', 'toolbar.exportPng'], ['downloadXml', 'toolbar.downloadXml']],
];

/** Render the toolbar into `host`; returns the procedure key input (the key a deploy is stored under). */
export function renderToolbar(host: HTMLElement, actions: ToolbarActions): HTMLInputElement {
  host.replaceChildren();
  const keyLabel = document.createElement('label');
  keyLabel.className = 'toolbar-key';
  const keyText = document.createElement('span');
  keyText.textContent = t('toolbar.key');
  const keyInput = document.createElement('input');
  keyInput.name = 'procedure-key';
  keyInput.placeholder = 'vd: cap-phep-xay-dung';
  keyInput.pattern = '[a-z0-9][a-z0-9-]*';
  keyLabel.append(keyText, keyInput);
  const nameLabel = document.createElement('label');
  nameLabel.className = 'toolbar-key toolbar-name';
  const nameText = document.createElement('span');
  nameText.textContent = t('toolbar.name');
  const nameInput = document.createElement('input');
  nameInput.name = 'procedure-name';
  nameInput.addEventListener('change', () => actions.rename(nameInput.value));
  nameLabel.append(nameText, nameInput);
  host.append(nameLabel, keyLabel);
  for (const group of GROUPS) {
    const wrapper = document.createElement('div');
    wrapper.className = 'toolbar-group';
    for (const [action, label, shortcut, primary] of group) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = primary ? 'lt-button lt-primary' : 'lt-button';
      button.dataset.action = action;
      button.textContent = t(label);
      if (shortcut) button.title = `${t(label)} (${shortcut})`;
      button.addEventListener('click', () => (actions[action] as () => void)());
      wrapper.append(button);
    }
    if (group === GROUPS[0]) wrapper.append(openFileButton(actions));
    host.append(wrapper);
  }
  return keyInput;
}

/** Drawing and deploying: hidden from a role that may not deploy. */
const DESIGN_ACTIONS = new Set<keyof ToolbarActions>(['newEmpty', 'newFromTemplate', 'saveDraft', 'check', 'simulate', 'deploy', 'undo', 'redo']);
/** Changing the model: disabled while a deployed version is read. */
const EDIT_ACTIONS = new Set<keyof ToolbarActions>(['saveDraft', 'check', 'simulate', 'deploy', 'undo', 'redo']);

/** Show only what the signed-in role may do, and disable editing while a deployed version is shown read-only. */
export function setToolbarMode(host: HTMLElement, mode: { canDesign: boolean; readOnly: boolean }): void {
  for (const button of host.querySelectorAll<HTMLButtonElement>('button[data-action]')) {
    const action = button.dataset.action as keyof ToolbarActions;
    button.hidden = !mode.canDesign && DESIGN_ACTIONS.has(action);
    button.disabled = mode.readOnly && EDIT_ACTIONS.has(action);
  }
  for (const designOnly of host.querySelectorAll<HTMLElement>('.toolbar-key, .toolbar-open-file')) designOnly.hidden = !mode.canDesign;
  for (const input of host.querySelectorAll<HTMLInputElement>('.toolbar-key input')) input.disabled = mode.readOnly;
  for (const group of host.querySelectorAll<HTMLElement>('.toolbar-group')) {
    group.hidden = [...group.children].every((child) => (child as HTMLElement).hidden);
  }
}

function openFileButton(actions: ToolbarActions): HTMLElement {
  const label = document.createElement('label');
  label.className = 'lt-button toolbar-open-file';
  label.textContent = t('toolbar.openFile');
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = '.bpmn,.xml';
  input.hidden = true;
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void file.text().then(actions.openFile);
    input.value = '';
  });
  label.append(input);
  return label;
}
