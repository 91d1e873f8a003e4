// Fictitious officers for the seeded units: investigators and analysts in the cyber division,
// desk officers at every station, a manager. All share the password the operator chose.
import { permissionsOf, type Actor, type Role } from '#kernel/auth/index.ts';
import type { AuditActor } from '#kernel/audit/index.ts';
import type { UnitsService } from '#modules/units/index.ts';
import type { UsersService } from '#modules/accounts/index.ts';
import { fictitiousName } from './demo.people.ts';
import type { Random } from './demo.random.ts';

export type DemoOfficer = { actor: Actor; displayName: string; unitCode: string };

type Plan = { unitCode: string; role: Role; count: number };

function staffingPlan(stationCodes: string[], scale: number): Plan[] {
  const size = (base: number, floor: number) => Math.max(floor, Math.round(base * scale));
  return [
    { unitCode: 'cyber_investigation', role: 'cyber_investigator', count: size(8, 3) },
    { unitCode: 'cyber_planning', role: 'cyber_analyst', count: size(3, 1) },
    { unitCode: 'cyber_planning', role: 'manager', count: 1 },
    { unitCode: 'ibaraki_info_comm', role: 'cyber_analyst', count: size(2, 1) },
    ...stationCodes.map((unitCode) => ({ unitCode, role: 'station_officer' as const, count: size(2, 1) })),
  ];
}

/** Creates the officers (or reuses same-named ones from an earlier --force run) and sets their password. */
export async function createOfficers(
  services: { users: UsersService; units: UnitsService },
  random: Random,
  scale: number,
  password: string,
  by: AuditActor,
): Promise<DemoOfficer[]> {
  const units = await services.units.list();
  const stationCodes = units.filter((u) => u.kind === 'station').map((u) => u.code);
  const officers: DemoOfficer[] = [];
  for (const plan of staffingPlan(stationCodes, scale)) {
    const unit = units.find((u) => u.code === plan.unitCode);
    if (!unit) continue;
    for (let n = 1; n <= plan.count; n += 1) {
      const username = `demo-${plan.unitCode.replace(/_/g, '-')}-${plan.role === 'manager' ? 'mgr' : String(n).padStart(2, '0')}`;
      const displayName = fictitiousName(random);
      const userId =
        (await services.users.findIdByUsername(username)) ??
        (await services.users.create(by, { username, displayName, roles: [plan.role], unitId: unit.id }, null)).user.id;
      await services.users.setPassword(by, userId, password, null);
      officers.push({
        displayName,
        unitCode: plan.unitCode,
        actor: { userId, username, roles: [plan.role], unitId: unit.id, permissions: permissionsOf([plan.role]), via: 'cli', credentialId: 'demo-seed' },
      });
    }
  }
  return officers;
}
