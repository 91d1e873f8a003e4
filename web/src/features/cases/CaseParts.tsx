// Small pieces shared by the case pages: the status and 秘匿 badges, and the error of a change.
import { Alert, Badge, Button, Stack, Text, Tooltip, type MantineColor } from '@mantine/core';
import type { ApiError } from '../../app/api.ts';
import { describeError, ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { LoadedDirectory } from '../users/directory.ts';
import type { CaseDetail, CaseStatus } from './cases.api.ts';
import { useCaseStatusLabel } from './caseLabels.ts';
import '../intake/intake.css';

/** What each part of the case page gets: the case, the names, and how to show or reload a change. */
export type CasePartProps = { detail: CaseDetail; directory: LoadedDirectory; onChanged: (detail: CaseDetail) => void; onReload: () => void };

const STATUS_COLOURS: Readonly<Record<CaseStatus, MantineColor>> = {
  recognized: 'gray',
  investigating: 'blue',
  joint_investigation: 'indigo',
  suspect_identified: 'orange',
  cleared: 'teal',
  sent_to_prosecutor: 'green',
  pending: 'yellow',
  closed: 'dark',
};

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const label = useCaseStatusLabel();
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light" tt="none" className="nowrap" data-testid="case-status" data-status={status}>
      {label(status)}
    </Badge>
  );
}

/** 秘匿: seen by named members only, every read recorded. */
export function SensitiveBadge() {
  const { t } = useI18n();
  return (
    <Tooltip label={t('cases.sensitive_hint')} multiline w={260} withArrow>
      <Badge color="red" variant="filled" tt="none" className="nowrap" tabIndex={0} data-testid="sensitive">
        {t('cases.sensitive')}
      </Badge>
    </Tooltip>
  );
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * The error of a change, in place. Someone else saving first (case.version_conflict) or a status
 * that is no longer allowed comes with a button to load the case as it now is; the allowed
 * statuses are named with their labels rather than the server's codes.
 */
export function CaseErrorMessage({ error, onReload }: { error: ApiError | null; onReload: () => void }) {
  const { t } = useI18n();
  const statusLabel = useCaseStatusLabel();
  if (error?.code !== 'case.version_conflict' && error?.code !== 'case.invalid_transition') return <ErrorMessage error={error} />;
  const message =
    error.code === 'case.version_conflict'
      ? describeError(t, error)
      : t('cases.invalid_transition', {
          from: statusLabel(textOf(error.details.from)),
          to: statusLabel(textOf(error.details.to)),
          allowed: textOf(error.details.allowed)
            .split(',')
            .map((status) => statusLabel(status.trim()))
            .join('、'),
        });
  return (
    <div aria-live="assertive" aria-atomic="true">
      <Alert color="orange" variant="light" title={t('cases.conflict_title')} role="alert" data-testid="case-conflict">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{message}</Text>
          <Button size="xs" variant="default" onClick={onReload}>
            {t('cases.reload_case')}
          </Button>
        </Stack>
      </Alert>
    </div>
  );
}
