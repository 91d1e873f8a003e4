// Edits a case's title, priority, lead, sensitivity, TLP, description, victim and damage. The change carries the version
// the dialog was opened on: when someone else saved first the server refuses it, and the dialog
// says so and offers to load the case as it now is.
import { Button, Group, Modal, Select, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { CASE_PRIORITIES } from '../../../../src/modules/cases/cases.contract.ts';
import { useSubmission } from '../../app/useSubmission.ts';
import { isTlp, useTlpHint, useTlpOptions, type Tlp } from '../../components/TlpBadge.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useIntakeLabel } from '../intake/intakeLabels.ts';
import { useDirectory } from '../users/directory.ts';
import { bodyProblemsOf, casesApi, type CaseChanges, type CaseDetail } from './cases.api.ts';
import { CaseErrorMessage } from './CaseParts.tsx';
import { CaseVictimFields, victimDraftOf, victimOf, type VictimDraft } from './CaseVictimFields.tsx';

type Priority = (typeof CASE_PRIORITIES)[number];

/** Only what was changed is sent, so the audit record names just that; the version always goes. */
type Draft = {
  title: string;
  priority: Priority;
  leadUserId: string | null;
  sensitive: boolean;
  tlp: Tlp;
  description: string;
  victim: VictimDraft;
};

function changesOf(detail: CaseDetail, draft: Draft): CaseChanges {
  const changes: CaseChanges = { version: detail.version };
  if (draft.title !== detail.title) changes.title = draft.title;
  if (draft.priority !== detail.priority) changes.priority = draft.priority;
  if (draft.leadUserId !== detail.leadUserId) changes.leadUserId = draft.leadUserId;
  if (draft.sensitive !== detail.sensitive) changes.sensitive = draft.sensitive;
  if (draft.tlp !== detail.tlp) changes.tlp = draft.tlp;
  if (draft.description !== detail.description) changes.description = draft.description;
  const victim = victimOf(draft.victim);
  if (JSON.stringify(victim) !== JSON.stringify(victimOf(victimDraftOf(detail.victim, null)))) changes.victim = victim;
  const damageYen = draft.victim.damageYen === '' ? null : draft.victim.damageYen;
  if (damageYen !== detail.damageYen) changes.damageYen = damageYen;
  return changes;
}

export function CaseEditModal({
  detail,
  onClose,
  onSaved,
  onReload,
}: {
  detail: CaseDetail;
  onClose: () => void;
  onSaved: (saved: CaseDetail) => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const label = useIntakeLabel();
  const [title, setTitle] = useState(detail.title);
  const [priority, setPriority] = useState<Priority>(detail.priority);
  const [leadUserId, setLeadUserId] = useState<string | null>(detail.leadUserId);
  const [sensitive, setSensitive] = useState(detail.sensitive);
  const [tlp, setTlp] = useState<Tlp>(detail.tlp);
  const tlpOptions = useTlpOptions();
  const tlpHint = useTlpHint();
  const directory = useDirectory('—');
  const memberIds = new Set(detail.members.map((member) => member.userId));
  const active = directory.people.filter((person) => !person.disabled || person.id === detail.leadUserId);
  const leadOptions = [
    { group: t('cases.assignee_members'), items: active.filter((p) => memberIds.has(p.id)).map((p) => ({ value: p.id, label: p.displayName })) },
    { group: t('cases.assignee_others'), items: active.filter((p) => !memberIds.has(p.id)).map((p) => ({ value: p.id, label: p.displayName })) },
  ].filter((group) => group.items.length > 0);
  const [description, setDescription] = useState(detail.description);
  const [victim, setVictim] = useState<VictimDraft>(() => victimDraftOf(detail.victim, detail.damageYen));
  const [isTitleMissing, setTitleMissing] = useState(false);
  const { error, isBusy, run } = useSubmission();
  const problems = bodyProblemsOf(error);

  function submit(event: SubmitEvent) {
    event.preventDefault();
    setTitleMissing(title.trim() === '');
    if (title.trim() === '') return;
    const changes = changesOf(detail, { title: title.trim(), priority, leadUserId, sensitive, tlp, description, victim });
    if (Object.keys(changes).length === 1) {
      onClose();
      return;
    }
    void run(async () => {
      onSaved(await casesApi.update(detail.id, changes));
    });
  }

  return (
    <Modal opened onClose={onClose} title={t('cases.edit_title', { caseNo: detail.caseNo })} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('cases.title_label')}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={isTitleMissing ? t('validation.required') : problems.title}
            maxLength={200}
            withAsterisk
          />
          <Select
            label={t('intake.priority_label')}
            data={CASE_PRIORITIES.map((name) => ({ value: name, label: label('priority', name) }))}
            value={priority}
            onChange={(value) => setPriority(CASE_PRIORITIES.find((name) => name === value) ?? priority)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('cases.lead')}
            placeholder={t('cases.no_lead')}
            data={leadOptions}
            value={leadUserId}
            onChange={setLeadUserId}
            searchable
            clearable
            nothingFoundMessage={t('common.nothing_found')}
            comboboxProps={{ withinPortal: true }}
            data-testid="case-lead-select"
          />
          <Switch
            label={t('cases.sensitive_label')}
            description={t('cases.sensitive_hint')}
            checked={sensitive}
            onChange={(event) => setSensitive(event.currentTarget.checked)}
          />
          <Select
            label={t('cases.tlp_label')}
            description={
              <>
                {tlpHint(tlp)}
                <br />
                {t('cases.tlp_hint')}
              </>
            }
            data={tlpOptions}
            value={tlp}
            onChange={(value) => isTlp(value) && setTlp(value)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="case-tlp-select"
          />
          <Textarea
            label={t('cases.description')}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={problems.description}
            autosize
            minRows={4}
            maxRows={16}
            maxLength={50_000}
          />
          <CaseVictimFields draft={victim} onChange={setVictim} problems={problems} />
          <CaseErrorMessage error={error} onReload={onReload} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isBusy}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
