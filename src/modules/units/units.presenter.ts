import { UnitKind, type UnitView } from './units.contract.ts';
import type { UnitWithLiaisonRow } from './units.repository.ts';

const KINDS: ReadonlySet<string> = new Set(UnitKind.options);

function isUnitKind(value: string): value is UnitKind {
  return KINDS.has(value);
}

export function presentUnit(row: UnitWithLiaisonRow): UnitView {
  return {
    id: row.id,
    code: row.code,
    parentId: row.parent_id,
    kind: isUnitKind(row.kind) ? row.kind : 'office',
    nameJa: row.name_ja,
    nameEn: row.name_en,
    sortOrder: row.sort_order,
    phone: row.phone,
    liaison:
      row.liaison_user_id && row.liaison_display_name && row.liaison_username
        ? { id: row.liaison_user_id, displayName: row.liaison_display_name, username: row.liaison_username }
        : null,
  };
}
