// One timeline event in words, from the catalogue and the event's params (the server never sends
// rendered text). Names of people, units, statuses, countries … are looked up here.
import { useCallback } from 'react';
import { isMessageKey, useI18n, type Language } from '../../i18n/i18n.tsx';
import { useIntakeLabel } from '../intake/intakeLabels.ts';
import type { Directory } from '../users/directory.ts';
import { useCaseStatusLabel } from './caseLabels.ts';
import { useCooperationLabel } from './CaseCooperationParts.tsx';
import type { TimelineEvent } from './timeline.api.ts';

function countryName(language: Language, code: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return code;
  return new Intl.DisplayNames([language], { type: 'region', fallback: 'code' }).of(code) ?? code;
}

/** The sentence for an event: what happened, to what. */
export function useTimelineText(directory: Directory): (event: TimelineEvent) => string {
  const { t, language } = useI18n();
  const statusLabel = useCaseStatusLabel();
  const cooperationLabel = useCooperationLabel();
  const intakeLabel = useIntakeLabel();
  const catalogued = useCallback((key: string, fallback: string) => (isMessageKey(key) ? t(key) : fallback), [t]);

  return useCallback(
    (event: TimelineEvent): string => {
      switch (event.kind) {
        case 'status_changed': {
          const { from, to } = event.params;
          if (from === null) return t('timeline.event.case_opened', { to: statusLabel(to) });
          return t('timeline.event.status_changed', { from: statusLabel(from), to: statusLabel(to) });
        }
        case 'note_added':
          return t('timeline.event.note_added');
        case 'task_added': {
          const { title, assigneeId } = event.params;
          if (assigneeId === null) return t('timeline.event.task_added', { title });
          return t('timeline.event.task_added_assigned', { title, assignee: directory.personLabel(assigneeId) });
        }
        case 'task_done':
          return t('timeline.event.task_done', { title: event.params.title });
        case 'evidence_collected':
          return t('timeline.event.evidence_collected', { evidenceNo: event.params.evidenceNo, title: event.params.title });
        case 'custody_handed_over':
          return t('timeline.event.custody_handed_over', { evidenceNo: event.params.evidenceNo, holder: directory.personLabel(event.params.toHolderId) });
        case 'custody_moved':
          return t('timeline.event.custody_moved', { evidenceNo: event.params.evidenceNo, location: event.params.location });
        case 'analysis_requested':
          return t('timeline.event.analysis_requested', { evidenceNo: event.params.evidenceNo });
        case 'analysis_accepted':
          return t('timeline.event.analysis_accepted', { evidenceNo: event.params.evidenceNo });
        case 'analysis_declined':
          return t('timeline.event.analysis_declined', { evidenceNo: event.params.evidenceNo });
        case 'analysis_result':
          return t('timeline.event.analysis_result', { evidenceNo: event.params.evidenceNo });
        case 'evidence_returned':
          return t('timeline.event.evidence_returned', { evidenceNo: event.params.evidenceNo });
        case 'evidence_disposed':
          return t('timeline.event.evidence_disposed', { evidenceNo: event.params.evidenceNo });
        case 'evidence_integrity_failed':
          return t('timeline.event.evidence_integrity_failed', { evidenceNo: event.params.evidenceNo });
        case 'support_requested':
          return t('timeline.event.support_requested', { supportKind: cooperationLabel('support_kind', event.params.supportKind) });
        case 'support_answered':
          return t('timeline.event.support_answered', {
            supportKind: cooperationLabel('support_kind', event.params.supportKind),
            status: cooperationLabel('support_status', event.params.to ?? '—'),
          });
        case 'support_escalated':
          return t('timeline.event.support_escalated', { supportKind: cooperationLabel('support_kind', event.params.supportKind) });
        case 'joint_recorded':
        case 'joint_updated': {
          const { externalKind, counterpart, to } = event.params;
          const params = { externalKind: cooperationLabel('external_kind', externalKind), counterpart: cooperationLabel('counterpart', counterpart) };
          if (event.kind === 'joint_recorded') return t('timeline.event.joint_recorded', params);
          if (to === null) return t('timeline.event.joint_noted', params);
          return t('timeline.event.joint_updated', { ...params, status: cooperationLabel('external_status', to) });
        }
        case 'international_recorded':
        case 'international_updated': {
          const { direction, countryCode, agency, to } = event.params;
          const params = { country: countryName(language, countryCode), agency };
          if (event.kind === 'international_recorded') {
            return t('timeline.event.international_recorded', { ...params, direction: cooperationLabel('direction', direction) });
          }
          if (to === null) return t('timeline.event.international_noted', params);
          return t('timeline.event.international_updated', { ...params, status: cooperationLabel('international_status', to) });
        }
        case 'attributed':
          return t('timeline.event.attributed', {
            threat: event.params.threatName,
            confidence: catalogued(`threats.confidence.${event.params.confidence}`, event.params.confidence),
          });
        case 'report_linked': {
          const { receiptNo, reportKind } = event.params;
          if (reportKind === null) return t('timeline.event.report_linked_hidden', { receiptNo });
          return t('timeline.event.report_linked', { receiptNo, reportKind: intakeLabel('kind', reportKind) });
        }
        case 'member_added':
          return t('timeline.event.member_added', { person: directory.personLabel(event.params.userId) });
        case 'support_unit_added':
          return t('timeline.event.support_unit_added', { unit: directory.unitLabel(event.params.unitId) });
        case 'access_requested':
          return t('timeline.event.access_requested', { person: directory.personLabel(event.params.requesterId) });
        case 'access_decided': {
          const person = directory.personLabel(event.params.requesterId);
          return event.params.decision === 'granted' ? t('timeline.event.access_granted', { person }) : t('timeline.event.access_refused', { person });
        }
      }
    },
    [t, language, statusLabel, cooperationLabel, intakeLabel, catalogued, directory],
  );
}
