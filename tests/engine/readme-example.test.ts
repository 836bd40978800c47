import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Docs that can go stale are executed (STYLE.md §6): the README's example is extracted and run as written. */
describe('engine README', () => {
  const scratch: string[] = [];
  afterEach(() => {
    for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
    vi.restoreAllMocks();
  });

  it('runs the 25-line runtime example and prints the outcome its last comment announces', async () => {
    // given: the code block that follows the readme-example marker
    const readme = readFileSync(path.join(repoRoot, 'engine/README.md'), 'utf8');
    const block = /<!-- readme-example[^>]*-->\s*```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    expect(block!.trim().split('\n').length).toBeLessThanOrEqual(25);
    const dir = mkdtempSync(path.join(repoRoot, 'tests/engine/.readme-example-'));
    scratch.push(dir);
    const file = path.join(dir, 'example.ts');
    writeFileSync(file, block!.replace("'./src/index'", JSON.stringify(path.join(repoRoot, 'engine/src/index.ts'))));
    const printed: unknown[][] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args));
    // when
    await import(pathToFileURL(file).href);
    // then
    expect(printed).toEqual([['completed', { area: 80, fee: 80000 }, ['step.completed', 'process.completed']]]);
    expect(block).toContain("// → completed { area: 80, fee: 80000 } [ 'step.completed', 'process.completed' ]");
  });
});
