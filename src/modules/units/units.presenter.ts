import type { UnitView } from './units.contract.ts';
import { UnitKind } from './units.contract.ts';
import type { UnitWithLiaisonRow } from './units.repository.ts';

export function presentUnit(row: UnitWithLiaisonRow): UnitView {
  const kind = UnitKind.safeParse(row.kind);
  return {
    id: row.id,
    code: row.code,
    parentId: row.parent_id,
    kind: kind.success ? kind.data : 'office',
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
