// Turns the flat unit list into the tree shown in the directory: units under their parents,
// the prefectural HQ's children split into 本部 (departments) and 警察署 (stations), and the
// top level split into sections by kind.
import type { MessageKey } from '../../i18n/i18n.tsx';
import type { Unit } from './units.api.ts';

export type TreeNode =
  { type: 'unit'; id: string; unit: Unit; children: TreeNode[] } | { type: 'group'; id: string; labelKey: MessageKey; children: TreeNode[] };

export type TreeSection = { id: string; labelKey: MessageKey; nodes: TreeNode[] };

const SECTION_OF_KIND: Record<Unit['kind'], 'state' | 'prefecture' | 'external'> = {
  national: 'state',
  regional: 'state',
  hq: 'prefecture',
  department: 'prefecture',
  division: 'prefecture',
  office: 'prefecture',
  station: 'prefecture',
  external: 'external',
};

const SECTIONS: readonly { id: 'state' | 'prefecture' | 'external'; labelKey: MessageKey }[] = [
  { id: 'state', labelKey: 'units.section.state' },
  { id: 'prefecture', labelKey: 'units.section.prefecture' },
  { id: 'external', labelKey: 'units.section.external' },
];

function bySortOrder(a: Unit, b: Unit): number {
  return a.sortOrder - b.sortOrder || a.code.localeCompare(b.code);
}

function buildNode(unit: Unit, childrenOf: Map<string | null, Unit[]>): TreeNode {
  const children = (childrenOf.get(unit.id) ?? []).map((child) => buildNode(child, childrenOf));
  if (unit.kind !== 'hq') return { type: 'unit', id: unit.id, unit, children };
  const stations = children.filter((node) => node.type === 'unit' && node.unit.kind === 'station');
  const headquarters = children.filter((node) => !(node.type === 'unit' && node.unit.kind === 'station'));
  const grouped: TreeNode[] = [];
  if (headquarters.length > 0) grouped.push({ type: 'group', id: `${unit.id}:hq`, labelKey: 'units.group.headquarters', children: headquarters });
  if (stations.length > 0) grouped.push({ type: 'group', id: `${unit.id}:stations`, labelKey: 'units.group.stations', children: stations });
  return { type: 'unit', id: unit.id, unit, children: grouped };
}

export function buildUnitTree(units: readonly Unit[]): TreeSection[] {
  const ids = new Set(units.map((unit) => unit.id));
  const childrenOf = new Map<string | null, Unit[]>();
  for (const unit of [...units].sort(bySortOrder)) {
    const parent = unit.parentId && ids.has(unit.parentId) ? unit.parentId : null;
    const siblings = childrenOf.get(parent) ?? [];
    siblings.push(unit);
    childrenOf.set(parent, siblings);
  }
  const roots = (childrenOf.get(null) ?? []).map((unit) => buildNode(unit, childrenOf));
  return SECTIONS.map((section) => ({
    ...section,
    nodes: roots.filter((node) => node.type === 'unit' && SECTION_OF_KIND[node.unit.kind] === section.id),
  })).filter((section) => section.nodes.length > 0);
}

/** Keeps nodes whose name matches, with their ancestors; returns null when nothing matches. */
export function filterTree(node: TreeNode, matches: (unit: Unit) => boolean): TreeNode | null {
  const children = node.children.map((child) => filterTree(child, matches)).filter((child): child is TreeNode => child !== null);
  if (node.type === 'unit' && matches(node.unit)) return node;
  if (children.length > 0) return { ...node, children };
  return null;
}

/** Ids of the nodes open at first: sections' roots, the HQ and its 本部 group. */
export function initiallyExpanded(sections: readonly TreeSection[]): Set<string> {
  const open = new Set<string>();
  for (const section of sections) {
    for (const node of section.nodes) {
      open.add(node.id);
      if (node.type === 'unit' && node.unit.kind === 'hq') for (const child of node.children) if (child.id.endsWith(':hq')) open.add(child.id);
    }
  }
  return open;
}

export function ancestorsOf(units: readonly Unit[], unitId: string): string[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const result: string[] = [];
  let current = byId.get(unitId);
  while (current?.parentId) {
    const parent = byId.get(current.parentId);
    if (!parent) break;
    result.push(parent.id);
    if (parent.kind === 'hq') result.push(`${parent.id}:${current.kind === 'station' ? 'stations' : 'hq'}`);
    current = parent;
  }
  return result;
}
