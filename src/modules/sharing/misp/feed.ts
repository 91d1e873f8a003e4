// A MISP feed directory that a MISP instance can subscribe to ("MISP Feed" format): one
// `<uuid>.json` per event, `manifest.json` listing them, and `hashes.csv` with the MD5 of every
// attribute value (each part of a composite value) and its event uuid, which MISP uses to
// correlate against a feed without fetching it. The layout follows PyMISP's feed generator.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isUuid } from './fields.ts';
import type { MispAttribute, MispEvent } from './types.ts';

function md5Hex(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

/** MISP hashes each `|`-separated part of composite types (and of malware-sample, "filename|md5"). */
function attributeHashes(attribute: MispAttribute): string[] {
  const isComposite = attribute.type.includes('|') || attribute.type === 'malware-sample';
  return (isComposite ? attribute.value.split('|') : [attribute.value]).map(md5Hex);
}

function liveAttributes(event: MispEvent): MispAttribute[] {
  const objectAttributes = event.Object.filter((object) => object.deleted !== true).flatMap((object) => object.Attribute);
  return [...event.Attribute, ...objectAttributes].filter((attribute) => attribute.deleted !== true);
}

// PyMISP writes analysis, threat level and timestamp as numbers in the manifest (the event itself keeps strings).
function manifestEntry(event: MispEvent): Record<string, unknown> {
  return {
    info: event.info,
    Orgc: { name: event.Orgc.name, uuid: event.Orgc.uuid },
    Tag: event.Tag.map((tag) => ({ name: tag.name, colour: tag.colour ?? '#ffffff' })),
    date: event.date,
    analysis: Number(event.analysis),
    threat_level_id: Number(event.threat_level_id),
    timestamp: Number(event.timestamp),
  };
}

/**
 * File name → content of a feed holding `events`.
 * @throws Error when an event uuid is not a UUID: it names a file, so it must not carry a path.
 */
export function mispFeedFiles(events: readonly MispEvent[]): Map<string, string> {
  const files = new Map<string, string>();
  const manifest: Record<string, Record<string, unknown>> = {};
  const hashLines: string[] = [];
  for (const event of events) {
    if (!isUuid(event.uuid)) throw new Error(`MISP feed: event uuid ${JSON.stringify(event.uuid.slice(0, 80))} is not a UUID`);
    files.set(`${event.uuid}.json`, JSON.stringify({ Event: event }));
    manifest[event.uuid] = manifestEntry(event);
    for (const attribute of liveAttributes(event)) for (const hash of attributeHashes(attribute)) hashLines.push(`${hash},${event.uuid}`);
  }
  files.set('hashes.csv', hashLines.map((line) => `${line}\n`).join(''));
  files.set('manifest.json', JSON.stringify(manifest));
  return files;
}

async function writeFileAtomically(path: string, content: string): Promise<void> {
  const temporary = `${path}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, content, 'utf8');
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Writes the feed of `events` into `dir` (created if missing). Each file is written to a temporary
 * name and renamed, and the manifest goes last, so a subscriber never reads a half-written file or
 * a manifest naming an event file that is not there yet. Files of events no longer listed are left.
 */
export async function writeMispFeed(dir: string, events: readonly MispEvent[]): Promise<void> {
  const files = mispFeedFiles(events);
  await mkdir(dir, { recursive: true });
  const ordered = [...files.keys()].sort((a, b) => Number(a === 'manifest.json') - Number(b === 'manifest.json'));
  for (const name of ordered) await writeFileAtomically(join(dir, name), files.get(name) ?? '');
}
