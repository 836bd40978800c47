/**
 * @module feelRegex — FEEL's `matches`, `replace` and `split` (DMN 1.5 §10.3.4.3) on RE2 (the re2js port) instead of
 * the JS RegExp engine that feelin uses: RE2 matches in time linear in the input, so `matches(x, "(a|a)*$")` on a
 * near-miss input answers at once instead of backtracking for minutes. Semantics follow feelin's (flags `i`, `s`, `m`;
 * `$0` in a replacement is the whole match; `split` returns captured groups as JS does). A pattern RE2 cannot run
 * (back-references, look-arounds) or an invalid one gives null, as feelin gives for an invalid pattern.
 */
import { RE2JS } from 're2js';
import type { FeelMeter } from './feel-meter';

const compiled = new Map<string, RE2JS | null>();
const MAX_CACHED = 500;

function compile(pattern: string, flags: string, meter: FeelMeter): RE2JS | null {
  if (pattern.length > meter.budget.maxPatternLength) return null;
  const key = `${flags}/${pattern}`;
  let regexp = compiled.get(key);
  if (regexp === undefined) {
    let bits = 0;
    for (const flag of flags) {
      if (flag === 'i') bits |= RE2JS.CASE_INSENSITIVE;
      else if (flag === 's') bits |= RE2JS.DOTALL;
      else if (flag === 'm') bits |= RE2JS.MULTILINE;
      else return null;
    }
    try {
      regexp = RE2JS.compile(pattern, bits);
    } catch {
      regexp = null;
    }
    if (compiled.size >= MAX_CACHED) compiled.clear();
    compiled.set(key, regexp);
  }
  return regexp;
}

/** Charges a match over `input`: RE2's work is the input's length times the size of the compiled pattern. */
function chargeMatch(meter: FeelMeter, regexp: RE2JS, input: string): void {
  meter.string(input.length);
  meter.charge(Math.ceil((input.length * regexp.programSize()) / 1000));
}

const isText = (value: unknown): value is string => typeof value === 'string';

/** The three functions, each bound to the meter of the evaluation that calls it. */
export function feelRegexFunctions(meter: () => FeelMeter) {
  const matches = (input: unknown, pattern: unknown, flags: unknown) => {
    if (!isText(input) || !isText(pattern) || !(flags == null || isText(flags))) return null;
    const regexp = compile(pattern, flags ?? '', meter());
    if (!regexp) return null;
    chargeMatch(meter(), regexp, input);
    return regexp.test(input);
  };
  const replace = (input: unknown, pattern: unknown, replacement: unknown, flags: unknown) => {
    if (!isText(input) || !isText(pattern) || !isText(replacement) || !(flags == null || isText(flags))) return null;
    const regexp = compile(pattern, flags ?? '', meter());
    if (!regexp) return null;
    chargeMatch(meter(), regexp, input);
    const result = regexp.matcher(input).replaceAll(replacement.replace(/\$0/g, '$$&'));
    meter().string(result.length);
    return result;
  };
  const split = (input: unknown, delimiter: unknown) => {
    if (!isText(input) || !isText(delimiter)) return null;
    const regexp = compile(delimiter, '', meter());
    if (!regexp) return null;
    chargeMatch(meter(), regexp, input);
    // String.prototype.split(RegExp) (ECMA-262 §22.2.6.14): an empty match where the last piece ended, or at the
    // end, does not split; captured groups are spliced in.
    const pieces: unknown[] = [];
    let last = 0;
    for (const match of regexp.matchAll(input)) {
      const at = match.index ?? 0;
      const end = at + match[0].length;
      if (at >= input.length || end === last) continue;
      pieces.push(input.slice(last, at), ...match.slice(1).map((group) => group ?? null));
      last = end;
    }
    if (input.length > 0 || pieces.length === 0) pieces.push(input.slice(last));
    meter().list(pieces.length);
    return pieces;
  };
  return {
    matches: Object.assign(matches, { $args: ['input', 'pattern', 'flags'] }),
    replace: Object.assign(replace, { $args: ['input', 'pattern', 'replacement', 'flags'] }),
    split: Object.assign(split, { $args: ['string', 'delimiter'] }),
  };
}
