// What can be done to an item, one form at a time: 引継ぎ (to a colleague, maybe to a new place),
// 保管場所の変更, 還付/廃棄 (final), and 解析依頼 (to the forensic unit unless another is chosen).
// The first three are for the holder or the case's lead; the server decides in the end.
import { Button, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type ReactNode, type SubmitEvent } from 'react';
import { useCan, useSession } from '../../app/session.tsx';
import { useSubmission } from '../../app/useSubmission.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { unitName } from '../units/units.api.ts';
import type { LoadedDirectory } from '../users/directory.ts';
import type { CaseDetail } from './cases.api.ts';
import { dueAtOf } from './caseTasks.ts';
import { evidenceApi, FORENSIC_UNIT_CODE, isReleased, type EvidenceDetail } from './evidence.api.ts';

type Action = 'handover' | 'move' | 'release' | 'analysis';
type FormProps = { item: EvidenceDetail; directory: LoadedDirectory; onDone: (next: EvidenceDetail) => void; onCancel: () => void };

export function CaseEvidenceActions({
  item,
  caseDetail,
  directory,
  onChanged,
}: {
  item: EvidenceDetail;
  caseDetail: CaseDetail;
  directory: LoadedDirectory;
  onChanged: (next: EvidenceDetail) => void;
}) {
  const { t } = useI18n();
  const can = useCan();
  const session = useSession();
  const [action, setAction] = useState<Action | null>(null);
  if (!can('case.write')) return null;
  if (isReleased(item.status)) {
    return (
      <Text size="sm" c="dimmed">
        {t('evidence.released_note')}
      </Text>
    );
  }
  const mayHandle = item.holderId === session.user.id || (caseDetail.leadUserId !== null && caseDetail.leadUserId === session.user.id);
  const actions: readonly Action[] = mayHandle ? ['handover', 'move', 'release', 'analysis'] : ['analysis'];
  const props: FormProps = {
    item,
    directory,
    onDone: (next) => {
      setAction(null);
      onChanged(next);
    },
    onCancel: () => setAction(null),
  };
  return (
    <section aria-labelledby="evidence-actions-title" data-testid="evidence-actions">
      <Title order={3} size="h5" id="evidence-actions-title" mb="xs">
        {t('evidence.actions_title')}
      </Title>
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          {actions.map((name) => (
            <Button
              key={name}
              size="xs"
              variant={action === name ? 'filled' : 'default'}
              aria-pressed={action === name}
              onClick={() => setAction(action === name ? null : name)}
            >
              {t(`evidence.action.${name}`)}
            </Button>
          ))}
        </Group>
        {!mayHandle && (
          <Text size="xs" c="dimmed">
            {t('evidence.holder_only')}
          </Text>
        )}
        {action === 'handover' && <HandoverForm {...props} />}
        {action === 'move' && <MoveForm {...props} />}
        {action === 'release' && <ReleaseForm {...props} />}
        {action === 'analysis' && <AnalysisForm {...props} />}
      </Stack>
    </section>
  );
}

function ActionForm({ label, onSubmit, children }: { label: string; onSubmit: (event: SubmitEvent) => void; children: ReactNode }) {
  return (
    <form onSubmit={onSubmit} noValidate aria-label={label} className="evidence-action-form">
      <Stack gap="xs">{children}</Stack>
    </form>
  );
}

function FormButtons({
  submitLabel,
  isBusy,
  onCancel,
  color = 'blue',
}: {
  submitLabel: string;
  isBusy: boolean;
  onCancel: () => void;
  color?: 'blue' | 'red';
}) {
  const { t } = useI18n();
  return (
    <Group gap="xs">
      <Button type="submit" size="sm" loading={isBusy} color={color}>
        {submitLabel}
      </Button>
      <Button size="sm" variant="default" onClick={onCancel} disabled={isBusy}>
        {t('common.cancel')}
      </Button>
    </Group>
  );
}

function HandoverForm({ item, directory, onDone, onCancel }: FormProps) {
  const { t } = useI18n();
  const [toUserId, setToUserId] = useState<string | null>(null);
  const [location, setLocation] = useState('');
  const [note, setNote] = useState('');
  const [isChecked, setChecked] = useState(false);
  const { error, isBusy, run } = useSubmission();
  const people = directory.people
    .filter((person) => !person.disabled && person.id !== item.holderId)
    .map((person) => ({ value: person.id, label: person.displayName }));

  function submit(event: SubmitEvent) {
    event.preventDefault();
    setChecked(true);
    if (!toUserId) return;
    void run(async () => onDone(await evidenceApi.handover(item.caseId, item.id, { toUserId, location: location.trim(), note: note.trim() })));
  }

  return (
    <ActionForm label={t('evidence.action.handover')} onSubmit={submit}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('evidence.handover_to')}
          data={people}
          value={toUserId}
          onChange={setToUserId}
          searchable
          nothingFoundMessage={t('common.nothing_found')}
          error={isChecked && !toUserId ? t('validation.required') : undefined}
          withAsterisk
        />
        <TextInput
          label={t('evidence.handover_location')}
          description={t('evidence.handover_location_hint')}
          value={location}
          onChange={(event) => setLocation(event.currentTarget.value)}
          maxLength={500}
        />
      </SimpleGrid>
      <Textarea label={t('evidence.note')} value={note} onChange={(event) => setNote(event.currentTarget.value)} autosize minRows={2} maxLength={2000} />
      <ErrorMessage error={error} />
      <FormButtons submitLabel={t('evidence.handover_submit')} isBusy={isBusy} onCancel={onCancel} />
    </ActionForm>
  );
}

function MoveForm({ item, onDone, onCancel }: FormProps) {
  const { t } = useI18n();
  const [location, setLocation] = useState('');
  const [note, setNote] = useState('');
  const [isChecked, setChecked] = useState(false);
  const { error, isBusy, run } = useSubmission();

  function submit(event: SubmitEvent) {
    event.preventDefault();
    setChecked(true);
    if (location.trim() === '') return;
    void run(async () => onDone(await evidenceApi.move(item.caseId, item.id, { location: location.trim(), note: note.trim() })));
  }

  return (
    <ActionForm label={t('evidence.action.move')} onSubmit={submit}>
      <TextInput
        label={t('evidence.move_location')}
        value={location}
        onChange={(event) => setLocation(event.currentTarget.value)}
        error={isChecked && location.trim() === '' ? t('validation.required') : undefined}
        maxLength={500}
        withAsterisk
      />
      <Textarea label={t('evidence.note')} value={note} onChange={(event) => setNote(event.currentTarget.value)} autosize minRows={2} maxLength={2000} />
      <ErrorMessage error={error} />
      <FormButtons submitLabel={t('evidence.move_submit')} isBusy={isBusy} onCancel={onCancel} />
    </ActionForm>
  );
}

function ReleaseForm({ item, onDone, onCancel }: FormProps) {
  const { t } = useI18n();
  const [action, setAction] = useState<'returned' | 'disposed'>('returned');
  const [note, setNote] = useState('');
  const [isChecked, setChecked] = useState(false);
  const { error, isBusy, run } = useSubmission();

  function submit(event: SubmitEvent) {
    event.preventDefault();
    setChecked(true);
    if (note.trim() === '') return;
    void run(async () => onDone(await evidenceApi.release(item.caseId, item.id, { action, note: note.trim() })));
  }

  return (
    <ActionForm label={t('evidence.action.release')} onSubmit={submit}>
      <div>
        <Text size="sm" fw={500} id="evidence-release-label" mb={4}>
          {t('evidence.release_kind')}
        </Text>
        <SegmentedControl
          aria-labelledby="evidence-release-label"
          value={action}
          onChange={(value) => setAction(value === 'disposed' ? 'disposed' : 'returned')}
          data={[
            { value: 'returned', label: t('evidence.release.returned') },
            { value: 'disposed', label: t('evidence.release.disposed') },
          ]}
        />
      </div>
      <Textarea
        label={t('evidence.release_note')}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
        error={isChecked && note.trim() === '' ? t('validation.required') : undefined}
        autosize
        minRows={2}
        maxLength={2000}
        withAsterisk
      />
      <Text size="xs" c="orange.8">
        {t('evidence.release_confirm')}
      </Text>
      <ErrorMessage error={error} />
      <FormButtons submitLabel={t('evidence.release_submit')} isBusy={isBusy} onCancel={onCancel} color="red" />
    </ActionForm>
  );
}

function AnalysisForm({ item, directory, onDone, onCancel }: FormProps) {
  const { t, language } = useI18n();
  const forensicUnitId = directory.units.find((unit) => unit.code === FORENSIC_UNIT_CODE)?.id ?? null;
  const [question, setQuestion] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [unitId, setUnitId] = useState<string | null>(forensicUnitId);
  const [isChecked, setChecked] = useState(false);
  const { error, isBusy, run } = useSubmission();
  const units = directory.units.filter((unit) => unit.kind !== 'external').map((unit) => ({ value: unit.id, label: unitName(unit, language) }));

  function submit(event: SubmitEvent) {
    event.preventDefault();
    setChecked(true);
    if (question.trim() === '') return;
    // No unit chosen: the server sends it to its forensic unit.
    const chosen = unitId ?? forensicUnitId;
    void run(async () => {
      await evidenceApi.requestAnalysis(item.caseId, item.id, { question: question.trim(), dueAt: dueAtOf(dueOn), ...(chosen ? { toUnitId: chosen } : {}) });
      onDone(await evidenceApi.get(item.caseId, item.id));
    });
  }

  return (
    <ActionForm label={t('evidence.action.analysis')} onSubmit={submit}>
      <Textarea
        label={t('evidence.analysis_question')}
        value={question}
        onChange={(event) => setQuestion(event.currentTarget.value)}
        error={isChecked && question.trim() === '' ? t('validation.required') : undefined}
        autosize
        minRows={3}
        maxLength={10_000}
        withAsterisk
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('evidence.analysis_unit')}
          description={t('evidence.analysis_unit_hint')}
          data={units}
          value={unitId}
          onChange={setUnitId}
          searchable
          nothingFoundMessage={t('common.nothing_found')}
        />
        <TextInput
          label={t('evidence.analysis_due')}
          description={t('evidence.analysis_due_hint')}
          type="date"
          value={dueOn}
          onChange={(event) => setDueOn(event.currentTarget.value)}
        />
      </SimpleGrid>
      <ErrorMessage error={error} />
      <FormButtons submitLabel={t('evidence.analysis_submit')} isBusy={isBusy} onCancel={onCancel} />
    </ActionForm>
  );
}
