import { Button, Group, Modal, Stack, Switch, TextInput } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import type { ApiError } from '../../app/api.ts';
import { toApiError } from '../../app/useApiQuery.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { fieldErrorsOf } from '../../components/fieldErrors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Unit } from '../units/units.api.ts';
import { RolesField, UnitField } from './UserFields.tsx';
import { usersApi, type RoleName, type UpdateUserInput, type User } from './users.api.ts';

export function EditUserModal({
  user,
  units,
  isSelf,
  onClose,
  onSaved,
}: {
  user: User;
  units: readonly Unit[];
  isSelf: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [roles, setRoles] = useState<RoleName[]>(user.roles);
  const [unitId, setUnitId] = useState<string | null>(user.unitId);
  const [isDisabled, setDisabled] = useState(user.disabled);
  const [problems, setProblems] = useState<{ displayName?: boolean; roles?: boolean }>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [isSaving, setSaving] = useState(false);
  const serverProblems = fieldErrorsOf(error);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const found = { displayName: !displayName.trim(), roles: roles.length === 0 };
    setProblems(found);
    if (found.displayName || found.roles) return;
    const changes: UpdateUserInput = {};
    if (displayName.trim() !== user.displayName) changes.displayName = displayName.trim();
    if ([...roles].sort().join() !== [...user.roles].sort().join()) changes.roles = roles;
    if (unitId !== user.unitId) changes.unitId = unitId;
    if (isDisabled !== user.disabled) changes.disabled = isDisabled;
    if (Object.keys(changes).length === 0) return onClose();
    setSaving(true);
    setError(null);
    try {
      await usersApi.update(user.id, changes);
      onSaved();
      onClose();
    } catch (caught) {
      setError(toApiError(caught));
      setSaving(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={t('users.edit_title', { username: user.username })} size="lg">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <ErrorMessage error={error} />
          <TextInput
            label={t('users.display_name')}
            value={displayName}
            onChange={(event) => setDisplayName(event.currentTarget.value)}
            error={problems.displayName ? t('validation.required') : serverProblems.displayName}
            required
            data-autofocus
          />
          <RolesField value={roles} onChange={setRoles} error={problems.roles ? t('users.roles_required') : serverProblems.roles} />
          <UnitField units={units} value={unitId} onChange={setUnitId} error={serverProblems.unitId} />
          <Switch
            label={t('users.disabled_switch')}
            description={isSelf ? t('users.cannot_disable_self') : undefined}
            checked={isDisabled}
            disabled={isSelf}
            onChange={(event) => setDisabled(event.currentTarget.checked)}
          />
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
