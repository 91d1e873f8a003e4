// 検索 (M2.2a, M3.2): one box over the cases and reports the viewer may open. The server filters
// by need-to-know; this page only shows what it answers. Words and the kind filter live in the
// URL, so the way back from a hit lands on the same results. Snippets are user text: matches are
// cut out by offset and wrapped in <mark> as React text, never parsed as HTML.
import { Anchor, Badge, Button, Card, Group, Mark, SegmentedControl, Stack, Text, TextInput, type MantineColor } from '@mantine/core';
import { Fragment, useState, type SubmitEvent } from 'react';
import { Link } from '../../app/router.tsx';
import { QueryView } from '../../app/QueryView.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { isCaseStatus } from '../cases/cases.api.ts';
import { useCaseStatusLabel } from '../cases/caseLabels.ts';
import { CaseStatusBadge } from '../cases/CaseParts.tsx';
import { StatusBadge } from '../intake/IntakeParts.tsx';
import { splitByHighlights, withoutLabel } from './highlightSegments.ts';
import {
  hitPathOf,
  isKindFilter,
  KIND_FILTERS,
  QUERY_MAX_LENGTH,
  SEARCH_LIMIT,
  searchApi,
  searchPathOf,
  searchRequestOf,
  type KindFilter,
  type SearchHit,
  type SearchKind,
  type SearchRequest,
} from './search.api.ts';
import './search.css';

export function SearchPage() {
  const { t } = useI18n();
  const [request, setRequest] = useState<SearchRequest>(() => searchRequestOf(window.location.search));
  const [draft, setDraft] = useState(request.q);
  const results = useApiQuery(() => (request.q ? searchApi.search(request) : Promise.resolve({ request, items: [] })), [request.q, request.kind]);

  function ask(next: SearchRequest) {
    if (next.q === request.q && next.kind === request.kind) results.reload();
    setRequest(next);
    window.history.replaceState(null, '', searchPathOf(next));
  }

  function submit(event: SubmitEvent) {
    event.preventDefault();
    ask({ q: draft.trim(), kind: request.kind });
  }

  return (
    <>
      <PageHeading title={t('search.title')} />
      <Stack gap="md">
        <Card withBorder padding="sm">
          <form role="search" aria-label={t('search.form_label')} onSubmit={submit}>
            <Stack gap="sm">
              <Stack gap={4}>
                <Text component="label" htmlFor="search-words" size="sm" fw={500}>
                  {t('search.query_label')}
                </Text>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <TextInput
                    id="search-words"
                    type="search"
                    className="search-words"
                    value={draft}
                    onChange={(event) => setDraft(event.currentTarget.value)}
                    placeholder={t('search.placeholder')}
                    maxLength={QUERY_MAX_LENGTH}
                    aria-describedby="search-hint"
                    autoComplete="off"
                  />
                  <Button type="submit" loading={results.isLoading && request.q !== ''}>
                    {t('search.submit')}
                  </Button>
                </Group>
                <Text id="search-hint" size="xs" c="dimmed">
                  {t('search.hint')}
                </Text>
              </Stack>
              <KindFilterControl value={request.kind} onChange={(kind) => ask({ q: draft.trim(), kind })} />
            </Stack>
          </form>
        </Card>
        {request.q ? (
          <QueryView query={results}>{(answer) => <SearchHits query={answer.request.q} items={answer.items} isLoading={results.isLoading} />}</QueryView>
        ) : (
          <Text c="dimmed" data-testid="search-empty">
            {t('search.empty')}
          </Text>
        )}
      </Stack>
    </>
  );
}

function KindFilterControl({ value, onChange }: { value: KindFilter; onChange: (kind: KindFilter) => void }) {
  const { t } = useI18n();
  const labels: Record<KindFilter, string> = { all: t('search.kind.all'), case: t('search.kind.case'), report: t('search.kind.report') };
  return (
    <Group gap="sm" wrap="wrap">
      <Text size="sm" fw={500} id="search-kind-label">
        {t('search.kind_label')}
      </Text>
      <SegmentedControl
        aria-labelledby="search-kind-label"
        size="sm"
        value={value}
        onChange={(next) => {
          if (isKindFilter(next)) onChange(next);
        }}
        data={KIND_FILTERS.map((kind) => ({ value: kind, label: labels[kind] }))}
      />
    </Group>
  );
}

function SearchHits({ query, items, isLoading }: { query: string; items: readonly SearchHit[]; isLoading: boolean }) {
  const { t } = useI18n();
  return (
    <Stack gap="xs" aria-live="polite" aria-busy={isLoading}>
      {items.length === 0 ? (
        <Text c="dimmed" data-testid="search-no-results">
          {t('search.no_results', { query })}
        </Text>
      ) : (
        <>
          <Text size="sm" data-testid="search-count">
            {items.length >= SEARCH_LIMIT ? t('search.count_limited', { count: items.length }) : t('search.count', { count: items.length })}
          </Text>
          <ol className="plain-list" aria-label={t('search.results_label')} data-testid="search-results">
            {items.map((hit) => (
              <li key={`${hit.kind}:${hit.id}`} data-kind={hit.kind} data-label={hit.label}>
                <SearchHitCard hit={hit} />
              </li>
            ))}
          </ol>
        </>
      )}
    </Stack>
  );
}

function SearchHitCard({ hit }: { hit: SearchHit }) {
  const shown = withoutLabel(hit.snippet, hit.highlights, hit.label);
  // A match in the title comes as the whole title: mark it there rather than repeat it below.
  const isTitleMatch = shown.snippet === hit.title.normalize('NFKC');
  return (
    <Card withBorder padding="sm">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs" wrap="nowrap">
            <KindBadge kind={hit.kind} />
            <Anchor component={Link} href={hitPathOf(hit)} fw={700} className="nowrap">
              {hit.label}
            </Anchor>
          </Group>
          <HitStatusBadge hit={hit} />
        </Group>
        <Text size="sm" fw={500} className="search-snippet break-anywhere" data-testid="search-title">
          {isTitleMatch ? <HighlightedSnippet {...shown} /> : hit.title}
        </Text>
        {!isTitleMatch && (
          <Text size="sm" className="search-snippet break-anywhere" data-testid="search-snippet">
            <HighlightedSnippet {...shown} />
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** The pieces never change order for one snippet, so their position is a stable key. */
function HighlightedSnippet({ snippet, highlights }: Pick<SearchHit, 'snippet' | 'highlights'>) {
  return splitByHighlights(snippet, highlights).map((segment, index) =>
    segment.isMatch ? <Mark key={index}>{segment.text}</Mark> : <Fragment key={index}>{segment.text}</Fragment>,
  );
}

const KIND_COLOURS: Readonly<Record<SearchKind, MantineColor>> = { case: 'grape', report: 'cyan' };

function KindBadge({ kind }: { kind: SearchKind }) {
  const { t } = useI18n();
  const labels: Record<SearchKind, string> = { case: t('search.hit_kind.case'), report: t('search.hit_kind.report') };
  return (
    <Badge variant="light" color={KIND_COLOURS[kind]} tt="none" className="nowrap" data-testid="search-kind">
      {labels[kind]}
    </Badge>
  );
}

/** Case statuses through the case labels, report statuses through the intake labels. */
function HitStatusBadge({ hit }: { hit: SearchHit }) {
  const caseStatusLabel = useCaseStatusLabel();
  switch (hit.kind) {
    case 'case':
      return isCaseStatus(hit.status) ? (
        <CaseStatusBadge status={hit.status} />
      ) : (
        <Badge variant="light" color="gray" tt="none" className="nowrap" data-testid="case-status">
          {caseStatusLabel(hit.status)}
        </Badge>
      );
    case 'report':
      return <StatusBadge status={hit.status} />;
  }
}
