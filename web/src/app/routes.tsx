// The route table: URL pattern, permission needed (null: any signed-in user), and the page,
// loaded on demand so each page is its own chunk.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { matchPath } from './router.tsx';

export type PageProps = { params: Readonly<Record<string, string>> };

export type RouteDefinition = {
  path: string;
  permission: string | null;
  page: LazyExoticComponent<ComponentType<PageProps>>;
};

const HomePage = lazy(() => import('../features/home/HomePage.tsx').then((m) => ({ default: m.HomePage })));
const UnitsPage = lazy(() => import('../features/units/UnitsPage.tsx').then((m) => ({ default: m.UnitsPage })));
const UsersPage = lazy(() => import('../features/users/UsersPage.tsx').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('../features/audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
const TokensPage = lazy(() => import('../features/tokens/TokensPage.tsx').then((m) => ({ default: m.TokensPage })));
const ObservablesPage = lazy(() => import('../features/observables/ObservablesPage.tsx').then((m) => ({ default: m.ObservablesPage })));
const ObservableLookupPage = lazy(() => import('../features/observables/ObservableLookupPage.tsx').then((m) => ({ default: m.ObservableLookupPage })));
const ObservableDetailPage = lazy(() => import('../features/observables/ObservableDetailPage.tsx').then((m) => ({ default: m.ObservableDetailPage })));
const IntakeQueuePage = lazy(() => import('../features/intake/IntakeQueuePage.tsx').then((m) => ({ default: m.IntakeQueuePage })));
const IntakeItemPage = lazy(() => import('../features/intake/IntakeItemPage.tsx').then((m) => ({ default: m.IntakeItemPage })));
const ConsultationPage = lazy(() => import('../features/intake/ConsultationPage.tsx').then((m) => ({ default: m.ConsultationPage })));
const RoutingRulesPage = lazy(() => import('../features/intake/RoutingRulesPage.tsx').then((m) => ({ default: m.RoutingRulesPage })));
const CasesPage = lazy(() => import('../features/cases/CasesPage.tsx').then((m) => ({ default: m.CasesPage })));
const CaseNewPage = lazy(() => import('../features/cases/CaseNewPage.tsx').then((m) => ({ default: m.CaseNewPage })));
const StatsPage = lazy(() => import('../features/stats/StatsPage.tsx').then((m) => ({ default: m.StatsPage })));
const CasePage = lazy(() => import('../features/cases/CasePage.tsx').then((m) => ({ default: m.CasePage })));
const AnalysisRequestsPage = lazy(() => import('../features/analysis/AnalysisRequestsPage.tsx').then((m) => ({ default: m.AnalysisRequestsPage })));
const ThreatsPage = lazy(() => import('../features/threats/ThreatsPage.tsx').then((m) => ({ default: m.ThreatsPage })));
const RansomwarePage = lazy(() => import('../features/threats/RansomwarePage.tsx').then((m) => ({ default: m.RansomwarePage })));
const ThreatPage = lazy(() => import('../features/threats/ThreatPage.tsx').then((m) => ({ default: m.ThreatPage })));
const SearchPage = lazy(() => import('../features/search/SearchPage.tsx').then((m) => ({ default: m.SearchPage })));
const SupportRequestsPage = lazy(() => import('../features/support/SupportRequestsPage.tsx').then((m) => ({ default: m.SupportRequestsPage })));
const SharingGroupsPage = lazy(() => import('../features/sharing/SharingGroupsPage.tsx').then((m) => ({ default: m.SharingGroupsPage })));
const SharingGroupPage = lazy(() => import('../features/sharing/SharingGroupPage.tsx').then((m) => ({ default: m.SharingGroupPage })));
const SharingImportsPage = lazy(() => import('../features/sharing/SharingImportsPage.tsx').then((m) => ({ default: m.SharingImportsPage })));
const SharingImportPage = lazy(() => import('../features/sharing/SharingImportPage.tsx').then((m) => ({ default: m.SharingImportPage })));
const SharingExportPage = lazy(() => import('../features/sharing/SharingExportPage.tsx').then((m) => ({ default: m.SharingExportPage })));
const TaxiiSubscriptionsPage = lazy(() => import('../features/sharing/TaxiiSubscriptionsPage.tsx').then((m) => ({ default: m.TaxiiSubscriptionsPage })));
const GraphPage = lazy(() => import('../features/graph/GraphPage.tsx').then((m) => ({ default: m.GraphPage })));

const ReportPage = lazy(() => import('../features/report/ReportPage.tsx').then((m) => ({ default: m.ReportPage })));
const ReportStatusPage = lazy(() => import('../features/report/ReportStatusPage.tsx').then((m) => ({ default: m.ReportStatusPage })));

/**
 * Home lives at /home rather than /: the server currently answers a 500 for GET / (its static
 * handler has index: false), so a reload there would fail. '/' is sent on to /home.
 */
export const ROOT_REDIRECT = { from: '/', to: '/home' } as const;

export const ROUTES: readonly RouteDefinition[] = [
  { path: '/home', permission: null, page: HomePage },
  { path: '/units', permission: 'unit.read', page: UnitsPage },
  { path: '/units/:unitId', permission: 'unit.read', page: UnitsPage },
  { path: '/admin/users', permission: 'user.manage', page: UsersPage },
  { path: '/audit', permission: 'audit.read', page: AuditPage },
  { path: '/tokens', permission: 'token.own', page: TokensPage },
  { path: '/observables', permission: 'observable.read', page: ObservablesPage },
  // Before '/observables/:observableId', which would otherwise take 'lookup' for an id.
  { path: '/observables/lookup', permission: 'observable.read', page: ObservableLookupPage },
  { path: '/observables/:observableId', permission: 'observable.read', page: ObservableDetailPage },
  { path: '/intake', permission: 'intake.read', page: IntakeQueuePage },
  // Before '/intake/:itemId', which would otherwise take 'new' and 'rules' for ids.
  { path: '/intake/new', permission: 'intake.write', page: ConsultationPage },
  { path: '/intake/rules', permission: 'intake.read', page: RoutingRulesPage },
  { path: '/intake/:itemId', permission: 'intake.read', page: IntakeItemPage },
  { path: '/cases', permission: 'case.read', page: CasesPage },
  // Before '/cases/:caseId', which would otherwise take 'new' for an id.
  { path: '/cases/new', permission: 'case.open', page: CaseNewPage },
  { path: '/cases/:caseId', permission: 'case.read', page: CasePage },
  { path: '/analysis-requests', permission: 'case.read', page: AnalysisRequestsPage },
  { path: '/support-requests', permission: 'case.read', page: SupportRequestsPage },
  { path: '/graph', permission: 'case.read', page: GraphPage },
  { path: '/threats', permission: 'threat.read', page: ThreatsPage },
  // Before '/threats/:threatId', which would otherwise take 'ransomware' for an id.
  { path: '/threats/ransomware', permission: 'stats.read', page: RansomwarePage },
  { path: '/threats/:threatId', permission: 'threat.read', page: ThreatPage },
  // Anyone signed in: the hits are only what the viewer may open.
  { path: '/search', permission: null, page: SearchPage },
  { path: '/stats', permission: 'stats.read', page: StatsPage },
  { path: '/sharing', permission: 'sharing.read', page: SharingGroupsPage },
  { path: '/sharing/groups/:groupId', permission: 'sharing.read', page: SharingGroupPage },
  { path: '/sharing/imports', permission: 'sharing.read', page: SharingImportsPage },
  { path: '/sharing/imports/:batchId', permission: 'sharing.read', page: SharingImportPage },
  { path: '/sharing/export', permission: 'sharing.exchange', page: SharingExportPage },
  { path: '/sharing/taxii', permission: 'sharing.exchange', page: TaxiiSubscriptionsPage },
];

/** Pages anyone may open without logging in (the public portal): drawn in PublicFrame, never the shell. */
export const PUBLIC_ROUTES: readonly Omit<RouteDefinition, 'permission'>[] = [
  { path: '/report', page: ReportPage },
  { path: '/report/status', page: ReportStatusPage },
];

export type PublicRouteMatch = { page: RouteDefinition['page']; params: Readonly<Record<string, string>> };

export function matchPublicRoute(pathname: string): PublicRouteMatch | null {
  for (const route of PUBLIC_ROUTES) {
    const params = matchPath(route.path, pathname);
    if (params) return { page: route.page, params };
  }
  return null;
}

export const PATHS = {
  home: '/home',
  report: '/report',
  reportStatus: '/report/status',
  units: '/units',
  unit: (unitId: string) => `/units/${encodeURIComponent(unitId)}`,
  users: '/admin/users',
  audit: '/audit',
  tokens: '/tokens',
  observables: '/observables',
  observablesLookup: '/observables/lookup',
  observable: (observableId: number) => `/observables/${String(observableId)}`,
  intake: '/intake',
  intakeNew: '/intake/new',
  intakeRules: '/intake/rules',
  intakeItem: (itemId: string) => `/intake/${encodeURIComponent(itemId)}`,
  cases: '/cases',
  stats: '/stats',
  caseNew: '/cases/new',
  case: (caseId: string) => `/cases/${encodeURIComponent(caseId)}`,
  analysisRequests: '/analysis-requests',
  supportRequests: '/support-requests',
  search: '/search',
  threats: '/threats',
  ransomware: '/threats/ransomware',
  threat: (threatId: string) => `/threats/${encodeURIComponent(threatId)}`,
  sharing: '/sharing',
  sharingGroup: (groupId: string) => `/sharing/groups/${encodeURIComponent(groupId)}`,
  sharingImports: '/sharing/imports',
  sharingImport: (batchId: string) => `/sharing/imports/${encodeURIComponent(batchId)}`,
  sharingExport: '/sharing/export',
  sharingTaxii: '/sharing/taxii',
} as const;
