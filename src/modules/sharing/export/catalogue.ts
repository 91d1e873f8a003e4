// The threat catalogue as STIX: each attack group an intrusion set, each ransomware or malware
// family a malware object, with their aliases, marked GREEN (the community's shared names).
import type { Executor } from '#kernel/db/index.ts';
import type { StixObject } from '../stix/observables.ts';
import type { Tlp } from '../tlp.ts';
import { threatObject } from './local-objects.ts';

export const CATALOGUE_TLP: Tlp = 'green';

export async function catalogueObjects(db: Executor, identityId: string): Promise<StixObject[]> {
  const threats = await db.selectFrom('threat').select(['id', 'kind', 'name', 'description', 'created_at', 'updated_at']).orderBy('name').execute();
  const aliases = await db.selectFrom('threat_alias').select(['threat_id', 'alias']).execute();
  const byThreat = new Map<string, string[]>();
  for (const a of aliases) byThreat.set(a.threat_id, [...(byThreat.get(a.threat_id) ?? []), a.alias]);
  return threats.map((t) =>
    threatObject(
      { kind: t.kind, name: t.name, aliases: byThreat.get(t.id) ?? [], description: t.description, createdAt: t.created_at, updatedAt: t.updated_at },
      CATALOGUE_TLP,
      identityId,
    ),
  );
}
