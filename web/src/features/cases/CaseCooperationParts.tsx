// Pieces shared by the cooperation panel and the cyber division's support-request page: labels,
// status badges, a record's history, the error of a change, and the "add an update" form.
import { Badge, Button, Select, SimpleGrid, Stack, Text, Textarea, type MantineColor } from '@mantine/core';
import { useState, type ReactNode, type SubmitEvent } from 'react';
import type { ApiError } from '../../app/api.ts';
import { useSubmission } from '../../app/useSubmission.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { isMessageKey, useI18n } from '../../i18n/i18n.tsx';
import { formatMinute } from '../intake/intakeTime.ts';
import type { CooperationEvent } from './cooperation.api.ts';

export type StatusGroup = 'support_status' | 'external_status' | 'international_status';

/** A status, kind or channel in words: `cooperation.<group>.<name>`, or the code itself when unknown. */
export function useCooperationLabel(): (group: string, name: string) => string {
  const { t } = useI18n();
  return (group, name) => {
    const key = `cooperation.${group}.${name}`;
    return isMessageKey(key) ? t(key) : name;
  };
}

const COLOURS: Readonly<Record<string, MantineColor>> = {
  requested: 'yellow',
  proposed: 'yellow',
  referred: 'yellow',
  drafting: 'gray',
  sent: 'blue',
  acknowledged: 'indigo',
  accepted: 'blue',
  active: 'blue',
  answered: 'teal',
  done: 'teal',
  returned: 'teal',
  ended: 'gray',
  closed: 'dark',
  declined: 'gray',
  refused: 'red',
};

export function CooperationStatusBadge({ group, status }: { group: StatusGroup; status: string }) {
  const label = useCooperationLabel();
  return (
    <Badge size="sm" variant="light" color={COLOURS[status] ?? 'gray'} tt="none" className="nowrap" data-status={status}>
      {label(group, status)}
    </Badge>
  );
}

export function OverdueBadge() {
  const { t } = useI18n();
  return (
    <Badge color="red" size="sm" tt="none" className="nowrap" data-testid="overdue">
      {t('intake.overdue')}
    </Badge>
  );
}

/** The append-only history, oldest first; notes are shown as written, as text. */
export function CooperationHistory({
  events,
  group,
  personLabel,
}: {
  events: readonly CooperationEvent[];
  group: StatusGroup;
  personLabel: (id: string | null) => string;
}) {
  const { t, language } = useI18n();
  const label = useCooperationLabel();
  if (events.length === 0) return null;
  return (
    <details>
      <summary>
        <Text span size="xs">
          {t('cooperation.history', { count: events.length })}
        </Text>
      </summary>
      <ul className="plain-list note-list" data-testid="cooperation-history">
        {events.map((event, index) => (
          <li key={`${event.at}-${String(index)}`}>
            <Text size="xs" c="dimmed">
              {t('cooperation.history_line', {
                at: formatMinute(language, event.at),
                person: event.actorId === null ? t('cooperation.system') : personLabel(event.actorId),
                action: label('action', event.action),
                status: event.toStatus ? label(group, event.toStatus) : '—',
              })}
            </Text>
            {event.note && (
              <Text size="sm" className="reporter-text">
                {event.note}
              </Text>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The error of a change; a refused status change names the allowed ones in words. */
export function CooperationErrorMessage({ error, group }: { error: ApiError | null; group: StatusGroup }) {
  const { t } = useI18n();
  const label = useCooperationLabel();
  if (error?.code !== 'cooperation.invalid_transition') return <ErrorMessage error={error} />;
  const allowed = textOf(error.details.allowed)
    .split(',')
    .map((status) => status.trim())
    .filter((status) => status !== '' && status !== '-');
  return (
    <Text size="sm" c="red" role="alert">
      {t('cooperation.invalid_transition', {
        from: label(group, textOf(error.details.from)),
        to: label(group, textOf(error.details.to)),
        allowed: allowed.length > 0 ? allowed.map((status) => label(group, status)).join('、') : '—',
      })}
    </Text>
  );
}

export type RecordUpdate = { status: string | null; note: string };

/** 経過を追記: a note, and optionally the next status among the allowed ones. */
export function RecordUpdateForm({
  group,
  allowed,
  extra,
  onSubmit,
}: {
  group: StatusGroup;
  allowed: readonly string[];
  extra?: ReactNode;
  onSubmit: (update: RecordUpdate) => Promise<void>;
}) {
  const { t } = useI18n();
  const label = useCooperationLabel();
  const [status, setStatus] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [isMissing, setMissing] = useState(false);
  const { error, isBusy, run } = useSubmission();

  function submit(event: SubmitEvent) {
    event.preventDefault();
    setMissing(note.trim() === '');
    if (note.trim() === '') return;
    void run(async () => {
      await onSubmit({ status, note: note.trim() });
      setStatus(null);
      setNote('');
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('cooperation.add_update')}>
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('cooperation.new_status')}
            placeholder={t('cooperation.keep_status')}
            data={allowed.map((value) => ({ value, label: label(group, value) }))}
            value={status}
            onChange={setStatus}
            clearable
            disabled={allowed.length === 0}
          />
          {extra}
        </SimpleGrid>
        <Textarea
          label={t('cooperation.note')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={isMissing ? t('validation.required') : undefined}
          maxLength={5000}
          autosize
          minRows={2}
          withAsterisk
        />
        <CooperationErrorMessage error={error} group={group} />
        <div>
          <Button type="submit" size="xs" variant="default" loading={isBusy}>
            {t('cooperation.add_update')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

/** One kind of cooperation record: its heading, the records (or a line saying there are none), and the form to add one. */
export function RecordBlock<T extends { id: string }>({
  testId,
  title,
  none,
  items,
  renderItem,
  form,
}: {
  testId: string;
  title: string;
  none: string;
  items: readonly T[];
  renderItem: (item: T) => ReactNode;
  form: ReactNode;
}) {
  return (
    <Stack gap="sm" data-testid={testId}>
      <Text fw={700} size="sm" component="h3">
        {title}
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {none}
        </Text>
      ) : (
        <ul className="plain-list note-list">
          {items.map((item) => (
            <li key={item.id}>{renderItem(item)}</li>
          ))}
        </ul>
      )}
      {form}
    </Stack>
  );
}
