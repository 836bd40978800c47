/**
 * @module countBadge — the count on the canvas (bpmn-js-bpmnlint's button, "1 lỗi, 0 cảnh báo") read from the check
 * results, so it counts what the issues panel lists, the server's findings included, instead of the lint issues alone.
 * The button's own drawing (`_setButtonState`: icon, colour, translated label) is kept; only what it counts changes.
 */
import type BpmnModeler from 'bpmn-js/lib/Modeler';
import type { CheckResults } from './check-results';

/** bpmn-js-bpmnlint 0.24's Linting service: the two methods that draw its button. */
interface LintingButton {
  _updateButton(): void;
  _setButtonState(counts: { errors: number; warnings: number; infos: number }): void;
}

export function createCountBadge(modeler: BpmnModeler, results: CheckResults): void {
  const linting = modeler.get<LintingButton>('linting');
  linting._updateButton = () => linting._setButtonState({ ...results.counts(), infos: 0 });
  results.onChange(() => linting._updateButton());
  linting._updateButton();
}
