// /report: the public reporting portal (M2.1a). Anyone may send a 通報, 相談 or 情報提供 without
// an account; the answer is a receipt number and a follow-up code for /report/status.
import { Alert, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { QueryView } from '../../app/QueryView.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { publicReportApi, type Receipt } from './report.api.ts';
import { ReportForm } from './ReportForm.tsx';
import { ReportReceipt } from './ReportReceipt.tsx';
import './report.css';

export function ReportPage() {
  const { t } = useI18n();
  const config = useApiQuery(() => publicReportApi.form());
  const [sent, setSent] = useState<{ receipt: Receipt; summary: string } | null>(null);
  // A new form (new Idempotency-Key) after each report.
  const [formNumber, setFormNumber] = useState(0);

  if (sent) {
    return (
      <ReportReceipt
        receipt={sent.receipt}
        summary={sent.summary}
        onNewReport={() => {
          setSent(null);
          setFormNumber((n) => n + 1);
        }}
      />
    );
  }
  return (
    <>
      <PageHeading title={t('report.form.title')} />
      <Stack gap="lg">
        <Text>{t('report.form.intro')}</Text>
        <ReportWarnings />
        <QueryView query={config}>
          {(data) => <ReportForm key={formNumber} config={data} onSubmitted={(receipt, summary) => setSent({ receipt, summary })} />}
        </QueryView>
      </Stack>
    </>
  );
}

/** What people must know before they write (NPA online counter rules, japan.md §2a). */
function ReportWarnings() {
  const { t } = useI18n();
  return (
    <Stack gap="sm">
      <Alert color="red" variant="filled" title={t('report.warning.emergency_title')} data-testid="warning-emergency">
        <Text size="sm">{t('report.warning.emergency_body')}</Text>
      </Alert>
      <Alert color="yellow" variant="light" title={t('report.warning.title')} data-testid="warning-notes">
        <List size="sm" spacing={4}>
          <List.Item>{t('report.warning.not_damage_report')}</List.Item>
          <List.Item>{t('report.warning.no_progress')}</List.Item>
          <List.Item>{t('report.warning.reply_time')}</List.Item>
        </List>
      </Alert>
    </Stack>
  );
}
