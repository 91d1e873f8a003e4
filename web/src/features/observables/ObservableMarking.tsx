// The TLP marking of one observable. Unmarked, it is shared at the marking of the case it goes out
// with; values that may be personal data (e-mail, phone, bank account) go out only when marked
// here. observable.write sets or clears the marking; the change is audited by the server.
import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useCan } from '../../app/session.tsx';
import { useSubmission } from '../../app/useSubmission.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { isTlp, TlpBadge, useTlpOptions, type Tlp } from '../../components/TlpBadge.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { observablesApi, type ObservableDetail } from './observables.api.ts';

const UNMARKED = 'none';

export function ObservableMarking({ observable, onChanged }: { observable: ObservableDetail; onChanged: (detail: ObservableDetail) => void }) {
  const { t } = useI18n();
  const can = useCan();
  return (
    <Stack gap="xs" data-testid="observable-marking">
      <Group gap="xs" wrap="wrap">
        <Text size="sm">{t('observables.tlp_current')}</Text>
        {observable.tlp ? (
          <TlpBadge level={observable.tlp} testId="observable-tlp" />
        ) : (
          <Text size="sm" c="dimmed" data-testid="observable-tlp">
            {t('observables.tlp_unmarked')}
          </Text>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t('observables.tlp_explanation')}
      </Text>
      {can('observable.write') && <MarkingForm observable={observable} onChanged={onChanged} />}
    </Stack>
  );
}

function MarkingForm({ observable, onChanged }: { observable: ObservableDetail; onChanged: (detail: ObservableDetail) => void }) {
  const { t } = useI18n();
  const tlpOptions = useTlpOptions();
  const [choice, setChoice] = useState<string>(observable.tlp ?? UNMARKED);
  const { error, isBusy, run } = useSubmission();
  const chosen: Tlp | null = isTlp(choice) ? choice : null;

  function submit(event: SubmitEvent) {
    event.preventDefault();
    void run(async () => {
      onChanged(await observablesApi.mark(observable.id, chosen));
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('observables.tlp_form')}>
      <Stack gap="xs">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('observables.tlp_label')}
            data={[{ value: UNMARKED, label: t('observables.tlp_unmarked') }, ...tlpOptions]}
            value={choice}
            onChange={(value) => setChoice(value ?? UNMARKED)}
            allowDeselect={false}
            w={280}
            data-testid="observable-tlp-select"
          />
          <Button type="submit" loading={isBusy} disabled={chosen === observable.tlp}>
            {t('common.save')}
          </Button>
        </Group>
        <ErrorMessage error={error} />
      </Stack>
    </form>
  );
}
