// 証拠品・保管記録 (M1.4): the case's evidence items with who holds them, where, and their SHA-256
// (a red ハッシュ不一致 when the file no longer matches it), a form to register one, and per item
// the detail with its custody log and the actions on it. Titles and notes are shown as text.
import { Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useCan } from '../../app/session.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Fact, Section } from '../intake/IntakeParts.tsx';
import type { CasePartProps } from './CaseParts.tsx';
import { CaseEvidenceDetailModal } from './CaseEvidenceDetail.tsx';
import { CaseEvidenceForm } from './CaseEvidenceForm.tsx';
import { EvidenceKindBadge, EvidenceStatusBadge, HashView, IntegrityBadge } from './CaseEvidenceParts.tsx';
import { evidenceApi, type EvidenceItem } from './evidence.api.ts';
import './evidence.css';

export function CaseEvidenceSection(props: CasePartProps) {
  const { detail, directory } = props;
  const { t } = useI18n();
  const can = useCan();
  const items = useApiQuery(() => evidenceApi.list(detail.id), [detail.id]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [isRegistering, setRegistering] = useState(false);

  return (
    <Section id="case-evidence-title" title={t('evidence.title')} testId="case-evidence">
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          {t('evidence.hint')}
        </Text>
        {items.data === null ? (
          items.error ? (
            <ErrorMessage error={items.error} />
          ) : (
            <Center py="sm">
              <Loader size="sm" aria-label={t('common.loading')} />
            </Center>
          )
        ) : items.data.length === 0 ? (
          <Text c="dimmed">{t('evidence.none')}</Text>
        ) : (
          <ul className="plain-list evidence-list" aria-label={t('evidence.list_label')}>
            {items.data.map((item) => (
              <li key={item.id} data-evidence-id={item.id} data-evidence-no={item.evidenceNo}>
                <EvidenceLine item={item} personLabel={directory.personLabel} onOpen={() => setOpenId(item.id)} />
              </li>
            ))}
          </ul>
        )}
        {can('case.write') &&
          (isRegistering ? (
            <CaseEvidenceForm
              caseId={detail.id}
              onCancel={() => setRegistering(false)}
              onCreated={(created) => {
                setRegistering(false);
                items.reload();
                setOpenId(created.id);
              }}
            />
          ) : (
            <div>
              <Button variant="default" onClick={() => setRegistering(true)}>
                {t('evidence.register')}
              </Button>
            </div>
          ))}
      </Stack>
      {openId && <CaseEvidenceDetailModal {...props} evidenceId={openId} onClose={() => setOpenId(null)} onItemChanged={items.reload} />}
    </Section>
  );
}

function EvidenceLine({ item, personLabel, onOpen }: { item: EvidenceItem; personLabel: (userId: string | null) => string; onOpen: () => void }) {
  const { t } = useI18n();
  return (
    <Stack gap={6}>
      <Group gap={6} wrap="wrap" align="center">
        <Text size="sm" fw={700} ff="monospace" className="nowrap" data-testid="evidence-no">
          {item.evidenceNo}
        </Text>
        <Text size="sm" fw={500} className="break-anywhere" data-testid="evidence-title">
          {item.title}
        </Text>
        <EvidenceKindBadge kind={item.kind} />
        <EvidenceStatusBadge status={item.status} />
        <IntegrityBadge item={item} />
      </Group>
      <div className="evidence-facts">
        <Fact label={t('evidence.holder')}>{personLabel(item.holderId)}</Fact>
        <Fact label={t('evidence.storage_location')}>
          <span data-testid="evidence-location">{item.storageLocation || t('evidence.no_location')}</span>
        </Fact>
        {item.sha256 && <Fact label={t('evidence.sha256')}>{<HashView sha256={item.sha256} />}</Fact>}
      </div>
      <div>
        <Button size="compact-sm" variant="light" onClick={onOpen} aria-label={t('evidence.open_detail_named', { evidenceNo: item.evidenceNo })}>
          {t('evidence.open_detail')}
        </Button>
      </div>
    </Stack>
  );
}
