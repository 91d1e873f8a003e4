import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateStixBundle, type StixValidationReport } from './validate.ts';

const TLP_GREEN = 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb';
const INDICATOR_ID = 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f';
const MALWARE_ID = 'malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b';

type StixObject = Record<string, unknown>;

function validBundle(): { type: string; id: string; objects: StixObject[] } {
  return {
    type: 'bundle',
    id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d',
    objects: [
      {
        type: 'indicator',
        spec_version: '2.1',
        id: INDICATOR_ID,
        created: '2016-04-06T20:03:48.000Z',
        modified: '2016-04-06T20:03:48.000Z',
        indicator_types: ['malicious-activity'],
        name: 'Poison Ivy Malware',
        pattern: "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
        pattern_type: 'stix',
        valid_from: '2016-01-01T00:00:00Z',
        object_marking_refs: [TLP_GREEN],
      },
      {
        type: 'malware',
        spec_version: '2.1',
        id: MALWARE_ID,
        created: '2016-04-06T20:07:09.000Z',
        modified: '2016-04-06T20:07:09.000Z',
        name: 'Poison Ivy',
        is_family: true,
        object_marking_refs: [TLP_GREEN],
      },
      {
        type: 'relationship',
        spec_version: '2.1',
        id: 'relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad',
        created: '2016-04-06T20:06:37.000Z',
        modified: '2016-04-06T20:06:37.000Z',
        relationship_type: 'indicates',
        source_ref: INDICATOR_ID,
        target_ref: MALWARE_ID,
      },
      {
        type: 'marking-definition',
        spec_version: '2.1',
        id: TLP_GREEN,
        created: '2022-10-01T00:00:00.000Z',
        name: 'TLP:GREEN',
        extensions: { 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d': { extension_type: 'property-extension', tlp_2_0: 'green' } },
      },
      { type: 'ipv4-addr', id: 'ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd', value: '198.51.100.3' },
    ],
  };
}

function withChange(index: number, change: (object: StixObject) => void) {
  const bundle = validBundle();
  const object = bundle.objects[index];
  assert.ok(object);
  change(object);
  return bundle;
}

function codesOf(report: StixValidationReport): string[] {
  return report.errors.map((e) => e.code);
}

describe('M3.2c STIX 2.1 bundle validation', () => {
  it('accepts a bundle with an indicator, malware, their relationship and a TLP 2.0 marking', () => {
    const report = validateStixBundle(validBundle(), { locale: 'en' });
    assert.deepEqual(report.errors, []);
    assert.deepEqual(report.warnings, []);
    assert.equal(report.valid, true);
    assert.deepEqual(report.counts, {
      objects: 5,
      byType: { indicator: 1, malware: 1, relationship: 1, 'marking-definition': 1, 'ipv4-addr': 1 },
    });
  });

  it('refuses each kind of broken object with its own code, index, id and path', () => {
    const cases: [string, ReturnType<typeof validBundle>, string, string][] = [
      ['missing pattern', withChange(0, (o) => delete o.pattern), 'stix.required_property', 'objects[0].pattern'],
      ['bad id', withChange(1, (o) => (o.id = 'malware--not-a-uuid')), 'stix.invalid_id', 'objects[1].id'],
      ['id of another type', withChange(1, (o) => (o.id = INDICATOR_ID.replace('indicator', 'tool'))), 'stix.invalid_id', 'objects[1].id'],
      ['wrong spec_version', withChange(1, (o) => (o.spec_version = '2.0')), 'stix.spec_version', 'objects[1].spec_version'],
      ['bad timestamp', withChange(0, (o) => (o.created = '2016-04-06 20:03:48')), 'stix.invalid_timestamp', 'objects[0].created'],
      ['timestamp with an offset', withChange(0, (o) => (o.valid_from = '2016-01-01T09:00:00+09:00')), 'stix.invalid_timestamp', 'objects[0].valid_from'],
      ['relationship without target_ref', withChange(2, (o) => delete o.target_ref), 'stix.required_property', 'objects[2].target_ref'],
      ['bad pattern', withChange(0, (o) => (o.pattern = "[file:hashes.SHA-256 = 'x']")), 'stix.invalid_pattern', 'objects[0].pattern'],
      ['modified before created', withChange(1, (o) => (o.modified = '2016-04-06T20:07:08.999Z')), 'stix.timestamp_order', 'objects[1].modified'],
      [
        'valid_until not after valid_from',
        withChange(0, (o) => (o.valid_until = '2016-01-01T00:00:00.000Z')),
        'stix.timestamp_order',
        'objects[0].valid_until',
      ],
      [
        'marking that is not a marking-definition',
        withChange(0, (o) => (o.object_marking_refs = [MALWARE_ID])),
        'stix.invalid_reference',
        'objects[0].object_marking_refs[0]',
      ],
      ['is_family not boolean', withChange(1, (o) => (o.is_family = 'yes')), 'stix.invalid_property', 'objects[1].is_family'],
      ['SCO with a wrong spec_version', withChange(4, (o) => (o.spec_version = '2.0')), 'stix.spec_version', 'objects[4].spec_version'],
      ['SCO without its value', withChange(4, (o) => delete o.value), 'stix.required_property', 'objects[4].value'],
      ['upper-case type', withChange(4, (o) => (o.type = 'IPv4-addr')), 'stix.invalid_type', 'objects[4].type'],
    ];
    for (const [label, bundle, code, path] of cases) {
      const report = validateStixBundle(bundle, { locale: 'en' });
      assert.equal(report.valid, false, label);
      const found = report.errors.find((e) => e.code === code);
      assert.ok(found, `${label}: ${JSON.stringify(report.errors)}`);
      assert.equal(found.path, path, label);
      assert.equal(found.index, Number(/objects\[(\d+)\]/.exec(path)?.[1]), label);
      assert.ok(found.message.length > 0 && !found.message.startsWith('stix.'), label);
    }
  });

  it('reports a duplicate id with the same modified time, but not two versions of one object', () => {
    const bundle = validBundle();
    bundle.objects.push({ ...bundle.objects[1] });
    const duplicate = validateStixBundle(bundle);
    assert.deepEqual(codesOf(duplicate), ['stix.duplicate_id']);
    assert.equal(duplicate.errors[0]?.index, 5);
    assert.equal(duplicate.errors[0]?.id, MALWARE_ID);
    bundle.objects[5] = { ...bundle.objects[1], modified: '2017-01-01T00:00:00Z' };
    assert.equal(validateStixBundle(bundle).valid, true);
  });

  it('collects every error instead of stopping at the first', () => {
    const bundle = validBundle();
    bundle.id = 'bundle--0';
    delete bundle.objects[0]?.pattern;
    delete bundle.objects[2]?.source_ref;
    const report = validateStixBundle(bundle);
    assert.deepEqual(codesOf(report), ['stix.invalid_id', 'stix.required_property', 'stix.required_property']);
    assert.equal(report.errors[0]?.index, null);
    assert.match(report.errors[1]?.message ?? '', /必須プロパティ「pattern」/);
  });

  it('refuses what is not a bundle, and oversized strings; warns on unknown types and accepts x- types', () => {
    assert.deepEqual(codesOf(validateStixBundle([])), ['stix.not_object']);
    assert.deepEqual(codesOf(validateStixBundle({ type: 'report', id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d', objects: [] })), ['stix.not_bundle']);
    const big = withChange(1, (o) => (o.description = 'あ'.repeat(400_000)));
    assert.deepEqual(codesOf(validateStixBundle(big)), ['stix.string_too_large']);
    const custom = validBundle();
    custom.objects.push({ type: 'x-usb-device', id: 'x-usb-device--1d6b2e1c-4d0a-4c1b-9b8a-2f7b2d7b4e11', serial_number: '575833344E' });
    custom.objects.push({ type: 'acme-thing', id: 'acme-thing--1d6b2e1c-4d0a-4c1b-9b8a-2f7b2d7b4e11' });
    const report = validateStixBundle(custom);
    assert.equal(report.valid, true);
    assert.deepEqual(
      report.warnings.map((w) => [w.code, w.index]),
      [['stix.unknown_type', 6]],
    );
    custom.objects.push({ type: 'x-usb-device', id: 'usb--1d6b2e1c-4d0a-4c1b-9b8a-2f7b2d7b4e11' });
    assert.deepEqual(codesOf(validateStixBundle(custom)), ['stix.invalid_id']);
  });

  it('checks the source and target types of defined relationships, extension keys, and warns on references the bundle does not hold', () => {
    const wrongTarget = withChange(2, (o) => (o.target_ref = 'ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd'));
    const report = validateStixBundle(wrongTarget, { locale: 'en' });
    assert.deepEqual(
      report.errors.map((e) => [e.code, e.path]),
      [['stix.invalid_property', 'objects[2].target_ref']],
    );
    const wrongSource = validateStixBundle(
      withChange(2, (o) => (o.source_ref = MALWARE_ID)),
      { locale: 'en' },
    );
    assert.deepEqual(
      wrongSource.errors.map((e) => e.path),
      ['objects[2].source_ref'],
    );
    const badExtension = validateStixBundle(
      withChange(4, (o) => (o.extensions = { 'my-extension': {}, 'x509-v3-extensions-ext': 'no' })),
      { locale: 'en' },
    );
    assert.deepEqual(
      badExtension.errors.map((e) => e.path),
      ['objects[4].extensions.my-extension', 'objects[4].extensions.x509-v3-extensions-ext'],
    );
    const dangling = validateStixBundle(
      withChange(0, (o) => (o.created_by_ref = 'identity--0b5c6f2e-1d3a-4c8b-9e7f-2a1b3c4d5e6f')),
      { locale: 'en' },
    );
    assert.equal(dangling.valid, true, 'a reference outside the bundle is allowed');
    assert.deepEqual(
      dangling.warnings.map((w) => [w.code, w.path]),
      [['stix.unresolved_reference', 'objects[0].created_by_ref']],
    );
  });
});
