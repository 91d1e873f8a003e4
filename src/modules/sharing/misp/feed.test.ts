import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { mispFeedFiles, writeMispFeed } from './feed.ts';
import { stixToMispEvent } from './stix-to-event.ts';
import type { MispAttribute, MispEvent } from './types.ts';

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

function attribute(uuid: string, type: string, value: string, extra: Partial<MispAttribute> = {}): MispAttribute {
  return {
    uuid,
    type,
    category: 'Network activity',
    value,
    to_ids: true,
    distribution: '5',
    comment: '',
    timestamp: '1795143600',
    disable_correlation: false,
    ...extra,
  };
}

function feedEvent(uuid: string, attributes: MispAttribute[]): MispEvent {
  const event = stixToMispEvent([], {
    uuid,
    info: `Event ${uuid.slice(0, 4)}`,
    date: '2026-11-21',
    orgName: 'Example Prefectural Police',
    orgUuid: '0b5c6f2e-1d3a-4c8b-9e7f-2a1b3c4d5e6f',
    tlp: 'green',
    published: true,
    timestamp: 1795230000,
  });
  return { ...event, Tag: [...event.Tag, { name: 'misp-galaxy:threat-actor="MirrorFace"', colour: '#0088cc' }], Attribute: attributes };
}

const FIRST = '11111111-2222-4333-8444-555555555555';
const SECOND = '66666666-7777-4888-9999-aaaaaaaaaaaa';
const EVENTS = [
  feedEvent(FIRST, [
    attribute('5c1e0a01-7f3b-4d2a-9e11-000000000001', 'ip-dst', '198.51.100.7'),
    attribute('5c1e0a01-7f3b-4d2a-9e11-000000000002', 'filename|sha256', 'app.apk|b94dc6fdee87ce1cba4bc5ed430649c4e5ac4fc25dd8a2aca35b4e4b9258786c'),
    attribute('5c1e0a01-7f3b-4d2a-9e11-000000000003', 'domain', 'gone.example', { deleted: true }),
  ]),
  feedEvent(SECOND, [attribute('5c1e0a01-7f3b-4d2a-9e11-000000000004', 'domain|ip', 'sms-kakuu.example|203.0.113.45')]),
];

describe('M3.2c MISP feed', () => {
  it('holds one file per event, the manifest and hashes.csv', () => {
    const files = mispFeedFiles(EVENTS);
    assert.deepEqual([...files.keys()].sort(), [`${FIRST}.json`, `${SECOND}.json`, 'hashes.csv', 'manifest.json']);
    const first: unknown = JSON.parse(files.get(`${FIRST}.json`) ?? '');
    assert.deepEqual(first, { Event: EVENTS[0] });
  });

  it('lists every event in manifest.json under its uuid', () => {
    const manifest = JSON.parse(mispFeedFiles(EVENTS).get('manifest.json') ?? '');
    assert.deepEqual(Object.keys(manifest), [FIRST, SECOND]);
    assert.deepEqual(manifest[FIRST], {
      info: 'Event 1111',
      Orgc: { name: 'Example Prefectural Police', uuid: '0b5c6f2e-1d3a-4c8b-9e7f-2a1b3c4d5e6f' },
      Tag: [
        { name: 'tlp:green', colour: '#339900' },
        { name: 'misp-galaxy:threat-actor="MirrorFace"', colour: '#0088cc' },
      ],
      date: '2026-11-21',
      analysis: 2,
      threat_level_id: 4,
      timestamp: 1795230000,
    });
  });

  it('writes md5(value),event-uuid per live attribute in hashes.csv, each part of a composite value apart', () => {
    const lines = (mispFeedFiles(EVENTS).get('hashes.csv') ?? '').split('\n');
    assert.deepEqual(lines, [
      `${md5('198.51.100.7')},${FIRST}`,
      `${md5('app.apk')},${FIRST}`,
      `${md5('b94dc6fdee87ce1cba4bc5ed430649c4e5ac4fc25dd8a2aca35b4e4b9258786c')},${FIRST}`,
      `${md5('sms-kakuu.example')},${SECOND}`,
      `${md5('203.0.113.45')},${SECOND}`,
      '',
    ]);
  });

  it('refuses an event uuid that could name a path outside the feed', () => {
    assert.throws(() => mispFeedFiles([{ ...feedEvent(FIRST, []), uuid: '../../etc/cron.d/x' }]), /not a UUID/);
  });

  it('writes the files into a directory, leaving no temporary files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'koban-misp-feed-'));
    try {
      await writeMispFeed(join(dir, 'feed'), EVENTS);
      await writeMispFeed(join(dir, 'feed'), EVENTS);
      const names = (await readdir(join(dir, 'feed'))).sort();
      assert.deepEqual(names, [`${FIRST}.json`, `${SECOND}.json`, 'hashes.csv', 'manifest.json']);
      assert.equal(await readFile(join(dir, 'feed', 'hashes.csv'), 'utf8'), mispFeedFiles(EVENTS).get('hashes.csv'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
