// 利用者管理: list of accounts, create (one-time password shown once), edit, reset password.
import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useSession } from '../../app/session.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { QueryView } from '../../app/QueryView.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RoleBadges } from '../../components/RoleBadges.tsx';
import { formatDateTime, useI18n } from '../../i18n/i18n.tsx';
import { unitName, unitsApi, type Unit } from '../units/units.api.ts';
import { CreateUserModal } from './CreateUserModal.tsx';
import { EditUserModal } from './EditUserModal.tsx';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { usersApi, type User } from './users.api.ts';

export function UsersPage() {
  const { t } = useI18n();
  const session = useSession();
  const users = useApiQuery(() => usersApi.list());
  const units = useApiQuery(() => unitsApi.list());
  const [isCreating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const unitList = units.data ?? [];

  return (
    <>
      <PageHeading title={t('users.title')} actions={<Button onClick={() => setCreating(true)}>{t('users.create')}</Button>} />
      <QueryView query={users}>{(items) => <UsersTable users={items} units={unitList} onEdit={setEditing} onReset={setResetting} />}</QueryView>
      <CreateUserModal units={unitList} opened={isCreating} onClose={() => setCreating(false)} onCreated={users.reload} />
      {editing && (
        <EditUserModal user={editing} units={unitList} isSelf={editing.id === session.user.id} onClose={() => setEditing(null)} onSaved={users.reload} />
      )}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} onReset={users.reload} />}
    </>
  );
}

function UsersTable({
  users,
  units,
  onEdit,
  onReset,
}: {
  users: readonly User[];
  units: readonly Unit[];
  onEdit: (user: User) => void;
  onReset: (user: User) => void;
}) {
  const { t, language } = useI18n();
  const unitsById = new Map(units.map((unit) => [unit.id, unit]));
  if (users.length === 0) return <Text c="dimmed">{t('users.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped highlightOnHover aria-label={t('users.table_label')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.display_name')}</Table.Th>
            <Table.Th>{t('users.username')}</Table.Th>
            <Table.Th>{t('users.roles')}</Table.Th>
            <Table.Th>{t('users.unit')}</Table.Th>
            <Table.Th>{t('users.status')}</Table.Th>
            <Table.Th>{t('users.created_at')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => {
            const unit = user.unitId ? unitsById.get(user.unitId) : undefined;
            return (
              <Table.Tr key={user.id} data-username={user.username}>
                <Table.Td>{user.displayName}</Table.Td>
                <Table.Td>{user.username}</Table.Td>
                <Table.Td>
                  <RoleBadges roles={user.roles} />
                </Table.Td>
                <Table.Td>{unit ? unitName(unit, language) : (user.unitId ?? '—')}</Table.Td>
                <Table.Td>
                  <UserStatus user={user} />
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{formatDateTime(language, user.createdAt)}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-xs" variant="light" onClick={() => onEdit(user)} aria-label={t('users.edit_user', { username: user.username })}>
                      {t('common.edit')}
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() => onReset(user)}
                      aria-label={t('users.reset_user', { username: user.username })}
                    >
                      {t('users.reset')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function UserStatus({ user }: { user: User }) {
  const { t } = useI18n();
  return (
    <Group gap={4} wrap="wrap">
      {user.disabled ? (
        <Badge color="gray" size="sm" tt="none">
          {t('users.status.disabled')}
        </Badge>
      ) : (
        <Badge color="green" size="sm" variant="light" tt="none">
          {t('users.status.enabled')}
        </Badge>
      )}
      {user.locked && (
        <Badge color="red" size="sm" tt="none">
          {t('users.status.locked')}
        </Badge>
      )}
      {user.mustChangePassword && (
        <Badge color="yellow" size="sm" variant="light" tt="none">
          {t('users.status.must_change_password')}
        </Badge>
      )}
      {user.totpEnabled && (
        <Badge color="indigo" size="sm" variant="light" tt="none">
          {t('users.status.totp')}
        </Badge>
      )}
    </Group>
  );
}
