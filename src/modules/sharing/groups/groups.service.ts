// Sharing groups (共有グループ: all prefectures, the cyber-terrorism council, JC3 …) and their member
// organisations. A group has the highest TLP its members may receive; each member gets a TAXII
// token shown once (only its SHA-256 is kept) and may be allowed to add objects to the collection.
import type { AuditActor } from '#kernel/audit/index.ts';
import { AppError } from '#kernel/errors.ts';
import { newId, randomToken, sha256Hex } from '#kernel/ids.ts';
import type { KernelDeps } from '#kernel/services.ts';
import { isUniqueViolation } from '#kernel/db/index.ts';
import { sharingErrors } from '../sharing.errors.ts';
import type { Tlp } from '../tlp.ts';

export type GroupInput = { name: string; description: string; maxTlp: Tlp; includePersonal: boolean };
export type MemberInput = { organisation: string; contact: string; canPublish: boolean };

export type SharingGroup = {
  id: string;
  name: string;
  description: string;
  maxTlp: Tlp;
  includePersonal: boolean;
  createdAt: string;
  members: {
    id: string;
    organisation: string;
    contact: string;
    canPublish: boolean;
    tokenHint: string | null;
    lastUsedAt: string | null;
    revokedAt: string | null;
  }[];
};

/** A member organisation as a TAXII request names it. */
export type MemberPrincipal = { memberId: string; groupId: string; organisation: string; canPublish: boolean };

const TOKEN_PREFIX = 'kbt_';

export function createSharingGroups({ database, clock, audit }: Pick<KernelDeps, 'database' | 'clock' | 'audit'>) {
  const db = database.db;

  async function get(groupId: string): Promise<SharingGroup> {
    const row = await db.selectFrom('sharing_group').selectAll().where('id', '=', groupId).executeTakeFirst();
    if (!row) throw new AppError(sharingErrors.group_not_found, { groupId });
    const members = await db.selectFrom('sharing_member').selectAll().where('group_id', '=', groupId).orderBy('created_at').execute();
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      maxTlp: row.max_tlp as Tlp,
      includePersonal: row.include_personal === 1,
      createdAt: row.created_at,
      members: members.map((m) => ({
        id: m.id,
        organisation: m.organisation,
        contact: m.contact,
        canPublish: m.can_publish === 1,
        tokenHint: m.token_hint,
        lastUsedAt: m.last_used_at,
        revokedAt: m.revoked_at,
      })),
    };
  }

  return {
    get,

    async list(): Promise<SharingGroup[]> {
      const rows = await db.selectFrom('sharing_group').select('id').orderBy('name').execute();
      return Promise.all(rows.map((r) => get(r.id)));
    },

    async findByName(name: string): Promise<SharingGroup | null> {
      const row = await db.selectFrom('sharing_group').select('id').where('name', '=', name).executeTakeFirst();
      return row ? get(row.id) : null;
    },

    async create(actor: AuditActor, userId: string | null, input: GroupInput, requestId: string | null): Promise<SharingGroup> {
      const at = clock.now().toISOString();
      const id = newId(clock.now().getTime());
      try {
        await db.transaction().execute(async (trx) => {
          await trx
            .insertInto('sharing_group')
            .values({
              id,
              name: input.name,
              description: input.description,
              max_tlp: input.maxTlp,
              include_personal: input.includePersonal ? 1 : 0,
              created_by: userId,
              created_at: at,
              updated_at: at,
            })
            .execute();
          await audit.record(trx, { actor, action: 'sharing.group_created', target: { type: 'sharing_group', id }, changes: { ...input }, requestId });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError(sharingErrors.duplicate_group, { name: input.name }, { cause: error });
        throw error;
      }
      return get(id);
    },

    async update(
      actor: AuditActor,
      groupId: string,
      changes: { [K in keyof GroupInput]?: GroupInput[K] | undefined },
      requestId: string | null,
    ): Promise<SharingGroup> {
      await get(groupId);
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('sharing_group')
          .set({
            ...(changes.name !== undefined ? { name: changes.name } : {}),
            ...(changes.description !== undefined ? { description: changes.description } : {}),
            ...(changes.maxTlp !== undefined ? { max_tlp: changes.maxTlp } : {}),
            ...(changes.includePersonal !== undefined ? { include_personal: changes.includePersonal ? 1 : 0 } : {}),
            updated_at: clock.now().toISOString(),
          })
          .where('id', '=', groupId)
          .execute();
        await audit.record(trx, { actor, action: 'sharing.group_updated', target: { type: 'sharing_group', id: groupId }, changes, requestId });
      });
      return get(groupId);
    },

    /** Adds a member organisation; the returned token is shown once and never stored. */
    async addMember(actor: AuditActor, userId: string | null, groupId: string, input: MemberInput, requestId: string | null) {
      await get(groupId);
      const token = `${TOKEN_PREFIX}${randomToken(32)}`;
      const id = newId(clock.now().getTime());
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('sharing_member')
          .values({
            id,
            group_id: groupId,
            organisation: input.organisation,
            contact: input.contact,
            token_hash: sha256Hex(token),
            token_hint: token.slice(-4),
            can_publish: input.canPublish ? 1 : 0,
            created_by: userId,
            created_at: clock.now().toISOString(),
          })
          .execute();
        await audit.record(trx, {
          actor,
          action: 'sharing.member_added',
          target: { type: 'sharing_group', id: groupId },
          changes: { memberId: id, organisation: input.organisation, canPublish: input.canPublish },
          requestId,
        });
      });
      return { memberId: id, token };
    },

    async revokeMember(actor: AuditActor, groupId: string, memberId: string, requestId: string | null): Promise<void> {
      const member = await db.selectFrom('sharing_member').select('id').where('id', '=', memberId).where('group_id', '=', groupId).executeTakeFirst();
      if (!member) throw new AppError(sharingErrors.member_not_found, { memberId });
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('sharing_member').set({ revoked_at: clock.now().toISOString(), token_hash: null }).where('id', '=', memberId).execute();
        await audit.record(trx, { actor, action: 'sharing.member_revoked', target: { type: 'sharing_group', id: groupId }, changes: { memberId }, requestId });
      });
    },

    /** The member a TAXII token belongs to (bearer token, or the password of basic auth); null if none or revoked. */
    async authenticate(token: string): Promise<MemberPrincipal | null> {
      if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
      const row = await db
        .selectFrom('sharing_member')
        .select(['id', 'group_id', 'organisation', 'can_publish'])
        .where('token_hash', '=', sha256Hex(token))
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (!row) return null;
      await db.updateTable('sharing_member').set({ last_used_at: clock.now().toISOString() }).where('id', '=', row.id).execute();
      return { memberId: row.id, groupId: row.group_id, organisation: row.organisation, canPublish: row.can_publish === 1 };
    },
  };
}

export type SharingGroups = ReturnType<typeof createSharingGroups>;
