// The dialogs behind the item actions. Each sends one request and shows the server's error (with
// its field messages) in place; the page reloads the item afterwards.
import { Button, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type ReactNode, type SubmitEvent } from 'react';
import type { ApiError } from '../../app/api.ts';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { useSubmission } from '../../app/useSubmission.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { fieldErrorsOf } from '../../components/fieldErrors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { unitName, type Unit } from '../units/units.api.ts';
import { OUTCOMES } from '../../../../src/modules/intake/intake.taxonomy.ts';
import { intakeApi, type CaseOpened, type CloseInput, type Item } from './intake.api.ts';
import { useIntakeLabel } from './intakeLabels.ts';

/** Outcomes recorded by 終了: 事件化 and 重複 have their own actions, which also do the rest. */
const CLOSING_OUTCOMES = OUTCOMES.filter((outcome) => outcome !== 'case_opened' && outcome !== 'duplicate');
type ClosingOutcome = (typeof CLOSING_OUTCOMES)[number];

function isClosingOutcome(value: string | null): value is ClosingOutcome {
  return CLOSING_OUTCOMES.some((outcome) => outcome === value);
}

function ActionModal({
  title,
  submitLabel,
  onClose,
  onSubmit,
  isBusy,
  error,
  children,
  color,
}: {
  title: string;
  submitLabel: string;
  onClose: () => void;
  onSubmit: () => void;
  isBusy: boolean;
  error: ApiError | null;
  children: ReactNode;
  color?: string;
}) {
  const { t } = useI18n();
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form
        onSubmit={(event: SubmitEvent) => {
          event.preventDefault();
          onSubmit();
        }}
        noValidate
      >
        <Stack gap="sm">
          {children}
          <ErrorMessage error={error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isBusy} {...(color ? { color } : {})}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type ModalProps = { item: Item; onClose: () => void; onDone: () => void };

export function ReassignModal({ item, units, onClose, onDone }: ModalProps & { units: readonly Unit[] }) {
  const { t, language } = useI18n();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [isMissing, setMissing] = useState(false);
  const { error, isBusy, run } = useSubmission();
  const options = units
    .filter((unit) => unit.kind !== 'external' && unit.id !== item.assignedUnitId)
    .map((unit) => ({ value: unit.id, label: unitName(unit, language) }));
  return (
    <ActionModal
      title={t('intake.reassign_title', { receiptNo: item.receiptNo })}
      submitLabel={t('intake.reassign_submit')}
      onClose={onClose}
      isBusy={isBusy}
      error={error}
      onSubmit={() => {
        setMissing(unitId === null);
        if (unitId === null) return;
        void run(async () => {
          await intakeApi.reassign(item.id, unitId, note.trim() || undefined);
          onDone();
        });
      }}
    >
      <Text size="sm">{t('intake.reassign_hint')}</Text>
      <Select
        label={t('intake.reassign_unit')}
        placeholder={t('intake.choose_unit')}
        data={options}
        value={unitId}
        onChange={setUnitId}
        searchable
        nothingFoundMessage={t('common.nothing_found')}
        error={isMissing ? t('validation.required') : fieldErrorsOf(error).unitId}
        withAsterisk
        comboboxProps={{ withinPortal: true }}
      />
      <Textarea label={t('intake.action_note')} value={note} onChange={(event) => setNote(event.currentTarget.value)} autosize minRows={2} maxLength={2000} />
    </ActionModal>
  );
}

export function CloseModal({ item, onClose, onDone }: ModalProps) {
  const { t } = useI18n();
  const label = useIntakeLabel();
  const [outcome, setOutcome] = useState<ClosingOutcome | null>(null);
  const [agency, setAgency] = useState('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<{ outcome?: boolean; agency?: boolean }>({});
  const { error, isBusy, run } = useSubmission();
  const serverProblems = fieldErrorsOf(error);
  const needsAgency = outcome === 'referred_external';
  return (
    <ActionModal
      title={t('intake.close_title', { receiptNo: item.receiptNo })}
      submitLabel={t('intake.close_submit')}
      onClose={onClose}
      isBusy={isBusy}
      error={error}
      onSubmit={() => {
        const found = { outcome: outcome === null, agency: needsAgency && agency.trim() === '' };
        setProblems(found);
        if (outcome === null || found.agency) return;
        const input: CloseInput = { outcome };
        if (needsAgency) input.referredAgency = agency.trim();
        if (note.trim()) input.note = note.trim();
        void run(async () => {
          await intakeApi.close(item.id, input);
          onDone();
        });
      }}
    >
      <Text size="sm">{t('intake.close_hint')}</Text>
      <Select
        label={t('intake.outcome_label')}
        data={CLOSING_OUTCOMES.map((value) => ({ value, label: label('outcome', value) }))}
        value={outcome}
        onChange={(value) => setOutcome(isClosingOutcome(value) ? value : null)}
        error={problems.outcome ? t('validation.required') : serverProblems.outcome}
        withAsterisk
      />
      {needsAgency && (
        <TextInput
          label={t('intake.referred_agency')}
          description={t('intake.referred_agency_hint')}
          value={agency}
          onChange={(event) => setAgency(event.currentTarget.value)}
          error={problems.agency ? t('validation.required') : serverProblems.referredAgency}
          maxLength={200}
          withAsterisk
        />
      )}
      <Textarea label={t('intake.action_note')} value={note} onChange={(event) => setNote(event.currentTarget.value)} autosize minRows={2} maxLength={2000} />
    </ActionModal>
  );
}

export function MergeModal({ item, onClose, onDone }: ModalProps) {
  const { t } = useI18n();
  const candidates = useApiQuery(() => intakeApi.queue({ open: true, overdue: false, mine: false }));
  const [intoItemId, setIntoItemId] = useState<string | null>(null);
  const [isMissing, setMissing] = useState(false);
  const { error, isBusy, run } = useSubmission();
  const options = (candidates.data ?? [])
    .filter((candidate) => candidate.id !== item.id)
    .map((candidate) => ({ value: candidate.id, label: `${candidate.receiptNo} — ${candidate.summary}` }));
  return (
    <ActionModal
      title={t('intake.merge_title', { receiptNo: item.receiptNo })}
      submitLabel={t('intake.merge_submit')}
      onClose={onClose}
      isBusy={isBusy}
      error={error ?? candidates.error}
      onSubmit={() => {
        setMissing(intoItemId === null);
        if (intoItemId === null) return;
        void run(async () => {
          await intakeApi.merge(item.id, intoItemId);
          onDone();
        });
      }}
    >
      <Text size="sm">{t('intake.merge_hint')}</Text>
      <Select
        label={t('intake.merge_into')}
        description={t('intake.merge_into_hint')}
        data={options}
        value={intoItemId}
        onChange={setIntoItemId}
        searchable
        nothingFoundMessage={candidates.isLoading ? t('common.loading') : t('common.nothing_found')}
        error={isMissing ? t('validation.required') : undefined}
        withAsterisk
      />
    </ActionModal>
  );
}

export function OpenCaseModal({ item, onClose, onDone }: { item: Item; onClose: () => void; onDone: (opened: CaseOpened) => void }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'open' | 'link'>('open');
  const [title, setTitle] = useState(item.summary);
  const [caseNo, setCaseNo] = useState('');
  const [isMissing, setMissing] = useState(false);
  const { error, isBusy, run } = useSubmission();
  function submit() {
    if (mode === 'link') {
      setMissing(caseNo.trim() === '');
      if (caseNo.trim() === '') return;
    }
    void run(async () => {
      onDone(mode === 'open' ? await intakeApi.openCase(item.id, title.trim() || undefined) : await intakeApi.linkCase(item.id, caseNo.trim()));
    });
  }
  return (
    <ActionModal
      title={t('intake.open_case_title', { receiptNo: item.receiptNo })}
      submitLabel={mode === 'open' ? t('intake.open_case_submit') : t('intake.link_case_submit')}
      onClose={onClose}
      isBusy={isBusy}
      error={error}
      color="grape"
      onSubmit={submit}
    >
      <SegmentedControl
        fullWidth
        value={mode}
        onChange={(value) => setMode(value === 'link' ? 'link' : 'open')}
        data={[
          { value: 'open', label: t('intake.open_case_new') },
          { value: 'link', label: t('intake.link_case_existing') },
        ]}
        aria-label={t('intake.open_case_mode')}
      />
      {mode === 'open' ? (
        <>
          <Text size="sm">{t('intake.open_case_hint')}</Text>
          <TextInput
            label={t('intake.case_title')}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            maxLength={200}
            error={fieldErrorsOf(error).title}
          />
        </>
      ) : (
        <>
          <Text size="sm">{t('intake.link_case_hint')}</Text>
          <TextInput
            label={t('intake.link_case_no')}
            placeholder="IB-C-2026-0042"
            value={caseNo}
            onChange={(event) => setCaseNo(event.currentTarget.value)}
            maxLength={40}
            error={isMissing ? t('validation.required') : fieldErrorsOf(error).caseNo}
            withAsterisk
          />
        </>
      )}
    </ActionModal>
  );
}
