import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import type { ApiError } from '../../app/api.ts';
import { useSessionState } from '../../app/session.tsx';
import { toApiError } from '../../app/useApiQuery.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { AuthFrame } from './AuthFrame.tsx';
import { authApi } from './auth.api.ts';

export function LoginPage({ notice }: { notice: ApiError | null }) {
  const { t } = useI18n();
  const { setSession } = useSessionState();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});
  const [error, setError] = useState<ApiError | null>(notice);
  const [isSubmitting, setSubmitting] = useState(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const nowMissing = { username: username.trim() === '', password: password === '' };
    setMissing(nowMissing);
    if (nowMissing.username || nowMissing.password) return;
    setSubmitting(true);
    setError(null);
    try {
      setSession(await authApi.login(username.trim(), password));
    } catch (caught) {
      setError(toApiError(caught));
      setPassword('');
      setSubmitting(false);
    }
  }

  return (
    <AuthFrame title={t('login.title')}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <ErrorMessage error={error} />
          <TextInput
            label={t('login.username')}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(event) => setUsername(event.currentTarget.value)}
            error={missing.username ? t('validation.required') : undefined}
            required
          />
          <PasswordInput
            label={t('login.password')}
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={missing.password ? t('validation.required') : undefined}
            required
          />
          <Button type="submit" loading={isSubmitting} fullWidth mt="xs">
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
