// 観測情報: look a value up (in any written form: defanged, full-width, bracketed), pull the
// observables out of a text, and — with observable.write — record that text as a sighting.
import { Alert, Button, Card, Checkbox, Group, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import type { ApiError } from '../../app/api.ts';
import { navigate } from '../../app/router.tsx';
import { PATHS } from '../../app/routes.tsx';
import { useCan } from '../../app/session.tsx';
import { toApiError } from '../../app/useApiQuery.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { fieldErrorsOf } from '../../components/fieldErrors.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ForbiddenPage } from '../errors/ForbiddenPage.tsx';
import { useObservableLabels } from './observableLabels.ts';
import { observablesApi, type ExtractedObservable, type Recorded, type Search } from './observables.api.ts';
import { CopyableValue, ObservablesNav, WarningBadge } from './ObservableParts.tsx';

export function ObservablesPage() {
  const { t } = useI18n();
  const can = useCan();
  const [forbidden, setForbidden] = useState(false);
  const onError = (error: ApiError) => {
    if (error.isForbidden) setForbidden(true);
  };
  if (forbidden) return <ForbiddenPage />;
  return (
    <>
      <PageHeading title={t('observables.title')} />
      <ObservablesNav />
      <Stack gap="lg">
        <SearchForm onError={onError} />
        <ExtractSection canRecord={can('observable.write')} onError={onError} />
      </Stack>
    </>
  );
}

function SearchForm({ onError }: { onError: (error: ApiError) => void }) {
  const { t } = useI18n();
  const labels = useObservableLabels();
  const [query, setQuery] = useState('');
  const [isMissing, setMissing] = useState(false);
  const [unknown, setUnknown] = useState<Search | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const q = query.trim();
    setMissing(q === '');
    setUnknown(null);
    setError(null);
    if (q === '') return;
    setBusy(true);
    try {
      const found = await observablesApi.search(q);
      if (found.observableId !== null) {
        navigate(PATHS.observable(found.observableId));
        return;
      }
      setUnknown(found);
    } catch (caught) {
      const apiError = toApiError(caught);
      onError(apiError);
      setError(apiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card withBorder>
      <form onSubmit={(event) => void submit(event)} noValidate role="search" aria-labelledby="observable-search-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="observable-search-title">
            {t('observables.search_title')}
          </Title>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t('observables.search_label')}
              description={t('observables.search_hint')}
              placeholder={t('observables.search_placeholder')}
              value={query}
              onChange={(event) => setQuery(event.currentTarget.value)}
              error={isMissing ? t('validation.required') : undefined}
              autoComplete="off"
              spellCheck={false}
              style={{ flex: '1 1 260px', minWidth: 0 }}
            />
            <Button type="submit" loading={isBusy}>
              {t('observables.search_submit')}
            </Button>
          </Group>
          <ErrorMessage error={error} />
          <div aria-live="polite">
            {unknown && (
              <Alert color="gray" variant="light" title={t('observables.unknown_title')} data-testid="search-unknown">
                <Stack gap={4}>
                  <Text size="sm">{t('observables.unknown_body')}</Text>
                  <Group gap="xs" wrap="wrap">
                    <Text size="sm" fw={700}>
                      {labels.type(unknown.type)}
                    </Text>
                    <WarningBadge warning={unknown.warning} />
                  </Group>
                  <CopyableValue value={unknown.value} />
                </Stack>
              </Alert>
            )}
          </div>
        </Stack>
      </form>
    </Card>
  );
}

function ExtractSection({ canRecord, onError }: { canRecord: boolean; onError: (error: ApiError) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [includeWarnings, setIncludeWarnings] = useState(true);
  const [isMissing, setMissing] = useState(false);
  const [hits, setHits] = useState<ExtractedObservable[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setMissing(text.trim() === '');
    setError(null);
    if (text.trim() === '') return;
    setBusy(true);
    try {
      setHits(await observablesApi.extract(text, includeWarnings));
    } catch (caught) {
      const apiError = toApiError(caught);
      onError(apiError);
      setError(apiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card withBorder component="section" aria-labelledby="observable-extract-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="observable-extract-title">
          {canRecord ? t('observables.extract_title') : t('observables.extract_only_title')}
        </Title>
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack gap="sm">
            <Textarea
              label={t('observables.extract_label')}
              description={t('observables.extract_hint')}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              error={isMissing ? t('validation.required') : undefined}
              autosize
              minRows={5}
              maxRows={16}
              spellCheck={false}
            />
            <Checkbox
              label={t('observables.include_warnings')}
              checked={includeWarnings}
              onChange={(event) => setIncludeWarnings(event.currentTarget.checked)}
            />
            <div>
              <Button type="submit" variant="light" loading={isBusy}>
                {t('observables.extract_submit')}
              </Button>
            </div>
          </Stack>
        </form>
        <ErrorMessage error={error} />
        <div aria-live="polite">{hits && <ExtractTable hits={hits} />}</div>
        {canRecord && <RecordForm text={text} onError={onError} />}
      </Stack>
    </Card>
  );
}

function ExtractTable({ hits }: { hits: readonly ExtractedObservable[] }) {
  const { t } = useI18n();
  const labels = useObservableLabels();
  if (hits.length === 0) return <Text c="dimmed">{t('observables.extract_none')}</Text>;
  return (
    <Stack gap={4}>
      <Text size="sm" data-testid="extract-count">
        {t('observables.extract_count', { count: hits.length })}
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table striped aria-label={t('observables.extract_table_label')} data-testid="extract-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('observables.type')}</Table.Th>
              <Table.Th>{t('observables.value')}</Table.Th>
              <Table.Th>{t('observables.warning')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {hits.map((hit) => (
              <Table.Tr key={`${String(hit.start)}-${hit.type}`}>
                <Table.Td>
                  <Text size="sm">{labels.type(hit.type)}</Text>
                </Table.Td>
                <Table.Td>
                  <CopyableValue value={hit.value} />
                  {hit.attributes &&
                    Object.entries(hit.attributes)
                      .filter(([key]) => key !== 'hash')
                      .map(([key, value]) => (
                        <Text key={key} size="xs" c="dimmed">
                          {t('observables.attribute_line', { name: labels.attribute(key), value })}
                        </Text>
                      ))}
                </Table.Td>
                <Table.Td>{hit.warning ? <WarningBadge warning={hit.warning} /> : <Text size="sm">—</Text>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function RecordForm({ text, onError }: { text: string; onError: (error: ApiError) => void }) {
  const { t } = useI18n();
  const [sourceId, setSourceId] = useState('');
  const [problems, setProblems] = useState<{ sourceId?: boolean; text?: boolean }>({});
  const [recorded, setRecorded] = useState<Recorded | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setBusy] = useState(false);
  const serverProblems = fieldErrorsOf(error);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const found = { sourceId: sourceId.trim() === '', text: text.trim() === '' };
    setProblems(found);
    setRecorded(null);
    setError(null);
    if (found.sourceId || found.text) return;
    setBusy(true);
    try {
      setRecorded(await observablesApi.record(sourceId.trim(), text));
    } catch (caught) {
      const apiError = toApiError(caught);
      onError(apiError);
      setError(apiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="observable-record-title" className="observable-record">
      <Stack gap="sm">
        <Title order={3} size="h5" id="observable-record-title">
          {t('observables.record_title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('observables.record_hint')}
        </Text>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t('observables.source_id')}
            description={t('observables.source_id_hint')}
            value={sourceId}
            onChange={(event) => setSourceId(event.currentTarget.value)}
            error={problems.sourceId ? t('validation.required') : serverProblems.sourceId}
            maxLength={128}
            required
            style={{ flex: '1 1 220px', minWidth: 0 }}
          />
          <Button type="submit" variant="default" loading={isBusy}>
            {t('observables.record_submit')}
          </Button>
        </Group>
        {problems.text && (
          <Text size="sm" c="red" role="alert">
            {t('observables.record_needs_text')}
          </Text>
        )}
        <ErrorMessage error={error} />
        <div aria-live="polite">
          {recorded && (
            <Alert color="green" variant="light" title={t('observables.recorded_title')} data-testid="record-result">
              <Text size="sm">{t('observables.recorded_body', { distinct: recorded.distinct, count: recorded.items.length })}</Text>
            </Alert>
          )}
        </div>
      </Stack>
    </form>
  );
}
