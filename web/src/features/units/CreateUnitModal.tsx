// 部署の追加: a new unit under the selected one (or any other); the kind follows the parent
// (部 → 課 → 室) and the sort order puts it last among its siblings, until the user sets them.
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMemo, useState, type SubmitEvent } from 'react';
import type { ApiError } from '../../app/api.ts';
import { toApiError } from '../../app/useApiQuery.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { fieldErrorsOf } from '../../components/fieldErrors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { UnitFields } from './UnitFields.tsx';
import {
  nextSortOrder,
  parentChoices,
  sortOrderOf,
  suggestedKind,
  validateUnitForm,
  withoutProblems,
  type UnitFormProblems,
  type UnitFormValues,
} from './unitForm.ts';
import { unitsApi, type Unit } from './units.api.ts';

type Props = { units: readonly Unit[]; parentId: string | null; onClose: () => void; onCreated: (unit: Unit) => void };

const NO_EXCLUSIONS: ReadonlySet<string> = new Set();

export function CreateUnitModal({ units, parentId, onClose, onCreated }: Props) {
  const { t, language } = useI18n();
  const parentOf = (id: string | null) => units.find((unit) => unit.id === id);
  const [code, setCode] = useState('');
  const [values, setValues] = useState<UnitFormValues>(() => ({
    nameJa: '',
    nameEn: '',
    kind: suggestedKind(parentOf(parentId)),
    parentId,
    phone: '',
    sortOrder: nextSortOrder(units, parentId),
  }));
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [problems, setProblems] = useState<UnitFormProblems>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [isSaving, setSaving] = useState(false);
  const parents = useMemo(() => parentChoices(units, NO_EXCLUSIONS, language), [units, language]);
  const serverProblems = fieldErrorsOf(error);

  function change(changes: Partial<UnitFormValues>) {
    setTouched((current) => new Set([...current, ...Object.keys(changes)]));
    const follow: Partial<UnitFormValues> = {};
    if (changes.parentId !== undefined) {
      if (!touched.has('kind')) follow.kind = suggestedKind(parentOf(changes.parentId));
      if (!touched.has('sortOrder')) follow.sortOrder = nextSortOrder(units, changes.parentId);
    }
    setValues((current) => ({ ...current, ...follow, ...changes }));
    setProblems((current) => withoutProblems(current, Object.keys(changes)));
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const found = validateUnitForm(values, code);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    setError(null);
    try {
      const created = await unitsApi.create({
        code: code.trim(),
        parentId: values.parentId,
        kind: values.kind,
        nameJa: values.nameJa.trim(),
        nameEn: values.nameEn.trim(),
        sortOrder: sortOrderOf(values.sortOrder) ?? 0,
        phone: values.phone.trim() || null,
      });
      onCreated(created);
    } catch (caught) {
      setError(toApiError(caught));
      setSaving(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={t('units.create_title')} size="lg">
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="unit-create-form">
        <Stack gap="sm">
          <ErrorMessage error={error} />
          <TextInput
            label={t('units.code')}
            description={t('units.code_rule')}
            autoCapitalize="none"
            autoComplete="off"
            spellCheck={false}
            value={code}
            onChange={(event) => {
              setCode(event.currentTarget.value);
              setProblems((current) => withoutProblems(current, ['code']));
            }}
            error={problems.code ? t(problems.code) : serverProblems.code}
            required
            data-autofocus
          />
          <UnitFields values={values} onChange={change} problems={problems} serverProblems={serverProblems} parents={parents} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isSaving}>
              {t('units.create_submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
