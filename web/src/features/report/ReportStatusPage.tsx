// /report/status: the reporter enters the receipt number and follow-up code and sees the stage
// of their report (受付済み → 確認中 → 担当部署へ引継ぎ → 対応済み), and may add information.
// Nothing personal is shown, and the code lives only in this page's memory.
import { Alert, Button, Card, Stack, Text, TextInput } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import type { ApiError } from '../../app/api.ts';
import { toApiError } from '../../app/useApiQuery.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { publicReportApi, type ReportStatus, type StatusLookup } from './report.api.ts';
import { ReportErrorAlert } from './ReportErrorAlert.tsx';
import { fieldErrorsFromApi, type FieldErrors } from './reportValidation.ts';
import { ReportStatusView } from './ReportStatusView.tsx';
import './report.css';

/** Receipt numbers as people type them: full-width, lower case, spaces. */
function normaliseReceiptNo(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

export function ReportStatusPage() {
  const { t } = useI18n();
  const [found, setFound] = useState<{ lookup: StatusLookup; status: ReportStatus } | null>(null);
  return (
    <>
      <PageHeading title={t('report.status.title')} />
      {found ? (
        <ReportStatusView
          lookup={found.lookup}
          status={found.status}
          onStatusChange={(status) => setFound({ lookup: found.lookup, status })}
          onClose={() => setFound(null)}
        />
      ) : (
        <StatusLookupForm onFound={(lookup, status) => setFound({ lookup, status })} />
      )}
    </>
  );
}

function StatusLookupForm({ onFound }: { onFound: (lookup: StatusLookup, status: ReportStatus) => void }) {
  const { t } = useI18n();
  const [receiptNo, setReceiptNo] = useState('');
  const [secret, setSecret] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setError(null);
    const lookup = { receiptNo: normaliseReceiptNo(receiptNo), secret: secret.trim() };
    const missing: Record<string, string> = {};
    if (lookup.receiptNo === '') missing.receiptNo = t('report.validation.required');
    if (lookup.secret === '') missing.secret = t('report.validation.required');
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      onFound(lookup, await publicReportApi.status(lookup.receiptNo, lookup.secret));
    } catch (caught) {
      const failure = toApiError(caught);
      const fieldErrors = fieldErrorsFromApi(failure);
      setErrors(fieldErrors);
      if (Object.keys(fieldErrors).length === 0) setError(failure);
      setBusy(false);
    }
  }

  return (
    <Stack gap="lg">
      <Text>{t('report.status.intro')}</Text>
      <Card withBorder radius="md" p="md">
        <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('report.status.title')}>
          <Stack gap="md">
            <TextInput
              size="md"
              label={t('report.status.receipt_no')}
              placeholder={t('report.status.receipt_no_placeholder')}
              withAsterisk
              value={receiptNo}
              onChange={(event) => setReceiptNo(event.currentTarget.value)}
              error={errors.receiptNo}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
            />
            <TextInput
              size="md"
              label={t('report.status.secret')}
              withAsterisk
              value={secret}
              onChange={(event) => setSecret(event.currentTarget.value)}
              error={errors.secret}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
            />
            <ReportErrorAlert error={error} limits={null} />
            <Button type="submit" size="md" loading={isBusy}>
              {t('report.status.submit')}
            </Button>
          </Stack>
        </form>
      </Card>
      <Alert color="gray" variant="light">
        <Text size="sm">{t('report.status.lost_code')}</Text>
      </Alert>
    </Stack>
  );
}
