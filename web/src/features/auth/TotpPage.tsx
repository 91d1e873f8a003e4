// Second step of the log-in: a 6-digit code from the authenticator app or a recovery code.
import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import type { ApiError } from '../../app/api.ts';
import { useSessionState } from '../../app/session.tsx';
import { toApiError } from '../../app/useApiQuery.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { AuthFrame } from './AuthFrame.tsx';
import { authApi } from './auth.api.ts';
import { SignOutLink } from './SignOutLink.tsx';

export function TotpPage() {
  const { t } = useI18n();
  const { setSession } = useSessionState();
  const [code, setCode] = useState('');
  const [isMissing, setMissing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [isSubmitting, setSubmitting] = useState(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const trimmed = code.trim();
    setMissing(trimmed.length < 6);
    if (trimmed.length < 6) return;
    setSubmitting(true);
    setError(null);
    try {
      setSession(await authApi.verifySecondFactor(trimmed));
    } catch (caught) {
      setError(toApiError(caught));
      setCode('');
      setSubmitting(false);
    }
  }

  return (
    <AuthFrame title={t('totp.title')} footer={<SignOutLink />}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('totp.instructions')}</Text>
          <ErrorMessage error={error} />
          <TextInput
            label={t('totp.code')}
            description={t('totp.code_hint')}
            name="code"
            autoComplete="one-time-code"
            autoCapitalize="none"
            spellCheck={false}
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            error={isMissing ? t('validation.totp_code') : undefined}
            required
            data-autofocus
          />
          <Button type="submit" loading={isSubmitting} fullWidth>
            {t('totp.submit')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
