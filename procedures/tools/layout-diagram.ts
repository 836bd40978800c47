/**
 * @module layoutDiagram — grid placement of a procedure's pools, lanes, nodes and sequence flows for BPMN DI
 * (BPMN 2.0 §12): pools stacked top to bottom, lanes as rows, nodes in columns left to right, orthogonal edges.
 * Deterministic: the same spec always gives the same coordinates.
 */
import type { FlowSpec, NodeSpec, PoolSpec, ProcedureSpec } from './procedure-spec';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface DiagramLayout {
  shapes: Record<string, { bounds: Bounds; label?: Bounds }>;
  edges: Record<string, { waypoints: Point[]; label?: Bounds }>;
}

const ORIGIN_X = 120;
const ORIGIN_Y = 60;
const POOL_HEADER = 30;
const LANE_HEADER = 30;
const COLUMN_WIDTH = 150;
const ROW_HEIGHT = 140;
const POOL_GAP = 60;
const FIRST_COLUMN_CENTRE = ORIGIN_X + POOL_HEADER + LANE_HEADER + 75;

const SIZES: Record<NodeSpec['kind'], { width: number; height: number }> = {
  startEvent: { width: 36, height: 36 },
  endEvent: { width: 36, height: 36 },
  boundaryEvent: { width: 36, height: 36 },
  exclusiveGateway: { width: 50, height: 50 },
  parallelGateway: { width: 50, height: 50 },
  userTask: { width: 110, height: 80 },
  receiveTask: { width: 110, height: 80 },
  callActivity: { width: 110, height: 80 },
};

const isGateway = (node: NodeSpec) => node.kind.endsWith('Gateway');
const isEvent = (node: NodeSpec) => node.kind.endsWith('Event');
const round = (value: number) => Math.round(value);

export function layoutDiagram(spec: ProcedureSpec): DiagramLayout {
  const layout: DiagramLayout = { shapes: {}, edges: {} };
  const maxColumn = Math.max(...spec.pools.flatMap((pool) => pool.nodes.map((node) => node.col)));
  const poolWidth = POOL_HEADER + LANE_HEADER + 75 + maxColumn * COLUMN_WIDTH + 95;
  let y = ORIGIN_Y;
  for (const pool of spec.pools) {
    y = layoutPool(pool, y, poolWidth, layout) + POOL_GAP;
  }
  return layout;
}

function layoutPool(pool: PoolSpec, top: number, width: number, layout: DiagramLayout): number {
  let laneTop = top;
  const laneTops = new Map<string, number>();
  for (const lane of pool.lanes) {
    const rows = 1 + Math.max(0, ...pool.nodes.filter((node) => node.lane === lane.id).map((node) => node.row ?? 0));
    const height = rows * ROW_HEIGHT;
    laneTops.set(lane.id, laneTop);
    layout.shapes[lane.id] = { bounds: { x: ORIGIN_X + POOL_HEADER, y: laneTop, width: width - POOL_HEADER, height } };
    laneTop += height;
  }
  layout.shapes[pool.participantId] = { bounds: { x: ORIGIN_X, y: top, width, height: laneTop - top } };
  const nodes = new Map(pool.nodes.map((node) => [node.id, node]));
  for (const node of pool.nodes.filter((candidate) => candidate.kind !== 'boundaryEvent')) {
    const laneY = laneTops.get(node.lane);
    if (laneY === undefined) throw new Error(`${pool.processId}: node ${node.id} is in unknown lane ${node.lane}`);
    const centre = { x: FIRST_COLUMN_CENTRE + node.col * COLUMN_WIDTH, y: laneY + ROW_HEIGHT / 2 + (node.row ?? 0) * ROW_HEIGHT };
    placeNode(node, centre, layout);
  }
  for (const node of pool.nodes.filter((candidate) => candidate.kind === 'boundaryEvent')) {
    const host = layout.shapes[node.attachedTo ?? '']?.bounds;
    if (!host) throw new Error(`${pool.processId}: boundary event ${node.id} has no host`);
    placeNode(node, { x: host.x + host.width / 2, y: host.y + host.height }, layout);
  }
  for (const flow of pool.flows) layout.edges[flow.id] = routeFlow(flow, nodes, layout);
  for (const node of pool.nodes) placeLabel(node, pool, layout);
  return laneTop;
}

function placeNode(node: NodeSpec, centre: Point, layout: DiagramLayout): void {
  const size = SIZES[node.kind];
  const bounds = { x: round(centre.x - size.width / 2), y: round(centre.y - size.height / 2), ...size };
  layout.shapes[node.id] = { bounds };
}

/**
 * Names of events and gateways go outside the shape where no flow touches it: gateways above (else below, else
 * to the upper left), events below (boundary events below to the right, clear of their outgoing flow).
 */
function placeLabel(node: NodeSpec, pool: PoolSpec, layout: DiagramLayout): void {
  if (!(isEvent(node) || isGateway(node)) || !node.name) return;
  const shape = layout.shapes[node.id]!;
  const b = shape.bounds;
  const cx = b.x + b.width / 2;
  const touches = (y: number) =>
    pool.flows.some((flow) => {
      const points = layout.edges[flow.id]!.waypoints;
      const ends = [flow.from === node.id ? points[0] : undefined, flow.to === node.id ? points[points.length - 1] : undefined];
      return ends.some((point) => point !== undefined && point.x === round(cx) && point.y === y);
    });
  const above = { x: round(cx - 60), y: b.y - 34, width: 120, height: 28 };
  const below = { x: round(cx - 60), y: b.y + b.height + 6, width: 120, height: 28 };
  if (node.kind === 'boundaryEvent') shape.label = { x: round(cx + 8), y: b.y + b.height + 2, width: 110, height: 28 };
  else if (isEvent(node)) shape.label = node.labelAt === 'above' ? above : below;
  else if (!touches(b.y) && node.labelAt !== 'below') shape.label = above;
  else if (!touches(b.y + b.height)) shape.label = below;
  // Top and bottom taken: the name sits in the upper left corner, above the incoming flow.
  else shape.label = { x: b.x - 72, y: b.y - 10, width: 68, height: 28 };
}

function box(layout: DiagramLayout, id: string): Bounds & { cx: number; cy: number; right: number; bottom: number } {
  const bounds = layout.shapes[id]?.bounds;
  if (!bounds) throw new Error(`no shape for ${id}`);
  return { ...bounds, cx: bounds.x + bounds.width / 2, cy: bounds.y + bounds.height / 2, right: bounds.x + bounds.width, bottom: bounds.y + bounds.height };
}

function routeFlow(flow: FlowSpec, nodes: Map<string, NodeSpec>, layout: DiagramLayout): { waypoints: Point[]; label?: Bounds } {
  const sourceNode = nodes.get(flow.from);
  const targetNode = nodes.get(flow.to);
  if (!sourceNode || !targetNode) throw new Error(`flow ${flow.id} joins unknown nodes ${flow.from} → ${flow.to}`);
  const s = box(layout, flow.from);
  const t = box(layout, flow.to);
  const route = flow.route ?? { kind: 'auto' };
  let waypoints: Point[];
  if (route.kind === 'below' || (route.kind === 'auto' && t.cx < s.cx - 1 && sourceNode.kind !== 'boundaryEvent')) {
    const depth = route.kind === 'below' ? (route.depth ?? 30) : 30;
    const enterX = t.cx + (route.kind === 'below' ? (route.enterDx ?? 0) : 0);
    const channel = Math.max(s.bottom, t.bottom) + depth;
    waypoints = [{ x: s.cx, y: s.bottom }, { x: s.cx, y: channel }, { x: enterX, y: channel }, { x: enterX, y: t.bottom }];
  } else if (route.kind === 'belowIntoLeft') {
    const channel = Math.max(s.bottom, t.bottom) + (route.depth ?? 30);
    waypoints = [{ x: s.cx, y: s.bottom }, { x: s.cx, y: channel }, { x: t.x - 25, y: channel }, { x: t.x - 25, y: t.cy }, { x: t.x, y: t.cy }];
  } else if (route.kind === 'leftUp') {
    waypoints = [{ x: s.x, y: s.cy }, { x: t.cx, y: s.cy }, { x: t.cx, y: t.cy > s.cy ? t.y : t.bottom }];
  } else if (route.kind === 'rightThenDown') {
    waypoints = [{ x: s.right, y: s.cy }, { x: t.x - 25, y: s.cy }, { x: t.x - 25, y: t.cy }, { x: t.x, y: t.cy }];
  } else if (sourceNode.kind === 'boundaryEvent') {
    waypoints = Math.abs(t.cx - s.cx) < 1
      ? [{ x: s.cx, y: s.bottom }, { x: t.cx, y: t.y }]
      : [{ x: s.cx, y: s.bottom }, { x: s.cx, y: t.cy }, { x: t.x, y: t.cy }];
  } else if (Math.abs(s.cy - t.cy) < 1) {
    waypoints = [{ x: s.right, y: s.cy }, { x: t.x, y: t.cy }];
  } else if (isGateway(sourceNode) && t.cx > s.cx - 1) {
    const exitY = t.cy < s.cy ? s.y : s.bottom;
    waypoints = Math.abs(t.cx - s.cx) < 1
      ? [{ x: s.cx, y: exitY }, { x: s.cx, y: t.cy < s.cy ? t.bottom : t.y }]
      : [{ x: s.cx, y: exitY }, { x: s.cx, y: t.cy }, { x: t.x, y: t.cy }];
  } else if (isGateway(targetNode)) {
    waypoints = [{ x: s.right, y: s.cy }, { x: t.cx, y: s.cy }, { x: t.cx, y: s.cy < t.cy ? t.y : t.bottom }];
  } else {
    const bendX = t.x - 25;
    waypoints = [{ x: s.right, y: s.cy }, { x: bendX, y: s.cy }, { x: bendX, y: t.cy }, { x: t.x, y: t.cy }];
  }
  waypoints = waypoints.map((point) => ({ x: round(point.x), y: round(point.y) }));
  return flow.name ? { waypoints, label: flowLabel(flow.name, waypoints) } : { waypoints };
}

/** The flow's name beside its first segment: to the right of a vertical one, above a horizontal one. */
function flowLabel(name: string, waypoints: Point[]): Bounds {
  const [first, second] = waypoints as [Point, Point];
  const width = Math.max(30, name.length * 6 + 6);
  if (first.x === second.x) return { x: first.x + 5, y: round((first.y + second.y) / 2 - 7), width, height: 14 };
  const leftwards = second.x < first.x;
  return { x: leftwards ? first.x - width - 4 : first.x + 6, y: first.y - 19, width, height: 14 };
}
