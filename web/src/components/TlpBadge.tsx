// A TLP 2.0 marking (TLP:CLEAR … TLP:RED) as FIRST colours it, and the levels as select options
// with what each one allows, for every form that sets a marking (case, observable, group, import).
import { Badge, Tooltip } from '@mantine/core';
import { TLP_LEVELS, type Tlp } from '../../../src/modules/sharing/tlp.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import './tlp.css';

export { TLP_LEVELS, type Tlp };

const LABEL_KEYS: Readonly<Record<Tlp, MessageKey>> = {
  clear: 'tlp.clear',
  green: 'tlp.green',
  amber: 'tlp.amber',
  'amber+strict': 'tlp.amber_strict',
  red: 'tlp.red',
};

const HINT_KEYS: Readonly<Record<Tlp, MessageKey>> = {
  clear: 'tlp.clear_hint',
  green: 'tlp.green_hint',
  amber: 'tlp.amber_hint',
  'amber+strict': 'tlp.amber_strict_hint',
  red: 'tlp.red_hint',
};

export function isTlp(value: string | null): value is Tlp {
  return TLP_LEVELS.some((level) => level === value);
}

export function TlpBadge({ level, size = 'md', testId }: { level: Tlp; size?: 'sm' | 'md' | 'lg'; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tooltip label={t(HINT_KEYS[level])} multiline w={280} withArrow>
      <Badge size={size} radius="sm" tt="none" className="tlp-badge" data-tlp={level} data-testid={testId} tabIndex={0}>
        {t(LABEL_KEYS[level])}
      </Badge>
    </Tooltip>
  );
}

/** `TLP:GREEN` …, for text and select options. */
export function useTlpLabel(): (level: Tlp) => string {
  const { t } = useI18n();
  return (level: Tlp) => t(LABEL_KEYS[level]);
}

/** The levels as Select data, least restrictive first. */
export function useTlpOptions(): { value: Tlp; label: string }[] {
  const label = useTlpLabel();
  return TLP_LEVELS.map((level) => ({ value: level, label: label(level) }));
}

/** What a level allows, for a field's description. */
export function useTlpHint(): (level: Tlp) => string {
  const { t } = useI18n();
  return (level: Tlp) => t(HINT_KEYS[level]);
}
