// Forced password change after log-in with a one-time password.
import { Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import type { ApiError } from '../../app/api.ts';
import { useSession, useSessionState } from '../../app/session.tsx';
import { toApiError } from '../../app/useApiQuery.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { AuthFrame } from './AuthFrame.tsx';
import { authApi } from './auth.api.ts';
import { MINIMUM_PASSWORD_LENGTH, passwordProblem } from './passwordRules.ts';
import { SignOutLink } from './SignOutLink.tsx';

type Problems = { current?: MessageKey; next?: MessageKey; repeat?: MessageKey };

export function PasswordChangePage() {
  const { t } = useI18n();
  const session = useSession();
  const { setSession } = useSessionState();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [isSubmitting, setSubmitting] = useState(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const found: Problems = {};
    if (!currentPassword) found.current = 'validation.required';
    const weakness = passwordProblem(newPassword, session.user.username);
    if (weakness) found.next = weakness;
    if (repeated !== newPassword) found.repeat = 'password.mismatch';
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setSubmitting(true);
    setError(null);
    try {
      setSession(await authApi.changePassword(currentPassword, newPassword));
    } catch (caught) {
      setError(toApiError(caught));
      setSubmitting(false);
    }
  }

  return (
    <AuthFrame title={t('password.title')} footer={<SignOutLink />}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('password.instructions', { minimum: MINIMUM_PASSWORD_LENGTH })}</Text>
          <ErrorMessage error={error} />
          <PasswordInput
            label={t('password.current')}
            autoComplete="current-password"
            value={currentPassword}
            onChange={(event) => setCurrentPassword(event.currentTarget.value)}
            error={problems.current ? t(problems.current) : undefined}
            required
          />
          <PasswordInput
            label={t('password.new')}
            description={t('password.rule', { minimum: MINIMUM_PASSWORD_LENGTH })}
            autoComplete="new-password"
            value={newPassword}
            onChange={(event) => setNewPassword(event.currentTarget.value)}
            error={problems.next ? t(problems.next, { minimum: MINIMUM_PASSWORD_LENGTH }) : undefined}
            required
          />
          <PasswordInput
            label={t('password.repeat')}
            autoComplete="new-password"
            value={repeated}
            onChange={(event) => setRepeated(event.currentTarget.value)}
            error={problems.repeat ? t(problems.repeat) : undefined}
            required
          />
          <Button type="submit" loading={isSubmitting} fullWidth>
            {t('password.submit')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
