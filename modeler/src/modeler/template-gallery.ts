/** @module templateGallery — the templates to start a procedure from, each opened with one click. */
import { t } from '../i18n/locale';
import { procedureTemplates, type ProcedureTemplate } from './procedure-templates';

export interface TemplateGallery {
  open(): void;
  close(): void;
}

export function createTemplateGallery(host: HTMLElement, onChoose: (template: ProcedureTemplate) => void): TemplateGallery {
  const panel = document.createElement('section');
  panel.className = 'template-gallery';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', t('gallery.title'));
  panel.hidden = true;
  const heading = document.createElement('h3');
  heading.textContent = t('gallery.title');
  const list = document.createElement('ul');
  for (const template of procedureTemplates) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'template-choice';
    button.dataset.template = template.key;
    button.innerHTML = '<strong></strong><small></small>';
    button.querySelector('strong')!.textContent = t(template.title);
    button.querySelector('small')!.textContent = t(template.description);
    button.addEventListener('click', () => {
      panel.hidden = true;
      onChoose(template);
    });
    item.append(button);
    list.append(item);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'lt-button';
  close.textContent = t('gallery.close');
  close.addEventListener('click', () => (panel.hidden = true));
  panel.append(heading, list, close);
  host.append(panel);
  return {
    open: () => {
      panel.hidden = false;
      panel.querySelector<HTMLElement>('.template-choice')?.focus();
    },
    close: () => (panel.hidden = true),
  };
}
