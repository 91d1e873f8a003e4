// Fields shared by the create and edit forms: roles as checkboxes, unit as a searchable select.
import { Checkbox, Select, SimpleGrid } from '@mantine/core';
import { useRoleLabel } from '../../components/RoleBadges.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { unitName, type Unit } from '../units/units.api.ts';
import { ROLE_NAMES, type RoleName } from './users.api.ts';

function isRoleName(value: string): value is RoleName {
  return ROLE_NAMES.some((role) => role === value);
}

export function RolesField({ value, onChange, error }: { value: readonly RoleName[]; onChange: (roles: RoleName[]) => void; error?: string | undefined }) {
  const { t } = useI18n();
  const roleLabel = useRoleLabel();
  return (
    <Checkbox.Group label={t('users.roles')} value={[...value]} onChange={(next) => onChange(next.filter(isRoleName))} error={error} withAsterisk>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={6} mt={6}>
        {ROLE_NAMES.map((role) => (
          <Checkbox key={role} value={role} label={roleLabel(role)} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}

export function UnitField({
  units,
  value,
  onChange,
  error,
}: {
  units: readonly Unit[];
  value: string | null;
  onChange: (unitId: string | null) => void;
  error?: string | undefined;
}) {
  const { t, language } = useI18n();
  const options = units.map((unit) => ({ value: unit.id, label: unitName(unit, language) }));
  return (
    <Select
      label={t('users.unit')}
      placeholder={t('users.no_unit')}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage={t('common.nothing_found')}
      error={error}
    />
  );
}
