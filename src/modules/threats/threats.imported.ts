// Attack groups and families that arrive from partners (STIX intrusion sets, malware families, MISP
// galaxies) join the catalogue: one already known by name or alias gains the new aliases; an
// unknown one becomes a new entry, described as imported so staff can review it.
import type { Executor } from '#kernel/db/index.ts';
import { newId } from '#kernel/ids.ts';
import type { ThreatKind } from './threats.contract.ts';
import { aliasKey } from './threats.alias-key.ts';
import * as repo from './threats.repository.ts';

export type ImportedThreat = { kind: ThreatKind; name: string; aliases: string[]; description: string; source: string };

async function findByAnyName(trx: Executor, keys: string[]): Promise<string | null> {
  for (const key of keys) {
    const byName = await repo.findThreatByNameKey(trx, key);
    if (byName) return byName.id;
  }
  const byAlias = await trx.selectFrom('threat_alias').select('threat_id').where('alias_key', 'in', keys).limit(1).executeTakeFirst();
  return byAlias?.threat_id ?? null;
}

/** Inside the importer's transaction: the catalogue ids of the given threats, creating what is new. */
export async function registerImportedThreats(trx: Executor, threats: ImportedThreat[], at: string): Promise<{ created: number; known: number }> {
  let created = 0;
  let known = 0;
  for (const threat of threats) {
    const names = [threat.name, ...threat.aliases];
    const keys = [...new Set(names.map(aliasKey).filter(Boolean))];
    if (keys.length === 0) continue;
    const existing = await findByAnyName(trx, keys);
    const threatId = existing ?? newId(Date.parse(at));
    if (existing) known += 1;
    else {
      created += 1;
      await repo.insertThreat(trx, {
        id: threatId,
        kind: threat.kind,
        name: threat.name.slice(0, 120),
        name_key: keys[0] as string,
        description: threat.description.slice(0, 20_000),
        origin: null,
        sponsor: null,
        state_sponsored: 0,
        first_seen: null,
        last_seen: null,
        mitre_id: null,
        external_refs: JSON.stringify([{ label: threat.source, url: '' }]),
        version: 1,
        created_by: null,
        created_at: at,
        updated_at: at,
      });
    }
    const held = new Set((await trx.selectFrom('threat_alias').select('alias_key').where('threat_id', '=', threatId).execute()).map((a) => a.alias_key));
    const own = await repo.findThreat(trx, threatId);
    for (const name of names) {
      const key = aliasKey(name);
      if (!key || held.has(key) || key === own?.name_key) continue;
      held.add(key);
      await repo.insertAlias(trx, { threat_id: threatId, alias: name.slice(0, 120), alias_key: key, created_at: at });
    }
  }
  return { created, known };
}
