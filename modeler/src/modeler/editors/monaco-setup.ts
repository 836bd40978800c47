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
 * Noto Sans Mono, served by the front end itself (`styles/fonts.css`, Latin and Vietnamese subsets), draws every
 * Vietnamese letter (ồ, ẫ, ế, ữ, ặ …) in its own cell on any machine. What a machine has instead is not enough: DejaVu
 * Sans Mono — `monospace` on Debian — has no stacked-mark positioning and draws "hồ sơ" as "hô`sơ".
 */
export const MONO_FONT = "'Noto Sans Mono', monospace";

/*
 * Monaco measures the width of a cell once per font and reuses it: an editor created while the served font is still
 * loading would keep the fallback's widths. This module — and so the modeler route that imports it — finishes loading
 * only once the font is there (both subsets: ASCII and Vietnamese letters); a font that fails to load leaves the
 * fallback, measured afresh.
 */
await document.fonts.load("14px 'Noto Sans Mono'", 'a<ồẫế>').catch(() => []);
monaco.editor.remeasureFonts();

export { monaco };
