// The case's link graph (M2.2a): its observables, reports and attack groups, and the other cases
// they lead to, one hop at a time; a link opens the same graph on a page of its own.
import { Anchor, Group } from '@mantine/core';
import { Link } from '../../app/router.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { LinkGraph } from '../graph/LinkGraph.tsx';
import { Section } from '../intake/IntakeParts.tsx';
import type { CasePartProps } from './CaseParts.tsx';

export function CaseGraphSection({ detail, directory }: Pick<CasePartProps, 'detail' | 'directory'>) {
  const { t } = useI18n();
  const startNode = `case:${detail.id}`;
  return (
    <Section id="case-graph-title" title={t('graph.case_section_title')} testId="case-graph">
      <LinkGraph startNode={startNode} directory={directory} />
      <Group justify="flex-end" mt="xs">
        <Anchor component={Link} href={`/graph?${new URLSearchParams({ node: startNode }).toString()}`} size="sm">
          {t('graph.open_full')}
        </Anchor>
      </Group>
    </Section>
  );
}
