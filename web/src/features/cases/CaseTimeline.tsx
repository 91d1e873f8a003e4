// The case timeline (M3.2a): everything dated that happened to the case, newest first, grouped by
// the day in Japan, with a filter by kind and "さらに表示" for older events. Text anyone wrote (a
// note's beginning, a status reason, a report's summary) is shown as plain text, never as markup.
import { Anchor, Button, Chip, Group, Stack, Text, ThemeIcon, Timeline, Title, type MantineColor } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { PATHS } from '../../app/routes.tsx';
import { Link } from '../../app/router.tsx';
import { QueryView } from '../../app/QueryView.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { useSubmission } from '../../app/useSubmission.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useI18n, type Language } from '../../i18n/i18n.tsx';
import { Section } from '../intake/IntakeParts.tsx';
import type { CasePartProps } from './CaseParts.tsx';
import { useTimelineText } from './CaseTimelineText.tsx';
import { familyOf, TIMELINE_FAMILY_NAMES, timelineApi, type CaseTimeline, type TimelineEvent, type TimelineFamily } from './timeline.api.ts';

type Filter = TimelineFamily | 'all';

const COLOURS: Readonly<Record<TimelineFamily, MantineColor>> = {
  status: 'blue',
  note: 'gray',
  task: 'teal',
  evidence: 'orange',
  cooperation: 'grape',
  other: 'cyan',
};

/** Line drawings (24 × 24, stroked) for each family: flag, pencil, tick, box, link, dot. */
const ICON_PATHS: Readonly<Record<TimelineFamily, string>> = {
  status: 'M5 21V4M5 4h11l-2 4 2 4H5',
  note: 'M4 20h4L18.5 9.5a2.1 2.1 0 0 0-4-4L4 16v4M13.5 6.5l4 4',
  task: 'M5 12l5 5L20 7',
  evidence: 'M12 3l8 4.5v9L12 21l-8-4.5v-9L12 3M12 12l8-4.5M12 12v9M12 12L4 7.5',
  cooperation: 'M9 15l6-6M11 6l.5-.5a4 4 0 0 1 5.7 5.7l-.5.5M13 18l-.5.5a4 4 0 0 1-5.7-5.7l.5-.5',
  other: 'M9 12a3 3 0 1 0 6 0a3 3 0 1 0-6 0',
};

function FamilyIcon({ family }: { family: TimelineFamily }) {
  return (
    <ThemeIcon color={COLOURS[family]} variant="light" radius="xl" size={26} aria-hidden>
      <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d={ICON_PATHS[family]} />
      </svg>
    </ThemeIcon>
  );
}

const TOKYO = 'Asia/Tokyo';
/** 2026-11-25: the day in Japan, to group by. */
const dayKey = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: TOKYO, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
const dayLabel = (language: Language, iso: string) =>
  new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', { timeZone: TOKYO, year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' }).format(
    new Date(iso),
  );
const timeLabel = (language: Language, iso: string) =>
  new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', { timeZone: TOKYO, hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));

function byDay(events: readonly TimelineEvent[]): { day: string; events: TimelineEvent[] }[] {
  const days: { day: string; events: TimelineEvent[] }[] = [];
  for (const event of events) {
    const day = dayKey(event.at);
    const last = days[days.length - 1];
    if (last?.day === day) last.events.push(event);
    else days.push({ day, events: [event] });
  }
  return days;
}

/** Older pages fetched with "さらに表示", valid only for the first page they followed. */
type Older = { basis: CaseTimeline; events: TimelineEvent[]; nextBefore: string | null };

export function CaseTimelineSection({ detail, directory }: CasePartProps) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<Filter>('all');
  const family = filter === 'all' ? null : filter;
  const first = useApiQuery(() => timelineApi.ofCase(detail.id, { family, before: null }), [detail.id, detail.updatedAt, family]);
  const [older, setOlder] = useState<Older | null>(null);
  const loading = useSubmission();
  const filters: { value: Filter; label: string }[] = [
    { value: 'all', label: t('timeline.family.all') },
    ...TIMELINE_FAMILY_NAMES.map((name) => ({ value: name, label: familyLabel(t, name) })),
  ];

  return (
    <Section id="case-timeline-title" title={t('timeline.title')} testId="case-timeline">
      <Stack gap="sm">
        <Chip.Group multiple={false} value={filter} onChange={(value) => setFilter(filters.find((f) => f.value === value)?.value ?? 'all')}>
          <Group gap={6} wrap="wrap" role="group" aria-label={t('timeline.filter_label')} data-testid="case-timeline-filter">
            {filters.map((f) => (
              <Chip key={f.value} value={f.value} size="xs" variant="light">
                {f.label}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <QueryView query={first}>
          {(page) => {
            const extra = older?.basis === page ? older : null;
            const events = extra ? [...page.events, ...extra.events] : page.events;
            const nextBefore = extra ? extra.nextBefore : page.nextBefore;
            const showMore = (before: string) =>
              loading.run(async () => {
                const next = await timelineApi.ofCase(detail.id, { family, before });
                setOlder({ basis: page, events: [...(extra?.events ?? []), ...next.events], nextBefore: next.nextBefore });
              });
            return (
              <Stack gap="sm">
                {events.length === 0 ? <Text c="dimmed">{t('timeline.empty')}</Text> : <TimelineDays events={events} directory={directory} />}
                <ErrorMessage error={loading.error} />
                {nextBefore !== null && (
                  <Group>
                    <Button variant="default" size="xs" loading={loading.isBusy} onClick={() => void showMore(nextBefore)} data-testid="case-timeline-more">
                      {t('timeline.more')}
                    </Button>
                  </Group>
                )}
              </Stack>
            );
          }}
        </QueryView>
      </Stack>
    </Section>
  );
}

function familyLabel(t: ReturnType<typeof useI18n>['t'], family: TimelineFamily): string {
  switch (family) {
    case 'status':
      return t('timeline.family.status');
    case 'note':
      return t('timeline.family.note');
    case 'task':
      return t('timeline.family.task');
    case 'evidence':
      return t('timeline.family.evidence');
    case 'cooperation':
      return t('timeline.family.cooperation');
    case 'other':
      return t('timeline.family.other');
  }
}

function TimelineDays({ events, directory }: { events: readonly TimelineEvent[]; directory: CasePartProps['directory'] }) {
  const { language } = useI18n();
  const words = useTimelineText(directory);
  return (
    <Stack gap="md" data-testid="case-timeline-list">
      {byDay(events).map(({ day, events: ofDay }) => (
        <section key={day} aria-label={dayLabel(language, ofDay[0]?.at ?? day)} data-day={day}>
          <Title order={3} size="h6" c="dimmed" mb={6}>
            {dayLabel(language, ofDay[0]?.at ?? day)}
          </Title>
          <Timeline bulletSize={26} lineWidth={2}>
            {ofDay.map((event) => (
              <Timeline.Item key={event.id} bullet={<FamilyIcon family={familyOf(event.kind)} />} data-kind={event.kind}>
                <TimelineEntry event={event} text={words(event)} directory={directory} />
              </Timeline.Item>
            ))}
          </Timeline>
        </section>
      ))}
    </Stack>
  );
}

function TimelineEntry({ event, text, directory }: { event: TimelineEvent; text: string; directory: CasePartProps['directory'] }) {
  const { t, language } = useI18n();
  const detail = detailOf(event);
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500} className="break-anywhere" data-testid="case-timeline-text">
        {text}
      </Text>
      {detail !== null && (
        <Text size="sm" c="dimmed" className="reporter-text break-anywhere">
          {detail}
        </Text>
      )}
      <Group gap="xs" wrap="wrap">
        <Text size="xs" c="dimmed">
          {timeLabel(language, event.at)}
          {event.actorId !== null && ` · ${directory.personLabel(event.actorId)}`}
        </Text>
        <EventLink event={event}>{t('timeline.open')}</EventLink>
      </Group>
    </Stack>
  );
}

/** Words someone wrote that belong under the sentence: a note's beginning, a reason, a summary. */
function detailOf(event: TimelineEvent): string | null {
  if (event.kind === 'note_added') return event.params.truncated ? `${event.params.excerpt}…` : event.params.excerpt;
  if (event.kind === 'status_changed') return event.params.reason || null;
  if (event.kind === 'report_linked') return event.params.summary;
  return null;
}

/** Where an event leads: another page (report, threat) or the section of this page that holds it. */
function EventLink({ event, children }: { event: TimelineEvent; children: ReactNode }) {
  const link = event.link;
  if (!link) return null;
  switch (link.type) {
    case 'report':
      return <AppLink href={PATHS.intakeItem(link.id)}>{children}</AppLink>;
    case 'threat':
      return <AppLink href={PATHS.threat(link.id)}>{children}</AppLink>;
    case 'note':
      return <PageLink target="case-notes-title">{children}</PageLink>;
    case 'task':
      return <PageLink target="case-tasks-title">{children}</PageLink>;
    case 'evidence':
      return <PageLink target="case-evidence-title">{children}</PageLink>;
    case 'support_request':
    case 'external_cooperation':
    case 'international_request':
      return <PageLink target="case-cooperation-title">{children}</PageLink>;
  }
}

function AppLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Anchor component={Link} href={href} size="xs">
      {children}
    </Anchor>
  );
}

function PageLink({ target, children }: { target: string; children: ReactNode }) {
  return (
    <Anchor
      href={`#${target}`}
      size="xs"
      onClick={(click) => {
        click.preventDefault();
        document.getElementById(target)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      }}
    >
      {children}
    </Anchor>
  );
}
