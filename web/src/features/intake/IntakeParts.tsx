// Small pieces shared by the intake pages: priority, status, flag and deadline badges, the links
// between the queue, the consultation form and the routing rules, and the fact/section frames.
import { Badge, Group, Text, Title, type MantineColor } from '@mantine/core';
import type { ReactNode } from 'react';
import { PATHS } from '../../app/routes.tsx';
import { useCan } from '../../app/session.tsx';
import { SubNav } from '../../components/SubNav.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatMinute } from './intakeTime.ts';
import { useIntakeLabel } from './intakeLabels.ts';
import './intake.css';

const PRIORITY_COLOURS: Readonly<Record<string, MantineColor>> = { urgent: 'red', high: 'orange', normal: 'blue', low: 'gray' };
const STATUS_COLOURS: Readonly<Record<string, MantineColor>> = {
  received: 'gray',
  queued: 'blue',
  in_progress: 'indigo',
  monitoring: 'teal',
  closed: 'dark',
  merged: 'dark',
  case_opened: 'grape',
};
const FLAG_COLOURS: Readonly<Record<string, MantineColor>> = { freeze_path: 'red', early_recovery: 'orange', correlated_case: 'violet' };

export function PriorityBadge({ priority }: { priority: string }) {
  const label = useIntakeLabel();
  return (
    <Badge
      color={PRIORITY_COLOURS[priority] ?? 'gray'}
      variant={priority === 'urgent' ? 'filled' : 'light'}
      tt="none"
      className="nowrap"
      data-testid="priority"
    >
      {label('priority', priority)}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const label = useIntakeLabel();
  return (
    <Badge color={STATUS_COLOURS[status] ?? 'gray'} variant="outline" tt="none" className="nowrap" data-testid="status">
      {label('status', status)}
    </Badge>
  );
}

export function FlagBadges({ flags }: { flags: readonly string[] }) {
  const label = useIntakeLabel();
  if (flags.length === 0) return null;
  return (
    <Group gap={4} wrap="wrap">
      {flags.map((flag) => (
        <Badge key={flag} color={FLAG_COLOURS[flag] ?? 'gray'} variant="light" size="sm" tt="none" className="nowrap" data-flag={flag}>
          {label('flag', flag)}
        </Badge>
      ))}
    </Group>
  );
}

/** The deadline in JST, with 期限超過 when the server says it has passed. */
export function Deadline({ deadlineAt, overdue, size = 'xs' }: { deadlineAt: string | null; overdue: boolean; size?: 'xs' | 'sm' }) {
  const { t, language } = useI18n();
  return (
    <Group gap={4} wrap="wrap">
      <Text size={size} className="nowrap">
        {formatMinute(language, deadlineAt)}
      </Text>
      {overdue && (
        <Badge color="red" size="sm" tt="none" className="nowrap" data-testid="overdue">
          {t('intake.overdue')}
        </Badge>
      )}
    </Group>
  );
}

/** 振分けキュー | 相談受理 | 振分けルール, the current one marked. */
export function IntakeNav() {
  const { t } = useI18n();
  const can = useCan();
  const items = [
    { href: PATHS.intake, label: t('intake.nav_queue'), isShown: true },
    { href: PATHS.intakeNew, label: t('intake.nav_new'), isShown: can('intake.write') },
    { href: PATHS.intakeRules, label: t('intake.nav_rules'), isShown: true },
  ];
  return <SubNav label={t('intake.nav_label')} items={items} />;
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" className="break-anywhere">
        {children}
      </Text>
    </div>
  );
}

export function Section({ id, title, children, testId }: { id: string; title: string; children: ReactNode; testId?: string }) {
  return (
    <section aria-labelledby={id} data-testid={testId}>
      <Title order={2} size="h4" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </section>
  );
}
