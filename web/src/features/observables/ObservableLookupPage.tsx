// 一括照合: paste up to 10,000 values (one a line, any written form) and see which are known,
// how often and in how many sources they were seen, and when last.
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Switch, Table, Text, Textarea } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import type { ApiError } from '../../app/api.ts';
import { Link } from '../../app/router.tsx';
import { PATHS } from '../../app/routes.tsx';
import { toApiError } from '../../app/useApiQuery.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { formatDateTime, useI18n } from '../../i18n/i18n.tsx';
import { ForbiddenPage } from '../errors/ForbiddenPage.tsx';
import { useObservableLabels } from './observableLabels.ts';
import { LOOKUP_MAX_VALUE_LENGTH, LOOKUP_MAX_VALUES, lookupLines, observablesApi, type Lookup } from './observables.api.ts';
import { ObservablesNav, ObservableValue, WarningBadge } from './ObservableParts.tsx';

/** Rows drawn at first; more on demand, so 10,000 results do not stall the page. */
const ROWS_PER_STEP = 500;

type Problem = { kind: 'empty' } | { kind: 'too_many'; count: number } | { kind: 'too_long'; line: number };

export function ObservableLookupPage() {
  const { t, language } = useI18n();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [items, setItems] = useState<Lookup[] | null>(null);
  const [knownOnly, setKnownOnly] = useState(false);
  const [shown, setShown] = useState(ROWS_PER_STEP);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setBusy] = useState(false);

  const lines = lookupLines(text);
  const isOverLimit = lines.length > LOOKUP_MAX_VALUES;
  const formatNumber = (value: number) => value.toLocaleString(language === 'ja' ? 'ja-JP' : 'en-GB');

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setError(null);
    const longLine = lines.findIndex((line) => line.length > LOOKUP_MAX_VALUE_LENGTH);
    const found: Problem | null =
      lines.length === 0
        ? { kind: 'empty' }
        : isOverLimit
          ? { kind: 'too_many', count: lines.length }
          : longLine >= 0
            ? { kind: 'too_long', line: longLine + 1 }
            : null;
    setProblem(found);
    if (found) return;
    setBusy(true);
    try {
      setItems(await observablesApi.lookup(lines));
      setShown(ROWS_PER_STEP);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  }

  if (error?.isForbidden) return <ForbiddenPage />;

  const problemText = (value: Problem): string => {
    switch (value.kind) {
      case 'empty':
        return t('observables.lookup_empty');
      case 'too_many':
        return t('observables.lookup_too_many', { count: formatNumber(value.count), max: formatNumber(LOOKUP_MAX_VALUES) });
      case 'too_long':
        return t('observables.lookup_too_long', { line: value.line, max: formatNumber(LOOKUP_MAX_VALUE_LENGTH) });
    }
  };

  return (
    <>
      <PageHeading title={t('observables.lookup_title')} />
      <ObservablesNav />
      <Stack gap="lg">
        <Card withBorder component="section" aria-label={t('observables.lookup_title')}>
          <form onSubmit={(event) => void submit(event)} noValidate>
            <Stack gap="sm">
              <Textarea
                label={t('observables.lookup_label')}
                description={
                  <>
                    {t('observables.lookup_hint')}
                    <Text span display="block" size="xs" fw={isOverLimit ? 700 : 400} c={isOverLimit ? 'red' : 'dimmed'} data-testid="lookup-count">
                      {t('observables.lookup_count', { count: formatNumber(lines.length), max: formatNumber(LOOKUP_MAX_VALUES) })}
                    </Text>
                  </>
                }
                value={text}
                onChange={(event) => setText(event.currentTarget.value)}
                error={problem ? problemText(problem) : undefined}
                autosize
                minRows={6}
                maxRows={18}
                spellCheck={false}
              />
              <div>
                <Button type="submit" loading={isBusy}>
                  {t('observables.lookup_submit')}
                </Button>
              </div>
            </Stack>
          </form>
        </Card>
        <ErrorMessage error={error} />
        <div aria-live="polite">
          {items && (
            <LookupResults
              items={items}
              knownOnly={knownOnly}
              onKnownOnlyChange={(value) => {
                setKnownOnly(value);
                setShown(ROWS_PER_STEP);
              }}
              shown={shown}
              onShowMore={() => setShown((n) => n + ROWS_PER_STEP)}
              formatNumber={formatNumber}
            />
          )}
        </div>
      </Stack>
    </>
  );
}

function LookupResults({
  items,
  knownOnly,
  onKnownOnlyChange,
  shown,
  onShowMore,
  formatNumber,
}: {
  items: readonly Lookup[];
  knownOnly: boolean;
  onKnownOnlyChange: (value: boolean) => void;
  shown: number;
  onShowMore: () => void;
  formatNumber: (value: number) => string;
}) {
  const { t, language } = useI18n();
  const labels = useObservableLabels();
  const known = items.filter((item) => item.known).length;
  const visible = knownOnly ? items.filter((item) => item.known) : items;

  return (
    <Stack gap="sm" component="section" aria-labelledby="lookup-summary">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text fw={700} id="lookup-summary" data-testid="lookup-summary">
          {t('observables.lookup_summary', { known: formatNumber(known), total: formatNumber(items.length) })}
        </Text>
        <Switch label={t('observables.known_only')} checked={knownOnly} onChange={(event) => onKnownOnlyChange(event.currentTarget.checked)} />
      </Group>
      {visible.length === 0 ? (
        <Alert color="gray" variant="light">
          {t('observables.lookup_no_known')}
        </Alert>
      ) : (
        <Table.ScrollContainer minWidth={880}>
          <Table striped aria-label={t('observables.lookup_table_label')} data-testid="lookup-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('observables.input')}</Table.Th>
                <Table.Th>{t('observables.type')}</Table.Th>
                <Table.Th>{t('observables.canonical_value')}</Table.Th>
                <Table.Th className="nowrap">{t('observables.result')}</Table.Th>
                <Table.Th className="nowrap">{t('observables.sightings_count')}</Table.Th>
                <Table.Th className="nowrap">{t('observables.sources_count')}</Table.Th>
                <Table.Th>{t('observables.last_seen')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visible.slice(0, shown).map((item, index) => (
                <Table.Tr key={`${String(index)}-${item.input}`} data-known={item.known ? 'true' : 'false'}>
                  <Table.Td>
                    <ObservableValue value={item.input} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{item.type ? labels.type(item.type) : '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    {item.value ? (
                      <Stack gap={2} align="flex-start">
                        <ObservableValue value={item.value} />
                        <WarningBadge warning={item.warning} />
                      </Stack>
                    ) : (
                      <Text size="sm">—</Text>
                    )}
                  </Table.Td>
                  <Table.Td data-testid="lookup-result" className="nowrap">
                    <ResultCell item={item} />
                  </Table.Td>
                  <Table.Td>{formatNumber(item.sightings)}</Table.Td>
                  <Table.Td>{formatNumber(item.sources)}</Table.Td>
                  <Table.Td>
                    <Text size="xs">{formatDateTime(language, item.lastSeenAt)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {visible.length > shown && (
        <Group justify="center">
          <Text size="sm" c="dimmed">
            {t('observables.lookup_shown', { shown: formatNumber(shown), total: formatNumber(visible.length) })}
          </Text>
          <Button variant="default" size="xs" onClick={onShowMore}>
            {t('observables.show_more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function ResultCell({ item }: { item: Lookup }) {
  const { t } = useI18n();
  if (item.type === null) {
    return (
      <Badge color="red" variant="light" tt="none">
        {t('observables.unrecognised')}
      </Badge>
    );
  }
  if (!item.known || item.observableId === null) {
    return (
      <Badge color="gray" variant="light" tt="none">
        {t('observables.unknown')}
      </Badge>
    );
  }
  return (
    <Group gap={6} wrap="nowrap">
      <Badge color="green" variant="light" tt="none">
        {t('observables.known')}
      </Badge>
      <Anchor
        component={Link}
        href={PATHS.observable(item.observableId)}
        size="sm"
        aria-label={t('observables.open_named', { value: item.value ?? item.input })}
      >
        {t('observables.open')}
      </Anchor>
    </Group>
  );
}
