// 監査ログ: newest first, older pages on demand, and the chain check for those allowed.
import { Button, Code, Group, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ApiError } from '../../app/api.ts';
import { useCan } from '../../app/session.tsx';
import { toApiError, useApiQuery } from '../../app/useApiQuery.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ForbiddenPage } from '../errors/ForbiddenPage.tsx';
import { formatDateTime, useI18n } from '../../i18n/i18n.tsx';
import { usersApi } from '../users/users.api.ts';
import { auditApi, type AuditEntry } from './audit.api.ts';
import { AuditVerifyButton } from './AuditVerifyButton.tsx';

export function AuditPage() {
  const { t, language } = useI18n();
  const can = useCan();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [nextBeforeSeq, setNextBeforeSeq] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isLoading, setLoading] = useState(true);

  async function load(beforeSeq: number | null) {
    setLoading(true);
    setError(null);
    try {
      const page = await auditApi.list(beforeSeq);
      setEntries((current) => (beforeSeq === null ? page.items : [...current, ...page.items]));
      setNextBeforeSeq(page.nextBeforeSeq);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    void load(null);
  }, []);

  const people = useApiQuery(async () => (can('user.read') ? usersApi.list() : []));
  const nameOf = (type: string, id: string | null) => {
    if (!id) return type;
    const person = type === 'user' ? people.data?.find((user) => user.id === id) : undefined;
    return person ? `${person.displayName} (${person.username})` : `${type}:${id}`;
  };

  if (error?.isForbidden) return <ForbiddenPage />;

  return (
    <>
      <PageHeading
        title={t('audit.title')}
        actions={
          <Button variant="default" onClick={() => void load(null)} loading={isLoading}>
            {t('common.reload')}
          </Button>
        }
      />
      {can('audit.verify') && <AuditVerifyButton />}
      <ErrorMessage error={error} />
      <Table.ScrollContainer minWidth={760}>
        <Table striped aria-label={t('audit.table_label')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.seq')}</Table.Th>
              <Table.Th>{t('audit.at')}</Table.Th>
              <Table.Th>{t('audit.actor')}</Table.Th>
              <Table.Th>{t('audit.action')}</Table.Th>
              <Table.Th>{t('audit.target')}</Table.Th>
              <Table.Th>{t('audit.request_id')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => (
              <Table.Tr key={entry.seq}>
                <Table.Td>{entry.seq}</Table.Td>
                <Table.Td>
                  <Text size="xs">{formatDateTime(language, entry.at)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{nameOf(entry.actorType, entry.actorId)}</Text>
                </Table.Td>
                <Table.Td>
                  <Code>{entry.action}</Code>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{nameOf(entry.targetType, entry.targetId)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{entry.requestId ?? '—'}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {!isLoading && entries.length === 0 && !error && <Text c="dimmed">{t('audit.empty')}</Text>}
      <Group justify="center" mt="md">
        {nextBeforeSeq !== null && (
          <Button variant="default" onClick={() => void load(nextBeforeSeq)} loading={isLoading}>
            {t('audit.load_older')}
          </Button>
        )}
      </Group>
    </>
  );
}
