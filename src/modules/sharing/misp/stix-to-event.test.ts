import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { patternValues, scoValues, type StixObject } from '../stix/observables.ts';
import type { Tlp } from '../tlp.ts';
import { mispEventToStix } from './event-to-stix.ts';
import { stixToMispEvent } from './stix-to-event.ts';
import type { MispAttribute, MispEvent } from './types.ts';

const IDENTITY = 'identity--0b5c6f2e-1d3a-4c8b-9e7f-2a1b3c4d5e6f';
const FIXTURE: unknown = JSON.parse(readFileSync(new URL('./fixtures/phishing-jp-bank.json', import.meta.url), 'utf8'));
const EVENT_UUID = '5c1e0a00-7f3b-4d2a-9e11-4b1d2c3e4f50';

function exportOptions(tlp: Tlp = 'amber') {
  return {
    uuid: EVENT_UUID,
    info: 'Kakuu Bank phishing (Koban export)',
    date: '2026-11-21',
    orgName: 'Example Prefectural Police',
    orgUuid: '0b5c6f2e-1d3a-4c8b-9e7f-2a1b3c4d5e6f',
    tlp,
    published: true,
    timestamp: 1795230000,
  };
}

function toStix(input: unknown): StixObject[] {
  return mispEventToStix(input, { defaultTlp: 'green', identityId: IDENTITY }).objects;
}

function allAttributes(event: MispEvent): MispAttribute[] {
  return [...event.Attribute, ...event.Object.flatMap((object) => object.Attribute)];
}

function attributeOf(event: MispEvent, value: string): MispAttribute {
  const found = allAttributes(event).find((attribute) => attribute.value === value);
  assert.ok(found, `no attribute ${value}`);
  return found;
}

/** id → (observable values, markings) of the indicators and SCOs: what a round trip must keep. */
function observableView(objects: StixObject[]): Map<string, string> {
  const view = new Map<string, string>();
  for (const object of objects) {
    const values = object.type === 'indicator' ? patternValues(String(object.pattern)) : scoValues(object);
    if (values.length > 0) view.set(object.id, JSON.stringify([values.map((v) => `${v.type}:${v.value}`), object.object_marking_refs]));
  }
  return view;
}

describe('M3.2c STIX 2.1 → MISP event', () => {
  const stix = toStix(FIXTURE);
  const event = stixToMispEvent(stix, exportOptions());

  it('writes the event header MISP needs: orgs, TLP tag, distribution, levels and string timestamps', () => {
    assert.equal(event.uuid, EVENT_UUID);
    assert.deepEqual(event.Orgc, { name: 'Example Prefectural Police', uuid: '0b5c6f2e-1d3a-4c8b-9e7f-2a1b3c4d5e6f' });
    assert.deepEqual(event.Org, event.Orgc);
    assert.deepEqual([event.threat_level_id, event.analysis, event.distribution, event.published], ['4', '2', '1', true]);
    assert.deepEqual([event.timestamp, event.publish_timestamp], ['1795230000', '1795230000']);
    assert.deepEqual(
      event.Tag.map((tag) => tag.name),
      [
        'tlp:amber',
        'circl:incident-classification="phishing"',
        'sector:finance',
        'misp-galaxy:threat-actor="MirrorFace"',
        'misp-galaxy:ransomware="LockBit"',
        'misp-galaxy:mitre-attack-pattern="Phishing - T1566"',
      ],
    );
  });

  it('chooses the MISP distribution from the TLP', () => {
    const levels: [Tlp, string][] = [
      ['red', '0'],
      ['amber+strict', '0'],
      ['amber', '1'],
      ['green', '3'],
      ['clear', '3'],
    ];
    for (const [tlp, distribution] of levels) {
      const exported = stixToMispEvent([], { ...exportOptions(tlp), published: false });
      assert.equal(exported.distribution, distribution, tlp);
      assert.equal(exported.Tag[0]?.name, `tlp:${tlp}`);
      assert.equal(exported.publish_timestamp, '0');
    }
  });

  it('maps indicators to to_ids attributes that keep their uuid, and other SCOs to plain attributes once', () => {
    const address = attributeOf(event, '198.51.100.7');
    assert.deepEqual(
      [address.uuid, address.type, address.category, address.to_ids],
      ['5c1e0a01-7f3b-4d2a-9e11-000000000001', 'ip-dst', 'Network activity', true],
    );
    assert.equal(address.first_seen, '2026-11-18T00:30:00.000Z');
    assert.equal(address.timestamp, '1795143600');
    assert.equal(address.comment, 'Phishing kit hosting');
    const place = (value: string) => {
      const attribute = attributeOf(event, value);
      return [attribute.type, attribute.category, attribute.to_ids];
    };
    assert.deepEqual(place('notice@kakuu-bank-info.example'), ['email-src', 'Payload delivery', true]);
    assert.deepEqual(place('+81312345678'), ['phone-number', 'Other', false]);
    assert.deepEqual(place('0001-123-1-1234567'), ['bank-account-nr', 'Financial fraud', true]);
    assert.deepEqual(place('bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq'), ['btc', 'Financial fraud', true]);
    assert.deepEqual(place('64500'), ['AS', 'Network activity', false]);
    assert.deepEqual(place('CVE-2023-4966'), ['vulnerability', 'External analysis', false]);
    assert.deepEqual(place('203.0.113.45'), ['ip-dst', 'Network activity', false]);
    const values = allAttributes(event).map((attribute) => attribute.value);
    assert.equal(new Set(values).size, values.length, 'no value twice');
    assert.equal(values.filter((value) => value === 'kakuu-bank-login.example').length, 1);
  });

  it('tags an attribute marked stricter than the event with its own TLP', () => {
    assert.deepEqual(attributeOf(event, '198.51.100.8').Tag?.[0], { name: 'tlp:red', colour: '#cc0033' });
    assert.equal(attributeOf(event, '198.51.100.7').Tag, undefined);
  });

  it('writes an Ethereum address as a coin-address object with its symbol', () => {
    const coin = event.Object.find((object) => object.name === 'coin-address');
    assert.ok(coin);
    assert.deepEqual(
      coin.Attribute.map((attribute) => [attribute.object_relation, attribute.type, attribute.value]),
      [
        ['address-crypto', 'text', '0x52908400098527886e0f7030069857d2e4169ee7'],
        ['symbol', 'text', 'ETH'],
      ],
    );
  });

  it('writes threat SDOs as galaxy clusters with their aliases', () => {
    const clusters = event.Galaxy.flatMap((galaxy) => galaxy.GalaxyCluster.map((cluster) => [galaxy.type, cluster.value, cluster.meta?.synonyms ?? []]));
    assert.deepEqual(clusters, [
      ['threat-actor', 'MirrorFace', ['Earth Kasha']],
      ['ransomware', 'LockBit', ['LockBit 3.0', 'LockBit Black']],
      ['mitre-attack-pattern', 'Phishing - T1566', []],
    ]);
    const plainMalware = stixToMispEvent(
      [{ type: 'malware', id: 'malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b', name: 'PlugX', is_family: true }],
      exportOptions(),
    );
    assert.deepEqual(
      plainMalware.Tag.map((tag) => tag.name),
      ['tlp:amber', 'misp-galaxy:malpedia="PlugX"'],
    );
  });

  it('keeps indicator and SCO ids, values and markings over MISP → STIX → MISP → STIX', () => {
    const again = toStix({ Event: event });
    assert.deepEqual(observableView(again), observableView(stix));
    const ids = (objects: StixObject[]) => objects.map((object) => object.id).sort();
    assert.deepEqual(ids(again), ids(stix));
  });

  it('names every value of a multi-value pattern, the first with the indicator uuid', () => {
    const indicator: StixObject = {
      type: 'indicator',
      id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
      pattern: "[domain-name:value = 'a.example'] OR [domain-name:value = 'b.example'] OR [url:value LIKE '%evil%']",
      pattern_type: 'stix',
    };
    const exported = stixToMispEvent([indicator], exportOptions());
    assert.deepEqual(
      exported.Attribute.map((attribute) => attribute.value),
      ['a.example', 'b.example'],
    );
    assert.equal(exported.Attribute[0]?.uuid, '8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f');
    assert.notEqual(exported.Attribute[1]?.uuid, exported.Attribute[0]?.uuid);
  });
});
