// Evidence of an item: attachments (always downloads, flagged when their content does not match
// what they claim to be), the observables extracted from it, and the other reports and cases
// that share them — a source the viewer may not open is named only by its owning unit.
import { Anchor, Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import { PATHS } from '../../app/routes.tsx';
import { Link } from '../../app/router.tsx';
import { useI18n, type Language } from '../../i18n/i18n.tsx';
import { useObservableLabels } from '../observables/observableLabels.ts';
import { WarningBadge } from '../observables/ObservableParts.tsx';
import { intakeApi, type Item, type ItemHit } from './intake.api.ts';
import { Section } from './IntakeParts.tsx';

export function formatBytes(language: Language, bytes: number): string {
  const locale = language === 'ja' ? 'ja-JP' : 'en-GB';
  const units = [
    { size: 1024 * 1024 * 1024, unit: 'gigabyte' },
    { size: 1024 * 1024, unit: 'megabyte' },
    { size: 1024, unit: 'kilobyte' },
  ] as const;
  for (const { size, unit } of units) {
    if (bytes >= size) return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(bytes / size);
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'byte' }).format(bytes);
}

export function AttachmentsSection({ item }: { item: Item }) {
  const { t, language } = useI18n();
  return (
    <Section id="item-attachments-title" title={t('intake.attachments_title')} testId="item-attachments">
      {item.attachments.length === 0 ? (
        <Text c="dimmed">{t('intake.no_attachments')}</Text>
      ) : (
        <ul className="plain-list">
          {item.attachments.map((attachment) => (
            <li key={attachment.id} data-attachment={attachment.filename}>
              <Group gap="xs" wrap="wrap">
                <Anchor href={intakeApi.attachmentUrl(item.id, attachment.id)} download={attachment.filename} className="break-anywhere" size="sm">
                  {attachment.filename}
                </Anchor>
                {attachment.opaque && (
                  <Tooltip label={t('intake.opaque_hint')} multiline w={260} withArrow>
                    <Badge color="orange" variant="light" tt="none" size="sm" tabIndex={0} data-testid="opaque">
                      {t('intake.opaque')}
                    </Badge>
                  </Tooltip>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                {t('intake.attachment_facts', {
                  size: formatBytes(language, attachment.size),
                  sniffed: attachment.sniffedType,
                  claimed: attachment.claimedType,
                })}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function ObservablesSection({ item }: { item: Item }) {
  const { t } = useI18n();
  const labels = useObservableLabels();
  return (
    <Section id="item-observables-title" title={t('intake.observables_title')} testId="item-observables">
      {item.observables.length === 0 ? (
        <Text c="dimmed">{t('intake.no_observables')}</Text>
      ) : (
        <ul className="plain-list">
          {item.observables.map((observable) => (
            <li key={observable.observableId}>
              <Group gap="xs" wrap="wrap" align="baseline">
                <Text size="sm" c="dimmed" className="nowrap">
                  {labels.type(observable.type)}
                </Text>
                <Anchor component={Link} href={PATHS.observable(observable.observableId)} size="sm" ff="monospace" className="break-anywhere" translate="no">
                  {observable.value}
                </Anchor>
                <WarningBadge warning={observable.warning} />
              </Group>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function HitsSection({ item, unitLabel }: { item: Item; unitLabel: (unitId: string | null) => string }) {
  const { t } = useI18n();
  return (
    <Section id="item-hits-title" title={t('intake.hits_title')} testId="item-hits">
      {item.hits.length === 0 ? (
        <Text c="dimmed">{t('intake.no_hits')}</Text>
      ) : (
        <ul className="plain-list">
          {item.hits.map((hit, index) => (
            <li key={`${hit.sourceType}-${hit.sourceId ?? 'restricted'}-${String(index)}`} data-source-type={hit.sourceType}>
              <HitLine hit={hit} unitLabel={unitLabel} />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function HitLine({ hit, unitLabel }: { hit: ItemHit; unitLabel: (unitId: string | null) => string }) {
  const { t } = useI18n();
  const isCase = hit.sourceType === 'case';
  const kind = isCase ? t('intake.hit_case') : hit.sourceType === 'report' ? t('intake.hit_report') : hit.sourceType;
  const name =
    hit.label === null ? (
      <Text size="sm" c="dimmed" component="span" data-testid="restricted-hit">
        {t('intake.hit_restricted')}
      </Text>
    ) : hit.sourceId && (hit.sourceType === 'report' || hit.sourceType === 'case') ? (
      <Anchor component={Link} href={isCase ? PATHS.case(hit.sourceId) : PATHS.intakeItem(hit.sourceId)} size="sm" fw={700}>
        {hit.label}
      </Anchor>
    ) : (
      <Text size="sm" fw={700} component="span">
        {hit.label}
      </Text>
    );
  return (
    <Stack gap={2}>
      <Group gap="xs" wrap="wrap">
        <Badge variant="light" color={isCase ? 'grape' : 'blue'} tt="none" size="sm">
          {kind}
        </Badge>
        {name}
      </Group>
      <Text size="xs" c="dimmed">
        {t('intake.hit_facts', { unit: unitLabel(hit.ownerUnitId), shared: hit.shared })}
      </Text>
    </Stack>
  );
}
