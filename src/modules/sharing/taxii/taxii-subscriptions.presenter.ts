// Subscription rows → API views. The secret never leaves; the last error is shown in the reader's language.
import { t, type Locale } from '#kernel/i18n/index.ts';
import { Tlp } from '../tlp.ts';
import { AUTH_KINDS, type SubscriptionView } from './taxii-subscriptions.contract.ts';
import type { SubscriptionRow } from './taxii-subscriptions.repository.ts';
import type { PollError, PollResult } from './taxii.poller.ts';

function pollErrorOf(text: string | null): PollError | null {
  if (text === null) return null;
  try {
    const parsed = JSON.parse(text) as Partial<PollError>;
    return { code: String(parsed.code), details: parsed.details ?? {} };
  } catch {
    return { code: 'taxii.poll_failed', details: { reason: text } };
  }
}

export function presentPollError(locale: Locale, error: PollError | null) {
  return error === null ? null : { code: error.code, message: t(locale, error.code, error.details) };
}

export function presentSubscription(locale: Locale, row: SubscriptionRow): SubscriptionView {
  return {
    id: row.id,
    name: row.name,
    apiRootUrl: row.api_root_url,
    collectionId: row.collection_id,
    auth: { kind: AUTH_KINDS.find((k) => k === row.auth_kind) ?? 'none', username: row.username, hasSecret: row.secret !== null && row.secret !== '' },
    intervalSeconds: row.interval_seconds,
    defaultTlp: Tlp.catch('amber').parse(row.default_tlp),
    enabled: row.enabled === 1,
    cursor: row.cursor,
    lastPolledAt: row.last_polled_at,
    lastStatus: row.last_status === 'ok' || row.last_status === 'failed' ? row.last_status : null,
    lastError: presentPollError(locale, pollErrorOf(row.last_error)),
    createdAt: row.created_at,
  };
}

export function presentPollResult(locale: Locale, result: PollResult, row: SubscriptionRow) {
  const counts = result.ok ? result : { batchId: null, total: 0, imported: 0, unchanged: 0, refused: 0 };
  return {
    ok: result.ok,
    batchId: counts.batchId,
    total: counts.total,
    imported: counts.imported,
    unchanged: counts.unchanged,
    refused: counts.refused,
    error: result.ok ? null : presentPollError(locale, result.error),
    subscription: presentSubscription(locale, row),
  };
}
