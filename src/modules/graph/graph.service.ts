// The link graph (M2.2a): one hop around a case, a report, an observable or an attack group, at
// most `limit` neighbours per expansion so that a popular value (a shared cloud IP) does not flood
// the picture. Need-to-know is the cases' and intake's own: a case or report the viewer may not
// open is shown only as "one in unit X", with a way to ask a case's lead for access.
import { can, type Actor } from '#kernel/auth/index.ts';
import { AppError } from '#kernel/errors.ts';
import type { CasesService } from '#modules/cases/index.ts';
import type { IntakeService } from '#modules/intake/index.ts';
import type { ObservablesService } from '#modules/observables/index.ts';
import type { KernelDeps } from '#kernel/services.ts';
import { createSourceAliases } from '#kernel/hidden-ref.ts';
import type { GraphEdge, GraphNode, Neighbourhood } from './graph.contract.ts';
import { graphErrors } from './graph.errors.ts';
import { CASE_SOURCE, caseNodeOf, createSourceNodes, REPORT_SOURCE, type SourceSighting } from './graph.nodes.ts';
import { createThreatReads, type AttributionRow } from './graph.threats.ts';

type Collaborators = { cases: CasesService; intake: IntakeService; observables: ObservablesService };
type Neighbour = { node: GraphNode; edge: Omit<GraphEdge, 'id'> };
type Expansion = { center: GraphNode; neighbours: Neighbour[]; total: number };

/** The observables module lists at most this many sightings of one value; past it, its source count tells what was left out. */
const SIGHTINGS_LISTED = 200;

function edge(source: string, target: string, kind: GraphEdge['kind'], confidence: string | null = null): Omit<GraphEdge, 'id'> {
  return { source, target, kind, confidence };
}

function observableNode(o: {
  observableId: number;
  type: Extract<GraphNode, { kind: 'observable' }>['type'];
  value: string;
  warning: string | null;
}): GraphNode {
  return { kind: 'observable', id: `observable:${String(o.observableId)}`, observableId: o.observableId, type: o.type, value: o.value, warning: o.warning };
}

/** Warning-listed values last: a link through a public resolver or a popular domain means little. */
function meaningfulFirst<T extends { warning: string | null }>(items: T[]): T[] {
  return [...items.filter((i) => i.warning === null), ...items.filter((i) => i.warning !== null)];
}

function notFound(node: string, cause?: unknown): AppError {
  return new AppError(graphErrors.node_not_found, { node }, { cause });
}

function isNotFound(error: unknown): boolean {
  return error instanceof AppError && error.status === 404;
}

/** `aliasKey`: the installation secret that seals the aliases of hidden sources. */
export function createGraphService({ database }: Pick<KernelDeps, 'database'>, aliasKey: () => Promise<string>, collaborators: Collaborators) {
  const c = { ...collaborators, threats: createThreatReads(database.db), aliases: createSourceAliases(aliasKey) };
  const sources = createSourceNodes(c);

  async function threatNeighbours(actor: Actor, rows: AttributionRow[], side: 'case' | 'threat'): Promise<Neighbour[]> {
    if (side === 'case') {
      return rows.map((r) => {
        const node: GraphNode = { kind: 'threat', id: `threat:${r.threat_id}`, threatId: r.threat_id, name: r.name, threatKind: r.kind };
        return { node, edge: edge(`case:${r.case_id}`, node.id, 'attributed', r.confidence) };
      });
    }
    const nodes = await sources.nodesOf(
      actor,
      rows.map((r) => ({ sourceType: CASE_SOURCE, sourceId: r.case_id, ownerUnitId: null })),
    );
    return rows.flatMap((r, i) => {
      const node = nodes[i];
      return node ? [{ node, edge: edge(node.id, `threat:${r.threat_id}`, 'attributed', r.confidence) }] : [];
    });
  }

  async function expandCase(actor: Actor, caseId: string, limit: number, requestId: string | null): Promise<Expansion> {
    // visibleCase decides need-to-know and puts the read of a sensitive case on record.
    await c.cases.visibleCase(actor, caseId, 'graph', requestId).catch((error: unknown) => {
      throw isNotFound(error) ? notFound(`case:${caseId}`, error) : error;
    });
    const self = (await c.cases.casesAsSeenBy(actor, [caseId])).get(caseId);
    if (!self?.visible) throw notFound(`case:${caseId}`);
    const center = caseNodeOf(self);
    const mayReadThreats = can(actor, 'threat.read');
    const [observables, attributions, attributed] = await Promise.all([
      c.observables.observablesOfSource(CASE_SOURCE, caseId),
      mayReadThreats ? c.threats.attributions({ caseId }, limit) : Promise.resolve([]),
      mayReadThreats ? c.threats.countAttributions({ caseId }) : Promise.resolve(0),
    ]);
    const neighbours = await threatNeighbours(actor, attributions, 'case');
    if (self.openedFromItemId) {
      const [item] = await sources.nodesOf(actor, [{ sourceType: REPORT_SOURCE, sourceId: self.openedFromItemId, ownerUnitId: null }]);
      if (item) neighbours.push({ node: item, edge: edge(center.id, item.id, 'opened_from') });
    }
    for (const o of meaningfulFirst(observables).slice(0, limit)) {
      const node = observableNode(o);
      neighbours.push({ node, edge: edge(center.id, node.id, 'sighted') });
    }
    return { center, neighbours, total: attributed + (self.openedFromItemId ? 1 : 0) + observables.length };
  }

  async function expandIntake(actor: Actor, itemId: string, limit: number): Promise<Expansion> {
    const self = (await c.intake.itemsAsSeenBy(actor, [itemId])).get(itemId);
    if (!self?.visible || self.receiptNo === null) throw notFound(`intake:${itemId}`);
    const center: GraphNode = { kind: 'intake', id: `intake:${itemId}`, itemId, receiptNo: self.receiptNo, ownerUnitId: self.ownerUnitId };
    const observables = await c.observables.observablesOfSource(REPORT_SOURCE, itemId);
    const neighbours: Neighbour[] = [];
    if (self.caseId) {
      const [opened] = await sources.nodesOf(actor, [{ sourceType: CASE_SOURCE, sourceId: self.caseId, ownerUnitId: null }]);
      if (opened) neighbours.push({ node: opened, edge: edge(opened.id, center.id, 'opened_from') });
    }
    for (const o of meaningfulFirst(observables).slice(0, limit)) {
      const node = observableNode(o);
      neighbours.push({ node, edge: edge(center.id, node.id, 'sighted') });
    }
    return { center, neighbours, total: (self.caseId ? 1 : 0) + observables.length };
  }

  async function expandObservable(actor: Actor, id: string, limit: number): Promise<Expansion> {
    const observableId = Number(id);
    if (!Number.isSafeInteger(observableId) || observableId <= 0) throw notFound(`observable:${id}`);
    const detail = await c.observables.get(actor, observableId).catch((error: unknown) => {
      throw isNotFound(error) ? notFound(`observable:${id}`, error) : error;
    });
    const center = observableNode({ observableId: detail.id, type: detail.type, value: detail.value, warning: detail.warning });
    const distinct = new Map<string, SourceSighting>();
    for (const s of detail.sightings) distinct.set(`${s.sourceType}\u0000${s.sourceId ?? `restricted:${s.ownerUnitId ?? ''}`}`, s);
    const listed = [...distinct.values()];
    const shownSources = listed.slice(0, limit);
    const nodes = await sources.nodesOf(actor, shownSources);
    const neighbours: Neighbour[] = nodes.flatMap((node) => (node ? [{ node, edge: edge(node.id, center.id, 'sighted') }] : []));
    const gone = shownSources.length - neighbours.length;
    const related = meaningfulFirst(detail.related.map((r) => ({ observableId: r.id, type: r.type, value: r.value, warning: r.warning })));
    for (const r of related.slice(0, Math.max(0, limit - shownSources.length))) {
      const node = observableNode(r);
      neighbours.push({ node, edge: edge(center.id, node.id, 'related') });
    }
    let sourceTotal = listed.length;
    if (detail.sightings.length >= SIGHTINGS_LISTED) {
      const [summary] = await c.observables.lookup([detail.value]);
      sourceTotal = Math.max(sourceTotal, summary?.sources ?? 0);
    }
    return { center, neighbours, total: sourceTotal - gone + related.length };
  }

  async function expandThreat(actor: Actor, threatId: string, limit: number): Promise<Expansion> {
    const threat = can(actor, 'threat.read') ? await c.threats.findThreat(threatId) : undefined;
    if (!threat) throw notFound(`threat:${threatId}`);
    const center: GraphNode = { kind: 'threat', id: `threat:${threat.id}`, threatId: threat.id, name: threat.name, threatKind: threat.kind };
    const [rows, total] = await Promise.all([c.threats.attributions({ threatId }, limit), c.threats.countAttributions({ threatId })]);
    return { center, neighbours: await threatNeighbours(actor, rows, 'threat'), total };
  }

  function expand(actor: Actor, node: string, limit: number, requestId: string | null): Promise<Expansion> {
    const separator = node.indexOf(':');
    const kind = node.slice(0, separator);
    const id = node.slice(separator + 1);
    switch (kind) {
      case 'case':
        return expandCase(actor, id, limit, requestId);
      case 'intake':
        return expandIntake(actor, id, limit);
      case 'observable':
        return expandObservable(actor, id, limit);
      case 'threat':
        return expandThreat(actor, id, limit);
      default:
        return Promise.reject(notFound(node));
    }
  }

  return {
    /** The node and its neighbours one hop away (at most `limit`; the rest counted in `truncated`). */
    async neighbours(actor: Actor, node: string, limit: number, requestId: string | null): Promise<Neighbourhood> {
      const { center, neighbours, total } = await expand(actor, node, limit, requestId);
      const nodes = new Map<string, GraphNode>([[center.id, center]]);
      const edges = new Map<string, GraphEdge>();
      for (const n of neighbours.slice(0, limit)) {
        nodes.set(n.node.id, n.node);
        const id = `${n.edge.source}|${n.edge.kind}|${n.edge.target}`;
        edges.set(id, { id, ...n.edge });
      }
      const shown = Math.min(neighbours.length, limit);
      return { center: center.id, nodes: [...nodes.values()], edges: [...edges.values()], truncated: Math.max(0, total - shown), limit };
    },

    /** 閲覧を申請 for a hidden case of the graph: the alias is opened here, so the case stays unnamed to the requester. */
    async requestAccess(actor: Actor, alias: string, reason: string, requestId: string | null) {
      const source = await c.aliases.sourceOf(actor.userId, alias);
      if (source?.sourceType !== CASE_SOURCE) throw notFound(alias);
      const request = await c.cases.requestAccess(actor, source.sourceId, reason, requestId).catch((error: unknown) => {
        throw isNotFound(error) ? notFound(alias, error) : error;
      });
      return { id: request.id, status: request.status, createdAt: request.createdAt };
    },
  };
}

export type GraphService = ReturnType<typeof createGraphService>;
