// The values of the unit create/edit forms, their checks (the same limits as the server's
// contract) and the choices of 上位部署: tree order, without the unit itself or its descendants.
import type { Language, MessageKey } from '../../i18n/i18n.tsx';
import { buildUnitTree, type TreeNode } from './unitTree.ts';
import { UNIT_KINDS, unitName, type Unit, type UnitKind } from './units.api.ts';

export type UnitFormValues = { nameJa: string; nameEn: string; kind: UnitKind; parentId: string | null; phone: string; sortOrder: number | string };
export type UnitFormField = keyof UnitFormValues | 'code';
export type UnitFormProblems = Partial<Record<UnitFormField, MessageKey>>;

const CODE_PATTERN = /^[a-z][a-z0-9_]{1,63}$/;
const NAME_MAX = 100;
const PHONE_MAX = 30;
export const SORT_ORDER_MAX = 100_000;

export function isUnitKind(value: string | null): value is UnitKind {
  return UNIT_KINDS.some((kind) => kind === value);
}

export function valuesOf(unit: Unit): UnitFormValues {
  return { nameJa: unit.nameJa, nameEn: unit.nameEn, kind: unit.kind, parentId: unit.parentId, phone: unit.phone ?? '', sortOrder: unit.sortOrder };
}

/** The problems left once the given fields have changed. */
export function withoutProblems(problems: UnitFormProblems, changed: readonly string[]): UnitFormProblems {
  return Object.fromEntries(Object.entries(problems).filter(([field]) => !changed.includes(field)));
}

/** The sort order as the integer the server takes, or null when it is not one in range. */
export function sortOrderOf(value: number | string): number | null {
  const number = typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);
  return Number.isInteger(number) && number >= 0 && number <= SORT_ORDER_MAX ? number : null;
}

export function validateUnitForm(values: UnitFormValues, code?: string): UnitFormProblems {
  const problems: UnitFormProblems = {};
  if (code !== undefined && !CODE_PATTERN.test(code.trim())) problems.code = 'units.code_rule';
  for (const field of ['nameJa', 'nameEn'] as const) {
    const name = values[field].trim();
    if (!name) problems[field] = 'validation.required';
    else if (name.length > NAME_MAX) problems[field] = 'units.name_too_long';
  }
  if (values.phone.trim().length > PHONE_MAX) problems.phone = 'units.phone_too_long';
  if (sortOrderOf(values.sortOrder) === null) problems.sortOrder = 'units.sort_order_rule';
  return problems;
}

/** The kind a new unit most likely has under the given parent (部 → 課 → 室). */
export function suggestedKind(parent: Unit | undefined): UnitKind {
  switch (parent?.kind) {
    case undefined:
    case 'external':
      return 'external';
    case 'national':
    case 'regional':
      return 'regional';
    case 'hq':
      return 'department';
    case 'department':
      return 'division';
    case 'division':
    case 'office':
    case 'station':
      return 'office';
  }
}

/** A sort order that puts a new unit after its siblings. */
export function nextSortOrder(units: readonly Unit[], parentId: string | null): number {
  const siblings = units.filter((unit) => unit.parentId === parentId).map((unit) => unit.sortOrder);
  return Math.min(SORT_ORDER_MAX, siblings.length === 0 ? 0 : Math.max(...siblings) + 1);
}

/** The unit and everything below it. */
export function subtreeIds(units: readonly Unit[], unitId: string): Set<string> {
  const result = new Set([unitId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId !== null && result.has(unit.parentId) && !result.has(unit.id)) {
        result.add(unit.id);
        grew = true;
      }
    }
  }
  return result;
}

export type ParentChoice = { value: string; name: string; parentName: string | null };

/** Units that may become the parent, in the order of the tree; a name used twice carries its parent's. */
export function parentChoices(units: readonly Unit[], excluded: ReadonlySet<string>, language: Language): ParentChoice[] {
  const ordered: Unit[] = [];
  const visit = (node: TreeNode) => {
    if (node.type === 'unit') ordered.push(node.unit);
    node.children.forEach(visit);
  };
  buildUnitTree(units).forEach((section) => section.nodes.forEach(visit));
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const uses = new Map<string, number>();
  for (const unit of ordered) uses.set(unitName(unit, language), (uses.get(unitName(unit, language)) ?? 0) + 1);
  return ordered
    .filter((unit) => !excluded.has(unit.id))
    .map((unit) => {
      const name = unitName(unit, language);
      const parent = unit.parentId === null ? undefined : byId.get(unit.parentId);
      return { value: unit.id, name, parentName: (uses.get(name) ?? 0) > 1 && parent ? unitName(parent, language) : null };
    });
}
