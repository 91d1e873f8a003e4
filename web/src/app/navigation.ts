// What the navbar lists: live pages (shown only when permitted) and the modules still to come.
import type { MessageKey } from '../i18n/i18n.tsx';
import { PATHS } from './routes.tsx';

export type LiveNavItem = { labelKey: MessageKey; href: string; permission: string | null };

export const LIVE_NAV: readonly LiveNavItem[] = [
  { labelKey: 'nav.home', href: PATHS.home, permission: null },
  { labelKey: 'nav.units', href: PATHS.units, permission: 'unit.read' },
  { labelKey: 'nav.users', href: PATHS.users, permission: 'user.manage' },
  { labelKey: 'nav.audit', href: PATHS.audit, permission: 'audit.read' },
  { labelKey: 'nav.intake', href: PATHS.intake, permission: 'intake.read' },
  { labelKey: 'nav.cases', href: PATHS.cases, permission: 'case.read' },
  { labelKey: 'nav.analysis', href: PATHS.analysisRequests, permission: 'case.read' },
  { labelKey: 'nav.support_requests', href: PATHS.supportRequests, permission: 'case.read' },
  { labelKey: 'nav.observables', href: PATHS.observables, permission: 'observable.read' },
  { labelKey: 'nav.threats', href: PATHS.threats, permission: 'threat.read' },
  { labelKey: 'nav.sharing', href: PATHS.sharing, permission: 'sharing.read' },
  { labelKey: 'nav.search', href: PATHS.search, permission: null },
  { labelKey: 'nav.stats_page', href: PATHS.stats, permission: 'stats.read' },
  { labelKey: 'nav.tokens', href: PATHS.tokens, permission: 'token.own' },
];

export const COMING_SOON_NAV: readonly MessageKey[] = ['nav.dashboard', 'nav.countermeasures', 'nav.outreach', 'nav.people', 'nav.csirt', 'nav.sensors'];

/** The nav item for a path: exact for home, prefix for the others (/units/abc → /units). */
export function isNavItemActive(href: string, pathname: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
