/** @module draftListPanel — the signed-in analyst's drafts (kept on the server), newest first; one click opens one. */
import { currentLocale, t } from '../i18n/locale';
import type { DraftSummary } from './draft-store';

export interface DraftListPanel {
  show(drafts: DraftSummary[], currentId: string | undefined): void;
}

export function createDraftListPanel(host: HTMLElement, onOpen: (draft: DraftSummary) => void): DraftListPanel {
  const section = document.createElement('section');
  section.className = 'draft-list-panel';
  const heading = document.createElement('h3');
  heading.textContent = t('drafts.title');
  const list = document.createElement('ul');
  list.className = 'procedure-list draft-list';
  section.append(heading, list);
  host.prepend(section);
  return {
    show(drafts, currentId) {
      list.replaceChildren(
        ...drafts.map((draft) => {
          const item = document.createElement('li');
          item.className = 'draft-item';
          item.dataset.draftId = draft.id;
          const button = document.createElement('button');
          button.type = 'button';
          button.className = 'procedure-toggle';
          if (draft.id === currentId) button.setAttribute('aria-current', 'true');
          button.innerHTML = '<strong></strong><small></small>';
          button.querySelector('strong')!.textContent = draft.name || draft.key || t('drafts.untitled');
          const savedAt = new Date(draft.savedAt).toLocaleString(currentLocale() === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
          button.querySelector('small')!.textContent = [draft.key, savedAt].filter(Boolean).join(' · ');
          button.addEventListener('click', () => onOpen(draft));
          item.append(button);
          return item;
        }),
      );
      if (drafts.length === 0) {
        const empty = document.createElement('li');
        empty.className = 'procedure-empty';
        empty.textContent = t('drafts.empty');
        list.append(empty);
      }
    },
  };
}
