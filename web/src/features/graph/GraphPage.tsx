// /graph?node=case:<id> (or intake:, observable:, threat:): the link graph on a page of its own.
import { Text } from '@mantine/core';
import { ExpandableNodeId } from '../../../../src/modules/graph/graph.contract.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useDirectory } from '../users/directory.ts';
import { LinkGraph } from './LinkGraph.tsx';

export function GraphPage() {
  const { t } = useI18n();
  const directory = useDirectory('—');
  const requested = new URLSearchParams(window.location.search).get('node') ?? '';
  const startNode = ExpandableNodeId.safeParse(requested).success ? requested : null;
  return (
    <>
      <PageHeading title={t('graph.title')} />
      {startNode ? (
        <LinkGraph startNode={startNode} directory={directory} />
      ) : (
        <Text size="sm" c="dimmed" data-testid="graph-no-node">
          {t('graph.no_node')}
        </Text>
      )}
    </>
  );
}
