/**
 * @module checkFeelBounds — refuses, at deploy, FEEL expressions whose work cannot be bounded by their own text: a
 * user-defined function that calls itself (directly, through other context entries, or through a function it was
 * given: `{f: function(n) f(n-1) + f(n-1)}`, `function(g) g(g)`), and a loop over a variable list nested in a loop
 * over another variable list that it does not depend on (`for a in form.list, b in form.list`), whose work grows with
 * the product of two citizen-supplied sizes. A loop over a list inside the outer item (`for o in owners, d in
 * o.documents`) is linear in the data and accepted. The runtime meters everything else (runtime/feel-meter); this
 * check only spares a dossier an incident that the model makes certain.
 */
import { parseExpression } from 'feelin';

type Tree = ReturnType<typeof parseExpression>;
type SyntaxNode = Tree['topNode'];

interface Entry {
  node: SyntaxNode;
  key: string;
}

const ITERATIONS = new Set(['ForExpression', 'QuantifiedExpression']);

function descendants(node: SyntaxNode, name: string): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const stack: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) stack.push(child);
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next.name === name) found.push(next);
    for (let child = next.firstChild; child; child = child.nextSibling) stack.push(child);
  }
  return found;
}

const contains = (outer: SyntaxNode, inner: SyntaxNode) => outer.from <= inner.from && inner.to <= outer.to;

/** Why the expression's work cannot be bounded, or `undefined`. `expression` has no leading `=`. */
export function checkFeelBounds(expression: string): string | undefined {
  const tree = parseExpression(expression, {}, undefined);
  const text = (node: SyntaxNode) => expression.slice(node.from, node.to).replace(/\s+/g, ' ').trim();
  const keyOf = (entry: SyntaxNode) => {
    const key = entry.getChild('Key');
    return key ? text(key).replace(/^"(.*)"$/, '$1') : '';
  };
  const parameters = (definition: SyntaxNode) => descendants(definition.getChild('FormalParameters') ?? definition, 'ParameterName').map(text);
  const iterationNames = (iteration: SyntaxNode) => (iteration.getChild('InExpressions')?.getChildren('InExpression') ?? []).map((i) => text(i.getChild('Name') ?? i));

  /** What a variable name refers to: a parameter or loop variable, a context entry of the expression, or neither. */
  const resolve = (variable: SyntaxNode): { kind: 'local' } | { kind: 'entry'; entry: Entry } | { kind: 'outside' } => {
    const name = text(variable);
    for (let at = variable.parent; at; at = at.parent) {
      if (at.name === 'FunctionDefinition' && parameters(at).includes(name)) return { kind: 'local' };
      if (ITERATIONS.has(at.name) && iterationNames(at).includes(name)) return { kind: 'local' };
      if (at.name === 'Context') {
        const entry = at.getChildren('ContextEntry').find((candidate) => keyOf(candidate) === name);
        if (entry) return { kind: 'entry', entry: { node: entry, key: name } };
      }
    }
    return { kind: 'outside' };
  };

  const top = tree.topNode;
  const definitions = descendants(top, 'FunctionDefinition');
  const nameOf = (definition: SyntaxNode) => {
    for (let at = definition.parent; at; at = at.parent) if (at.name === 'ContextEntry') return `"${keyOf(at)}"`;
    return 'a function';
  };
  const references = new Map<SyntaxNode, Entry[]>();
  for (const definition of definitions) {
    const body = definition.getChild('FunctionBody');
    const entries: Entry[] = [];
    for (const variable of body ? descendants(body, 'VariableName') : []) {
      const target = resolve(variable);
      if (target.kind === 'entry') entries.push(target.entry);
    }
    references.set(definition, entries);
    for (const invocation of body ? descendants(body, 'FunctionInvocation') : []) {
      const callee = invocation.firstChild;
      const local = callee && [...(callee.name === 'VariableName' ? [callee] : []), ...descendants(callee, 'VariableName')].find((v) => resolve(v).kind === 'local');
      if (local) return `${nameOf(definition)} calls "${text(local)}", a function it was given, which can make it call itself without end; call a named function or a built-in instead`;
    }
  }
  for (const definition of definitions) {
    const seen = new Set<SyntaxNode>();
    const queue = [...references.get(definition)!];
    while (queue.length > 0) {
      const entry = queue.pop()!;
      if (seen.has(entry.node)) continue;
      seen.add(entry.node);
      if (contains(entry.node, definition)) {
        return `${nameOf(definition)} calls itself${`"${entry.key}"` === nameOf(definition) ? '' : ` (through "${entry.key}")`}: a recursive function can run without end; compute the value with a loop over a list or with built-ins`;
      }
      for (const inner of definitions) if (contains(entry.node, inner)) queue.push(...references.get(inner)!);
    }
  }

  for (const inExpression of descendants(top, 'InExpression')) {
    const collection = inExpression.getChild('IterationContext');
    if (!collection) continue;
    const variables = descendants(collection, 'VariableName').map(text);
    if (variables.length === 0) continue;
    for (const outer of enclosingIterations(inExpression)) {
      const outerCollection = outer.getChild('IterationContext');
      if (!outerCollection || descendants(outerCollection, 'VariableName').length === 0) continue;
      const outerName = text(outer.getChild('Name') ?? outer);
      if (variables.some((variable) => variable === outerName || variable.startsWith(`${outerName} `))) continue;
      return `the loop over "${text(collection)}" runs once for every item of "${text(outerCollection)}": the work grows with the product of two list sizes; loop over one list, or over a list inside the outer item (for a in x, b in a.items)`;
    }
  }
  return undefined;
}

/** The loops an `x in collection` runs inside of: earlier `in` clauses of its own loop, and loops whose body holds it. */
function enclosingIterations(inExpression: SyntaxNode): SyntaxNode[] {
  const outer: SyntaxNode[] = [];
  for (let sibling = inExpression.prevSibling; sibling; sibling = sibling.prevSibling) if (sibling.name === 'InExpression') outer.push(sibling);
  let child: SyntaxNode = inExpression;
  for (let at = inExpression.parent; at; child = at, at = at.parent) {
    if (!ITERATIONS.has(at.name)) continue;
    const clauses = at.getChild('InExpressions');
    if (clauses && contains(clauses, child)) continue;
    outer.push(...(clauses?.getChildren('InExpression') ?? []));
  }
  return outer;
}
