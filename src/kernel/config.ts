// Configuration is read once at start from the environment (and an optional JSON file named by
// KOBAN_CONFIG_FILE), validated and frozen. This is the only file that reads process.env.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const Env = z.object({
  KOBAN_DATA_DIR: z.string().min(1).default('./data'),
  KOBAN_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// URL')
    .optional(),
  KOBAN_HOST: z.string().min(1).default('0.0.0.0'),
  KOBAN_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  KOBAN_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KOBAN_TRUST_PROXY: booleanFlag.default(false),
  KOBAN_SECURE_COOKIES: z.enum(['auto', 'always', 'never']).default('auto'),
  KOBAN_SESSION_IDLE_MINUTES: positiveInt(30),
  KOBAN_SESSION_ABSOLUTE_HOURS: positiveInt(12),
  KOBAN_LOGIN_MAX_FAILURES: positiveInt(5),
  KOBAN_LOCKOUT_MINUTES: positiveInt(15),
  KOBAN_BODY_LIMIT_BYTES: positiveInt(1_048_576),
  KOBAN_RATE_LIMIT_PER_MINUTE: positiveInt(1200),
  KOBAN_LOGIN_RATE_LIMIT_PER_MINUTE: positiveInt(20),
  KOBAN_WEB_DIST: z.string().min(1).default('./web/dist'),
  KOBAN_SEED_UNITS: booleanFlag.default(true),
  /** Seed a fictitious prefecture's year on a start that finds no cases or intake items (`koban seed demo`). */
  KOBAN_DEMO: booleanFlag.default(false),
  KOBAN_LOCALE: z.enum(['ja', 'en']).default('ja'),
  KOBAN_SQLITE_CACHE_MB: positiveInt(256),
  KOBAN_PUBLIC_URL: z.url().default('http://localhost:8080'),
  KOBAN_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL')
    .optional(),
  KOBAN_MAIL_FROM: z.string().min(3).default('Koban <koban@localhost>'),
  KOBAN_RECEIPT_PREFIX: z
    .string()
    .regex(/^[A-Z]{2,4}$/, 'must be 2–4 capital letters')
    .default('IB'),
  KOBAN_CYBER_DIVISION_UNIT: z.string().min(1).default('cyber_investigation'),
  KOBAN_FORENSIC_UNIT: z.string().min(1).default('ibaraki_info_comm'),
  /** The producer named in STIX, TAXII and MISP exports (identity, MISP Orgc). */
  KOBAN_ORG_NAME: z.string().min(1).max(200).default('茨城県警察 Ibaraki Prefectural Police'),
  KOBAN_EVIDENCE_MAX_BYTES: positiveInt(2 * 1024 * 1024 * 1024),
  KOBAN_DUTY_DESK_EMAIL: z.email().optional(),
  KOBAN_ATTACHMENT_MAX_BYTES: positiveInt(5 * 1024 * 1024),
  KOBAN_REPORT_MAX_BYTES: positiveInt(20 * 1024 * 1024),
  KOBAN_ATTACHMENT_MAX_FILES: positiveInt(10),
  KOBAN_REPORT_RATE_LIMIT_PER_HOUR: positiveInt(20),
  KOBAN_POW_THRESHOLD_PER_MINUTE: positiveInt(600),
  KOBAN_POW_DIFFICULTY_BITS: z.coerce.number().int().min(0).max(30).default(18),
  KOBAN_ESCALATION_INTERVAL_SECONDS: positiveInt(60),
});

export type Config = Readonly<{
  dataDir: string;
  sqlitePath: string;
  /** SQLite page cache per connection; grows only as pages are used. */
  sqliteCacheMb: number;
  /** Where content-addressed files (attachments, evidence) live: <dataDir>/files. */
  filesDir: string;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  receiptPrefix: string;
  cyberDivisionUnit: string;
  /** Unit code that analysis requests (解析依頼) go to unless another unit is named: 情報通信部 情報技術解析. */
  forensicUnit: string;
  orgName: string;
  /** Largest evidence file accepted in one upload. */
  evidenceMaxBytes: number;
  dutyDeskEmail: string | undefined;
  attachmentMaxBytes: number;
  reportMaxBytes: number;
  attachmentMaxFiles: number;
  reportRateLimitPerHour: number;
  powThresholdPerMinute: number;
  powDifficultyBits: number;
  escalationIntervalSeconds: number;
  databaseUrl: string | undefined;
  host: string;
  port: number;
  logLevel: z.infer<typeof Env>['KOBAN_LOG_LEVEL'];
  trustProxy: boolean;
  secureCookies: 'auto' | 'always' | 'never';
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginMaxFailures: number;
  lockoutMinutes: number;
  bodyLimitBytes: number;
  rateLimitPerMinute: number;
  loginRateLimitPerMinute: number;
  webDist: string;
  seedUnits: boolean;
  demo: boolean;
  locale: 'ja' | 'en';
}>;

export type ConfigProblem = { variable: string; message: string };

export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type EnvSource = Record<string, string | undefined>;

function readConfigFile(path: string): { values: EnvSource; problems: ConfigProblem[] } {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return { values: {}, problems: [{ variable: 'KOBAN_CONFIG_FILE', message: 'must hold a JSON object' }] };
    }
    const values: EnvSource = {};
    for (const [key, value] of Object.entries(parsed)) values[key] = String(value);
    return { values, problems: [] };
  } catch (error) {
    return { values: {}, problems: [{ variable: 'KOBAN_CONFIG_FILE', message: `cannot read ${path}: ${(error as Error).message}` }] };
  }
}

/** Validates every variable and throws ConfigError naming each bad one. The environment wins over the file. */
export function loadConfig(env: EnvSource = process.env, overrides: EnvSource = {}): Config {
  const problems: ConfigProblem[] = [];
  let fileValues: EnvSource = {};
  const configFile = overrides.KOBAN_CONFIG_FILE ?? env.KOBAN_CONFIG_FILE;
  if (configFile) {
    const file = readConfigFile(configFile);
    fileValues = file.values;
    problems.push(...file.problems);
  }
  const merged: EnvSource = { ...fileValues };
  for (const key of Object.keys(Env.shape)) {
    const value = overrides[key] ?? env[key];
    if (value !== undefined && value !== '') merged[key] = value;
  }
  const parsed = Env.safeParse(merged);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push({ variable: String(issue.path[0] ?? '?'), message: issue.message });
  }
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  const e = parsed.data;
  const dataDir = resolve(e.KOBAN_DATA_DIR);
  return Object.freeze({
    dataDir,
    sqlitePath: resolve(dataDir, 'koban.db'),
    sqliteCacheMb: e.KOBAN_SQLITE_CACHE_MB,
    filesDir: resolve(dataDir, 'files'),
    publicUrl: e.KOBAN_PUBLIC_URL.replace(/\/+$/, ''),
    smtpUrl: e.KOBAN_SMTP_URL,
    mailFrom: e.KOBAN_MAIL_FROM,
    receiptPrefix: e.KOBAN_RECEIPT_PREFIX,
    cyberDivisionUnit: e.KOBAN_CYBER_DIVISION_UNIT,
    forensicUnit: e.KOBAN_FORENSIC_UNIT,
    orgName: e.KOBAN_ORG_NAME,
    evidenceMaxBytes: e.KOBAN_EVIDENCE_MAX_BYTES,
    dutyDeskEmail: e.KOBAN_DUTY_DESK_EMAIL,
    attachmentMaxBytes: e.KOBAN_ATTACHMENT_MAX_BYTES,
    reportMaxBytes: e.KOBAN_REPORT_MAX_BYTES,
    attachmentMaxFiles: e.KOBAN_ATTACHMENT_MAX_FILES,
    reportRateLimitPerHour: e.KOBAN_REPORT_RATE_LIMIT_PER_HOUR,
    powThresholdPerMinute: e.KOBAN_POW_THRESHOLD_PER_MINUTE,
    powDifficultyBits: e.KOBAN_POW_DIFFICULTY_BITS,
    escalationIntervalSeconds: e.KOBAN_ESCALATION_INTERVAL_SECONDS,
    databaseUrl: e.KOBAN_DATABASE_URL,
    host: e.KOBAN_HOST,
    port: e.KOBAN_PORT,
    logLevel: e.KOBAN_LOG_LEVEL,
    trustProxy: e.KOBAN_TRUST_PROXY,
    secureCookies: e.KOBAN_SECURE_COOKIES,
    sessionIdleMinutes: e.KOBAN_SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.KOBAN_SESSION_ABSOLUTE_HOURS,
    loginMaxFailures: e.KOBAN_LOGIN_MAX_FAILURES,
    lockoutMinutes: e.KOBAN_LOCKOUT_MINUTES,
    bodyLimitBytes: e.KOBAN_BODY_LIMIT_BYTES,
    rateLimitPerMinute: e.KOBAN_RATE_LIMIT_PER_MINUTE,
    loginRateLimitPerMinute: e.KOBAN_LOGIN_RATE_LIMIT_PER_MINUTE,
    webDist: resolve(e.KOBAN_WEB_DIST),
    seedUnits: e.KOBAN_SEED_UNITS,
    demo: e.KOBAN_DEMO,
    locale: e.KOBAN_LOCALE,
  });
}
