// 連携 (M1.1, M3.2c/d, M4): working on the case with others — support requests to the cyber
// division, joint investigations with other prefectures and referrals to the National Cyber Unit,
// and international requests. Everything anyone wrote is shown as plain text.
import { Divider, Stack, Text } from '@mantine/core';
import { useCan, useSession } from '../../app/session.tsx';
import { QueryView } from '../../app/QueryView.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Section } from '../intake/IntakeParts.tsx';
import { cooperationApi } from './cooperation.api.ts';
import { ExternalCooperationBlock } from './CaseCooperationExternal.tsx';
import { InternationalRequestsBlock } from './CaseCooperationInternational.tsx';
import type { CasePartProps } from './CaseParts.tsx';
import { SupportRequestsBlock } from './CaseCooperationSupport.tsx';

export function CaseCooperationSection({ detail, directory }: CasePartProps) {
  const { t } = useI18n();
  const can = useCan();
  const session = useSession();
  const cooperation = useApiQuery(() => cooperationApi.ofCase(detail.id), [detail.id]);
  const canWrite = can('case.write');
  return (
    <Section id="case-cooperation-title" title={t('cooperation.title')} testId="case-cooperation">
      <Stack gap="md">
        <Text size="xs" c="dimmed">
          {t('cooperation.hint')}
        </Text>
        <QueryView query={cooperation}>
          {(found) => (
            <Stack gap="md">
              <SupportRequestsBlock
                caseId={detail.id}
                items={found.supportRequests}
                directory={directory}
                mayRequest={
                  canWrite &&
                  found.cyberDivisionUnitId !== null &&
                  found.cyberDivisionUnitId !== detail.ownerUnitId &&
                  found.cyberDivisionUnitId !== session.user.unitId
                }
                onChanged={cooperation.reload}
              />
              <Divider />
              <ExternalCooperationBlock caseId={detail.id} items={found.external} directory={directory} canWrite={canWrite} onChanged={cooperation.reload} />
              <Divider />
              <InternationalRequestsBlock
                caseId={detail.id}
                items={found.international}
                directory={directory}
                canWrite={canWrite}
                onChanged={cooperation.reload}
              />
            </Stack>
          )}
        </QueryView>
      </Stack>
    </Section>
  );
}
