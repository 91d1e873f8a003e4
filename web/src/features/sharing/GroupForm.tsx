// The fields of a sharing group (name, description, the highest TLP its members receive, whether
// personal data may go to it), for creating one and for changing one.
import { Button, Group, Select, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import type { ApiError } from '../../app/api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { isTlp, useTlpHint, useTlpOptions } from '../../components/TlpBadge.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { bodyProblemsOf } from '../cases/cases.api.ts';
import type { GroupDraft } from './sharing.api.ts';

export const EMPTY_GROUP: GroupDraft = { name: '', description: '', maxTlp: 'green', includePersonal: false };

/** Only what was changed, so the audit record names just that. */
export function groupChanges(group: GroupDraft, draft: GroupDraft): Partial<GroupDraft> {
  const changes: Partial<GroupDraft> = {};
  if (draft.name !== group.name) changes.name = draft.name;
  if (draft.description !== group.description) changes.description = draft.description;
  if (draft.maxTlp !== group.maxTlp) changes.maxTlp = draft.maxTlp;
  if (draft.includePersonal !== group.includePersonal) changes.includePersonal = draft.includePersonal;
  return changes;
}

type Props = {
  initial: GroupDraft;
  submitLabel: string;
  error: ApiError | null;
  isBusy: boolean;
  onSubmit: (draft: GroupDraft) => void;
  onCancel?: () => void;
};

export function GroupForm({ initial, submitLabel, error, isBusy, onSubmit, onCancel }: Props) {
  const { t } = useI18n();
  const tlpOptions = useTlpOptions();
  const tlpHint = useTlpHint();
  const [draft, setDraft] = useState<GroupDraft>(initial);
  const [isNameMissing, setNameMissing] = useState(false);
  const problems = bodyProblemsOf(error);

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const name = draft.name.trim();
    setNameMissing(name === '');
    if (name === '') return;
    onSubmit({ ...draft, name });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={640}>
        <TextInput
          label={t('sharing.group_name')}
          value={draft.name}
          onChange={(event) => {
            const name = event.currentTarget.value;
            setDraft((current) => ({ ...current, name }));
            setNameMissing(false);
          }}
          error={isNameMissing ? t('validation.required') : problems.name}
          maxLength={120}
          withAsterisk
        />
        <Select
          label={t('sharing.group_max_tlp')}
          description={tlpHint(draft.maxTlp)}
          data={tlpOptions}
          value={draft.maxTlp}
          onChange={(value) => isTlp(value) && setDraft((current) => ({ ...current, maxTlp: value }))}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          data-testid="group-max-tlp"
        />
        <Textarea
          label={t('sharing.group_description')}
          value={draft.description}
          onChange={(event) => {
            const description = event.currentTarget.value;
            setDraft((current) => ({ ...current, description }));
          }}
          error={problems.description}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={2000}
        />
        <Switch
          label={t('sharing.group_include_personal')}
          description={t('sharing.group_include_personal_hint')}
          checked={draft.includePersonal}
          onChange={(event) => {
            const includePersonal = event.currentTarget.checked;
            setDraft((current) => ({ ...current, includePersonal }));
          }}
        />
        <ErrorMessage error={error} />
        <Group gap="sm">
          <Button type="submit" loading={isBusy}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
