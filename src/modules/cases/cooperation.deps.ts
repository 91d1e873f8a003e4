// What the cooperation use cases are built from: the kernel parts and the services they call.
import type { KernelDeps } from '#kernel/services.ts';
import type { UsersService } from '#modules/accounts/index.ts';
import type { NotificationsService } from '#modules/notifications/index.ts';
import type { UnitsService } from '#modules/units/index.ts';
import type { CasesService } from './cases.service.ts';

export type CooperationDeps = Pick<KernelDeps, 'database' | 'clock' | 'audit' | 'config'>;
export type CooperationCollaborators = { cases: CasesService; units: UnitsService; users: UsersService; notifications: NotificationsService };
