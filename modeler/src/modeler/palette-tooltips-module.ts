/**
 * @module paletteTooltipsModule — a tooltip on each palette tool: diagram-js names them only for screen readers
 * (`aria-label`, already through our translate), so the mouse showed nothing; each gets the same words as `title`.
 */
class PaletteTooltips {
  static $inject = ['eventBus', 'canvas'];

  constructor(eventBus: { on(events: string[], fn: () => void): void }, canvas: { getContainer(): HTMLElement }) {
    eventBus.on(['palette.create', 'palette.changed', 'import.done'], () => {
      for (const entry of canvas.getContainer().querySelectorAll<HTMLElement>('.djs-palette .entry[aria-label]')) {
        if (!entry.title) entry.title = entry.getAttribute('aria-label')!;
      }
    });
  }
}

export const paletteTooltipsModule = {
  __init__: ['paletteTooltips'],
  paletteTooltips: ['type', PaletteTooltips],
};
