import type { AuditActor } from '../audit/index.ts';
import type { Permission, Role } from './policy.ts';

/** Who is making a request, with the permissions already worked out by the policy. */
export type Actor = {
  userId: string;
  username: string;
  roles: Role[];
  unitId: string | null;
  permissions: ReadonlySet<Permission>;
  via: 'session' | 'token' | 'cli';
  credentialId: string;
};

export function can(actor: Actor | undefined, permission: Permission): boolean {
  return actor !== undefined && actor.permissions.has(permission);
}

export function auditActorOf(actor: Actor | undefined): AuditActor {
  if (!actor) return { type: 'public', id: null };
  if (actor.via === 'token') return { type: 'token', id: actor.userId };
  if (actor.via === 'cli') return { type: 'cli', id: actor.userId };
  return { type: 'user', id: actor.userId };
}

export const SYSTEM_ACTOR: AuditActor = { type: 'system', id: null };
