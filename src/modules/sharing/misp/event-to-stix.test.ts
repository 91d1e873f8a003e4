import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { StixObject } from '../stix/observables.ts';
import { validateStixBundle } from '../stix/validate.ts';
import { TLP2_MARKING_IDS } from '../tlp.ts';
import { mispEventToStix } from './event-to-stix.ts';

const IDENTITY = 'identity--0b5c6f2e-1d3a-4c8b-9e7f-2a1b3c4d5e6f';
const FIXTURE: unknown = JSON.parse(readFileSync(new URL('./fixtures/phishing-jp-bank.json', import.meta.url), 'utf8'));
const OPTIONS = { defaultTlp: 'green', identityId: IDENTITY } as const;

function convert(input: unknown = FIXTURE) {
  return mispEventToStix(input, OPTIONS);
}

function assertValidStix(objects: StixObject[]): void {
  const report = validateStixBundle({ type: 'bundle', id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d', objects }, { locale: 'en' });
  assert.deepEqual(report.errors, []);
  // The producing identity is the importer's own (options.identityId), not part of the event.
  assert.deepEqual(
    report.warnings.filter((w) => !(w.code === 'stix.unresolved_reference' && w.message.includes(OPTIONS.identityId))),
    [],
  );
}

function countByType(objects: StixObject[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const object of objects) counts[object.type] = (counts[object.type] ?? 0) + 1;
  return counts;
}

function byId(objects: StixObject[], id: string): StixObject {
  const found = objects.find((object) => object.id === id);
  assert.ok(found, `no ${id}`);
  return found;
}

function event(attributes: unknown[], extra: Record<string, unknown> = {}): unknown {
  return {
    Event: { uuid: '6a7b8c9d-1e2f-4a3b-8c4d-5e6f7a8b9c0d', info: 'test', timestamp: '1795143600', date: '2026-11-20', Attribute: attributes, ...extra },
  };
}

describe('M3.2c MISP event → STIX 2.1', () => {
  it('converts the phishing campaign fixture into objects that pass the STIX validator', () => {
    const result = convert();
    assertValidStix(result.objects);
    assert.deepEqual(result.event, {
      uuid: '5c1e0a00-7f3b-4d2a-9e11-4b1d2c3e4f50',
      info: 'Phishing campaign impersonating Kakuu Bank (架空銀行) internet banking: SMS and e-mail lures, mule accounts',
    });
    assert.deepEqual(countByType(result.objects), {
      report: 1,
      'intrusion-set': 1,
      malware: 1,
      'attack-pattern': 1,
      vulnerability: 1,
      indicator: 13,
      relationship: 26,
      'ipv4-addr': 4,
      'domain-name': 3,
      url: 2,
      'email-addr': 1,
      file: 2,
      'x-koban-phone-number': 1,
      'x-koban-cryptocurrency-wallet': 2,
      'x-koban-bank-account': 1,
      'autonomous-system': 1,
      'marking-definition': 2,
      'extension-definition': 3,
    });
  });

  it('lists a problem for each attribute it cannot take, and none for text or deleted ones', () => {
    const { problems } = convert();
    assert.deepEqual(
      problems.map((p) => [p.path, p.code]),
      [
        ['Event.Attribute[10]', 'misp.unsupported_attribute'],
        ['Event.Attribute[16]', 'misp.unsupported_attribute'],
        ['Event.Attribute[18].value', 'misp.invalid_value'],
      ],
    );
    assert.ok(problems.every((p) => p.message === undefined && p.detail.length > 0));
  });

  it('makes a report of the event that refers to everything else it produced', () => {
    const { objects } = convert();
    const report = byId(objects, 'report--5c1e0a00-7f3b-4d2a-9e11-4b1d2c3e4f50');
    assert.equal(report.published, '2026-11-21T02:00:00.000Z');
    assert.equal(report.modified, '2026-11-21T01:00:00.000Z');
    assert.deepEqual(report.labels, ['circl:incident-classification="phishing"', 'sector:finance']);
    const content = objects.filter((o) => o.type !== 'report' && o.type !== 'marking-definition' && o.type !== 'extension-definition');
    assert.deepEqual(new Set(Array.isArray(report.object_refs) ? report.object_refs : []), new Set(content.map((o) => o.id)));
    assert.ok(
      objects.every(
        (o) => o.type === 'marking-definition' || o.type.startsWith('x-') || o.type.endsWith('-addr') || !('created' in o) || o.created_by_ref === IDENTITY,
      ),
    );
  });

  it('marks every object with the event TLP, and the tlp:red attribute and what it names RED', () => {
    const { objects } = convert();
    const amber = [TLP2_MARKING_IDS.amber];
    const red = [TLP2_MARKING_IDS.red];
    const redIndicator = byId(objects, 'indicator--5c1e0a01-7f3b-4d2a-9e11-000000000012');
    assert.deepEqual(redIndicator.object_marking_refs, red);
    assert.equal(redIndicator.pattern, "[ipv4-addr:value = '198.51.100.8']");
    const redAddress = objects.find((o) => o.type === 'ipv4-addr' && o.value === '198.51.100.8');
    assert.deepEqual(redAddress?.object_marking_refs, red);
    const redRelationships = objects.filter((o) => o.type === 'relationship' && o.source_ref === redIndicator.id);
    assert.equal(redRelationships.length, 2);
    assert.ok(redRelationships.every((o) => JSON.stringify(o.object_marking_refs) === JSON.stringify(red)));
    const others = objects.filter(
      (o) => o.type !== 'marking-definition' && o.type !== 'extension-definition' && !redRelationships.includes(o) && o !== redIndicator && o !== redAddress,
    );
    assert.ok(others.every((o) => JSON.stringify(o.object_marking_refs) === JSON.stringify(amber)));
  });

  it('maps attributes to indicators with patterns, names, validity and types from the category', () => {
    const { objects } = convert();
    const first = byId(objects, 'indicator--5c1e0a01-7f3b-4d2a-9e11-000000000001');
    assert.equal(first.name, 'ip-dst: 198.51.100.7');
    assert.equal(first.valid_from, '2026-11-18T00:30:00.000Z');
    assert.equal(first.created, '2026-11-20T03:00:00.000Z');
    assert.deepEqual(first.indicator_types, ['malicious-activity']);
    assert.equal(first.pattern_type, 'stix');
    const patterns = objects.filter((o) => o.type === 'indicator').map((o) => o.pattern);
    assert.ok(patterns.includes("[domain-name:value = 'kakuu-bank-login.example']"));
    assert.ok(patterns.includes("[file:hashes.'SHA-256' = '5a650ef40907be925f4a8cbec9c5be6703ebc1109d4ba6a23c6b5c8c1b7490fe']"));
    assert.ok(patterns.includes("[x-koban-bank-account:value = '0001-123-1-1234567']"));
    assert.ok(patterns.includes("[x-koban-cryptocurrency-wallet:value = '0x52908400098527886e0f7030069857d2e4169ee7']"));
    assert.ok(!objects.some((o) => o.type === 'indicator' && String(o.name).startsWith('link:')));
    assert.ok(!objects.some((o) => JSON.stringify(o).includes('203.0.113.99')), 'deleted attribute');
    const phone = objects.find((o) => o.type === 'x-koban-phone-number');
    assert.equal(phone?.value, '+81312345678');
  });

  it('maps galaxies: threat actor to intrusion set, ransomware to a malware family, ATT&CK to attack pattern', () => {
    const { objects } = convert();
    const actor = objects.find((o) => o.type === 'intrusion-set');
    assert.equal(actor?.name, 'MirrorFace');
    assert.deepEqual(actor.aliases, ['Earth Kasha']);
    assert.match(String(actor.description), /Japanese/);
    const malware = objects.find((o) => o.type === 'malware');
    assert.equal(malware?.name, 'LockBit');
    assert.equal(malware.is_family, true);
    assert.deepEqual(malware.malware_types, ['ransomware']);
    const technique = objects.find((o) => o.type === 'attack-pattern');
    assert.equal(technique?.name, 'Phishing');
    assert.deepEqual(technique.external_references, [{ source_name: 'mitre-attack', external_id: 'T1566', url: 'https://attack.mitre.org/techniques/T1566' }]);
    const vulnerability = objects.find((o) => o.type === 'vulnerability');
    assert.deepEqual(vulnerability?.external_references, [{ source_name: 'cve', external_id: 'CVE-2023-4966' }]);
    const indicates = objects.filter((o) => o.type === 'relationship');
    assert.ok(indicates.every((o) => o.relationship_type === 'indicates' && String(o.source_ref).startsWith('indicator--')));
    assert.deepEqual(new Set(indicates.map((o) => o.target_ref)), new Set([actor.id, malware.id]));
  });

  it('gives a group the same id whichever event, galaxy or tag names it', () => {
    const fromTag = convert(
      event([{ type: 'domain', value: 'a.example', to_ids: true, uuid: '11111111-2222-4333-8444-555555555555' }], {
        Tag: [{ name: 'misp-galaxy:threat-actor="MirrorFace"' }],
      }),
    );
    const fromMitre = convert(
      event([], { Galaxy: [{ type: 'mitre-intrusion-set', GalaxyCluster: [{ type: 'mitre-intrusion-set', value: 'MirrorFace - G1012', meta: {} }] }] }),
    );
    const ids = [convert(), fromTag, fromMitre].map((r) => r.objects.find((o) => o.type === 'intrusion-set')?.id);
    assert.ok(ids[0]);
    assert.deepEqual(ids, [ids[0], ids[0], ids[0]]);
    assertValidStix(fromTag.objects);
    assert.equal(fromTag.objects.filter((o) => o.type === 'relationship').length, 1);
  });

  it('accepts a bare event and falls back to the default TLP without a tlp tag', () => {
    const attributes = [{ type: 'ip-dst', value: '192.0.2.1', to_ids: true, uuid: '11111111-2222-4333-8444-555555555555' }];
    const wrapped = event(attributes);
    const result = convert({ uuid: '6a7b8c9d-1e2f-4a3b-8c4d-5e6f7a8b9c0d', info: 'test', timestamp: '1795143600', date: '2026-11-20', Attribute: attributes });
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.objects, convert(wrapped).objects);
    const indicator = result.objects.find((o) => o.type === 'indicator');
    assert.deepEqual(indicator?.object_marking_refs, [TLP2_MARKING_IDS.green]);
  });

  it('reads tlp:white as CLEAR and tlp:amber+strict as AMBER+STRICT', () => {
    const attribute = { type: 'ip-dst', value: '192.0.2.1', to_ids: false };
    for (const [tag, level] of [
      ['tlp:white', 'clear'],
      ['tlp:clear', 'clear'],
      ['TLP:AMBER+STRICT', 'amber+strict'],
    ] as const) {
      const sco = convert(event([attribute], { Tag: [{ name: tag }] })).objects.find((o) => o.type === 'ipv4-addr');
      assert.deepEqual(sco?.object_marking_refs, [TLP2_MARKING_IDS[level]], tag);
    }
  });

  it('does not let a laxer attribute tag loosen the event TLP', () => {
    const attribute = { type: 'ip-dst', value: '192.0.2.1', to_ids: true, Tag: [{ name: 'tlp:clear' }] };
    const indicator = convert(event([attribute], { Tag: [{ name: 'tlp:amber' }] })).objects.find((o) => o.type === 'indicator');
    assert.deepEqual(indicator?.object_marking_refs, [TLP2_MARKING_IDS.amber]);
  });

  it('writes catalogue messages in the requested language', () => {
    const input = event([{ type: 'xmr', value: '44AFFq5k', to_ids: true }]);
    const [en] = mispEventToStix(input, { ...OPTIONS, locale: 'en' }).problems;
    const [ja] = mispEventToStix(input, { ...OPTIONS, locale: 'ja' }).problems;
    assert.equal(en?.message, 'The MISP attribute "xmr: 44AFFq5k" is of a kind Koban does not hold and was skipped.');
    assert.equal(ja?.message, 'MISP 属性「xmr: 44AFFq5k」は Koban で扱わない種類のため、読み飛ばしました。');
  });
});
