// API tokens for machines: shown once, stored as a SHA-256 hash, scoped to a subset of the
// owner's permissions, revocable.
import { AppError } from '#kernel/errors.ts';
import { auditActorOf, isPermission, type Actor } from '#kernel/auth/index.ts';
import { addMinutes } from '#kernel/clock.ts';
import { newId, randomToken, sha256Hex } from '#kernel/ids.ts';
import type { KernelDeps } from '#kernel/services.ts';
import type { CreateApiTokenInput } from './accounts.contract.ts';
import * as repo from './accounts.repository.ts';
import { cacheClearingTransaction, type CredentialCache } from './credential-cache.ts';
import { authErrors } from './accounts.errors.ts';
import { presentApiToken } from './accounts.presenter.ts';

export const API_TOKEN_PREFIX = 'kbn_';

export function createTokensService({ database, clock, audit }: KernelDeps, cache: CredentialCache) {
  const db = database.db;

  const write = cacheClearingTransaction(db, cache);
  return {
    async list(actor: Actor) {
      return (await repo.listApiTokensOfUser(db, actor.userId)).map(presentApiToken);
    },

    async create(actor: Actor, input: CreateApiTokenInput, requestId: string | null) {
      // A token may not mint tokens: a child would outlive its parent's expiry and revocation.
      if (actor.via === 'token') throw new AppError(authErrors.token_cannot_create_token);
      for (const scope of input.scopes) {
        if (!isPermission(scope) || !actor.permissions.has(scope)) throw new AppError(authErrors.scope_not_allowed, { scope });
      }
      const token = `${API_TOKEN_PREFIX}${randomToken()}`;
      const now = clock.now();
      const row = {
        id: newId(),
        user_id: actor.userId,
        name: input.name,
        token_hash: sha256Hex(token),
        scopes: JSON.stringify([...new Set(input.scopes)].sort()),
        created_at: now.toISOString(),
        expires_at: input.expiresInDays ? addMinutes(now, input.expiresInDays * 1440).toISOString() : null,
      };
      await write(async (trx) => {
        await repo.insertApiToken(trx, row);
        await audit.record(trx, {
          actor: auditActorOf(actor),
          action: 'token.created',
          target: { type: 'api_token', id: row.id },
          changes: { name: row.name, scopes: row.scopes, expiresAt: row.expires_at },
          requestId,
        });
      });
      const stored = await repo.findApiToken(db, row.id);
      if (!stored) throw new AppError(authErrors.token_not_found);
      return { token, apiToken: presentApiToken(stored) };
    },

    async revoke(actor: Actor, tokenId: string, requestId: string | null): Promise<void> {
      const row = await repo.findApiToken(db, tokenId);
      if (!row || row.user_id !== actor.userId) throw new AppError(authErrors.token_not_found);
      if (row.revoked_at) return;
      await write(async (trx) => {
        await repo.revokeApiToken(trx, tokenId, clock.now().toISOString());
        await audit.record(trx, { actor: auditActorOf(actor), action: 'token.revoked', target: { type: 'api_token', id: tokenId }, requestId });
      });
    },
  };
}

export type TokensService = ReturnType<typeof createTokensService>;
