// The selected node: what it is, a link to open it, 1ホップ展開, and for a case the viewer may not
// open, 閲覧を申請 (the case is named to the server only by its alias, never by its id).
import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { Link } from '../../app/router.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useObservableLabels } from '../observables/observableLabels.ts';
import type { Directory } from '../users/directory.ts';
import { AccessRequestForm } from '../cases/AccessRequestForm.tsx';
import { graphApi, isExpandable, pageOf, type GraphNode } from './graph.api.ts';
import type { GraphLabels } from './graphLabels.ts';

type Props = {
  node: GraphNode | null;
  isExpanded: boolean;
  truncated: number;
  isExpanding: boolean;
  labels: GraphLabels;
  directory: Directory;
  onExpand: (nodeId: string) => void;
};

export function GraphNodePanel({ node, isExpanded, truncated, isExpanding, labels, directory, onExpand }: Props) {
  const { t } = useI18n();
  const observableLabels = useObservableLabels();
  const textId = useId();
  if (!node)
    return (
      <Card withBorder className="graph-panel" data-testid="graph-panel">
        <Text size="sm" c="dimmed">
          {t('graph.select_prompt')}
        </Text>
      </Card>
    );
  const page = pageOf(node);
  return (
    <Card withBorder className="graph-panel" data-testid="graph-panel" aria-live="polite">
      <Stack gap="xs">
        <Text size="xs" c="dimmed">
          {labels.kind(node)}
        </Text>
        <Text fw={600} className="break-anywhere" id={textId} translate={node.kind === 'observable' ? 'no' : undefined}>
          {labels.name(node)}
        </Text>
        {node.kind === 'case' && (
          <Text size="sm" className="break-anywhere">
            {node.title}
          </Text>
        )}
        {(node.kind === 'case' || node.kind === 'intake') && (
          <Text size="xs" c="dimmed">
            {t('graph.owner_unit', { unit: directory.unitLabel(node.ownerUnitId) })}
          </Text>
        )}
        {node.kind === 'case' && node.sensitive && (
          <Badge color="red" variant="filled" tt="none" w="fit-content">
            {t('cases.sensitive')}
          </Badge>
        )}
        {node.kind === 'observable' && node.warning !== null && (
          <Badge color="gray" variant="light" tt="none" w="fit-content" data-testid="graph-warning">
            {t('graph.warning', { list: observableLabels.warning(node.warning) })}
          </Badge>
        )}
        {node.kind === 'hidden' && (
          <Text size="xs" c="dimmed">
            {t('graph.hidden_hint')}
          </Text>
        )}
        {isExpanded && truncated > 0 && (
          <Text size="xs" c="orange.9" data-testid="graph-truncated">
            {t('graph.truncated', { count: truncated })}
          </Text>
        )}
        <Group gap="xs" wrap="wrap">
          {page && (
            <Anchor component={Link} href={page} size="sm">
              {t('graph.open')}
            </Anchor>
          )}
          {isExpandable(node) && (
            <Button size="xs" variant="light" onClick={() => onExpand(node.id)} disabled={isExpanded} loading={isExpanding} aria-describedby={textId}>
              {isExpanded ? t('graph.expanded') : t('graph.expand')}
            </Button>
          )}
        </Group>
        {node.kind === 'hidden' && node.mayRequestAccess && (
          <AccessRequestForm key={node.id} send={(reason) => graphApi.requestAccess(node.id, reason)} describedBy={textId} testId="graph-access-requested" />
        )}
      </Stack>
    </Card>
  );
}
