import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StixObject } from '../stix/observables.ts';
import { validateStixBundle } from '../stix/validate.ts';
import { mispEventToStix } from './event-to-stix.ts';
import { stixToMispEvent } from './stix-to-event.ts';

const OPTIONS = { defaultTlp: 'amber', identityId: 'identity--0b5c6f2e-1d3a-4c8b-9e7f-2a1b3c4d5e6f', locale: 'en' } as const;
const TEN_MB = 10 * 1024 * 1024;
const GOOD = { type: 'domain', value: 'evil.example', to_ids: true, uuid: '11111111-2222-4333-8444-555555555555' };

function convert(input: unknown) {
  const result = mispEventToStix(input, OPTIONS);
  const bundle = validateStixBundle({ type: 'bundle', id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d', objects: result.objects });
  assert.deepEqual(bundle.errors, []);
  for (const problem of result.problems) assert.ok(problem.detail.length < 500 && (problem.message ?? '').length < 500, 'problems stay short');
  return result;
}

function eventWith(fields: Record<string, unknown>): unknown {
  return { Event: { uuid: '6a7b8c9d-1e2f-4a3b-8c4d-5e6f7a8b9c0d', info: 'hostile', timestamp: '1795143600', ...fields } };
}

describe('M3.2c MISP import of hostile input', () => {
  it('answers "not an event" for anything that is not one', () => {
    for (const input of [null, undefined, 42, 'Event', [], [{ Event: {} }], {}, { Event: null }, { Event: [] }, { Event: 'x' }, { response: [] }]) {
      const result = convert(input);
      assert.deepEqual(result.objects, []);
      assert.equal(result.event, null);
      assert.deepEqual(
        result.problems.map((p) => p.code),
        ['misp.not_event'],
      );
    }
  });

  it('reports malformed attributes and goes on with the good ones', () => {
    const result = convert(
      eventWith({
        Attribute: [
          null,
          42,
          'ip-dst',
          { type: 5, value: 'x' },
          { type: 'ip-dst', value: 12345 },
          { type: 'ip-dst', value: null },
          { type: 'url', value: ['https://a.example'] },
          GOOD,
        ],
      }),
    );
    assert.deepEqual(
      result.problems.map((p) => [p.path, p.code]),
      [0, 1, 2, 3, 4, 5, 6].map((i) => [`Event.Attribute[${i}]`, 'misp.invalid_attribute']),
    );
    assert.equal(result.objects.filter((o) => o.type === 'indicator').length, 1);
  });

  it('refuses 10 MB values without copying them into problems or objects', () => {
    const huge = `https://evil.example/${'a'.repeat(TEN_MB)}`;
    const started = performance.now();
    const result = convert(
      eventWith({
        info: 'i'.repeat(TEN_MB),
        Tag: [{ name: `x:${'t'.repeat(TEN_MB)}` }],
        Attribute: [
          { type: 'url', value: huge, to_ids: true },
          { type: 'mystery', value: huge },
          { ...GOOD, comment: 'c'.repeat(TEN_MB) },
        ],
      }),
    );
    assert.ok(performance.now() - started < 5000);
    assert.deepEqual(
      result.problems.map((p) => p.code),
      ['misp.invalid_value', 'misp.unsupported_attribute'],
    );
    assert.ok(JSON.stringify(result.objects).length < 300_000);
    const report = result.objects.find((o) => o.type === 'report');
    assert.equal(report?.labels, undefined);
  });

  it('falls back on bad uuids, timestamps and dates with a problem each', () => {
    const result = convert(
      eventWith({
        uuid: '../../etc/passwd',
        timestamp: '-5',
        date: '2026-02-30',
        publish_timestamp: 1e30,
        Attribute: [{ ...GOOD, uuid: 7, timestamp: 'soon', first_seen: 'yesterday' }],
      }),
    );
    assert.deepEqual(
      result.problems.map((p) => p.path),
      ['Event.uuid', 'Event.timestamp'],
    );
    const report = result.objects.find((o) => o.type === 'report');
    assert.equal(report?.published, '1970-01-01T00:00:00.000Z');
    assert.ok(result.event && /^[0-9a-f-]{36}$/.test(result.event.uuid));
    assert.ok(result.objects.some((o) => o.type === 'indicator' && o.id !== `indicator--${GOOD.uuid}`));
  });

  it('reports two attributes with one uuid, and keeps the first', () => {
    const result = convert(eventWith({ Attribute: [GOOD, { ...GOOD, value: 'other.example' }] }));
    assert.deepEqual(
      result.problems.map((p) => [p.path, p.code]),
      [['Event.Attribute[1]', 'misp.invalid_attribute']],
    );
    assert.equal(result.objects.find((o) => o.type === 'indicator')?.pattern, "[domain-name:value = 'evil.example']");
  });

  it('survives garbage in tags, objects and galaxies', () => {
    const result = convert(
      eventWith({
        Tag: [null, 5, { name: null }, { name: 'tlp:purple' }, { name: 'misp-galaxy:threat-actor=""' }],
        EventTag: [{ Tag: { name: 'tlp:red' } }, { Tag: null }],
        Attribute: 'not a list',
        Object: [
          null,
          { Attribute: null },
          { deleted: true, Attribute: [GOOD] },
          { name: 'coin-address', Attribute: [null, { type: 'text', value: '0x00', object_relation: 'address-crypto' }] },
        ],
        Galaxy: [
          null,
          { GalaxyCluster: 'x' },
          { type: 'threat-actor', GalaxyCluster: [null, { value: 5 }, { value: 'x'.repeat(2000) }, { value: 'Tick', meta: { synonyms: 'Bronze Butler' } }] },
        ],
      }),
    );
    assert.deepEqual(
      result.problems.map((p) => p.path),
      [
        'Event.Galaxy[0]',
        'Event.Galaxy[1]',
        'Event.Galaxy[2].GalaxyCluster[0]',
        'Event.Galaxy[2].GalaxyCluster[1]',
        'Event.Galaxy[2].GalaxyCluster[2]',
        'Event.Attribute',
        'Event.Object[0]',
        'Event.Object[1]',
        'Event.Object[3].Attribute[0]',
      ],
    );
    const actor = result.objects.find((o) => o.type === 'intrusion-set');
    assert.deepEqual([actor?.name, actor?.aliases], ['Tick', undefined]);
    assert.ok(
      result.objects.every((o) => o.type === 'marking-definition' || JSON.stringify(o.object_marking_refs).includes('e828b379')),
      'tlp:red from EventTag',
    );
  });

  it('does not let __proto__ keys reach prototypes', () => {
    const input: unknown = JSON.parse(
      `{"Event": {"__proto__": {"polluted": 1}, "info": "x", "uuid": "6a7b8c9d-1e2f-4a3b-8c4d-5e6f7a8b9c0d", "Attribute": [{"__proto__": {"to_ids": true}, "type": "__proto__", "value": "x"}, {"type": "constructor", "value": "x"}]}}`,
    );
    const result = convert(input);
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
    assert.deepEqual(
      result.problems.map((p) => p.code),
      ['misp.unsupported_attribute', 'misp.unsupported_attribute'],
    );
  });

  it('exports whatever STIX objects it is given without throwing', () => {
    const odd: StixObject[] = [
      { type: 'indicator', id: 'indicator', pattern: "[ipv4-addr:value = '192.0.2.1']", pattern_type: 'stix' },
      { type: 'indicator', id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', pattern: 42, pattern_type: 'stix', labels: 'x' },
      { type: 'file', id: 'file--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', hashes: null },
      { type: 'intrusion-set', id: 'intrusion-set--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', name: 42, aliases: [null] },
      { type: 'vulnerability', id: 'vulnerability--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', external_references: [null, 'cve'] },
      { type: 'report', id: 'report--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', labels: [null, 7, 'tlp:clear', 'phishing'] },
    ];
    const event = stixToMispEvent(odd, {
      uuid: '6a7b8c9d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
      info: 'x',
      date: '2026-11-21',
      orgName: 'o',
      orgUuid: '0b5c6f2e-1d3a-4c8b-9e7f-2a1b3c4d5e6f',
      tlp: 'green',
      timestamp: 1,
    });
    assert.deepEqual(event.Attribute, []);
    assert.deepEqual(
      event.Tag.map((tag) => tag.name),
      ['tlp:green', 'phishing'],
    );
  });
});
