// The link graph's shapes (M2.2a), shared by the API and the web. Pure: the web imports it.
// A node the viewer may not open is `hidden`: it carries its owner unit and an opaque id, never
// the case's or report's id, number or title.
import { z } from 'zod';
import { ObservableType } from '../observables/observables.contract.ts';

/** Most neighbours one expansion answers; the rest are counted in `truncated`. */
export const MAX_NEIGHBOURS = 50;

/** A node the graph can expand: `case:<id>`, `intake:<id>`, `observable:<id>` or `threat:<id>`. */
export const ExpandableNodeId = z.string().regex(/^(case|intake|observable|threat):[A-Za-z0-9_.-]{1,128}$/);
/** A hidden case as the graph names it: `hidden:<opaque token>`. */
export const HiddenNodeId = z.string().regex(/^hidden:[A-Za-z0-9_-]{16,400}$/);

export const NeighboursQuery = z.object({
  node: ExpandableNodeId,
  limit: z.coerce.number().int().min(1).max(MAX_NEIGHBOURS).default(MAX_NEIGHBOURS),
});

const CaseNode = z.object({
  kind: z.literal('case'),
  id: z.string(),
  caseId: z.string(),
  caseNo: z.string(),
  title: z.string(),
  status: z.string(),
  ownerUnitId: z.string(),
  sensitive: z.boolean(),
});
const IntakeNode = z.object({ kind: z.literal('intake'), id: z.string(), itemId: z.string(), receiptNo: z.string(), ownerUnitId: z.string().nullable() });
const ObservableNode = z.object({
  kind: z.literal('observable'),
  id: z.string(),
  observableId: z.number().int(),
  type: ObservableType,
  value: z.string(),
  /** On a warning list (a shared cloud IP, a public resolver …): links through it mean little. */
  warning: z.string().nullable(),
});
const ThreatNode = z.object({ kind: z.literal('threat'), id: z.string(), threatId: z.string(), name: z.string(), threatKind: z.string() });
/**
 * A case or report the viewer may not open, or a source of another kind: its kind and owner unit
 * only. `mayRequestAccess` for a case whose lead can be asked (`id` is then its `hidden:` alias).
 */
const HiddenNode = z.object({
  kind: z.literal('hidden'),
  id: z.string(),
  sourceType: z.string(),
  ownerUnitId: z.string().nullable(),
  mayRequestAccess: z.boolean(),
});
export const GraphNode = z.discriminatedUnion('kind', [CaseNode, IntakeNode, ObservableNode, ThreatNode, HiddenNode]);
export type GraphNode = z.infer<typeof GraphNode>;
export type GraphNodeKind = GraphNode['kind'];

export const GraphEdgeKind = z.enum(['sighted', 'related', 'attributed', 'opened_from']);
export const GraphEdge = z.object({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  kind: GraphEdgeKind,
  /** For `attributed`: the attribution's confidence as recorded. */
  confidence: z.string().nullable(),
});
export type GraphEdge = z.infer<typeof GraphEdge>;

export const Neighbourhood = z.object({
  /** The expanded node, first in `nodes`. */
  center: z.string(),
  nodes: z.array(GraphNode),
  edges: z.array(GraphEdge),
  /** Neighbours left out by the cap. */
  truncated: z.number().int(),
  limit: z.number().int(),
});
export type Neighbourhood = z.infer<typeof Neighbourhood>;

export const GraphAccessRequestInput = z.object({ node: HiddenNodeId, reason: z.string().trim().min(1).max(2000) });
/** The request as the requester sees it: the case stays unnamed until the lead grants it. */
export const GraphAccessRequestView = z.object({ id: z.string(), status: z.enum(['pending', 'granted', 'refused']), createdAt: z.string() });
