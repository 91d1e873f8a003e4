// 部署情報の編集: names, kind, parent, phone and sort order of one unit; only changed fields are
// sent (PATCH). The unit code cannot be changed.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMemo, useState, type SubmitEvent } from 'react';
import type { ApiError } from '../../app/api.ts';
import { toApiError } from '../../app/useApiQuery.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { fieldErrorsOf } from '../../components/fieldErrors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { UnitFields } from './UnitFields.tsx';
import { parentChoices, sortOrderOf, subtreeIds, validateUnitForm, withoutProblems, valuesOf, type UnitFormProblems, type UnitFormValues } from './unitForm.ts';
import { unitName, unitsApi, type Unit, type UpdateUnitInput } from './units.api.ts';

type Props = { unit: Unit; units: readonly Unit[]; onClose: () => void; onSaved: () => void };

export function EditUnitModal({ unit, units, onClose, onSaved }: Props) {
  const { t, language } = useI18n();
  const [values, setValues] = useState<UnitFormValues>(() => valuesOf(unit));
  const [problems, setProblems] = useState<UnitFormProblems>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [isSaving, setSaving] = useState(false);
  const parents = useMemo(() => parentChoices(units, subtreeIds(units, unit.id), language), [units, unit.id, language]);

  function change(changes: Partial<UnitFormValues>) {
    setValues((current) => ({ ...current, ...changes }));
    setProblems((current) => withoutProblems(current, Object.keys(changes)));
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const found = validateUnitForm(values);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const changes = changesOf(unit, values);
    if (Object.keys(changes).length === 0) return onClose();
    setSaving(true);
    setError(null);
    try {
      await unitsApi.update(unit.id, changes);
      onSaved();
      onClose();
    } catch (caught) {
      setError(toApiError(caught));
      setSaving(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={t('units.edit_title', { name: unitName(unit, language) })} size="lg">
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="unit-edit-form">
        <Stack gap="sm">
          <ErrorMessage error={error} />
          <Text size="sm" c="dimmed">
            {t('units.code_fixed', { code: unit.code })}
          </Text>
          <UnitFields values={values} onChange={change} problems={problems} serverProblems={fieldErrorsOf(error)} parents={parents} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isSaving}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function changesOf(unit: Unit, values: UnitFormValues): UpdateUnitInput {
  const changes: UpdateUnitInput = {};
  const nameJa = values.nameJa.trim();
  const nameEn = values.nameEn.trim();
  const phone = values.phone.trim() || null;
  const sortOrder = sortOrderOf(values.sortOrder);
  if (nameJa !== unit.nameJa) changes.nameJa = nameJa;
  if (nameEn !== unit.nameEn) changes.nameEn = nameEn;
  if (values.kind !== unit.kind) changes.kind = values.kind;
  if (values.parentId !== unit.parentId) changes.parentId = values.parentId;
  if (phone !== unit.phone) changes.phone = phone;
  if (sortOrder !== null && sortOrder !== unit.sortOrder) changes.sortOrder = sortOrder;
  return changes;
}
