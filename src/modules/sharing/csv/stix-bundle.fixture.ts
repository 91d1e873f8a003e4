// Test support: wraps converter output in a bundle with what a real export carries beside it
// (the producer identity, TLP marking definitions, custom SCO extension definitions).
import { randomUUID } from 'node:crypto';
import { TLP_LEVELS, tlpMarkingObject } from '../tlp.ts';
import { extensionDefinitionsFor, type StixObject } from '../stix/observables.ts';

export const TEST_IDENTITY_ID = 'identity--3f1c2b0a-5d8e-4c6f-9a7b-1e2d3c4b5a69';
export const TEST_NOW = '2026-12-06T03:00:00.000Z';

export function bundleOf(objects: StixObject[]): { type: 'bundle'; id: string; objects: Record<string, unknown>[] } {
  const identity = {
    type: 'identity',
    spec_version: '2.1',
    id: TEST_IDENTITY_ID,
    created: TEST_NOW,
    modified: TEST_NOW,
    name: 'Koban test prefecture',
    identity_class: 'organization',
  };
  return {
    type: 'bundle',
    id: `bundle--${randomUUID()}`,
    objects: [identity, ...TLP_LEVELS.map(tlpMarkingObject), ...extensionDefinitionsFor(objects, TEST_IDENTITY_ID), ...objects],
  };
}
