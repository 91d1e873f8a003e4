import type { z } from 'zod';
import {
  UserList,
  UserSummary,
  UserWithPassword,
  type CreateUserInput,
  type RoleName,
  type UpdateUserInput,
} from '../../../../src/modules/accounts/accounts.contract.ts';
import { api } from '../../app/api.ts';

export type User = z.infer<typeof UserSummary>;
export type { CreateUserInput, RoleName, UpdateUserInput };

export const ROLE_NAMES: readonly RoleName[] = ['admin', 'cyber_investigator', 'cyber_analyst', 'station_officer', 'csirt', 'manager', 'partner'];

export const usersApi = {
  list: async () => (await api.get('/api/users', UserList)).items,
  create: (input: CreateUserInput) => api.post('/api/users', input, UserWithPassword),
  update: (userId: string, input: UpdateUserInput) => api.patch(`/api/users/${encodeURIComponent(userId)}`, input, UserSummary),
  resetPassword: (userId: string) => api.post(`/api/users/${encodeURIComponent(userId)}/reset-password`, {}, UserWithPassword),
};
