/** @module locale — the interface language (Vietnamese first, English selectable), remembered in localStorage. */
import { messagesVi } from './messages-vi';
import { messagesEn } from './messages-en';

export type Locale = 'vi' | 'en';
export type MessageKey = keyof typeof messagesVi;

const STORAGE_KEY = 'lienthong.locale';

/** The language chosen last time on this browser; Vietnamese when none was chosen. */
export function currentLocale(): Locale {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
}

/** Remember the language; the caller re-renders (bpmn-js palette strings are fixed at creation, so views remount). */
export function setLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
}

/** The interface string for `key` in the current language, with `{name}` placeholders filled. */
export function t(key: MessageKey, replacements: Record<string, string | number> = {}): string {
  const table: Record<MessageKey, string> = currentLocale() === 'en' ? messagesEn : messagesVi;
  return table[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in replacements ? String(replacements[name]) : whole));
}
