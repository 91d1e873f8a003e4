// Shows who holds a post (連携担当者, 総括責任者) and, for permitted users, lets them pick
// another user or clear the post.
import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ApiError } from '../../app/api.ts';
import { toApiError, useApiQuery } from '../../app/useApiQuery.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { usersApi } from '../users/users.api.ts';

type Person = { id: string; displayName: string; username: string } | null;

type Props = { label: string; person: Person; canEdit: boolean; onSave: (userId: string | null) => Promise<void>; testId: string };

export function PersonEditor({ label, person, canEdit, onSave, testId }: Props) {
  const { t } = useI18n();
  const [isEditing, setEditing] = useState(false);
  return (
    <Stack gap={4} data-testid={testId}>
      <Text size="sm" fw={700}>
        {label}
      </Text>
      {isEditing ? (
        <PersonPicker
          label={label}
          current={person?.id ?? null}
          onCancel={() => setEditing(false)}
          onSave={async (userId) => {
            await onSave(userId);
            setEditing(false);
          }}
        />
      ) : (
        <Group gap="sm" wrap="wrap">
          <Text size="sm">{person ? t('units.person', { name: person.displayName, username: person.username }) : t('units.not_assigned')}</Text>
          {canEdit && (
            <Button size="compact-xs" variant="light" onClick={() => setEditing(true)} aria-label={t('units.change_person', { post: label })}>
              {t('common.change')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}

function PersonPicker({
  label,
  current,
  onSave,
  onCancel,
}: {
  label: string;
  current: string | null;
  onSave: (userId: string | null) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const users = useApiQuery(() => usersApi.list());
  const [choice, setChoice] = useState<string | null>(current);
  const [error, setError] = useState<ApiError | null>(null);
  const [isSaving, setSaving] = useState(false);
  const options = (users.data ?? []).filter((user) => !user.disabled).map((user) => ({ value: user.id, label: `${user.displayName} (${user.username})` }));

  async function save(userId: string | null) {
    setSaving(true);
    setError(null);
    try {
      await onSave(userId);
    } catch (caught) {
      setError(toApiError(caught));
      setSaving(false);
    }
  }

  return (
    <Stack gap="xs">
      <ErrorMessage error={error ?? users.error} />
      <Select
        label={t('units.pick_user', { post: label })}
        placeholder={users.isLoading ? t('common.loading') : t('units.pick_user_placeholder')}
        data={options}
        value={choice}
        onChange={setChoice}
        searchable
        clearable
        nothingFoundMessage={t('common.nothing_found')}
        comboboxProps={{ withinPortal: true }}
      />
      <Group gap="xs">
        <Button size="xs" onClick={() => void save(choice)} loading={isSaving} disabled={choice === current}>
          {t('common.save')}
        </Button>
        {current !== null && (
          <Button size="xs" variant="light" color="red" onClick={() => void save(null)} disabled={isSaving}>
            {t('units.clear_person')}
          </Button>
        )}
        <Button size="xs" variant="default" onClick={onCancel} disabled={isSaving}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
