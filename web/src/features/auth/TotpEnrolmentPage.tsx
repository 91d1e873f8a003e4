// Enrolment of the authenticator app (required for administrators): show the secret as text,
// confirm with a first code, then show the ten recovery codes once.
import { Anchor, Box, Button, Code, Stack, Text, TextInput } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import type { ApiError } from '../../app/api.ts';
import { useSessionState, type Session } from '../../app/session.tsx';
import { toApiError } from '../../app/useApiQuery.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { OneTimeSecret } from '../../components/OneTimeSecret.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { AuthFrame } from './AuthFrame.tsx';
import { authApi, type TotpEnrolmentView } from './auth.api.ts';
import { SignOutLink } from './SignOutLink.tsx';

export function TotpEnrolmentPage() {
  const [confirmed, setConfirmed] = useState<{ recoveryCodes: string[]; session: Session } | null>(null);
  if (confirmed) return <RecoveryCodes codes={confirmed.recoveryCodes} session={confirmed.session} />;
  return <EnrolmentSteps onConfirmed={setConfirmed} />;
}

function EnrolmentSteps({ onConfirmed }: { onConfirmed: (result: { recoveryCodes: string[]; session: Session }) => void }) {
  const { t } = useI18n();
  const [enrolment, setEnrolment] = useState<TotpEnrolmentView | null>(null);
  const [code, setCode] = useState('');
  const [isMissing, setMissing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function start() {
    setBusy(true);
    setError(null);
    try {
      setEnrolment(await authApi.startTotpEnrolment());
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  }

  async function confirm(event: SubmitEvent) {
    event.preventDefault();
    const trimmed = code.trim();
    setMissing(!/^\d{6}$/.test(trimmed));
    if (!/^\d{6}$/.test(trimmed)) return;
    setBusy(true);
    setError(null);
    try {
      onConfirmed(await authApi.confirmTotpEnrolment(trimmed));
    } catch (caught) {
      setError(toApiError(caught));
      setCode('');
      setBusy(false);
    }
  }

  return (
    <AuthFrame title={t('enrol.title')} footer={<SignOutLink />}>
      <Text size="sm">{t('enrol.instructions')}</Text>
      <ErrorMessage error={error} />
      {!enrolment ? (
        <Button onClick={() => void start()} loading={isBusy}>
          {t('enrol.start')}
        </Button>
      ) : (
        <form onSubmit={(event) => void confirm(event)} noValidate>
          <Stack gap="sm">
            <Text size="sm" fw={600}>
              {t('enrol.step_secret')}
            </Text>
            <OneTimeSecret label={t('enrol.secret')} value={enrolment.secret} testId="totp-secret" />
            <Text size="xs" c="dimmed">
              {t('enrol.uri')}{' '}
              <Anchor href={enrolment.otpauthUri} size="xs" style={{ wordBreak: 'break-all' }}>
                {enrolment.otpauthUri}
              </Anchor>
            </Text>
            <Text size="sm" fw={600}>
              {t('enrol.step_code')}
            </Text>
            <TextInput
              label={t('enrol.code')}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
              error={isMissing ? t('validation.totp_code') : undefined}
              required
            />
            <Button type="submit" loading={isBusy} fullWidth>
              {t('enrol.confirm')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthFrame>
  );
}

function RecoveryCodes({ codes, session }: { codes: string[]; session: Session }) {
  const { t } = useI18n();
  const { setSession } = useSessionState();
  return (
    <AuthFrame title={t('recovery.title')}>
      <Text size="sm">{t('recovery.instructions', { count: codes.length })}</Text>
      <Box component="ul" className="code-grid" aria-label={t('recovery.list_label')} data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <Code fz="md">{code}</Code>
          </li>
        ))}
      </Box>
      <Button onClick={() => setSession(session)} fullWidth>
        {t('recovery.saved')}
      </Button>
    </AuthFrame>
  );
}
