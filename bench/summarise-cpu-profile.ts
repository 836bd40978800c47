/**
 * Summarises a V8 CPU profile (`node --cpu-prof`, e.g. from `bench:load -- --cpu-prof <dir>`) by self time: how busy
 * the process was while it served (the window from the first to the last sample whose stack holds `--window`, by
 * default a request in the idempotency middleware), then the busy time per package or source folder and the
 * functions with the most self time in that window.
 *
 *   npx tsx bench/summarise-cpu-profile.ts <file.cpuprofile> [--window idempotency-middleware] [--top 25]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const file = args[0];
if (!file) throw new Error('usage: summarise-cpu-profile.ts <file.cpuprofile> [--window <url part>] [--top N]');
const marker = option('--window') ?? 'idempotency-middleware';
const top = Number(option('--top') ?? 25);

const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const frameOf = (id: number) => byId.get(id)!.callFrame;

function holdsMarker(id: number): boolean {
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) if (frameOf(at).url.includes(marker)) return true;
  return false;
}

/** A package under node_modules, a node: module, or the first three folders of a source path. */
function placeOf(url: string, functionName: string): string {
  if (url === '') return functionName;
  if (url.includes('node_modules/')) {
    const [scope, name] = url.split('node_modules/').pop()!.split('/');
    return scope!.startsWith('@') ? `${scope}/${name}` : scope!;
  }
  if (url.startsWith('node:')) return 'node:internal';
  const path = url.replace(/^file:\/\//, '');
  const inRepo = path.match(/\/(server|engine|modeler|tests|bench|mongo-emulator)\/.*/);
  return (inRepo ? inRepo[0].slice(1) : path).split('/').slice(0, 3).join('/');
}

const marked = profile.samples.flatMap((sample, index) => (holdsMarker(sample) ? [index] : []));
const [first, last] = marked.length > 0 ? [marked[0]!, marked.at(-1)!] : [0, profile.samples.length - 1];
let busy = 0;
let idle = 0;
const byPlace = new Map<string, number>();
const byFunction = new Map<string, number>();
for (let index = first; index <= last; index += 1) {
  const delta = profile.timeDeltas[index] ?? 0;
  const frame = frameOf(profile.samples[index]!);
  if (frame.functionName === '(idle)') {
    idle += delta;
    continue;
  }
  busy += delta;
  const place = placeOf(frame.url, frame.functionName);
  byPlace.set(place, (byPlace.get(place) ?? 0) + delta);
  const name = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + delta);
}

const seconds = (us: number) => (us / 1e6).toFixed(2);
console.log(`window (stacks holding "${marker}"): ${seconds(busy + idle)} s, busy ${seconds(busy)} s (${((100 * busy) / Math.max(1, busy + idle)).toFixed(0)} %), idle ${seconds(idle)} s\n`);
for (const [title, table] of [['busy time by package or folder', byPlace], ['busy time by function (self)', byFunction]] as const) {
  console.log(title);
  for (const [name, us] of [...table].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((100 * us) / busy).toFixed(1).padStart(5)} %  ${seconds(us).padStart(6)} s  ${name}`);
  console.log('');
}
