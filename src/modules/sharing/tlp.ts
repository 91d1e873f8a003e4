// Traffic Light Protocol 2.0 (FIRST): the levels, their order, and their STIX marking definitions.
// Ordering is by how narrowly a thing may travel: CLEAR < GREEN < AMBER < AMBER+STRICT < RED.
// A receiver allowed up to level L receives only things marked L or lower.
import { z } from 'zod';

export const TLP_LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export const Tlp = z.enum(TLP_LEVELS);
export type Tlp = z.infer<typeof Tlp>;

const RANK: Readonly<Record<Tlp, number>> = { clear: 0, green: 1, amber: 2, 'amber+strict': 3, red: 4 };

export function tlpRank(level: Tlp): number {
  return RANK[level];
}

/** May something marked `marked` go to a receiver allowed up to `allowed`? */
export function tlpAllows(allowed: Tlp, marked: Tlp): boolean {
  return RANK[marked] <= RANK[allowed];
}

/** The stricter of two levels. */
export function stricterTlp(a: Tlp, b: Tlp): Tlp {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Levels up to and including `allowed`, for SQL `in (…)` filters. */
export function tlpLevelsUpTo(allowed: Tlp): Tlp[] {
  return TLP_LEVELS.filter((level) => RANK[level] <= RANK[allowed]);
}

export const TLP2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

export const TLP2_MARKING_IDS: Readonly<Record<Tlp, string>> = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

/** TLP 1.0 ids (STIX 2.1 §7.2.1.4) read as their TLP 2.0 equivalents. */
const TLP1_MARKING_IDS: Readonly<Record<string, Tlp>> = {
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 'clear',
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 'green',
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 'amber',
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 'red',
};

const LEVEL_BY_MARKING_ID: ReadonlyMap<string, Tlp> = new Map([
  ...Object.entries(TLP1_MARKING_IDS),
  ...Object.entries(TLP2_MARKING_IDS).map(([level, id]) => [id, level as Tlp] as const),
]);

/** The strictest TLP among an object's marking refs; null when it carries none. */
export function tlpOfMarkings(refs: unknown): Tlp | null {
  if (!Array.isArray(refs)) return null;
  let level: Tlp | null = null;
  for (const ref of refs) {
    const found = typeof ref === 'string' ? LEVEL_BY_MARKING_ID.get(ref) : undefined;
    if (found) level = level === null ? found : stricterTlp(level, found);
  }
  return level;
}

/** Reads `TLP:AMBER+STRICT`, `amber+strict`, `tlp:white` … (MISP tags, CSV columns) as a level. */
export function parseTlpName(text: string): Tlp | null {
  const name = text.trim().toLowerCase().replace(/^tlp:/, '').replace(/^"|"$/g, '');
  if (name === 'white') return 'clear';
  return (TLP_LEVELS as readonly string[]).includes(name) ? (name as Tlp) : null;
}

/** `TLP:AMBER+STRICT` — the form TLP 2.0 prescribes for display and for MISP tags. */
export function tlpLabel(level: Tlp): string {
  return `TLP:${level.toUpperCase()}`;
}

/** The TLP 2.0 marking-definition object of a level, as the OASIS extension defines it. */
export function tlpMarkingObject(level: Tlp): Record<string, unknown> & { type: string; id: string } {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP2_MARKING_IDS[level],
    created: '2022-10-01T00:00:00.000Z',
    name: tlpLabel(level),
    extensions: { [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: level } },
  };
}
