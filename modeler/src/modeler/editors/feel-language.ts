/** @module feelLanguage — FEEL (DMN 1.3 §10) highlighting for monaco: keywords, names, strings, numbers, operators. */
import type * as Monaco from 'monaco-editor/editor/editor.api';

export const FEEL_LANGUAGE_ID = 'feel';

export function registerFeelLanguage(monaco: typeof Monaco): void {
  monaco.languages.register({ id: FEEL_LANGUAGE_ID });
  monaco.languages.setMonarchTokensProvider(FEEL_LANGUAGE_ID, {
    keywords: ['if', 'then', 'else', 'for', 'in', 'return', 'some', 'every', 'satisfies', 'and', 'or', 'not', 'between', 'instance', 'of', 'function'],
    constants: ['true', 'false', 'null'],
    tokenizer: {
      root: [
        [/\/\/.*$/, 'comment'],
        [/"([^"\\]|\\.)*"/, 'string'],
        [/@[a-z]*"([^"\\]|\\.)*"/, 'string'],
        [/\d+(\.\d+)?/, 'number'],
        [/[a-zA-Z_\u00C0-\u1EF9][\w\u00C0-\u1EF9]*/, { cases: { '@keywords': 'keyword', '@constants': 'constant', '@default': 'identifier' } }],
        [/[<>=!]=?|[+\-*/]|\*\*/, 'operator'],
        [/[()[\]{},.:]/, 'delimiter'],
      ],
    },
  });
  monaco.languages.setLanguageConfiguration(FEEL_LANGUAGE_ID, {
    brackets: [['(', ')'], ['[', ']'], ['{', '}']],
    autoClosingPairs: [{ open: '(', close: ')' }, { open: '[', close: ']' }, { open: '"', close: '"' }],
  });
}
