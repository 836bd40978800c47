/**
 * @module monacoSetup — the slice of monaco-editor the modeler uses (XML, JSON, our FEEL tokenizer, the editing
 * features), with its web workers bundled by Vite (`?worker`) so they load from our own server, never a CDN.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
// Every editor feature (find, folding, hover, suggest, paste, code lens…): importing them one by one left services
// unregistered that other features need at run time. Languages stay limited to XML, JSON and our FEEL.
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/xml/register';
import 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import { registerFeelLanguage } from './feel-language';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

self.MonacoEnvironment = {
  getWorker: (_workerId, label) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};

registerFeelLanguage(monaco);

/*
 * Our editors set `editContext: false`: monaco's EditContext input ignores key presses such as Backspace when driven
 * by automation, while the classic textarea input behaves the same for people and tests.
 */

/**
 * Monospace fonts that draw every Vietnamese letter (ồ, ẫ, ế, ữ, ặ …) in its own cell: Noto Sans Mono on Linux
 * (Debian's fonts-noto-mono), Consolas on Windows, the system monospace (ui-monospace) or Menlo on macOS. DejaVu Sans
 * Mono — what `monospace` means on Debian — is left out on purpose: it has no stacked-mark positioning, so Chromium
 * draws "hồ sơ" as "hô`sơ" with the second mark in the next cell. Liberation Mono 1.07 lacks most precomposed
 * Vietnamese letters and borrows them from other fonts; it is only a late fallback.
 */
export const MONO_FONT = "'Noto Sans Mono', Consolas, ui-monospace, Menlo, 'Liberation Mono', monospace";

export { monaco };
