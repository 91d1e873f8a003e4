// Fields shared by the unit create and edit forms: names, kind, parent (searchable, with
// 「なし(最上位)」), phone and sort order.
import { NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import type { FieldErrors } from '../../components/fieldErrors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useUnitKindLabel } from './unitKind.ts';
import { isUnitKind, SORT_ORDER_MAX, type ParentChoice, type UnitFormField, type UnitFormProblems, type UnitFormValues } from './unitForm.ts';
import { UNIT_KINDS } from './units.api.ts';

/** Select options need a string; this one stands for "no parent". */
const TOP_LEVEL = '__top_level__';

type Props = {
  values: UnitFormValues;
  onChange: (changes: Partial<UnitFormValues>) => void;
  problems: UnitFormProblems;
  serverProblems: FieldErrors;
  parents: readonly ParentChoice[];
};

export function UnitFields({ values, onChange, problems, serverProblems, parents }: Props) {
  const { t } = useI18n();
  const kindLabel = useUnitKindLabel();
  const message = (field: UnitFormField) => {
    const key = problems[field];
    return key ? t(key) : serverProblems[field];
  };
  const parentOptions = [
    { value: TOP_LEVEL, label: t('units.no_parent') },
    ...parents.map((choice) => ({
      value: choice.value,
      label: choice.parentName ? t('units.name_with_parent', { name: choice.name, parent: choice.parentName }) : choice.name,
    })),
  ];

  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('units.name_ja')}
          value={values.nameJa}
          onChange={(event) => onChange({ nameJa: event.currentTarget.value })}
          error={message('nameJa')}
          required
        />
        <TextInput
          label={t('units.name_en')}
          value={values.nameEn}
          onChange={(event) => onChange({ nameEn: event.currentTarget.value })}
          error={message('nameEn')}
          required
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('units.kind')}
          data={UNIT_KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) }))}
          value={values.kind}
          onChange={(kind) => {
            if (isUnitKind(kind)) onChange({ kind });
          }}
          allowDeselect={false}
          error={message('kind')}
          required
        />
        <Select
          label={t('units.parent')}
          data={parentOptions}
          value={values.parentId ?? TOP_LEVEL}
          onChange={(parentId) => onChange({ parentId: parentId === null || parentId === TOP_LEVEL ? null : parentId })}
          searchable
          allowDeselect={false}
          nothingFoundMessage={t('common.nothing_found')}
          error={message('parentId')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('units.phone')}
          description={t('units.phone_help')}
          type="tel"
          value={values.phone}
          onChange={(event) => onChange({ phone: event.currentTarget.value })}
          error={message('phone')}
        />
        <NumberInput
          label={t('units.sort_order')}
          description={t('units.sort_order_help')}
          value={values.sortOrder}
          onChange={(sortOrder) => onChange({ sortOrder })}
          min={0}
          max={SORT_ORDER_MAX}
          allowDecimal={false}
          allowNegative={false}
          error={message('sortOrder')}
          required
        />
      </SimpleGrid>
    </>
  );
}
