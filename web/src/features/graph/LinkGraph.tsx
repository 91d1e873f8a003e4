// リンク図 (M2.2a): the neighbourhood of a case, report, observable or attack group, expanded one
// hop at a time (double tap on the canvas, or 1ホップ展開). Each expansion brings at most 50
// neighbours; what it leaves out is counted. A case the viewer may not open is shown only as a
// case of its unit, with 閲覧を申請. The canvas has a table twin below it.
import { Alert, Group, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { toApiError } from '../../app/useApiQuery.ts';
import type { ApiError } from '../../app/api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Directory } from '../users/directory.ts';
import { graphApi, type GraphEdge, type GraphNode, type NeighbourhoodView } from './graph.api.ts';
import { GraphCanvas } from './GraphCanvas.tsx';
import { GraphNodePanel } from './GraphNodePanel.tsx';
import { GraphNodeTable } from './GraphNodeTable.tsx';
import { NODE_KINDS, NODE_LOOK, useGraphLabels } from './graphLabels.ts';
import './graph.css';

type GraphState = {
  nodes: ReadonlyMap<string, GraphNode>;
  edges: ReadonlyMap<string, GraphEdge>;
  expanded: ReadonlySet<string>;
  truncated: ReadonlyMap<string, number>;
};

const EMPTY: GraphState = { nodes: new Map(), edges: new Map(), expanded: new Set(), truncated: new Map() };

function merged(state: GraphState, answer: NeighbourhoodView): GraphState {
  const nodes = new Map(state.nodes);
  for (const node of answer.nodes) nodes.set(node.id, node);
  const edges = new Map(state.edges);
  for (const edge of answer.edges) edges.set(edge.id, edge);
  return {
    nodes,
    edges,
    expanded: new Set(state.expanded).add(answer.center),
    truncated: new Map(state.truncated).set(answer.center, answer.truncated),
  };
}

export function LinkGraph({ startNode, directory }: { startNode: string; directory: Directory }) {
  const { t } = useI18n();
  const labels = useGraphLabels(directory);
  const [graph, setGraph] = useState<GraphState>(EMPTY);
  const [selectedId, setSelectedId] = useState<string | null>(startNode);
  const [expanding, setExpanding] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const expand = useCallback((nodeId: string) => {
    if (nodeId.startsWith('hidden:') || nodeId.startsWith('restricted:')) return;
    setExpanding(nodeId);
    setError(null);
    graphApi.neighbours(nodeId).then(
      (answer) => {
        setGraph((current) => merged(current, answer));
        setExpanding(null);
      },
      (caught: unknown) => {
        setError(toApiError(caught));
        setExpanding(null);
      },
    );
  }, []);

  useEffect(() => {
    setGraph(EMPTY);
    setSelectedId(startNode);
    expand(startNode);
  }, [startNode, expand]);

  const nodes = [...graph.nodes.values()];
  const edges = [...graph.edges.values()];
  const selected = selectedId ? (graph.nodes.get(selectedId) ?? null) : null;
  const onExpand = (nodeId: string) => {
    if (!graph.expanded.has(nodeId)) expand(nodeId);
  };
  return (
    <Stack gap="sm" data-testid="link-graph">
      <Text size="xs" c="dimmed">
        {t('graph.hint')}
      </Text>
      <GraphLegend />
      {error && <ErrorMessage error={error} />}
      <div className="graph-layout">
        <GraphCanvas
          nodes={nodes}
          edges={edges}
          expanded={graph.expanded}
          selectedId={selectedId}
          labels={labels}
          onSelect={setSelectedId}
          onExpand={onExpand}
        />
        <GraphNodePanel
          node={selected}
          isExpanded={selected !== null && graph.expanded.has(selected.id)}
          truncated={selected ? (graph.truncated.get(selected.id) ?? 0) : 0}
          isExpanding={selected !== null && expanding === selected.id}
          labels={labels}
          directory={directory}
          onExpand={onExpand}
        />
      </div>
      {[...graph.truncated.values()].some((n) => n > 0) && (
        <Alert color="orange" variant="light" p="xs" data-testid="graph-truncated-note">
          <Text size="xs">{t('graph.truncated_note', { count: [...graph.truncated.values()].reduce((a, b) => a + b, 0) })}</Text>
        </Alert>
      )}
      <GraphNodeTable
        nodes={nodes}
        expanded={graph.expanded}
        selectedId={selectedId}
        labels={labels}
        directory={directory}
        onSelect={setSelectedId}
        onExpand={onExpand}
      />
    </Stack>
  );
}

function GraphLegend() {
  const { t } = useI18n();
  return (
    <Group gap="md" wrap="wrap" component="ul" className="plain-list graph-legend" aria-label={t('graph.legend')} data-testid="graph-legend">
      {NODE_KINDS.map((kind) => (
        <li key={kind}>
          <span className={`graph-swatch graph-swatch--${NODE_LOOK[kind].shape}`} style={{ backgroundColor: NODE_LOOK[kind].colour }} aria-hidden="true" />
          <Text size="xs" component="span">
            {t(`graph.legend.${kind}`)}
          </Text>
        </li>
      ))}
      <li>
        <span className="graph-swatch graph-swatch--ellipse graph-swatch--warning" aria-hidden="true" />
        <Text size="xs" component="span">
          {t('graph.legend.warning')}
        </Text>
      </li>
    </Group>
  );
}
