// Turns sources (a case, a report, anything else that sighted a value) into graph nodes as one
// viewer may see them. A case or report the viewer may not open becomes a `hidden` node: its
// owner unit and an opaque alias, never its id, number or title. A source of any other kind, or
// one the observables module already withholds (restricted), shows only as its kind and unit.
import type { Actor } from '#kernel/auth/index.ts';
import type { CasesService } from '#modules/cases/index.ts';
import type { IntakeService } from '#modules/intake/index.ts';
import type { GraphNode } from './graph.contract.ts';
import type { SourceAliases } from '#kernel/hidden-ref.ts';

export const CASE_SOURCE = 'case';
export const REPORT_SOURCE = 'report';

/** A source as the observables module reports it; `sourceId` is null for a restricted one the viewer may not identify. */
export type SourceSighting = { sourceType: string; sourceId: string | null; ownerUnitId: string | null };

type CaseSeen = Awaited<ReturnType<CasesService['casesAsSeenBy']>> extends Map<string, infer V> ? V : never;

export function caseNodeOf(seen: Extract<CaseSeen, { visible: true }>): GraphNode {
  return {
    kind: 'case',
    id: `case:${seen.id}`,
    caseId: seen.id,
    caseNo: seen.caseNo,
    title: seen.title,
    status: seen.status,
    ownerUnitId: seen.ownerUnitId,
    sensitive: seen.sensitive,
  };
}

/** Where a restricted source the viewer may not identify shows: one node per kind and owner unit. */
function restrictedNodeOf(source: SourceSighting): GraphNode {
  return {
    kind: 'hidden',
    id: `restricted:${source.sourceType}:${source.ownerUnitId ?? 'none'}`,
    sourceType: source.sourceType,
    ownerUnitId: source.ownerUnitId,
    mayRequestAccess: false,
  };
}

export function createSourceNodes(deps: { cases: CasesService; intake: IntakeService; aliases: SourceAliases }) {
  async function hiddenNodeOf(actor: Actor, sourceType: string, sourceId: string, ownerUnitId: string | null): Promise<GraphNode> {
    const id = await deps.aliases.aliasOf(actor.userId, { sourceType, sourceId });
    return { kind: 'hidden', id, sourceType, ownerUnitId, mayRequestAccess: sourceType === CASE_SOURCE };
  }

  /** Nodes for these sources, in their order; a source that no longer exists is left out. */
  async function nodesOf(actor: Actor, sources: SourceSighting[]): Promise<(GraphNode | null)[]> {
    const idsOf = (type: string) => sources.flatMap((s) => (s.sourceType === type && s.sourceId !== null ? [s.sourceId] : []));
    const [cases, items] = await Promise.all([deps.cases.casesAsSeenBy(actor, idsOf(CASE_SOURCE)), deps.intake.itemsAsSeenBy(actor, idsOf(REPORT_SOURCE))]);
    return Promise.all(
      sources.map(async (source): Promise<GraphNode | null> => {
        if (source.sourceId === null) return restrictedNodeOf(source);
        if (source.sourceType === CASE_SOURCE) {
          const seen = cases.get(source.sourceId);
          if (!seen) return null;
          return seen.visible ? caseNodeOf(seen) : hiddenNodeOf(actor, CASE_SOURCE, source.sourceId, seen.ownerUnitId);
        }
        if (source.sourceType === REPORT_SOURCE) {
          const seen = items.get(source.sourceId);
          if (!seen) return null;
          return seen.visible && seen.receiptNo !== null
            ? { kind: 'intake', id: `intake:${source.sourceId}`, itemId: source.sourceId, receiptNo: seen.receiptNo, ownerUnitId: seen.ownerUnitId }
            : hiddenNodeOf(actor, REPORT_SOURCE, source.sourceId, seen.ownerUnitId);
        }
        // A source of another kind (a feed, a manual entry) has its own need-to-know, which this
        // module does not know: it shows as its kind and unit only.
        return restrictedNodeOf(source);
      }),
    );
  }

  return { nodesOf };
}

export type SourceNodes = ReturnType<typeof createSourceNodes>;
