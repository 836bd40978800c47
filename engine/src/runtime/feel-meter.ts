/**
 * @module FeelMeter — counts the work of one FEEL evaluation against its budget (model/feel-limits) and stops it by
 * throwing FeelBudgetExceeded, which unwinds feelin's evaluation (feelin never catches what a function throws). The
 * count is of steps, not of milliseconds: the engine reads no clock (STYLE.md §2), and a step count gives the same
 * outcome for the same dossier on a loaded server, a quiet one and a replay.
 */
import type { FeelBudget } from '../model/feel-limits';

/** Thrown through feelin when an evaluation exceeds its budget; the evaluator turns it into a failed result. */
export class FeelBudgetExceeded extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeelBudgetExceeded';
  }
}

export class FeelMeter {
  private steps = 0;
  private depth = 0;

  constructor(readonly budget: FeelBudget) {}

  /** Adds `count` steps of work. */
  charge(count: number): void {
    this.steps += count;
    if (this.steps > this.budget.maxSteps) throw new FeelBudgetExceeded(`the expression needs more than ${this.budget.maxSteps} steps of work (loop iterations, function calls, list items)`);
  }

  /** A list about to be iterated, filtered or handed over: one step per item. */
  list(length: number): void {
    if (length > this.budget.maxListLength) throw new FeelBudgetExceeded(`the expression handles a list of ${length} items; at most ${this.budget.maxListLength} are allowed`);
    this.charge(length);
  }

  /** A string built or handed over: one step per 100 characters. */
  string(length: number): void {
    if (length > this.budget.maxStringLength) throw new FeelBudgetExceeded(`the expression handles a text of ${length} characters; at most ${this.budget.maxStringLength} are allowed`);
    this.charge(Math.ceil(length / 100));
  }

  /** A user-defined function starts. */
  enter(): void {
    this.depth += 1;
    if (this.depth > this.budget.maxCallDepth) throw new FeelBudgetExceeded(`the expression nests more than ${this.budget.maxCallDepth} function calls (a recursive function)`);
    this.charge(1);
  }

  /** A user-defined function returned. */
  leave(): void {
    this.depth -= 1;
  }

  /** Charges a value by its size: items of a list, characters of a string, entries of a context. */
  value(value: unknown): void {
    if (typeof value === 'string') this.string(value.length);
    else if (Array.isArray(value)) this.list(value.length);
    else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) this.list(Object.keys(value).length);
  }
}
