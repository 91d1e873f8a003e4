// Uploads one STIX bundle, MISP event (or feed) or CSV of indicators, with the TLP given to whatever
// in it carries no marking, and shows what the import did: counts, and each refused object with
// its reason. Big files go through `koban import`, which streams; the form says so.
import { Alert, Button, FileInput, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { PATHS } from '../../app/routes.tsx';
import { Link } from '../../app/router.tsx';
import { ApiError } from '../../app/api.ts';
import { useSubmission } from '../../app/useSubmission.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { isTlp, useTlpHint, useTlpOptions, type Tlp } from '../../components/TlpBadge.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { guessImportFormat, IMPORT_FORMATS, MAX_INLINE_IMPORT_BYTES, type ImportFormat } from './importFormat.ts';
import { sharingApi, type ImportSummary } from './sharing.api.ts';
import { ImportCountsGrid, ImportProblemsTable } from './SharingParts.tsx';
import { useSharingLabel } from './sharingLabels.ts';

function isImportFormat(value: string | null): value is ImportFormat {
  return IMPORT_FORMATS.some((format) => format === value);
}

const TOO_LARGE = new ApiError(413, { code: 'sharing.import_too_large', message: '', details: {}, requestId: null });

export function ImportForm({ onImported }: { onImported: () => void }) {
  const { t } = useI18n();
  const label = useSharingLabel();
  const tlpOptions = useTlpOptions();
  const tlpHint = useTlpHint();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat>('stix');
  const [tlp, setTlp] = useState<Tlp>('amber');
  const [isFileMissing, setFileMissing] = useState(false);
  const [result, setResult] = useState<{ fileName: string; summary: ImportSummary } | null>(null);
  const { error, isBusy, run } = useSubmission();

  function choose(chosen: File | null) {
    setFile(chosen);
    setFileMissing(false);
    if (chosen) setFormat(guessImportFormat(chosen.name));
  }

  function submit(event: SubmitEvent) {
    event.preventDefault();
    setFileMissing(file === null);
    if (file === null) return;
    setResult(null);
    void run(async () => {
      if (file.size > MAX_INLINE_IMPORT_BYTES) throw TOO_LARGE;
      const summary = await sharingApi.importFile({ format, data: await file.text(), fileName: file.name, tlp });
      setResult({ fileName: file.name, summary });
      onImported();
    });
  }

  return (
    <Stack gap="md">
      <form onSubmit={submit} noValidate aria-labelledby="sharing-import-new-title">
        <Stack gap="sm" maw={720}>
          <FileInput
            label={t('sharing.import_file')}
            description={t('sharing.import_file_hint', { megabytes: MAX_INLINE_IMPORT_BYTES / 1024 / 1024 })}
            placeholder={t('evidence.file_placeholder')}
            value={file}
            onChange={choose}
            accept=".json,.stix,.csv,.tsv,.txt,application/json,text/csv"
            error={isFileMissing ? t('sharing.import_file_missing') : undefined}
            clearable
            withAsterisk
            data-testid="import-file"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('sharing.import_format')}
              description={t('sharing.import_format_hint')}
              data={IMPORT_FORMATS.map((value) => ({ value, label: label('format', value) }))}
              value={format}
              onChange={(value) => isImportFormat(value) && setFormat(value)}
              allowDeselect={false}
              data-testid="import-format"
            />
            <Select
              label={t('sharing.import_default_tlp')}
              description={tlpHint(tlp)}
              data={tlpOptions}
              value={tlp}
              onChange={(value) => isTlp(value) && setTlp(value)}
              allowDeselect={false}
              data-testid="import-tlp"
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('sharing.import_default_tlp_hint')}
          </Text>
          <ErrorMessage error={error} />
          <div>
            <Button type="submit" loading={isBusy}>
              {t('sharing.import_submit')}
            </Button>
          </div>
        </Stack>
      </form>
      {result && <ImportResultView fileName={result.fileName} summary={result.summary} />}
    </Stack>
  );
}

function ImportResultView({ fileName, summary }: { fileName: string; summary: ImportSummary }) {
  const { t } = useI18n();
  const isDone = summary.status === 'done';
  return (
    <div aria-live="polite">
      <Alert
        color={isDone ? (summary.refused > 0 ? 'orange' : 'teal') : 'red'}
        variant="light"
        title={isDone ? t('sharing.import_done', { fileName }) : t('sharing.import_failed', { fileName })}
        data-testid="import-result"
      >
        <Stack gap="sm">
          <ImportCountsGrid counts={summary} testId="import-counts" />
          {summary.problems.length > 0 && (
            <>
              <Text fw={600} size="sm">
                {t('sharing.problems_title')}
              </Text>
              <ImportProblemsTable problems={summary.problems} total={summary.refused} />
            </>
          )}
          <Group gap="xs">
            <Button component={Link} href={PATHS.sharingImport(summary.batchId)} size="xs" variant="default">
              {t('sharing.open_batch')}
            </Button>
          </Group>
        </Stack>
      </Alert>
    </div>
  );
}
