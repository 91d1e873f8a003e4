// Every node of the graph as a table: the canvas's accessible twin, for keyboard and screen-reader
// users (and tests). Each row selects its node or expands it.
import { Button, Group, Table, Text } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Directory } from '../users/directory.ts';
import { isExpandable, type GraphNode } from './graph.api.ts';
import type { GraphLabels } from './graphLabels.ts';

type Props = {
  nodes: readonly GraphNode[];
  expanded: ReadonlySet<string>;
  selectedId: string | null;
  labels: GraphLabels;
  directory: Directory;
  onSelect: (nodeId: string) => void;
  onExpand: (nodeId: string) => void;
};

function unitOf(node: GraphNode): string | null | undefined {
  return node.kind === 'case' || node.kind === 'intake' || node.kind === 'hidden' ? node.ownerUnitId : undefined;
}

export function GraphNodeTable({ nodes, expanded, selectedId, labels, directory, onSelect, onExpand }: Props) {
  const { t } = useI18n();
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped highlightOnHover aria-label={t('graph.table_label')} data-testid="graph-node-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('graph.column_kind')}</Table.Th>
            <Table.Th>{t('graph.column_name')}</Table.Th>
            <Table.Th>{t('graph.column_unit')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {nodes.map((node) => {
            const name = labels.name(node);
            const unit = unitOf(node);
            return (
              <Table.Tr key={node.id} data-node-kind={node.kind} aria-selected={node.id === selectedId}>
                <Table.Td>
                  <Text size="sm">{labels.kind(node)}</Text>
                </Table.Td>
                <Table.Td className="break-anywhere">
                  <Text size="sm" translate={node.kind === 'observable' ? 'no' : undefined}>
                    {name}
                  </Text>
                  {node.kind === 'observable' && node.warning !== null && (
                    <Text size="xs" c="dimmed">
                      {t('graph.warning_short')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{unit === undefined ? '—' : directory.unitLabel(unit)}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Button size="compact-xs" variant="subtle" onClick={() => onSelect(node.id)} aria-label={t('graph.select_named', { name })}>
                      {t('graph.select')}
                    </Button>
                    {isExpandable(node) && !expanded.has(node.id) && (
                      <Button size="compact-xs" variant="light" onClick={() => onExpand(node.id)} aria-label={t('graph.expand_named', { name })}>
                        {t('graph.expand')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
