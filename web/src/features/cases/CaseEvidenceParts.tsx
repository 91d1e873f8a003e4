// Small pieces of the evidence views: status and integrity badges, the SHA-256 (shortened, with a
// full view and a copy button), and one analysis request as the requesting side sees it.
import { Anchor, Badge, Button, Code, CopyButton, Group, Stack, Text, Tooltip, type MantineColor } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatMinute } from '../intake/intakeTime.ts';
import type { Directory } from '../users/directory.ts';
import { evidencePaths, integrityAlertOf, type AnalysisRequest, type EvidenceItem, type EvidenceStatus } from './evidence.api.ts';

const STATUS_COLOURS: Readonly<Record<EvidenceStatus, MantineColor>> = { held: 'blue', in_analysis: 'violet', returned: 'gray', disposed: 'dark' };
const ANALYSIS_COLOURS: Readonly<Record<AnalysisRequest['status'], MantineColor>> = { requested: 'yellow', accepted: 'blue', done: 'teal', declined: 'gray' };
const SHORT_HASH = 12;

export function EvidenceStatusBadge({ status }: { status: EvidenceStatus }) {
  const { t } = useI18n();
  return (
    <Badge size="sm" variant="light" color={STATUS_COLOURS[status]} tt="none" className="nowrap" data-testid="evidence-status" data-status={status}>
      {t(`evidence.status.${status}`)}
    </Badge>
  );
}

export function EvidenceKindBadge({ kind }: { kind: EvidenceItem['kind'] }) {
  const { t } = useI18n();
  return (
    <Badge size="sm" variant="outline" color="gray" tt="none" className="nowrap">
      {t(`evidence.kind.${kind}`)}
    </Badge>
  );
}

/** ハッシュ不一致 (red) while the file does not match; 過去に不一致を検知 (orange) once it does again. */
export function IntegrityBadge({ item }: { item: Pick<EvidenceItem, 'integrity' | 'integrityFailedAt'> }) {
  const { t, language } = useI18n();
  const alert = integrityAlertOf(item);
  if (alert === null) return null;
  const isMismatch = alert === 'mismatch';
  const hint = isMismatch ? t('evidence.hash_mismatch_hint') : t('evidence.past_mismatch_hint', { at: formatMinute(language, item.integrityFailedAt) });
  return (
    <Tooltip label={hint} multiline w={280} withArrow>
      <Badge
        size="sm"
        color={isMismatch ? 'red' : 'orange'}
        variant={isMismatch ? 'filled' : 'light'}
        tt="none"
        className="nowrap"
        tabIndex={0}
        data-testid={isMismatch ? 'evidence-hash-mismatch' : 'evidence-past-mismatch'}
      >
        {isMismatch ? t('evidence.hash_mismatch') : t('evidence.past_mismatch')}
      </Badge>
    </Tooltip>
  );
}

/** The SHA-256, shortened unless `isFull`; a toggle shows all 64 digits, and the copy button copies them. */
export function HashView({ sha256, isFull = false }: { sha256: string; isFull?: boolean }) {
  const { t } = useI18n();
  const [isExpanded, setExpanded] = useState(isFull);
  const shown = isExpanded ? sha256 : `${sha256.slice(0, SHORT_HASH)}…`;
  return (
    <Group gap={4} wrap="wrap" align="center">
      <Code className="break-anywhere" data-testid="evidence-sha256" data-sha256={sha256} title={sha256}>
        {shown}
      </Code>
      {!isFull && (
        <Button size="compact-xs" variant="subtle" onClick={() => setExpanded((value) => !value)} aria-expanded={isExpanded}>
          {isExpanded ? t('evidence.hide_full_hash') : t('evidence.show_full_hash')}
        </Button>
      )}
      <CopyButton value={sha256}>
        {({ copied, copy }) => (
          <Button size="compact-xs" variant="subtle" color={copied ? 'teal' : 'blue'} onClick={copy} aria-label={t('evidence.copy_hash')}>
            {copied ? t('common.copied') : t('common.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

export function AnalysisStatusBadge({ status }: { status: AnalysisRequest['status'] }) {
  const { t } = useI18n();
  return (
    <Badge size="sm" variant="light" color={ANALYSIS_COLOURS[status]} tt="none" className="nowrap" data-testid="analysis-status" data-status={status}>
      {t(`analysis.status.${status}`)}
    </Badge>
  );
}

/** When it is due (flagged 期限超過 when open and past it), who asked and when. */
export function AnalysisFacts({ request, directory }: { request: AnalysisRequest; directory: Directory }) {
  const { t, language } = useI18n();
  return (
    <Group gap={6} wrap="wrap">
      <Text size="xs" c="dimmed">
        {request.dueAt ? t('analysis.due', { at: formatMinute(language, request.dueAt) }) : t('analysis.no_due')}
        {' · '}
        {t('analysis.requested_line', { at: formatMinute(language, request.createdAt), person: directory.personLabel(request.requestedBy) })}
      </Text>
      {request.overdue && (
        <Badge color="red" size="sm" tt="none" className="nowrap" data-testid="analysis-overdue">
          {t('intake.overdue')}
        </Badge>
      )}
    </Group>
  );
}

/** The answer: the result (or the reason for declining) as plain text, and the result file. */
export function AnalysisAnswer({ request, directory }: { request: AnalysisRequest; directory: Directory }) {
  const { t, language } = useI18n();
  if (request.status !== 'done' && request.status !== 'declined') return null;
  return (
    <Stack gap={4} className="analysis-answer" data-testid="analysis-answer">
      <Text size="xs" c="dimmed">
        {request.status === 'done' ? t('analysis.result') : t('analysis.decline_reason')}
        {' · '}
        {t('analysis.answered_line', { at: formatMinute(language, request.answeredAt), person: directory.personLabel(request.answeredBy) })}
      </Text>
      <Text size="sm" className="reporter-text" data-testid="analysis-result">
        {request.result}
      </Text>
      {request.resultFile && (
        <Anchor href={evidencePaths.analysisResultFile(request.id)} size="sm" className="break-anywhere" data-testid="analysis-result-file">
          {t('analysis.result_file', { name: request.resultFile.name })}
        </Anchor>
      )}
    </Stack>
  );
}
