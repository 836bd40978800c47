/** @module modelerPage — what a browser test does on the modeler page, in the words of the person using it. */
import type { Locator, Page } from 'playwright-core';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function modelerPage(page: Page) {
  const element = (id: string) => page.locator(`.modeler-canvas .djs-element[data-element-id="${id}"]`).first();
  const boxOf = async (id: string): Promise<Box> => {
    const box = await element(id).boundingBox();
    if (!box) throw new Error(`element ${id} is not on screen`);
    return box;
  };
  const idsOfType = (type: string) =>
    page.evaluate(
      (wanted) =>
        window
          .lienthongModeler!.get<{ filter(fn: (element: { type: string }) => boolean): { id: string; type: string; y: number }[] }>('elementRegistry')
          .filter((candidate) => candidate.type === wanted)
          .sort((a, b) => a.y - b.y)
          .map((candidate) => candidate.id),
      type,
    );
  return {
    element,
    boxOf,
    idsOfType,
    async signIn(username: string, password: string) {
      await page.getByLabel('Tên đăng nhập').fill(username);
      await page.getByLabel('Mật khẩu').fill(password);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.locator('.modeler[data-ready="true"]').waitFor();
    },
    async toolbar(label: string) {
      await page.locator('.modeler-toolbar').getByRole('button', { name: label, exact: true }).click();
    },
    async palette(action: string, at: { x: number; y: number }) {
      await page.locator(`.djs-palette [data-action="${action}"]`).click();
      await page.mouse.move(at.x - 20, at.y - 20);
      await page.mouse.move(at.x, at.y, { steps: 4 });
      await page.mouse.click(at.x, at.y);
    },
    /** Drag a palette entry with the mouse held down and drop it at `at`, as a person drags a step onto the diagram. */
    async dragFromPalette(action: string, at: { x: number; y: number }) {
      const entry = await page.locator(`.djs-palette [data-action="${action}"]`).boundingBox();
      if (!entry) throw new Error(`no palette entry ${action}`);
      await page.mouse.move(entry.x + entry.width / 2, entry.y + entry.height / 2);
      await page.mouse.down();
      await page.mouse.move(at.x - 40, at.y - 20, { steps: 6 });
      await page.mouse.move(at.x, at.y, { steps: 6 });
      await page.mouse.up();
    },
    /** Click an empty spot of the canvas: ends label editing and clears the selection. */
    async clickEmptyCanvas() {
      const canvas = await page.locator('.modeler-canvas').boundingBox();
      if (!canvas) throw new Error('no canvas');
      await page.mouse.click(canvas.x + canvas.width - 60, canvas.y + 60);
    },
    /** Click an element below its centre: the context pad of a just-drawn flow sits at the centre-left of its target. */
    async select(id: string, offset?: { x: number; y: number }) {
      const box = await boxOf(id);
      await page.mouse.click(box.x + (offset?.x ?? box.width / 2), box.y + (offset?.y ?? box.height * 0.68));
    },
    async contextPad(action: string) {
      await page.locator(`.djs-context-pad [data-action="${action}"]`).click();
    },
    /**
     * Connect two elements with a sequence flow through bpmn-js's modeling API: clicking the context pad's connect tool
     * across lanes proved unreliable headless (the new flow's context pad covers the next target).
     */
    async connect(from: string, to: string) {
      await page.evaluate(
        ([source, target]) => {
          const instance = window.lienthongModeler!;
          const registry = instance.get<{ get(id: string): unknown }>('elementRegistry');
          instance.get<{ connect(source: unknown, target: unknown): unknown }>('modeling').connect(registry.get(source!), registry.get(target!));
        },
        [from, to],
      );
    },
    /** Open a properties-panel group by its id when it is collapsed. */
    async openGroup(groupId: string): Promise<Locator> {
      const group = page.locator(`.bio-properties-panel-group[data-group-id="group-${groupId}"]`);
      const header = group.locator('.bio-properties-panel-group-header');
      if (!(await header.getAttribute('class'))?.includes('open')) await header.click();
      return group;
    },
    issue(elementId: string) {
      return page.locator(`.issues-panel li[data-element-id="${elementId}"]`);
    },
  };
}
