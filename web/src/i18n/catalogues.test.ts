// The two catalogues must have the same keys, no empty values, the same {placeholders}, and
// every t('key') written in the web source must exist.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const webSource = join(here, '..');

function readCatalogue(name: string): Record<string, string> {
  const parsed: unknown = JSON.parse(readFileSync(join(here, name), 'utf8'));
  assert.ok(typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed), `${name} must hold one JSON object`);
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    assert.equal(typeof value, 'string', `${name}: ${key} must be a string`);
    result[key] = String(value);
  }
  return result;
}

const catalogues = { ja: readCatalogue('ja.json'), en: readCatalogue('en.json') };

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (name.endsWith('.tsx')) out.push(path);
  }
  return out;
}

function placeholders(value: string): string[] {
  return [...value.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

test('every key exists in both languages', () => {
  const jaKeys = Object.keys(catalogues.ja);
  const enKeys = Object.keys(catalogues.en);
  assert.deepEqual(
    jaKeys.filter((key) => !(key in catalogues.en)),
    [],
    'keys in ja.json missing from en.json',
  );
  assert.deepEqual(
    enKeys.filter((key) => !(key in catalogues.ja)),
    [],
    'keys in en.json missing from ja.json',
  );
});

test('no value is empty', () => {
  for (const [language, catalogue] of Object.entries(catalogues)) {
    const empty = Object.entries(catalogue)
      .filter(([, value]) => value.trim() === '')
      .map(([key]) => key);
    assert.deepEqual(empty, [], `empty values in ${language}.json`);
  }
});

test('both languages use the same placeholders', () => {
  const different = Object.keys(catalogues.ja).filter((key) => placeholders(catalogues.ja[key] ?? '').join() !== placeholders(catalogues.en[key] ?? '').join());
  assert.deepEqual(different, []);
});

test("every t('…') key in web/src/**/*.tsx exists in the catalogues", () => {
  const files = sourceFiles(webSource);
  assert.ok(files.length > 10, 'expected to scan the web sources');
  const missing: string[] = [];
  let found = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bt\(\s*['"]([^'"]+)['"]/g)) {
      found += 1;
      const key = match[1] ?? '';
      if (!(key in catalogues.ja) || !(key in catalogues.en)) missing.push(`${relative(webSource, file)}: ${key}`);
    }
  }
  assert.ok(found > 50, `expected many t() calls, found ${found}`);
  assert.deepEqual(missing, []);
});
