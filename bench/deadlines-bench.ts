/**
 * @module deadlines-bench — the cost of deadline arithmetic: 1,000,000 due dates of mixed units (working days,
 * half days, working hours, calendar days, same day) from start instants spread over 2024–2026 on the Vietnamese
 * calendar, first as bare due instants (what a sweeper or re-projection needs), then with the full explanation.
 * Prints time, cost per due date and memory. Usage: npm run bench:deadlines [-- --count 200000]
 */
import {
  computeDueDate, createVietnamWorkingCalendar, fromLocalDateTime, resolveDueDate, type WorkingCalendar,
} from '../engine/src/time/index';
import type { Budget } from '../engine/src/model/procedure-definition';

const countArg = process.argv.indexOf('--count');
const count = countArg > 0 ? Number(process.argv[countArg + 1]) : 1_000_000;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** Deterministic inputs (mulberry32), so runs compare. */
function inputs(n: number): { startAt: Float64Array; budgets: Budget[] } {
  let seed = 0x5eed;
  const random = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const from = fromLocalDateTime('2024-01-01T00:00');
  const span = fromLocalDateTime('2027-01-01T00:00') - from;
  const workingDays = [0.5, 1, 2, 3, 5, 7, 10, 15, 20, 25, 30];
  const startAt = new Float64Array(n);
  const budgets: Budget[] = [];
  for (let i = 0; i < n; i += 1) {
    startAt[i] = from + Math.floor(random() * span / 60_000) * 60_000;
    const r = random();
    budgets.push(r < 0.6 ? { value: workingDays[Math.floor(random() * workingDays.length)]!, unit: 'workingDays' }
      : r < 0.75 ? { value: 1 + Math.floor(random() * 16), unit: 'workingHours' }
        : r < 0.9 ? { value: 1 + Math.floor(random() * 30), unit: 'calendarDays' }
          : { value: 1, unit: 'sameDay' });
  }
  return { startAt, budgets };
}

function run(label: string, calendar: WorkingCalendar, data: ReturnType<typeof inputs>, explain: boolean): void {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let checksum = 0;
  let entries = 0;
  for (let i = 0; i < data.budgets.length; i += 1) {
    if (explain) {
      const due = computeDueDate(calendar, data.startAt[i]!, data.budgets[i]!);
      checksum = (checksum + due.dueAt / 60_000) % 1_000_003;
      entries += due.explanation.length;
    } else {
      checksum = (checksum + resolveDueDate(calendar, data.startAt[i]!, data.budgets[i]!).dueAt / 60_000) % 1_000_003;
    }
  }
  const elapsedMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const memory = process.memoryUsage();
  console.log(`${label.padEnd(34)} ${data.budgets.length.toLocaleString('en')} due dates in ${(elapsedMs / 1000).toFixed(2)} s`
    + ` = ${((elapsedMs * 1e6) / data.budgets.length).toFixed(0)} ns each`
    + ` (CPU ${(cpuMs / 1000).toFixed(2)} s = ${((cpuMs * 1e6) / data.budgets.length).toFixed(0)} ns)`
    + ` | heap +${mib(memory.heapUsed - heapBefore)} (garbage included), rss ${mib(memory.rss)}`
    + (explain ? ` | ${(entries / data.budgets.length).toFixed(1)} explanation entries each` : '')
    + ` | checksum ${checksum}`);
}

console.log(`# Deadlines benchmark (node ${process.version}, ${count.toLocaleString('en')} due dates, starts over 2024–2026)`);
console.log('units: 60 % working days (0.5–30), 15 % working hours, 15 % calendar days, 10 % same day\n');

const data = inputs(count);
const calendar = createVietnamWorkingCalendar();
gc();
const heapEmpty = process.memoryUsage().heapUsed;
const compileStarted = performance.now();
for (let year = 2023; year <= 2028; year += 1) calendar.yearTable(year);
console.log(`calendar compile, 6 years (lunar proposals for 2027–2028 included): ${(performance.now() - compileStarted).toFixed(1)} ms,`
  + ` heap +${mib(process.memoryUsage().heapUsed - heapEmpty)}`);

run('due instant only (resolveDueDate)', calendar, data, false);
run('with explanation (computeDueDate)', calendar, data, true);

// ## Sweeper
// The other half of this benchmark, finding and firing the due deadlines among many open ones, belongs to the
// server's deadline sweeper: see bench/sweep-bench.ts (npm run bench:sweep), which measures it per store adapter.
console.log('\nsweeper: see bench/sweep-bench.ts (server work)');
