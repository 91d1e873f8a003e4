import type { z } from 'zod';
import {
  GeneralManagerView,
  UnitDetail,
  UnitList,
  UnitView,
  type CreateUnitInput,
  type UnitKind,
  type UpdateUnitInput,
} from '../../../../src/modules/units/units.contract.ts';
import { api } from '../../app/api.ts';
import type { Language } from '../../i18n/i18n.tsx';

export type Unit = z.infer<typeof UnitView>;
export type UnitWithMembers = z.infer<typeof UnitDetail>;
export type GeneralManager = z.infer<typeof GeneralManagerView>;
export type { CreateUnitInput, UnitKind, UpdateUnitInput };

export const UNIT_KINDS: readonly UnitKind[] = ['national', 'regional', 'hq', 'department', 'division', 'office', 'station', 'external'];

export const unitsApi = {
  list: async () => (await api.get('/api/units', UnitList)).items,
  get: (unitId: string) => api.get(`/api/units/${encodeURIComponent(unitId)}`, UnitDetail),
  create: (input: CreateUnitInput) => api.post('/api/units', input, UnitView),
  update: (unitId: string, input: UpdateUnitInput) => api.patch(`/api/units/${encodeURIComponent(unitId)}`, input, UnitView),
  setLiaison: (unitId: string, userId: string | null) => api.put(`/api/units/${encodeURIComponent(unitId)}/liaison`, { userId }, UnitView),
  getGeneralManager: () => api.get('/api/units/general-manager', GeneralManagerView),
  setGeneralManager: (userId: string | null) => api.put('/api/units/general-manager', { userId }, GeneralManagerView),
};

export function unitName(unit: Pick<Unit, 'nameJa' | 'nameEn'>, language: Language): string {
  return language === 'ja' ? unit.nameJa : unit.nameEn;
}
