/**
 * Test-only JUEL → FEEL translation for the simple expressions of the Camunda 7 corpus models, so that our FEEL-only
 * runtime can run them. Supported inside `${…}` / `#{…}`: variable paths, numbers, 'strings' and "strings",
 * true/false/null, `== != < <= > >=` and their word forms (`eq ne lt le gt ge`), `&& || !` and `and or not`,
 * `+ - * /`, parentheses and `empty x` (null or empty string). Anything else (method calls, beans, `?:`, composite text) throws
 * `UnsupportedJuel`: such a file is not used, its outcome is never faked.
 */
import type { Expression, ProcedureDefinition } from '../../../engine/src/model/index';

export class UnsupportedJuel extends Error {}

type Token = { kind: 'num' | 'str' | 'id' | 'op'; text: string };

const WORD_OPS: Record<string, string> = { eq: '==', ne: '!=', lt: '<', le: '<=', gt: '>', ge: '>=', and: '&&', or: '||', not: '!', div: '/' };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const number = /^\d+(\.\d+)?/.exec(rest);
    const string = /^'([^'\\]*)'|^"([^"\\]*)"/.exec(rest);
    const id = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(rest);
    const op = /^(==|!=|<=|>=|&&|\|\||[<>!+\-*/()])/.exec(rest);
    if (number) tokens.push({ kind: 'num', text: number[0] });
    else if (string) tokens.push({ kind: 'str', text: string[1] ?? string[2] ?? '' });
    else if (id && WORD_OPS[id[0]]) tokens.push({ kind: 'op', text: WORD_OPS[id[0]]! });
    else if (id) tokens.push({ kind: 'id', text: id[0] });
    else if (op) tokens.push({ kind: 'op', text: op[0] });
    else throw new UnsupportedJuel(`JUEL not supported here: ${source}`);
    i += (number ?? string ?? id ?? op)![0].length;
  }
  return tokens;
}

/** Recursive descent over JUEL's precedence: or < and < not < comparison < additive < multiplicative < unary. */
class Translator {
  private at = 0;
  constructor(private readonly tokens: Token[], private readonly source: string) {}

  translate(): string {
    const feel = this.or();
    if (this.at < this.tokens.length) this.fail();
    return feel;
  }

  private fail(): never {
    throw new UnsupportedJuel(`JUEL not supported here: ${this.source}`);
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private accept(...ops: string[]): string | undefined {
    const token = this.peek();
    if (token?.kind === 'op' && ops.includes(token.text)) {
      this.at += 1;
      return token.text;
    }
    return undefined;
  }

  private or(): string {
    let left = this.and();
    while (this.accept('||')) left = `${left} or ${this.and()}`;
    return left;
  }

  private and(): string {
    let left = this.comparison();
    while (this.accept('&&')) left = `${left} and ${this.comparison()}`;
    return left;
  }

  private comparison(): string {
    const left = this.additive();
    const op = this.accept('==', '!=', '<=', '>=', '<', '>');
    if (!op) return left;
    return `${left} ${op === '==' ? '=' : op} ${this.additive()}`;
  }

  private additive(): string {
    let left = this.multiplicative();
    for (let op = this.accept('+', '-'); op; op = this.accept('+', '-')) left = `${left} ${op} ${this.multiplicative()}`;
    return left;
  }

  private multiplicative(): string {
    let left = this.unary();
    for (let op = this.accept('*', '/'); op; op = this.accept('*', '/')) left = `${left} ${op} ${this.unary()}`;
    return left;
  }

  private unary(): string {
    if (this.accept('!')) return `not(${this.unary()})`;
    if (this.accept('-')) return `-${this.unary()}`;
    return this.primary();
  }

  private primary(): string {
    if (this.accept('(')) {
      const inner = this.or();
      if (!this.accept(')')) this.fail();
      return `(${inner})`;
    }
    const token = this.peek();
    if (!token || token.kind === 'op') this.fail();
    this.at += 1;
    if (token.kind === 'num') return token.text;
    if (token.kind === 'str') return JSON.stringify(token.text);
    if (token.text === 'true' || token.text === 'false' || token.text === 'null') return token.text;
    if (token.text === 'empty') {
      const operand = this.unary();
      // Null or the empty string; JUEL's empty collection case is not used by these models.
      return `(${operand} = null or ${operand} = "")`;
    }
    if (this.peek()?.text === '(') this.fail(); // a method or function call
    return token.text;
  }
}

/** Translates one JUEL expression text `${…}` (the whole text, no composite templates) into FEEL. */
export function juelToFeel(text: string): string {
  const match = /^\s*[$#]\{([\s\S]*)\}\s*$/.exec(text);
  if (!match || /[$#]\{/.test(match[1]!)) throw new UnsupportedJuel(`JUEL not supported here: ${text}`);
  return new Translator(tokenize(match[1]!), text).translate();
}

function adapt(expression: Expression | undefined): void {
  if (!expression || expression.language === 'feel') return;
  // Literal ISO 8601 timer texts and numbers (`PT5M`, `3`) are read as they are.
  if (!/[$#]\{/.test(expression.body)) return;
  expression.body = juelToFeel(expression.body);
  expression.language = 'feel';
}

/** Rewrites every JUEL expression of a parsed corpus definition into FEEL, in place; throws `UnsupportedJuel`. */
export function juelDefinitionToFeel(definition: ProcedureDefinition): ProcedureDefinition {
  for (const process of definition.processes) {
    for (const flow of Object.values(process.flows)) adapt(flow.condition);
    for (const node of Object.values(process.nodes)) {
      for (const event of node.eventDefinitions ?? []) {
        if (event.type === 'timer') [event.timeDate, event.timeDuration, event.timeCycle].forEach(adapt);
        if (event.type === 'conditional') adapt(event.condition);
      }
      if (node.loop?.type === 'multiInstance') [node.loop.loopCardinality, node.loop.inputCollection, node.loop.completionCondition, node.loop.outputElement].forEach(adapt);
      if (node.loop?.type === 'standardLoop') adapt(node.loop.loopCondition);
      for (const mapping of [...(node.inputMappings ?? []), ...(node.outputMappings ?? [])]) adapt(mapping.source);
    }
  }
  return definition;
}
