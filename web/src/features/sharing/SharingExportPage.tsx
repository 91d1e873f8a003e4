// 出力: a file of what Koban holds for one receiver — everyone allowed up to a TLP level, or one
// sharing group's collection at the group's level — as a STIX bundle, a CSV of indicators or (for
// a group) MISP events. The download is a plain link; the session cookie authenticates it.
import { Alert, Anchor, Button, Checkbox, Radio, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { PATHS } from '../../app/routes.tsx';
import { Link } from '../../app/router.tsx';
import { QueryView } from '../../app/QueryView.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { isTlp, TlpBadge, useTlpHint, useTlpLabel, useTlpOptions, type Tlp } from '../../components/TlpBadge.tsx';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { Section } from '../intake/IntakeParts.tsx';
import { exportUrl, sharingApi, type ExportFormat, type ExportReceiver, type SharingGroup } from './sharing.api.ts';
import { SharingNav } from './SharingParts.tsx';
import { useSharingLabel } from './sharingLabels.ts';

const FORMATS: readonly ExportFormat[] = ['stix', 'csv', 'misp'];
const FORMAT_HINTS: Readonly<Record<ExportFormat, MessageKey>> = {
  stix: 'sharing.export_stix_hint',
  csv: 'sharing.export_csv_hint',
  misp: 'sharing.export_misp_hint',
};

export function SharingExportPage() {
  const { t } = useI18n();
  const groups = useApiQuery(() => sharingApi.groups());
  return (
    <>
      <PageHeading title={t('sharing.export_title')} />
      <SharingNav />
      <Section id="sharing-export-form-title" title={t('sharing.export_form_title')} testId="sharing-export">
        <Text size="sm" c="dimmed" mb="sm">
          {t('sharing.export_intro')}
        </Text>
        <QueryView query={groups}>{(items) => <ExportForm groups={items} />}</QueryView>
      </Section>
    </>
  );
}

function ExportForm({ groups }: { groups: readonly SharingGroup[] }) {
  const { t } = useI18n();
  const label = useSharingLabel();
  const tlpOptions = useTlpOptions();
  const tlpHint = useTlpHint();
  const tlpLabel = useTlpLabel();
  const [kind, setKind] = useState<ExportReceiver['kind']>('tlp');
  const [tlp, setTlp] = useState<Tlp>('green');
  const [groupId, setGroupId] = useState<string | null>(groups[0]?.id ?? null);
  const [format, setFormat] = useState<ExportFormat>('stix');
  const [withCatalogue, setWithCatalogue] = useState(false);
  const group = groups.find((item) => item.id === groupId) ?? null;
  const receiver: ExportReceiver | null = kind === 'tlp' ? { kind, tlp } : group ? { kind, groupId: group.id } : null;
  const effectiveFormat = format === 'misp' && kind !== 'group' ? 'stix' : format;

  return (
    <Stack gap="md" maw={720}>
      <Radio.Group label={t('sharing.export_receiver')} value={kind} onChange={(value) => setKind(value === 'group' ? 'group' : 'tlp')}>
        <Stack gap={6} mt={4}>
          <Radio value="tlp" label={t('sharing.export_by_tlp')} />
          <Radio value="group" label={t('sharing.export_by_group')} disabled={groups.length === 0} />
        </Stack>
      </Radio.Group>
      {kind === 'tlp' ? (
        <Select
          label={t('sharing.export_tlp')}
          description={tlpHint(tlp)}
          data={tlpOptions}
          value={tlp}
          onChange={(value) => isTlp(value) && setTlp(value)}
          allowDeselect={false}
          data-testid="export-tlp"
        />
      ) : (
        <Select
          label={t('sharing.export_group')}
          data={groups.map((item) => ({ value: item.id, label: t('sharing.group_option', { name: item.name, tlp: tlpLabel(item.maxTlp) }) }))}
          value={groupId}
          onChange={setGroupId}
          allowDeselect={false}
          searchable
          nothingFoundMessage={t('common.nothing_found')}
          data-testid="export-group"
        />
      )}
      {kind === 'group' && groups.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('sharing.no_groups')}{' '}
          <Anchor component={Link} href={PATHS.sharing} size="sm">
            {t('sharing.nav_groups')}
          </Anchor>
        </Text>
      )}
      <Radio.Group label={t('sharing.export_format')} value={effectiveFormat} onChange={(value) => setFormat(FORMATS.find((f) => f === value) ?? 'stix')}>
        <Stack gap={6} mt={4}>
          {FORMATS.map((value) => (
            <Radio
              key={value}
              value={value}
              label={label('format', value)}
              description={t(FORMAT_HINTS[value])}
              disabled={value === 'misp' && kind !== 'group'}
            />
          ))}
        </Stack>
      </Radio.Group>
      {effectiveFormat === 'stix' && (
        <Checkbox
          label={t('sharing.export_catalogue')}
          description={t('sharing.export_catalogue_hint')}
          checked={withCatalogue}
          onChange={(event) => setWithCatalogue(event.currentTarget.checked)}
        />
      )}
      {receiver && (
        <Alert variant="light" color="blue">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              {receiver.kind === 'tlp'
                ? t('sharing.export_summary_tlp', { tlp: tlpLabel(tlp) })
                : t('sharing.export_summary_group', { name: group?.name ?? '' })}
            </Text>
            {group && receiver.kind === 'group' && <TlpBadge level={group.maxTlp} size="sm" />}
            <Button component="a" href={exportUrl(receiver, effectiveFormat, withCatalogue)} download data-testid="export-download">
              {t('sharing.export_download', { format: label('format', effectiveFormat) })}
            </Button>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
