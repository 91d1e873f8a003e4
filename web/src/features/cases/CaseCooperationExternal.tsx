// 共同捜査 with other prefectural police and referrals to the National Cyber Unit: what was shared,
// with whom, where it stands, and an append-only log of updates.
import { Button, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useSubmission } from '../../app/useSubmission.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatMinute } from '../intake/intakeTime.ts';
import type { Directory } from '../users/directory.ts';
import { EXTERNAL_STATUSES, NCU, PREFECTURES, type ExternalStatus } from '../../../../src/modules/cases/cooperation.contract.ts';
import { cooperationApi, sharedObservablesOf, type ExternalCooperationView } from './cooperation.api.ts';
import {
  CooperationErrorMessage,
  CooperationHistory,
  CooperationStatusBadge,
  RecordUpdateForm,
  RecordBlock,
  useCooperationLabel,
} from './CaseCooperationParts.tsx';

type Props = { caseId: string; items: readonly ExternalCooperationView[]; directory: Directory; canWrite: boolean; onChanged: () => void };

export function ExternalCooperationBlock({ caseId, items, directory, canWrite, onChanged }: Props) {
  const { t } = useI18n();
  return (
    <RecordBlock
      testId="case-external-cooperation"
      title={t('cooperation.external_title')}
      none={t('cooperation.external_none')}
      items={items}
      renderItem={(item) => <ExternalItem caseId={caseId} item={item} directory={directory} canWrite={canWrite} onChanged={onChanged} />}
      form={canWrite && <ExternalForm caseId={caseId} onCreated={onChanged} />}
    />
  );
}

function isExternalStatus(value: string | null): value is ExternalStatus {
  return EXTERNAL_STATUSES.some((status) => status === value);
}

function ExternalItem({ caseId, item, directory, canWrite, onChanged }: Omit<Props, 'items'> & { item: ExternalCooperationView }) {
  const { t, language } = useI18n();
  const label = useCooperationLabel();
  const [contact, setContact] = useState(item.contactName);
  return (
    <Stack gap={4} data-record-id={item.id} data-status={item.status}>
      <Group gap={6} wrap="wrap">
        <Text size="sm" fw={500}>
          {label('counterpart', item.counterpart)}
        </Text>
        <Text size="sm">{label('external_kind', item.kind)}</Text>
        <CooperationStatusBadge group="external_status" status={item.status} />
      </Group>
      <Text size="xs" c="dimmed">
        {t('cooperation.recorded_line', { person: directory.personLabel(item.recordedBy), at: formatMinute(language, item.createdAt) })}
        {item.contactName && ` · ${t('cooperation.contact_line', { name: item.contactName })}`}
      </Text>
      <Text size="sm" className="reporter-text">
        {item.summary}
      </Text>
      {item.sharedObservables.length > 0 && (
        <ul className="plain-list" aria-label={t('cooperation.shared_observables_title')}>
          {item.sharedObservables.map((shared, index) => (
            <li key={`${shared.value}-${String(index)}`}>
              <Text size="xs" className="break-anywhere" ff="monospace">
                {shared.count === undefined ? shared.value : t('cooperation.shared_count', { value: shared.value, count: shared.count })}
              </Text>
            </li>
          ))}
        </ul>
      )}
      <CooperationHistory events={item.history} group="external_status" personLabel={directory.personLabel} />
      {canWrite && (
        <details>
          <summary>
            <Text span size="xs">
              {t('cooperation.add_update')}
            </Text>
          </summary>
          <RecordUpdateForm
            group="external_status"
            allowed={item.allowedTransitions}
            extra={<TextInput label={t('cooperation.contact')} value={contact} onChange={(event) => setContact(event.currentTarget.value)} maxLength={200} />}
            onSubmit={async ({ status, note }) => {
              await cooperationApi.updateExternal(caseId, item.id, {
                note,
                ...(isExternalStatus(status) ? { status } : {}),
                ...(contact.trim() !== item.contactName ? { contactName: contact.trim() } : {}),
              });
              onChanged();
            }}
          />
        </details>
      )}
    </Stack>
  );
}

const COUNTERPARTS = [...PREFECTURES] as string[];

function ExternalForm({ caseId, onCreated }: { caseId: string; onCreated: () => void }) {
  const { t } = useI18n();
  const label = useCooperationLabel();
  const [kind, setKind] = useState<'joint_investigation' | 'ncu_referral'>('joint_investigation');
  const [prefecture, setPrefecture] = useState<string | null>(null);
  const [summary, setSummary] = useState('');
  const [observables, setObservables] = useState('');
  const [contact, setContact] = useState('');
  const [isChecked, setChecked] = useState(false);
  const { error, isBusy, run } = useSubmission();
  const counterpart = kind === 'ncu_referral' ? NCU : PREFECTURES.find((p) => p === prefecture);

  function submit(event: SubmitEvent) {
    event.preventDefault();
    setChecked(true);
    if (!counterpart || summary.trim() === '') return;
    void run(async () => {
      await cooperationApi.recordExternal(caseId, {
        kind,
        counterpart,
        summary: summary.trim(),
        sharedObservables: sharedObservablesOf(observables),
        contactName: contact.trim(),
      });
      setSummary('');
      setObservables('');
      setContact('');
      setChecked(false);
      onCreated();
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('cooperation.external_add')}>
      <Stack gap="xs">
        <SegmentedControl
          value={kind}
          onChange={(value) => setKind(value === 'ncu_referral' ? 'ncu_referral' : 'joint_investigation')}
          data={[
            { value: 'joint_investigation', label: label('external_kind', 'joint_investigation') },
            { value: 'ncu_referral', label: label('external_kind', 'ncu_referral') },
          ]}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {kind === 'joint_investigation' ? (
            <Select
              label={t('cooperation.counterpart')}
              data={COUNTERPARTS.map((value) => ({ value, label: label('counterpart', value) }))}
              value={prefecture}
              onChange={setPrefecture}
              searchable
              nothingFoundMessage={t('common.nothing_found')}
              error={isChecked && !counterpart ? t('validation.required') : undefined}
              withAsterisk
            />
          ) : (
            <TextInput label={t('cooperation.counterpart')} value={label('counterpart', NCU)} readOnly />
          )}
          <TextInput label={t('cooperation.contact')} value={contact} onChange={(event) => setContact(event.currentTarget.value)} maxLength={200} />
        </SimpleGrid>
        <Textarea
          label={t('cooperation.summary')}
          value={summary}
          onChange={(event) => setSummary(event.currentTarget.value)}
          error={isChecked && summary.trim() === '' ? t('validation.required') : undefined}
          maxLength={10_000}
          autosize
          minRows={2}
          withAsterisk
        />
        <Textarea
          label={t('cooperation.shared_observables')}
          value={observables}
          onChange={(event) => setObservables(event.currentTarget.value)}
          autosize
          minRows={2}
          styles={{ input: { fontFamily: 'monospace' } }}
        />
        <CooperationErrorMessage error={error} group="external_status" />
        <div>
          <Button type="submit" variant="default" loading={isBusy}>
            {t('cooperation.external_add')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
