/**
 * @module englishWords — the English words our front end could show, derived at test time from where they come from:
 * our English catalogue (messages-en.ts), and every string bpmn-js, diagram-js, the properties panel and the
 * bpmnlint overlays pass to `translate` or show as a popup-menu label. Words that are also Vietnamese without their
 * marks ("in", "to", "con", "tin"…, any ASCII word of our Vietnamese catalogue) and the acronyms a Vietnamese page
 * uses as they are (BPMN, FEEL, XML…) are left out, so a hit is English and a miss is not a blind spot.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { messagesEn } from '../../../modeler/src/i18n/messages-en';
import { messagesVi } from '../../../modeler/src/i18n/messages-vi';
import { bpmnJsVi } from '../../../modeler/src/i18n/bpmn-js-vi';
import { issueCatalogue } from '../../../modeler/src/modeler/checks/issue-catalogue';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The libraries' sources whose strings reach the page through `translate` (or a popup-menu label). */
const LIBRARY_SOURCES = [
  'node_modules/bpmn-js/lib',
  'node_modules/diagram-js/lib',
  'node_modules/bpmn-js-properties-panel/dist/index.esm.js',
  'node_modules/@bpmn-io/properties-panel/dist/index.esm.js',
  'node_modules/bpmn-js-bpmnlint/dist/index.esm.js',
];

/** Words a Vietnamese page writes as they are: standards, file formats, acronyms, the product's name. */
const USED_AS_IS = new Set(['bpmn', 'feel', 'xml', 'json', 'schema', 'svg', 'png', 'csv', 'pdf', 'html', 'url', 'api', 'tthc', 'cccd', 'liên', 'io']);

/**
 * Words of an interface in English that neither source happens to use yet, and the marks of a value shown raw
 * ("undefined", "null", "NaN", "[object Object]"): a page written later in English, or a bug, is caught all the same.
 */
const COMMON_INTERFACE_WORDS = [
  'sort', 'home', 'login', 'logout', 'confirm', 'invalid', 'unknown', 'success', 'info', 'help', 'settings', 'profile',
  'browse', 'total', 'finish', 'hide', 'less', 'refresh', 'reload', 'unauthorized', 'forbidden', 'response', 'offline',
  'welcome', 'dashboard', 'submission', 'execute', 'undefined', 'null', 'nan', 'object',
];

/** Library strings: the first argument of `translate(…)` and the `label:` of bpmn-js's replace (popup menu) options. */
export function libraryStrings(): string[] {
  const found = new Set<string>();
  for (const file of LIBRARY_SOURCES.flatMap((source) => javascriptFiles(join(root, source)))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/translate\(\s*(['"`])((?:(?!\1)[^\\]|\\.)+)\1/g)) found.add(match[2]!);
    if (file.endsWith('ReplaceOptions.js')) for (const match of text.matchAll(/label: '([^']+)'/g)) found.add(match[1]!);
  }
  return [...found];
}

function javascriptFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => (name.endsWith('.js') || statSync(join(path, name)).isDirectory() ? javascriptFiles(join(path, name)) : []));
}

/** The lower-case words of letters of `text`, placeholders (`{name}`) left out. */
export function wordsOf(text: string): string[] {
  return text.replace(/\{[^}]*\}/g, ' ').toLowerCase().match(/\p{L}+/gu) ?? [];
}

/** English words (three letters or more) the front end could show, minus Vietnamese-legit ones. */
export function englishWords(): Set<string> {
  // The check issues' wordings, by code: a catalogue of their own beside the interface's tables.
  const issues = Object.values(issueCatalogue).flatMap((entry) => [entry, ...Object.values(entry.variants ?? {})]);
  const vietnamese = new Set([...Object.values(messagesVi), ...Object.values(bpmnJsVi), ...issues.map((wording) => wording.vi)].flatMap(wordsOf));
  const english = [...Object.values(messagesEn), ...issues.map((wording) => wording.en), ...Object.keys(bpmnJsVi), ...libraryStrings(), ...COMMON_INTERFACE_WORDS].flatMap(wordsOf);
  return new Set(english.filter((word) => word.length >= 3 && /^[a-z]+$/.test(word) && !vietnamese.has(word) && !USED_AS_IS.has(word)));
}
