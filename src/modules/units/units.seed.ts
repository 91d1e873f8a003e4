// The unit directory is seeded on first start from data/units.seed.json: NPA and regional cyber
// units, Ibaraki HQ with its departments and divisions, its 27 police stations, outside bodies.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Executor, UnitRow } from '#kernel/db/index.ts';
import { newId } from '#kernel/ids.ts';
import { UnitKind } from './units.contract.ts';

const SeedUnit = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  kind: UnitKind,
  nameJa: z.string(),
  nameEn: z.string(),
  sortOrder: z.number().int(),
});

export function readUnitSeed(): z.infer<typeof SeedUnit>[] {
  const text = readFileSync(new URL('./data/units.seed.json', import.meta.url), 'utf8');
  return z.array(SeedUnit).parse(JSON.parse(text));
}

export function buildSeedRows(now: string): UnitRow[] {
  const idByCode = new Map<string, string>();
  return readUnitSeed().map((unit) => {
    const id = newId();
    idByCode.set(unit.code, id);
    const parentId = unit.parentCode ? idByCode.get(unit.parentCode) : null;
    if (parentId === undefined) throw new Error(`unit seed: ${unit.code} names unknown parent ${String(unit.parentCode)}`);
    return {
      id,
      code: unit.code,
      parent_id: parentId,
      kind: unit.kind,
      name_ja: unit.nameJa,
      name_en: unit.nameEn,
      sort_order: unit.sortOrder,
      phone: null,
      liaison_user_id: null,
      created_at: now,
      updated_at: now,
    };
  });
}

export async function insertSeedUnits(trx: Executor, rows: UnitRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await trx
      .insertInto('unit')
      .values(rows.slice(i, i + 200))
      .execute();
}
