// Names for unit and user ids, resolved from the directory lists the viewer may read. An id the
// viewer cannot resolve (or every id, when the lists are not permitted) is shown as it is.
import { useCan } from '../../app/session.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { useI18n, type Language } from '../../i18n/i18n.tsx';
import { unitName, unitsApi, type Unit } from '../units/units.api.ts';
import { usersApi, type User } from './users.api.ts';

export type Directory = { unitLabel: (unitId: string | null) => string; personLabel: (userId: string | null) => string };

/** `none` names an absent unit (未割当 in the intake queue). */
export function makeDirectory(units: readonly Unit[], people: readonly User[], language: Language, none: string): Directory {
  return {
    unitLabel: (unitId) => {
      if (!unitId) return none;
      const unit = units.find((candidate) => candidate.id === unitId);
      return unit ? unitName(unit, language) : unitId;
    },
    personLabel: (userId) => {
      if (!userId) return '—';
      return people.find((person) => person.id === userId)?.displayName ?? userId;
    },
  };
}

export type LoadedDirectory = Directory & { units: readonly Unit[]; people: readonly User[] };

/** The unit and user lists (each only with unit.read / user.read, else empty) and the labels they give. */
export function useDirectory(none: string): LoadedDirectory {
  const { language } = useI18n();
  const can = useCan();
  const units = useApiQuery(async () => (can('unit.read') ? unitsApi.list() : []));
  const people = useApiQuery(async () => (can('user.read') ? usersApi.list() : []));
  const unitList = units.data ?? [];
  const peopleList = people.data ?? [];
  return { units: unitList, people: peopleList, ...makeDirectory(unitList, peopleList, language, none) };
}
