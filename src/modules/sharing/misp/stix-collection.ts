// The STIX objects of one MISP event as they are gathered: objects named by value (SCOs,
// vulnerabilities, galaxy SDOs) are kept once, carrying the strictest TLP of every mention,
// and indicators are kept once per id.
import type { StixObject } from '../stix/observables.ts';
import { stricterTlp, TLP2_MARKING_IDS, type Tlp } from '../tlp.ts';
import { mergeSdo } from './galaxies-to-stix.ts';

type Entry = { object: StixObject; tlp: Tlp };

export class StixCollection {
  private readonly shared = new Map<string, Entry>();
  private readonly indicatorsById = new Map<string, Entry>();

  /** Adds or merges an object named by value; a stricter TLP on a later mention wins. */
  addShared(object: StixObject, tlp: Tlp): void {
    const existing = this.shared.get(object.id);
    if (!existing) {
      this.shared.set(object.id, { object: { ...object, object_marking_refs: [TLP2_MARKING_IDS[tlp]] }, tlp });
      return;
    }
    if ('created' in existing.object) mergeSdo(existing.object, object); // SDOs only: SCOs of one id are equal
    existing.tlp = stricterTlp(existing.tlp, tlp);
    existing.object.object_marking_refs = [TLP2_MARKING_IDS[existing.tlp]];
  }

  /** False when an indicator with this id is already there (two attributes with one uuid). */
  addIndicator(indicator: StixObject, tlp: Tlp): boolean {
    if (this.indicatorsById.has(indicator.id)) return false;
    this.indicatorsById.set(indicator.id, { object: indicator, tlp });
    return true;
  }

  indicators(): StixObject[] {
    return [...this.indicatorsById.values()].map((entry) => entry.object);
  }

  sharedObjects(): StixObject[] {
    return [...this.shared.values()].map((entry) => entry.object);
  }

  /** The SDOs an indicator points at with `indicates`. */
  threats(): StixObject[] {
    return this.sharedObjects().filter((object) => object.type === 'intrusion-set' || object.type === 'malware');
  }

  levels(): Set<Tlp> {
    return new Set([...this.shared.values(), ...this.indicatorsById.values()].map((entry) => entry.tlp));
  }
}
