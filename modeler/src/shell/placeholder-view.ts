/** @module placeholderView — stands in for a workspace that a later task builds. */
import { t, type MessageKey } from '../i18n/locale';
import type { MountView } from './route-table';

export function mountPlaceholderView(title: MessageKey): MountView {
  return (container) => {
    const section = document.createElement('section');
    section.className = 'placeholder-view';
    const heading = document.createElement('h2');
    heading.textContent = t(title);
    const note = document.createElement('p');
    note.textContent = t('placeholder.comingSoon');
    section.append(heading, note);
    container.append(section);
  };
}
