// The one place that decides who may do what. Every route names a permission; a role grants a
// fixed set; anything not granted is denied.
export const ROLES = ['admin', 'cyber_investigator', 'cyber_analyst', 'station_officer', 'csirt', 'manager', 'partner'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'profile.self',
  'token.own',
  'user.read',
  'user.manage',
  'unit.read',
  'unit.manage',
  'unit.liaison.manage',
  'audit.read',
  'audit.verify',
  'observable.read',
  'observable.write',
  'intake.read',
  'intake.read_all',
  'intake.write',
  'intake.rules',
  'case.open',
  'case.read',
  'case.write',
  'notification.read',
  'stats.read',
  'threat.read',
  'threat.manage',
  'sharing.read',
  'sharing.exchange',
  'sharing.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What a route may declare: a permission, or one of the two states that need none. */
export type RouteAccess = Permission | 'public' | 'session';

const STAFF: readonly Permission[] = ['profile.self', 'token.own', 'unit.read', 'user.read', 'observable.read', 'notification.read', 'threat.read'];
/** Who takes in reports and consultations; `intake.read_all` sees every unit's items, the rest their unit's. */
const INTAKE: readonly Permission[] = ['intake.read', 'intake.write', 'case.open', 'case.read', 'case.write'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [
    ...STAFF,
    'user.manage',
    'unit.manage',
    'unit.liaison.manage',
    'audit.read',
    'audit.verify',
    'intake.read',
    'intake.read_all',
    'intake.rules',
    'stats.read',
    'sharing.read',
    'sharing.manage',
  ],
  manager: [...STAFF, 'unit.liaison.manage', 'audit.read', 'audit.verify', 'intake.read', 'intake.read_all', 'case.read', 'stats.read', 'sharing.read'],
  cyber_investigator: [...STAFF, 'observable.write', ...INTAKE, 'intake.read_all', 'stats.read', 'threat.manage', 'sharing.read', 'sharing.exchange'],
  cyber_analyst: [
    ...STAFF,
    'observable.write',
    ...INTAKE,
    'intake.read_all',
    'stats.read',
    'threat.manage',
    'sharing.read',
    'sharing.exchange',
    'sharing.manage',
  ],
  station_officer: [...STAFF, ...INTAKE],
  csirt: [...STAFF, 'audit.read', 'observable.write', 'sharing.read', 'sharing.exchange'],
  partner: ['profile.self', 'token.own'],
};

/** Roles that must use a second factor before they get any permission. */
export const ROLES_REQUIRING_TOTP: readonly Role[] = ['admin'];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const granted = new Set<Permission>();
  for (const role of roles) for (const permission of ROLE_PERMISSIONS[role]) granted.add(permission);
  return granted;
}

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}
