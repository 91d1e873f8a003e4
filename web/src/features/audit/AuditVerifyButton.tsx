// Checks the hash chain of the audit log and shows the verdict.
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ApiError } from '../../app/api.ts';
import { toApiError } from '../../app/useApiQuery.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { auditApi, type AuditVerdict } from './audit.api.ts';

export function AuditVerifyButton() {
  const { t } = useI18n();
  const [verdict, setVerdict] = useState<AuditVerdict | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function verify() {
    setBusy(true);
    setError(null);
    try {
      setVerdict(await auditApi.verify());
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="xs" mb="md">
      <div>
        <Button variant="light" onClick={() => void verify()} loading={isBusy}>
          {t('audit.verify')}
        </Button>
      </div>
      <ErrorMessage error={error} />
      <div aria-live="polite">
        {verdict && (
          <Alert color={verdict.ok ? 'green' : 'red'} title={verdict.ok ? t('audit.verdict_ok') : t('audit.verdict_broken')} data-testid="audit-verdict">
            <Text size="sm">{verdict.message}</Text>
            <Text size="xs" c="dimmed">
              {t('audit.verdict_count', { count: verdict.count })}
              {verdict.seq !== null ? ` · ${t('audit.verdict_seq', { seq: verdict.seq })}` : ''}
              {verdict.problem ? ` · ${t(`audit.problem.${verdict.problem}`)}` : ''}
            </Text>
          </Alert>
        )}
      </div>
    </Stack>
  );
}
