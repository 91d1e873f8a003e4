// Small pieces shared by the observables pages: the value as inert text with a copy button, the
// warning-list badge, and the links between the search and bulk-lookup pages.
import { ActionIcon, Badge, Code, CopyButton, Group, Tooltip } from '@mantine/core';
import { PATHS } from '../../app/routes.tsx';
import { SubNav } from '../../components/SubNav.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useObservableLabels } from './observableLabels.ts';
import './observables.css';

/** A value exactly as stored: monospace text, never a link, wrapped anywhere so it cannot overflow. */
export function ObservableValue({ value, size = 'sm', testId }: { value: string; size?: 'sm' | 'md' | 'lg'; testId?: string }) {
  return (
    <Code fz={size} className="observable-value" data-testid={testId} translate="no">
      {value}
    </Code>
  );
}

/** The value and a copy button labelled with what it copies. */
export function CopyableValue({ value, size = 'sm', testId }: { value: string; size?: 'sm' | 'md' | 'lg'; testId?: string }) {
  const { t } = useI18n();
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" className="observable-value-row">
      <ObservableValue value={value} size={size} {...(testId ? { testId } : {})} />
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
            <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} size="sm" onClick={copy} aria-label={t('observables.copy_value', { value })}>
              <CopyIcon />
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

function CopyIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true" focusable="false">
      <rect x="9" y="9" width="13" height="13" rx="2" />
      <path d="M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1" />
    </svg>
  );
}

/** The warning list a value is on (private range, public resolver, popular domain …), or nothing. */
export function WarningBadge({ warning }: { warning: string | null }) {
  const { t } = useI18n();
  const labels = useObservableLabels();
  if (!warning) return null;
  return (
    <Badge color="orange" variant="light" tt="none" size="sm" className="warning-badge">
      {t('observables.warning_badge', { list: labels.warning(warning) })}
    </Badge>
  );
}

/** 検索・抽出 | 一括照合: the two observables pages, the current one marked. */
export function ObservablesNav() {
  const { t } = useI18n();
  return (
    <SubNav
      label={t('observables.nav_label')}
      items={[
        { href: PATHS.observables, label: t('observables.nav_search'), isShown: true },
        { href: PATHS.observablesLookup, label: t('observables.nav_lookup'), isShown: true },
      ]}
    />
  );
}
