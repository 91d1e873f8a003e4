import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ApiError } from '../../app/api.ts';
import { toApiError } from '../../app/useApiQuery.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { OneTimeSecret } from '../../components/OneTimeSecret.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { usersApi, type User } from './users.api.ts';

export function ResetPasswordModal({ user, onClose, onReset }: { user: User; onClose: () => void; onReset: () => void }) {
  const { t } = useI18n();
  const [password, setPassword] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function reset() {
    setBusy(true);
    setError(null);
    try {
      const result = await usersApi.resetPassword(user.id);
      setPassword(result.initialPassword);
      onReset();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={t('users.reset_title', { username: user.username })}>
      <Stack gap="sm">
        <ErrorMessage error={error} />
        {password ? (
          <OneTimeSecret
            label={t('users.initial_password_for', { name: user.displayName, username: user.username })}
            value={password}
            testId="initial-password"
          />
        ) : (
          <Text size="sm">{t('users.reset_confirm', { name: user.displayName })}</Text>
        )}
        <Group justify="flex-end" gap="sm">
          {password ? (
            <Button onClick={onClose}>{t('common.close')}</Button>
          ) : (
            <>
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button color="red" onClick={() => void reset()} loading={isBusy}>
                {t('users.reset_submit')}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
