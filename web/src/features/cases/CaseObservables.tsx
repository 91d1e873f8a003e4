// 観測情報 of a case (M2.2a): the values recorded from texts about it (a log, a ransom note, a mail
// header) and the other cases and reports that recorded the same values (CaseHits). Values are
// shown exactly as stored, as text.
import { Alert, Anchor, Button, Center, Group, Loader, Stack, Text, Textarea } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { PATHS } from '../../app/routes.tsx';
import { Link } from '../../app/router.tsx';
import { useCan } from '../../app/session.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { useSubmission } from '../../app/useSubmission.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Section } from '../intake/IntakeParts.tsx';
import { useObservableLabels } from '../observables/observableLabels.ts';
import { ObservableValue, WarningBadge } from '../observables/ObservableParts.tsx';
import { casesApi, type CaseObservablesView } from './cases.api.ts';
import { CaseHits } from './CaseHits.tsx';
import type { CasePartProps } from './CaseParts.tsx';

/** A pasted log can hold thousands of values; the page lists the first ones. */
const SHOWN_OBSERVABLES = 200;
const MAX_TEXT_LENGTH = 5_000_000;

export function CaseObservablesSection({ detail, directory }: Pick<CasePartProps, 'detail' | 'directory'>) {
  const { t } = useI18n();
  const can = useCan();
  const panel = useApiQuery(() => casesApi.observables(detail.id), [detail.id]);
  return (
    <Section id="case-observables-title" title={t('cases.observables_title')} testId="case-observables">
      <Stack gap="md">
        {panel.data ? (
          <>
            <ObservableList observables={panel.data.observables} />
            <CaseHits hits={panel.data.hits} directory={directory} />
          </>
        ) : panel.error ? (
          <ErrorMessage error={panel.error} />
        ) : (
          <Center py="md">
            <Loader size="sm" aria-label={t('common.loading')} />
          </Center>
        )}
        {can('case.write') && <RecordForm caseId={detail.id} known={panel.data} onRecorded={panel.replace} />}
      </Stack>
    </Section>
  );
}

function ObservableList({ observables }: { observables: CaseObservablesView['observables'] }) {
  const { t } = useI18n();
  const can = useCan();
  const labels = useObservableLabels();
  if (observables.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('cases.no_observables')}
      </Text>
    );
  const shown = observables.slice(0, SHOWN_OBSERVABLES);
  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed">
        {observables.length > shown.length
          ? t('cases.observables_limited', { count: shown.length, total: observables.length })
          : t('cases.count', { count: observables.length })}
      </Text>
      <ul className="plain-list case-observable-list" data-testid="case-observable-list">
        {shown.map((observable) => (
          <li key={observable.observableId} data-observable-id={observable.observableId}>
            <Text size="xs" c="dimmed">
              {labels.type(observable.type)}
            </Text>
            <Group gap={6} wrap="wrap" align="center">
              {can('observable.read') ? (
                <Anchor component={Link} href={PATHS.observable(observable.observableId)} size="sm" ff="monospace" className="observable-value" translate="no">
                  {observable.value}
                </Anchor>
              ) : (
                <ObservableValue value={observable.value} />
              )}
              <WarningBadge warning={observable.warning} />
            </Group>
          </li>
        ))}
      </ul>
    </Stack>
  );
}

function RecordForm({ caseId, known, onRecorded }: { caseId: string; known: CaseObservablesView | null; onRecorded: (panel: CaseObservablesView) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [isMissing, setMissing] = useState(false);
  const [added, setAdded] = useState<number | null>(null);
  const { error, isBusy, run } = useSubmission();

  function submit(event: SubmitEvent) {
    event.preventDefault();
    setMissing(text.trim() === '');
    setAdded(null);
    if (text.trim() === '') return;
    void run(async () => {
      const recorded = await casesApi.recordObservables(caseId, text);
      const before = new Set(known?.observables.map((observable) => observable.observableId));
      setAdded(recorded.observables.filter((observable) => !before.has(observable.observableId)).length);
      onRecorded(recorded);
      setText('');
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Textarea
          label={t('cases.observables_text')}
          description={t('cases.observables_text_hint')}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setMissing(false);
            setAdded(null);
          }}
          error={isMissing ? t('validation.required') : undefined}
          autosize
          minRows={3}
          maxRows={12}
          maxLength={MAX_TEXT_LENGTH}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        <ErrorMessage error={error} />
        <div aria-live="polite" aria-atomic="true">
          {added !== null && (
            <Alert color="teal" variant="light" data-testid="case-observables-recorded">
              <Text size="sm">{t('cases.observables_recorded', { count: added })}</Text>
            </Alert>
          )}
        </div>
        <div>
          <Button type="submit" variant="default" loading={isBusy}>
            {t('cases.record_observables')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
