/** @module modelerToolbar — the modeler's commands as buttons, with their keyboard shortcuts in the tooltips. */
import { t, type MessageKey } from '../i18n/locale';

export interface ToolbarActions {
  newEmpty(): void;
  newFromTemplate(): void;
  openFile(xml: string): void;
  saveDraft(): void;
  check(): void;
  deploy(): void;
  undo(): void;
  redo(): void;
  exportSvg(): void;
  exportPng(): void;
  downloadXml(): void;
}

type ButtonSpec = [action: keyof ToolbarActions, label: MessageKey, shortcut?: string, primary?: boolean];

const GROUPS: ButtonSpec[][] = [
  [['newEmpty', 'toolbar.newEmpty'], ['newFromTemplate', 'toolbar.newFromTemplate']],
  [['saveDraft', 'toolbar.saveDraft', 'Ctrl+S'], ['check', 'toolbar.check', 'Ctrl+Enter'], ['deploy', 'toolbar.deploy', undefined, true]],
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
  host.append(keyLabel);
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

function openFileButton(actions: ToolbarActions): HTMLElement {
  const label = document.createElement('label');
  label.className = 'lt-button';
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
