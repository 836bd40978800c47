/**
 * @module fitDiagram — show the whole diagram, never larger than 100 %, from the origin or its top-left corner, leaving
 * room on the left for the palette (bpmn-js's own fit centres small diagrams and lets the palette cover large ones).
 */
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Canvas {
  viewbox(box?: Box): { inner: Box; outer: Box };
}

const LEFT_MARGIN = 120;
const TOP_MARGIN = 40;

/** `minScale`: never zoom out below it (a large diagram then opens at its top-left corner, readable). */
export function fitDiagram(canvas: Canvas, options: { minScale?: number } = {}): void {
  const { inner, outer } = canvas.viewbox();
  if (inner.width === 0 || outer.width === 0) return;
  // Keep the origin in view when the diagram lies right of it, as bpmn-js does: a pool drawn around a lone start
  // event grows to the left of it.
  const left = Math.min(0, inner.x - LEFT_MARGIN);
  const top = Math.min(0, inner.y - TOP_MARGIN);
  const right = inner.x + inner.width + 40;
  const bottom = inner.y + inner.height + 40;
  const scale = Math.max(options.minScale ?? 0, Math.min(1, outer.width / (right - left), outer.height / (bottom - top)));
  canvas.viewbox({ x: left, y: top, width: outer.width / scale, height: outer.height / scale });
}
