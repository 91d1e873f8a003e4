// The custody log (保管記録) of an item: every event in order, in Japan time, with who did it, the
// hand-over (from → to) and the place or note. A table on wide screens, stacked rows on phones.
// The badge says whether each event still hashes to the next (連鎖確認済み) or not (連鎖不一致).
import { Badge, Group, Table, Text, Title, Tooltip } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatMinute } from '../intake/intakeTime.ts';
import type { CustodyEvent, EvidenceDetail } from './evidence.api.ts';

export function CustodyLog({ item, personLabel }: { item: EvidenceDetail; personLabel: (userId: string | null) => string }) {
  const { t, language } = useI18n();
  return (
    <section aria-labelledby="evidence-custody-title" data-testid="evidence-custody">
      <Group gap="xs" mb="xs" wrap="wrap">
        <Title order={3} size="h5" id="evidence-custody-title">
          {t('evidence.custody_title')}
        </Title>
        <ChainBadge isIntact={item.chainIntact} />
      </Group>
      <Table className="custody-table" verticalSpacing={6} fz="sm" aria-label={t('evidence.custody_table_label')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('evidence.column_at')}</Table.Th>
            <Table.Th>{t('evidence.column_action')}</Table.Th>
            <Table.Th>{t('evidence.column_actor')}</Table.Th>
            <Table.Th>{t('evidence.column_transfer')}</Table.Th>
            <Table.Th>{t('evidence.column_place_note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {item.custody.map((event) => (
            <Table.Tr key={event.seq} data-seq={event.seq} data-action={event.action} data-testid="custody-event">
              <Table.Td data-label={t('evidence.column_at')} className="custody-tight">
                {formatMinute(language, event.at)}
              </Table.Td>
              <Table.Td data-label={t('evidence.column_action')} className="custody-tight">
                <Text span size="sm" fw={500} c={event.action === 'integrity_failed' ? 'red' : 'inherit'}>
                  {t(`evidence.custody.${event.action}`)}
                </Text>
              </Table.Td>
              <Table.Td data-label={t('evidence.column_actor')} className="custody-tight">
                {personLabel(event.actorId)}
              </Table.Td>
              <Table.Td data-label={t('evidence.column_transfer')}>
                {event.fromHolderId || event.toHolderId
                  ? t('evidence.transfer', { from: personLabel(event.fromHolderId), to: personLabel(event.toHolderId) })
                  : '—'}
              </Table.Td>
              <Table.Td data-label={t('evidence.column_place_note')}>
                <PlaceAndNote event={event} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}

function ChainBadge({ isIntact }: { isIntact: boolean }) {
  const { t } = useI18n();
  return (
    <Tooltip label={isIntact ? t('evidence.chain_intact_hint') : t('evidence.chain_broken_hint')} multiline w={280} withArrow>
      <Badge
        size="sm"
        color={isIntact ? 'teal' : 'red'}
        variant={isIntact ? 'light' : 'filled'}
        tt="none"
        className="nowrap"
        tabIndex={0}
        data-testid="custody-chain"
        data-intact={isIntact ? 'true' : 'false'}
      >
        {isIntact ? t('evidence.chain_intact') : t('evidence.chain_broken')}
      </Badge>
    </Tooltip>
  );
}

/** The place, and the note as written; an integrity state the server put in a note is put in words. */
function PlaceAndNote({ event }: { event: CustodyEvent }) {
  const { t } = useI18n();
  const note = event.note === 'altered' || event.note === 'missing' ? t(`evidence.integrity.${event.note}`) : event.note;
  if (!event.location && !note) return <>—</>;
  return (
    <div>
      {event.location && (
        <Text span size="sm" display="block" className="break-anywhere">
          {event.location}
        </Text>
      )}
      {note && (
        <Text span size="xs" c="dimmed" display="block" className="reporter-text">
          {note}
        </Text>
      )}
    </div>
  );
}
