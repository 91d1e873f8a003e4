// The reports and consultations linked to the case (opened from, or added later by case number).
// A report outside the viewer's unit is listed by receipt number only.
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { PATHS } from '../../app/routes.tsx';
import { Link } from '../../app/router.tsx';
import { QueryView } from '../../app/QueryView.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { intakeApi } from '../intake/intake.api.ts';
import { Section } from '../intake/IntakeParts.tsx';
import { useCategoryText, useIntakeLabel } from '../intake/intakeLabels.ts';
import { formatMinute } from '../intake/intakeTime.ts';
import type { CasePartProps } from './CaseParts.tsx';

export function CaseReportsSection({ detail }: CasePartProps) {
  const { t, language } = useI18n();
  const label = useIntakeLabel();
  const categoryText = useCategoryText();
  const reports = useApiQuery(() => intakeApi.itemsOfCase(detail.id), [detail.id, detail.updatedAt]);
  return (
    <Section id="case-reports-title" title={t('cases.reports_title')} testId="case-reports">
      <QueryView query={reports}>
        {(found) =>
          found.items.length === 0 ? (
            <Text c="dimmed">{t('cases.no_reports')}</Text>
          ) : (
            <ul className="plain-list">
              {found.items.map((item) => (
                <li key={item.id} data-report-id={item.id}>
                  <Stack gap={2}>
                    <Group gap="xs" wrap="wrap">
                      {item.mayOpen ? (
                        <Anchor component={Link} href={PATHS.intakeItem(item.id)} size="sm" fw={500}>
                          {item.receiptNo}
                        </Anchor>
                      ) : (
                        <Text size="sm" fw={500}>
                          {item.receiptNo}
                        </Text>
                      )}
                      <Text size="xs" c="dimmed">
                        {label('kind', item.kind)} · {item.category ? categoryText(item.category, null) : '—'} · {formatMinute(language, item.createdAt)}
                      </Text>
                    </Group>
                    <Text size="sm" className="break-anywhere" {...(item.mayOpen ? {} : { c: 'dimmed' })}>
                      {item.mayOpen ? item.summary : t('cases.report_hidden')}
                    </Text>
                  </Stack>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </Section>
  );
}
