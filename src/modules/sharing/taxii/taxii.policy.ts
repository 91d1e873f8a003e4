// What a TAXII caller may do. A member organisation reads only its own group's collection and
// writes to it only when allowed to publish; a Koban user with sharing.read reads every
// collection and, with sharing.exchange, writes to any. Collections a caller may not read are
// answered 404 rather than 403, so that a member cannot learn which other groups exist.
import { can } from '#kernel/auth/index.ts';
import type { TaxiiPrincipal } from './taxii.auth.ts';

export function mayReadCollection(principal: TaxiiPrincipal, groupId: string): boolean {
  return principal.kind === 'user' || principal.member.groupId === groupId;
}

export function mayWriteCollection(principal: TaxiiPrincipal, groupId: string): boolean {
  if (principal.kind === 'user') return can(principal.actor, 'sharing.exchange');
  return principal.member.groupId === groupId && principal.member.canPublish;
}

/** A status resource is shown to the member that posted it, and to Koban users. */
export function mayReadStatus(principal: TaxiiPrincipal, status: { member_id: string | null }): boolean {
  return principal.kind === 'user' || status.member_id === principal.member.memberId;
}
