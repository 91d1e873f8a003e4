import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import type { ApiError } from '../../app/api.ts';
import { toApiError } from '../../app/useApiQuery.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { fieldErrorsOf } from '../../components/fieldErrors.ts';
import { OneTimeSecret } from '../../components/OneTimeSecret.tsx';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import type { Unit } from '../units/units.api.ts';
import { RolesField, UnitField } from './UserFields.tsx';
import { usersApi, type RoleName, type User } from './users.api.ts';

const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Problems = Partial<Record<'username' | 'displayName' | 'email' | 'roles', MessageKey>>;

export function CreateUserModal({
  units,
  opened,
  onClose,
  onCreated,
}: {
  units: readonly Unit[];
  opened: boolean;
  onClose: () => void;
  onCreated: () => void;
}) {
  const { t } = useI18n();
  const [created, setCreated] = useState<{ user: User; initialPassword: string } | null>(null);

  function close() {
    setCreated(null);
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title={created ? t('users.created_title') : t('users.create_title')} size="lg">
      {created ? (
        <Stack gap="sm" data-testid="created-user">
          <OneTimeSecret
            label={t('users.initial_password_for', { name: created.user.displayName, username: created.user.username })}
            value={created.initialPassword}
            testId="initial-password"
          />
          <Group justify="flex-end">
            <Button onClick={close}>{t('common.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <CreateUserForm
          units={units}
          onCancel={close}
          onCreated={(result) => {
            setCreated(result);
            onCreated();
          }}
        />
      )}
    </Modal>
  );
}

function CreateUserForm({
  units,
  onCancel,
  onCreated,
}: {
  units: readonly Unit[];
  onCancel: () => void;
  onCreated: (result: { user: User; initialPassword: string }) => void;
}) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<RoleName[]>([]);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [isSaving, setSaving] = useState(false);
  const serverProblems = fieldErrorsOf(error);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const found: Problems = {};
    if (!USERNAME_PATTERN.test(username.trim())) found.username = 'users.username_rule';
    if (!displayName.trim()) found.displayName = 'validation.required';
    if (email.trim() && !EMAIL_PATTERN.test(email.trim())) found.email = 'validation.email';
    if (roles.length === 0) found.roles = 'users.roles_required';
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    setError(null);
    try {
      onCreated(await usersApi.create({ username: username.trim(), displayName: displayName.trim(), email: email.trim() || null, roles, unitId }));
    } catch (caught) {
      setError(toApiError(caught));
      setSaving(false);
    }
  }

  const clearProblem = (field: keyof Problems) => setProblems((current) => Object.fromEntries(Object.entries(current).filter(([name]) => name !== field)));

  const message = (field: keyof Problems) => {
    const key = problems[field];
    return key ? t(key) : serverProblems[field];
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm">
        <ErrorMessage error={error} />
        <TextInput
          label={t('users.username')}
          description={t('users.username_rule')}
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          onChange={(event) => {
            setUsername(event.currentTarget.value);
            clearProblem('username');
          }}
          error={message('username')}
          required
          data-autofocus
        />
        <TextInput
          label={t('users.display_name')}
          value={displayName}
          onChange={(event) => {
            setDisplayName(event.currentTarget.value);
            clearProblem('displayName');
          }}
          error={message('displayName')}
          required
        />
        <TextInput
          label={t('users.email')}
          type="email"
          value={email}
          onChange={(event) => {
            setEmail(event.currentTarget.value);
            clearProblem('email');
          }}
          error={message('email')}
        />
        <RolesField
          value={roles}
          onChange={(next) => {
            setRoles(next);
            clearProblem('roles');
          }}
          error={message('roles')}
        />
        <UnitField units={units} value={unitId} onChange={setUnitId} error={serverProblems.unitId} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isSaving}>
            {t('users.create_submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
