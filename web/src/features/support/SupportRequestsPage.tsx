// 支援要請 addressed to the viewer's unit (M1.1): what the cyber division is asked to do, the
// unanswered first and by deadline, 期限超過 flagged; each is accepted (the division then supports
// the case), declined with a reason, or marked done right here.
import { Button, Card, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { QueryView } from '../../app/QueryView.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useDirectory } from '../users/directory.ts';
import { cooperationApi, type SupportInboxFilter } from '../cases/cooperation.api.ts';
import { SupportRequestItem } from '../cases/CaseCooperationSupport.tsx';

export function SupportRequestsPage() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<SupportInboxFilter>('open');
  const inbox = useApiQuery(() => cooperationApi.inbox(filter), [filter]);
  const directory = useDirectory('—');
  return (
    <>
      <PageHeading
        title={t('support.title')}
        actions={
          <Button variant="default" onClick={inbox.reload} loading={inbox.isLoading}>
            {t('common.reload')}
          </Button>
        }
      />
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('support.hint')}
        </Text>
        <SegmentedControl
          value={filter}
          onChange={(value) => setFilter(value === 'all' ? 'all' : 'open')}
          data={[
            { value: 'open', label: t('support.filter_open') },
            { value: 'all', label: t('support.filter_all') },
          ]}
          aria-label={t('support.filter_label')}
          w="fit-content"
        />
        <QueryView query={inbox}>
          {(items) =>
            items.length === 0 ? (
              <Text c="dimmed">{t('support.none')}</Text>
            ) : (
              <Stack gap="sm" data-testid="support-inbox">
                {items.map((request) => (
                  <Card key={request.id} withBorder component="article">
                    <SupportRequestItem request={request} directory={directory} showCase onAnswered={inbox.reload} />
                  </Card>
                ))}
              </Stack>
            )
          }
        </QueryView>
      </Stack>
    </>
  );
}
