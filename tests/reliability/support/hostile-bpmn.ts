/** Hostile BPMN documents and mutations of the real model fixtures, for the parser fuzz tests. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

export const BPMN_URI = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const fixturesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/model');

/** Every model fixture of tests/fixtures/model, by file name. */
export const FIXTURES: Record<string, string> = Object.fromEntries(
  readdirSync(fixturesDir)
    .filter((name) => name.endsWith('.bpmn'))
    .sort()
    .map((name) => [name, readFileSync(path.join(fixturesDir, name), 'utf8')]),
);

/** A `definitions` root in the BPMN namespace around `inner`, with an optional prolog (doctype, encoding). */
export function definitions(inner: string, prolog = '<?xml version="1.0" encoding="UTF-8"?>'): string {
  return `${prolog}<bpmn:definitions xmlns:bpmn="${BPMN_URI}" id="defs-hostile">${inner}</bpmn:definitions>`;
}

/** `depth` sub-processes nested inside each other in one executable process, each with a unique id. */
export function nestedSubProcesses(depth: number): string {
  const open = Array.from({ length: depth }, (_, i) => `<bpmn:subProcess id="sub-${i}">`).join('');
  return definitions(`<bpmn:process id="process-deep" isExecutable="true"><bpmn:startEvent id="start"/>${open}${'</bpmn:subProcess>'.repeat(depth)}</bpmn:process>`);
}

/** `depth` foreign extension elements nested inside each other under a process. */
export function nestedForeignExtensions(depth: number): string {
  const inner = `${'<x:node>'.repeat(depth)}${'</x:node>'.repeat(depth)}`;
  return definitions(`<bpmn:process id="process-deep" isExecutable="true"><bpmn:extensionElements><x:root xmlns:x="urn:example:foreign">${inner}</x:root></bpmn:extensionElements></bpmn:process>`);
}

/** `depth` nested elements in a foreign namespace straight under the root (not inside extensionElements). */
export function nestedForeignRootChildren(depth: number): string {
  return definitions(`<y:a xmlns:y="urn:example:other">${'<y:a>'.repeat(depth)}${'</y:a>'.repeat(depth + 1)}`);
}

/** A process whose name attribute (and a documentation text) is `size` characters long. */
export function hugeAttribute(size: number, char = 'A'): string {
  const big = char.repeat(size);
  return definitions(`<bpmn:process id="process-huge" name="${big}" isExecutable="true"><bpmn:documentation>${big}</bpmn:documentation><bpmn:startEvent id="start"/></bpmn:process>`);
}

/** The expanded text of `&lol3;` would contain this; the parser must never produce it. */
export const LAUGHS = 'lollollollol';

/** The classic billion-laughs doctype: `&lolN;` expands to 10^N "lol"s. */
export function billionLaughs(levels = 9): string {
  const entities = ['<!ENTITY lol "lol">'];
  for (let level = 1; level <= levels; level += 1) {
    const previous = level === 1 ? 'lol' : `lol${level - 1}`;
    entities.push(`<!ENTITY lol${level} "${`&${previous};`.repeat(10)}">`);
  }
  const top = `&lol${levels};`;
  return definitions(
    `<bpmn:process id="process-laughs" name="${top}" isExecutable="true"><bpmn:documentation>${top}</bpmn:documentation><bpmn:startEvent id="start" name="${top}"/></bpmn:process>`,
    `<?xml version="1.0"?><!DOCTYPE bpmn:definitions [${entities.join('')}]>`,
  );
}

/** External entities (general and parameter) and an external DTD pointing at `fileUrl` and `httpUrl`. */
export function externalEntities(fileUrl: string, httpUrl: string): string[] {
  const use = (entity: string) =>
    `<bpmn:process id="process-xxe" name="${entity}" isExecutable="true"><bpmn:documentation>${entity}</bpmn:documentation><bpmn:startEvent id="start"/></bpmn:process>`;
  return [
    definitions(use('&xxe;'), `<?xml version="1.0"?><!DOCTYPE bpmn:definitions [<!ENTITY xxe SYSTEM "${fileUrl}">]>`),
    definitions(use('&xxe;'), `<?xml version="1.0"?><!DOCTYPE bpmn:definitions [<!ENTITY xxe SYSTEM "${httpUrl}/entity">]>`),
    definitions(use('&xxe;'), `<?xml version="1.0"?><!DOCTYPE bpmn:definitions [<!ENTITY xxe PUBLIC "-//X//EN" "${httpUrl}/public">]>`),
    definitions(use('&all;'), `<?xml version="1.0"?><!DOCTYPE bpmn:definitions [<!ENTITY % pe SYSTEM "${httpUrl}/parameter.dtd"> %pe; <!ENTITY all "%pe;">]>`),
    definitions(use('&ext;'), `<?xml version="1.0"?><!DOCTYPE bpmn:definitions SYSTEM "${httpUrl}/external.dtd">`),
    definitions(use('x'), `<?xml version="1.0"?><?xml-stylesheet href="${httpUrl}/style.xsl"?>`),
    definitions(`<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="${fileUrl}" parse="text"/>${use('&xxe;')}`),
  ];
}

/** Ids and attribute names that would pollute prototypes if a reader indexed objects by them. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__'];

export function prototypeKeyIds(key: string): string {
  return definitions(
    `<bpmn:process id="${key}" name="${key}" isExecutable="true" ${key.startsWith('_') || key === 'constructor' ? '' : `${key}="x"`}>` +
      `<bpmn:startEvent id="${key}-start"><bpmn:outgoing>${key}</bpmn:outgoing></bpmn:startEvent>` +
      `<bpmn:sequenceFlow id="${key}-flow" sourceRef="${key}" targetRef="${key}"/>` +
      `<bpmn:userTask id="task-${key}"><bpmn:incoming>${key}</bpmn:incoming></bpmn:userTask>` +
      `<bpmn:endEvent id="${key}-end"/></bpmn:process>`,
  );
}

/** A model whose references, `lt:` values and names are prototype keys, while no element has such an id. */
export function referencesTo(key: string): string {
  return definitions(
    `<bpmn:process id="process-refs" isExecutable="true">` +
      `<bpmn:extensionElements><lt:assignment xmlns:lt="https://lienthong.gov.vn/schema/bpmn/1.0" agency="${key}" department="${key}"/></bpmn:extensionElements>` +
      `<bpmn:laneSet id="lanes"><bpmn:lane id="lane" name="${key}"><bpmn:flowNodeRef>${key}</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>` +
      `<bpmn:startEvent id="start"><bpmn:outgoing>flow</bpmn:outgoing></bpmn:startEvent>` +
      `<bpmn:sequenceFlow id="flow" sourceRef="start" targetRef="${key}"/>` +
      `<bpmn:sequenceFlow id="flow-back" sourceRef="${key}" targetRef="end"/>` +
      `<bpmn:boundaryEvent id="boundary" attachedToRef="${key}"><bpmn:errorEventDefinition errorRef="${key}"/></bpmn:boundaryEvent>` +
      `<bpmn:userTask id="task" name="${key}"><bpmn:extensionElements xmlns:lt="https://lienthong.gov.vn/schema/bpmn/1.0"><lt:assignment agency="${key}" department="${key}"/><lt:budget value="1" unit="${key}"/></bpmn:extensionElements></bpmn:userTask>` +
      `<bpmn:endEvent id="end"/></bpmn:process>`,
  );
}

// ---- mutations of real fixtures ----

export type Mutation =
  | { kind: 'flip'; at: number; char: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate'; element: number }
  | { kind: 'delete'; element: number }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'reserve'; attribute: number; key: string };

/** Spans of whole elements: self-closing tags and simple `<x …>…</x>` pairs without nested same-name tags. */
function elementSpans(xml: string): [number, number][] {
  return [...xml.matchAll(/<([\w:-]+)\b[^<>]*\/>|<([\w:-]+)\b[^<>]*>[^]*?<\/\2>/g)].map((m) => [m.index, m.index + m[0].length]);
}

function attributeSpans(xml: string): [number, number][] {
  return [...xml.matchAll(/"[^"<>]*"/g)].map((m) => [m.index, m.index + m[0].length]);
}

/** Applies one mutation; indexes wrap around the document's length or its list of elements/attributes. */
export function mutate(xml: string, mutation: Mutation): string {
  switch (mutation.kind) {
    case 'flip': {
      const at = mutation.at % xml.length;
      return xml.slice(0, at) + mutation.char + xml.slice(at + 1);
    }
    case 'truncate':
      return xml.slice(0, mutation.at % xml.length);
    case 'insert': {
      const at = mutation.at % xml.length;
      return xml.slice(0, at) + mutation.text + xml.slice(at);
    }
    case 'duplicate':
    case 'delete': {
      const spans = elementSpans(xml);
      if (spans.length === 0) return xml;
      const [start, end] = spans[mutation.element % spans.length]!;
      const replacement = mutation.kind === 'duplicate' ? xml.slice(start, end).repeat(2) : '';
      return xml.slice(0, start) + replacement + xml.slice(end);
    }
    case 'reserve': {
      const spans = attributeSpans(xml);
      if (spans.length === 0) return xml;
      const [start, end] = spans[mutation.attribute % spans.length]!;
      return `${xml.slice(0, start)}"${mutation.key}"${xml.slice(end)}`;
    }
    case 'swap': {
      const spans = attributeSpans(xml);
      if (spans.length < 2) return xml;
      const [a, b] = [spans[mutation.a % spans.length]!, spans[mutation.b % spans.length]!].sort((x, y) => x[0] - y[0]);
      if (a[0] === b[0]) return xml;
      return xml.slice(0, a[0]) + xml.slice(b[0], b[1]) + xml.slice(a[1], b[0]) + xml.slice(a[0], a[1]) + xml.slice(b[1]);
    }
  }
}

const HOSTILE_SNIPPETS = [
  '\u0000', '\uD800', '\uFFFE', '<', '>', '&', '&amp', '&#0;', '&#xD800;', '&#1114112;', ']]>', '<![CDATA[', '<!--', '-->', '"', "'",
  '<?xml version="1.0"?>', '<!DOCTYPE x [<!ENTITY e "e">]>', '&e;', 'xmlns:bpmn="urn:not-bpmn"', 'xmlns="urn:other"', 'xsi:type="bpmn:tTask"',
  '<bpmn:nonsense id="n"/>', '<lt:procedure/>', '<lt:step agency=""/>', 'id="__proto__"', '<bpmn:subProcess id="open">',
];

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), char: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.constantFrom('<', '>', '"', '&', '/', '\u0000', '\uD800')) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...HOSTILE_SNIPPETS) }),
  fc.record({ kind: fc.constant('duplicate' as const), element: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), element: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('reserve' as const), attribute: fc.nat(), key: fc.constantFrom(...PROTOTYPE_KEYS) }),
);

/** Byte-level damage: the UTF-8 bytes of a document with some bytes replaced, decoded back as UTF-8 or Latin-1. */
export function byteDamage(xml: string, damage: { at: number; byte: number }[], decodeAs: 'utf8' | 'latin1' | 'utf16le'): string {
  const bytes = Buffer.from(xml, 'utf8');
  for (const { at, byte } of damage) bytes[at % bytes.length] = byte;
  return bytes.toString(decodeAs);
}

/** Every id attribute value in a document, to check that an issue names something that is there. */
export function idsIn(xml: string): Set<string> {
  return new Set([...xml.matchAll(/\bid\s*=\s*["']([^"']*)["']/g)].map((m) => m[1]!));
}

// ---- generated models: random structures from the BPMN and lt: vocabulary ----

const LT_URI = 'https://lienthong.gov.vn/schema/bpmn/1.0';
/** Ids from a small pool, so that references resolve, cross, cycle and dangle, and ids sometimes collide. */
const idArbitrary = fc.oneof(
  { arbitrary: fc.nat({ max: 40 }).map((n) => `n${n}`), weight: 8 },
  { arbitrary: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'p', 'flow', 'gw', ''), weight: 1 },
);
const feelArbitrary = fc.constantFrom('= x > 1', '= decision = "reject"', 'x >', '= for i in 1..n return i', '= [[[[1]]]]', '= matches(x, "^(a+)+$")', '', 'PT1H', 'P2D', 'R/PT1H', '= items', '= constructor', '=');
const textArbitrary = fc.oneof(fc.constantFrom('Thẩm định', '', '&amp;', '&lt;x&gt;', '-1', '1e309', 'NaN', 'workingDays', 'hours', 'true'), fc.string({ maxLength: 12 }).map(escapeXml));

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

const extensionArbitrary = fc.oneof(
  fc.record({ agency: textArbitrary, department: textArbitrary }).map(({ agency, department }) => `<lt:assignment agency="${agency}" department="${department}"/>`),
  fc.record({ value: textArbitrary, unit: textArbitrary }).map(({ value, unit }) => `<lt:budget value="${value}" unit="${unit}"/>`),
  fc.record({ percent: textArbitrary, hours: textArbitrary }).map(({ percent, hours }) => `<lt:nearlyDue percent="${percent}" hoursBefore="${hours}"/>`),
  fc.record({ after: textArbitrary, target: textArbitrary }).map(({ after, target }) => `<lt:escalation><lt:rung afterWorkingHours="${after}" target="${target}"/></lt:escalation>`),
  fc.record({ name: textArbitrary }).map(({ name }) => `<lt:handler name="${name}"/>`),
  fc.record({ source: textArbitrary, target: textArbitrary }).map(({ source, target }) => `<lt:in source="${source}" target="${target}"/><lt:out source="${source}" target="${target}"/>`),
  fc.constant('<x:foreign xmlns:x="urn:foreign"><x:child a="1"/></x:foreign>'),
);

const extensionsArbitrary = fc.array(extensionArbitrary, { maxLength: 3 }).map((items) => (items.length ? `<bpmn:extensionElements>${items.join('')}</bpmn:extensionElements>` : ''));

const eventDefinitionArbitrary = fc.oneof(
  fc.constant(''),
  feelArbitrary.map((feel) => `<bpmn:timerEventDefinition><bpmn:timeDuration>${escapeXml(feel)}</bpmn:timeDuration></bpmn:timerEventDefinition>`),
  feelArbitrary.map((feel) => `<bpmn:timerEventDefinition><bpmn:timeCycle>${escapeXml(feel)}</bpmn:timeCycle></bpmn:timerEventDefinition>`),
  idArbitrary.map((ref) => `<bpmn:messageEventDefinition messageRef="${ref}"/>`),
  idArbitrary.map((ref) => `<bpmn:errorEventDefinition errorRef="${ref}"/>`),
  idArbitrary.map((ref) => `<bpmn:signalEventDefinition signalRef="${ref}"/>`),
  feelArbitrary.map((feel) => `<bpmn:conditionalEventDefinition><bpmn:condition xsi:type="bpmn:tFormalExpression">${escapeXml(feel)}</bpmn:condition></bpmn:conditionalEventDefinition>`),
  fc.constant('<bpmn:terminateEventDefinition/><bpmn:escalationEventDefinition/>'),
);

const loopArbitrary = fc.oneof(
  fc.constant(''),
  fc.record({ sequential: fc.boolean(), collection: feelArbitrary, cardinality: feelArbitrary }).map(
    ({ sequential, collection, cardinality }) =>
      `<bpmn:multiInstanceLoopCharacteristics isSequential="${sequential}"><bpmn:extensionElements><lt:loopCharacteristics inputCollection="${escapeXml(collection)}" inputElement="item"/></bpmn:extensionElements><bpmn:loopCardinality>${escapeXml(cardinality)}</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>`,
  ),
  fc.constant('<bpmn:standardLoopCharacteristics/>'),
);

/** A random BPMN element (flow nodes, flows, nested sub-processes) from a small vocabulary, at most `depth` deep. */
const elementArbitrary: fc.Arbitrary<string> = fc.letrec<{ element: string }>((tie) => ({
  element: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ tag: fc.constantFrom('task', 'userTask', 'serviceTask', 'receiveTask', 'manualTask', 'scriptTask', 'sendTask', 'businessRuleTask'), id: idArbitrary, name: textArbitrary, ext: extensionsArbitrary, loop: loopArbitrary, attached: fc.constantFrom('', ' default="flow"', ' messageRef="a"') }).map(
      ({ tag, id, name, ext, loop, attached }) => `<bpmn:${tag} id="${id}" name="${name}"${attached}>${ext}${loop}</bpmn:${tag}>`,
    ),
    fc.record({ tag: fc.constantFrom('startEvent', 'endEvent', 'intermediateCatchEvent', 'intermediateThrowEvent'), id: idArbitrary, definition: eventDefinitionArbitrary }).map(
      ({ tag, id, definition }) => `<bpmn:${tag} id="${id}">${definition}</bpmn:${tag}>`,
    ),
    fc.record({ id: idArbitrary, attachedTo: idArbitrary, cancel: fc.boolean(), definition: eventDefinitionArbitrary }).map(
      ({ id, attachedTo, cancel, definition }) => `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}" cancelActivity="${cancel}">${definition}</bpmn:boundaryEvent>`,
    ),
    fc.record({ tag: fc.constantFrom('exclusiveGateway', 'parallelGateway', 'inclusiveGateway', 'eventBasedGateway', 'complexGateway'), id: idArbitrary, fallback: idArbitrary }).map(
      ({ tag, id, fallback }) => `<bpmn:${tag} id="${id}" default="${fallback}"/>`,
    ),
    fc.record({ id: idArbitrary, source: idArbitrary, target: idArbitrary, condition: fc.option(feelArbitrary) }).map(
      ({ id, source, target, condition }) =>
        `<bpmn:sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}">${condition === null ? '' : `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${escapeXml(condition)}</bpmn:conditionExpression>`}</bpmn:sequenceFlow>`,
    ),
    fc.record({ id: idArbitrary, called: idArbitrary, ext: extensionsArbitrary }).map(({ id, called, ext }) => `<bpmn:callActivity id="${id}" calledElement="${called}">${ext}</bpmn:callActivity>`),
    fc.record({ tag: fc.constantFrom('subProcess', 'transaction', 'adHocSubProcess'), id: idArbitrary, triggered: fc.boolean(), children: fc.array(tie('element'), { maxLength: 4 }), loop: loopArbitrary }).map(
      ({ tag, id, triggered, children, loop }) => `<bpmn:${tag} id="${id}" triggeredByEvent="${triggered}">${loop}${children.join('')}</bpmn:${tag}>`,
    ),
  ),
})).element;

/** A random model: a few processes (and a collaboration, lanes, messages, errors) built from the vocabulary above. */
export const randomModelArbitrary: fc.Arbitrary<string> = fc
  .record({
    processes: fc.array(
      fc.record({ id: idArbitrary, executable: fc.boolean(), ext: extensionsArbitrary, lanes: fc.array(idArbitrary, { maxLength: 3 }), elements: fc.array(elementArbitrary, { maxLength: 12 }) }),
      { minLength: 1, maxLength: 2 },
    ),
    roots: fc.array(
      fc.constantFrom('<bpmn:message id="a" name="supplement.received"/>', '<bpmn:error id="b" errorCode="E1"/>', '<bpmn:signal id="c" name="s"/>', '<bpmn:collaboration id="d"><bpmn:participant id="e" processRef="p"/></bpmn:collaboration>', '<bpmn:escalation id="gw"/>'),
      { maxLength: 3 },
    ),
    procedure: fc.option(fc.record({ code: textArbitrary, value: textArbitrary, unit: textArbitrary, policy: fc.constantFrom('pause', 'restart', 'boundedWait', 'x', '') })),
  })
  .map(({ processes, roots, procedure }) => {
    const metadata = procedure
      ? `<bpmn:extensionElements><lt:procedure procedureCode="${procedure.code}" name="Thủ tục" statutoryValue="${procedure.value}" statutoryUnit="${procedure.unit}" supplementPolicy="${procedure.policy}"/></bpmn:extensionElements>`
      : '';
    const body = processes
      .map(({ id, executable, ext, lanes, elements }) => {
        const laneSet = lanes.length ? `<bpmn:laneSet id="lanes-${id}">${lanes.map((lane, i) => `<bpmn:lane id="lane-${id}-${i}"><bpmn:flowNodeRef>${lane}</bpmn:flowNodeRef></bpmn:lane>`).join('')}</bpmn:laneSet>` : '';
        return `<bpmn:process id="${id}" isExecutable="${executable}">${ext}${laneSet}${elements.join('')}</bpmn:process>`;
      })
      .join('');
    return `<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="${BPMN_URI}" xmlns:lt="${LT_URI}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="defs-random">${metadata}${roots.join('')}${body}</bpmn:definitions>`;
  });
