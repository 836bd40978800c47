/** @module templateGallery — the templates to start a procedure from (four patterns, then the six library procedures), each opened with one click. */
import { t } from '../i18n/locale';
import { libraryTemplates } from './library-templates';
import { procedureTemplates, type ProcedureTemplate } from './procedure-templates';

const textOf = (text: ProcedureTemplate['title']): string => (typeof text === 'string' ? t(text) : text.text);

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
  for (const template of [...procedureTemplates, ...libraryTemplates]) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'template-choice';
    button.dataset.template = template.key;
    button.innerHTML = '<strong></strong><small></small>';
    button.querySelector('strong')!.textContent = textOf(template.title);
    button.querySelector('small')!.textContent = textOf(template.description);
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
