// International requests (M4): 国際捜査共助, ICPO, the 24/7 contact point, police-to-police — in
// or out, with the country and agency, reference numbers on both sides and an append-only history.
import { Button, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMemo, useState, type SubmitEvent } from 'react';
import { useSubmission } from '../../app/useSubmission.ts';
import { useI18n, type Language } from '../../i18n/i18n.tsx';
import { formatMinute } from '../intake/intakeTime.ts';
import type { Directory } from '../users/directory.ts';
import { COUNTRY_CODES, INTERNATIONAL_CHANNELS, INTERNATIONAL_STATUSES, type InternationalStatus } from '../../../../src/modules/cases/cooperation.contract.ts';
import { dueAtOf } from './caseTasks.ts';
import { cooperationApi, type InternationalRequestView } from './cooperation.api.ts';
import {
  CooperationErrorMessage,
  CooperationHistory,
  CooperationStatusBadge,
  RecordUpdateForm,
  RecordBlock,
  useCooperationLabel,
} from './CaseCooperationParts.tsx';

type Props = { caseId: string; items: readonly InternationalRequestView[]; directory: Directory; canWrite: boolean; onChanged: () => void };

/** The country's name from the browser's own ISO 3166 data, with its code. */
function countryName(language: Language, code: string): string {
  const name = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' }).of(code) ?? code;
  return `${name} (${code})`;
}

export function InternationalRequestsBlock({ caseId, items, directory, canWrite, onChanged }: Props) {
  const { t } = useI18n();
  return (
    <RecordBlock
      testId="case-international-requests"
      title={t('cooperation.international_title')}
      none={t('cooperation.international_none')}
      items={items}
      renderItem={(item) => <InternationalItem caseId={caseId} item={item} directory={directory} canWrite={canWrite} onChanged={onChanged} />}
      form={canWrite && <InternationalForm caseId={caseId} onCreated={onChanged} />}
    />
  );
}

function isInternationalStatus(value: string | null): value is InternationalStatus {
  return INTERNATIONAL_STATUSES.some((status) => status === value);
}

function InternationalItem({ caseId, item, directory, canWrite, onChanged }: Omit<Props, 'items'> & { item: InternationalRequestView }) {
  const { t, language } = useI18n();
  const label = useCooperationLabel();
  const [theirs, setTheirs] = useState(item.theirReference);
  return (
    <Stack gap={4} data-record-id={item.id} data-status={item.status}>
      <Group gap={6} wrap="wrap">
        <Text size="sm" fw={500}>
          {countryName(language, item.countryCode)}
        </Text>
        <Text size="sm" className="break-anywhere">
          {item.agency}
        </Text>
        <Text size="sm">{label('direction', item.direction)}</Text>
        <Text size="sm">{label('channel', item.channel)}</Text>
        <CooperationStatusBadge group="international_status" status={item.status} />
      </Group>
      <Text size="xs" c="dimmed">
        {t('cooperation.recorded_line', { person: directory.personLabel(item.recordedBy), at: formatMinute(language, item.createdAt) })}
        {item.deadlineAt && ` · ${t('cooperation.deadline_line', { at: formatMinute(language, item.deadlineAt) })}`}
      </Text>
      <Text size="xs" c="dimmed" className="break-anywhere">
        {t('cooperation.references', { ours: item.ourReference || '—', theirs: item.theirReference || '—' })}
      </Text>
      <Text size="sm" className="reporter-text">
        {item.text}
      </Text>
      <CooperationHistory events={item.history} group="international_status" personLabel={directory.personLabel} />
      {canWrite && (
        <details>
          <summary>
            <Text span size="xs">
              {t('cooperation.add_update')}
            </Text>
          </summary>
          <RecordUpdateForm
            group="international_status"
            allowed={item.allowedTransitions}
            extra={
              <TextInput label={t('cooperation.their_reference')} value={theirs} onChange={(event) => setTheirs(event.currentTarget.value)} maxLength={100} />
            }
            onSubmit={async ({ status, note }) => {
              await cooperationApi.updateInternational(caseId, item.id, {
                note,
                ...(isInternationalStatus(status) ? { status } : {}),
                ...(theirs.trim() !== item.theirReference ? { theirReference: theirs.trim() } : {}),
              });
              onChanged();
            }}
          />
        </details>
      )}
    </Stack>
  );
}

function InternationalForm({ caseId, onCreated }: { caseId: string; onCreated: () => void }) {
  const { t, language } = useI18n();
  const label = useCooperationLabel();
  const [direction, setDirection] = useState<'outgoing' | 'incoming'>('outgoing');
  const [country, setCountry] = useState<string | null>(null);
  const [agency, setAgency] = useState('');
  const [channel, setChannel] = useState<string | null>('mlat');
  const [text, setText] = useState('');
  const [deadlineOn, setDeadlineOn] = useState('');
  const [ours, setOurs] = useState('');
  const [theirs, setTheirs] = useState('');
  const [isChecked, setChecked] = useState(false);
  const { error, isBusy, run } = useSubmission();
  const countries = useMemo(
    () => COUNTRY_CODES.map((code) => ({ value: code, label: countryName(language, code) })).sort((a, b) => a.label.localeCompare(b.label, language)),
    [language],
  );
  const chosenChannel = INTERNATIONAL_CHANNELS.find((c) => c === channel);

  function submit(event: SubmitEvent) {
    event.preventDefault();
    setChecked(true);
    if (!country || !chosenChannel || agency.trim() === '' || text.trim() === '') return;
    void run(async () => {
      await cooperationApi.recordInternational(caseId, {
        direction,
        countryCode: country,
        agency: agency.trim(),
        channel: chosenChannel,
        text: text.trim(),
        deadlineAt: dueAtOf(deadlineOn),
        ourReference: ours.trim(),
        theirReference: theirs.trim(),
      });
      for (const reset of [setAgency, setText, setDeadlineOn, setOurs, setTheirs]) reset('');
      setCountry(null);
      setChecked(false);
      onCreated();
    });
  }

  const required = (isEmpty: boolean) => (isChecked && isEmpty ? t('validation.required') : undefined);
  return (
    <form onSubmit={submit} noValidate aria-label={t('cooperation.international_add')}>
      <Stack gap="xs">
        <SegmentedControl
          value={direction}
          onChange={(value) => setDirection(value === 'incoming' ? 'incoming' : 'outgoing')}
          data={[
            { value: 'outgoing', label: label('direction', 'outgoing') },
            { value: 'incoming', label: label('direction', 'incoming') },
          ]}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label={t('cooperation.country')}
            data={countries}
            value={country}
            onChange={setCountry}
            searchable
            nothingFoundMessage={t('common.nothing_found')}
            error={required(!country)}
            withAsterisk
          />
          <TextInput
            label={t('cooperation.agency')}
            value={agency}
            onChange={(event) => setAgency(event.currentTarget.value)}
            error={required(agency.trim() === '')}
            maxLength={200}
            withAsterisk
          />
          <Select
            label={t('cooperation.channel_label')}
            data={INTERNATIONAL_CHANNELS.map((value) => ({ value, label: label('channel', value) }))}
            value={channel}
            onChange={setChannel}
            allowDeselect={false}
            withAsterisk
          />
          <TextInput
            label={t('cooperation.international_deadline')}
            type="date"
            value={deadlineOn}
            onChange={(event) => setDeadlineOn(event.currentTarget.value)}
          />
          <TextInput label={t('cooperation.our_reference')} value={ours} onChange={(event) => setOurs(event.currentTarget.value)} maxLength={100} />
          <TextInput label={t('cooperation.their_reference')} value={theirs} onChange={(event) => setTheirs(event.currentTarget.value)} maxLength={100} />
        </SimpleGrid>
        <Textarea
          label={t('cooperation.international_text')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={required(text.trim() === '')}
          maxLength={10_000}
          autosize
          minRows={2}
          withAsterisk
        />
        <CooperationErrorMessage error={error} group="international_status" />
        <div>
          <Button type="submit" variant="default" loading={isBusy}>
            {t('cooperation.international_add')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
