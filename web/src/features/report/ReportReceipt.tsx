// After a report: the receipt number, large, and the follow-up code, each with a copy button and
// a clear instruction to write both down. The code is shown here only and never put in a URL.
import { Alert, Box, Button, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link } from '../../app/router.tsx';
import { PATHS } from '../../app/routes.tsx';
import { formatDateTime, useI18n } from '../../i18n/i18n.tsx';
import type { Receipt } from './report.api.ts';

function CopyValue({ value, label }: { value: string; label: string }) {
  const { t } = useI18n();
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button size="sm" variant={copied ? 'light' : 'default'} color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={`${label}: ${t('common.copy')}`}>
          {copied ? t('common.copied') : t('common.copy')}
        </Button>
      )}
    </CopyButton>
  );
}

export function ReportReceipt({ receipt, summary, onNewReport }: { receipt: Receipt; summary: string; onNewReport: () => void }) {
  const { t, language } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t('app.document_title', { page: t('report.receipt.title') });
  }, [t]);
  useEffect(() => {
    window.scrollTo(0, 0);
    heading.current?.focus();
  }, []);

  return (
    <Stack gap="lg" data-testid="report-receipt">
      <Title order={1} size="h2" ref={heading} tabIndex={-1} className="page-heading">
        {t('report.receipt.title')}
      </Title>
      <Text>{t('report.receipt.lead')}</Text>
      <Paper withBorder radius="md" p="md" className="receipt-card">
        <Stack gap="md">
          <Box>
            <Text size="sm" c="dimmed" id="receipt-no-label">
              {t('report.receipt.receipt_no')}
            </Text>
            <Group gap="sm" wrap="wrap" align="center">
              <Text className="receipt-number" data-testid="receipt-no" aria-labelledby="receipt-no-label">
                {receipt.receiptNo}
              </Text>
              <CopyValue value={receipt.receiptNo} label={t('report.receipt.receipt_no')} />
            </Group>
          </Box>
          <Box>
            <Text size="sm" c="dimmed" id="follow-up-label">
              {t('report.receipt.secret')}
            </Text>
            <Group gap="sm" wrap="wrap" align="center">
              <Text className="receipt-secret" data-testid="follow-up-code" aria-labelledby="follow-up-label">
                {receipt.followUpSecret}
              </Text>
              <CopyValue value={receipt.followUpSecret} label={t('report.receipt.secret')} />
            </Group>
          </Box>
        </Stack>
      </Paper>
      <Alert color="yellow" variant="light" title={t('report.receipt.write_down_title')} data-testid="receipt-write-down">
        <Text size="sm">{t('report.receipt.write_down')}</Text>
      </Alert>
      <Stack gap={4}>
        <Text size="sm">{t('report.receipt.submitted_at', { time: formatDateTime(language, receipt.submittedAt) })}</Text>
        <Text size="sm" c="dimmed">
          {t('report.receipt.summary')}
        </Text>
        <Text className="user-text" data-testid="receipt-summary">
          {summary}
        </Text>
      </Stack>
      <Text size="sm">{t('report.receipt.next')}</Text>
      <Stack gap="sm">
        <Button component={Link} href={PATHS.reportStatus} size="md">
          {t('report.receipt.status_link')}
        </Button>
        <Button variant="default" size="md" onClick={onNewReport}>
          {t('report.receipt.new_report')}
        </Button>
      </Stack>
    </Stack>
  );
}
