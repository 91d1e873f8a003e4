// Runs the suites with Node's test runner. Node 20 does not expand globs, so files are listed here.
//   node scripts/run-tests.mjs          unit + API tests (SQLite, or PostgreSQL if KOBAN_TEST_DATABASE_URL is set)
//   node scripts/run-tests.mjs --pg     the same suite against PostgreSQL (default URL: local server)
//   node scripts/run-tests.mjs --e2e    browser tests (tests/e2e/*.spec.ts)
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const e2e = args.includes('--e2e');
const env = { ...process.env };
if (args.includes('--pg')) env.KOBAN_TEST_DATABASE_URL ||= 'postgres://postgres@127.0.0.1:5432/postgres';

function collect(dir, suffix, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) collect(path, suffix, out);
    else if (name.endsWith(suffix)) out.push(path);
  }
  return out;
}

const files = e2e ? collect('tests/e2e', '.spec.ts') : [...collect('src', '.test.ts'), ...collect('tests', '.test.ts'), ...collect('web/src', '.test.ts')];
const only = args.filter((a) => !a.startsWith('--'));
const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...selected.sort()], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
