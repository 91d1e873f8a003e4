// Attack groups (threat) and the cases attributed to them (case_attribution), read for the graph.
// The threats module owns these tables and is being built alongside this one; until its index.ts
// offers these reads, the graph reads them here (and only reads). Move to its service then.
import type { Executor } from '#kernel/db/index.ts';

export type AttributionRow = { case_id: string; threat_id: string; name: string; kind: string; confidence: string };
type AttributionsOf = { caseId: string } | { threatId: string };

export function createThreatReads(db: Executor) {
  return {
    findThreat(threatId: string) {
      return db.selectFrom('threat').select(['id', 'name', 'kind']).where('id', '=', threatId).executeTakeFirst();
    },

    /** The attributions of one case, or of one threat, with the threat's name; `limit` rows at most. */
    attributions(by: AttributionsOf, limit: number): Promise<AttributionRow[]> {
      return db
        .selectFrom('case_attribution as a')
        .innerJoin('threat as t', 't.id', 'a.threat_id')
        .select(['a.case_id', 'a.threat_id', 't.name', 't.kind', 'a.confidence'])
        .where('caseId' in by ? 'a.case_id' : 'a.threat_id', '=', 'caseId' in by ? by.caseId : by.threatId)
        .orderBy('t.name')
        .orderBy('a.case_id')
        .limit(limit)
        .execute();
    },

    async countAttributions(by: AttributionsOf): Promise<number> {
      const row = await db
        .selectFrom('case_attribution')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('caseId' in by ? 'case_id' : 'threat_id', '=', 'caseId' in by ? by.caseId : by.threatId)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
}

export type ThreatReads = ReturnType<typeof createThreatReads>;
