// The drawing of the graph. Cytoscape is loaded on first use (its own chunk), so pages without a
// graph do not carry it. A tap selects a node, a double tap expands it; the same actions are in
// the list under the canvas for keyboard and screen-reader users.
import { Center, Loader } from '@mantine/core';
import type cytoscape from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import type { GraphEdge, GraphNode } from './graph.api.ts';
import { NODE_LOOK, NODE_KINDS, WARNING_COLOUR, type GraphLabels } from './graphLabels.ts';

type Props = {
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
  expanded: ReadonlySet<string>;
  selectedId: string | null;
  labels: GraphLabels;
  onSelect: (nodeId: string) => void;
  onExpand: (nodeId: string) => void;
};

const LABEL_CHARS = 28;
const FIT_ZOOM_MAX = 1.4;

function shortLabel(text: string): string {
  return text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1)}…` : text;
}

function graphStyle(): cytoscape.StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': 11,
        'font-family': '"Noto Sans JP", "Noto Sans CJK JP", sans-serif',
        color: '#212529',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        width: 26,
        height: 26,
        'border-width': 2,
        'border-color': '#ffffff',
      },
    },
    ...NODE_KINDS.map((kind) => ({
      selector: `node[kind = "${kind}"]`,
      style: { 'background-color': NODE_LOOK[kind].colour, shape: NODE_LOOK[kind].shape },
    })),
    { selector: 'node[kind = "case"], node[kind = "hidden"]', style: { width: 34, height: 24 } },
    { selector: 'node[kind = "hidden"]', style: { 'border-style': 'dashed', 'border-color': '#495057', 'background-opacity': 0.55 } },
    { selector: 'node[?warning]', style: { 'background-color': WARNING_COLOUR, 'border-style': 'dashed', 'border-color': '#e8590c' } },
    { selector: 'node[?expanded]', style: { 'border-color': '#212529' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#fab005' } },
    { selector: 'edge', style: { width: 1.5, 'line-color': '#adb5bd', 'curve-style': 'bezier' } },
    { selector: 'edge[kind = "related"]', style: { 'line-style': 'dotted' } },
    { selector: 'edge[kind = "opened_from"]', style: { 'line-color': '#0c8599', 'line-style': 'dashed' } },
    {
      selector: 'edge[kind = "attributed"]',
      style: { 'line-color': '#c92a2a', label: 'data(label)', 'font-size': 10, color: '#c92a2a', 'text-rotation': 'autorotate' },
    },
  ];
}

/** Fits the nodes in the frame, but never blows a handful of nodes up beyond FIT_ZOOM_MAX. */
function frame(cy: cytoscape.Core): void {
  cy.fit(undefined, 30);
  if (cy.zoom() > FIT_ZOOM_MAX) {
    cy.zoom(FIT_ZOOM_MAX);
    cy.center();
  }
}

export function GraphCanvas({ nodes, edges, expanded, selectedId, labels, onSelect, onExpand }: Props) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const [cy, setCy] = useState<cytoscape.Core | null>(null);
  const handlers = useRef({ onSelect, onExpand });
  handlers.current = { onSelect, onExpand };

  useEffect(() => {
    let instance: cytoscape.Core | null = null;
    let cancelled = false;
    void import('cytoscape').then(({ default: create }) => {
      if (cancelled || !container.current) return;
      instance = create({ container: container.current, style: graphStyle(), minZoom: 0.2, maxZoom: 3, wheelSensitivity: 0.3 });
      // Cytoscape types a handler's event loosely; with a 'node' selector its target is a node.
      const nodeOf = (event: cytoscape.EventObject) => (event.target as cytoscape.NodeSingular).id();
      instance.on('tap', 'node', (event) => handlers.current.onSelect(nodeOf(event)));
      instance.on('dbltap', 'node', (event) => handlers.current.onExpand(nodeOf(event)));
      setCy(instance);
    });
    return () => {
      cancelled = true;
      instance?.destroy();
    };
  }, []);

  useEffect(() => {
    if (!cy) return;
    const known = new Set(cy.nodes().map((n) => n.id()));
    const fresh = nodes.filter((n) => !known.has(n.id));
    cy.batch(() => {
      for (const node of nodes) {
        const data = {
          id: node.id,
          kind: node.kind,
          label: shortLabel(labels.name(node)),
          warning: node.kind === 'observable' && node.warning !== null,
          expanded: expanded.has(node.id),
        };
        const existing = cy.getElementById(node.id);
        if (existing.nonempty()) existing.data(data);
        else {
          // A new neighbour starts beside the node it came from, so the layout settles locally.
          const from = edges.find((e) => (e.source === node.id && known.has(e.target)) || (e.target === node.id && known.has(e.source)));
          const anchor = from ? cy.getElementById(from.source === node.id ? from.target : from.source).position() : { x: 0, y: 0 };
          cy.add({ group: 'nodes', data, position: { x: anchor.x + Math.random() * 80 - 40, y: anchor.y + Math.random() * 80 - 40 } });
        }
      }
      for (const edge of edges) {
        if (cy.getElementById(edge.id).nonempty()) continue;
        cy.add({ group: 'edges', data: { id: edge.id, source: edge.source, target: edge.target, kind: edge.kind, label: edge.confidence ?? '' } });
      }
    });
    if (fresh.length === 0) return;
    cy.layout({ name: 'cose', animate: false, randomize: false, fit: true, padding: 30, nodeRepulsion: () => 9000, idealEdgeLength: () => 90 }).run();
    frame(cy);
  }, [cy, nodes, edges, expanded, labels]);

  // The frame may get its final size after the graph was drawn (sections above it load later, the
  // window turns): redraw to the new size and frame the nodes again.
  useEffect(() => {
    const element = container.current;
    if (!cy || !element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      cy.resize();
      frame(cy);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [cy]);

  useEffect(() => {
    if (!cy) return;
    cy.nodes(':selected').unselect();
    if (selectedId) cy.getElementById(selectedId).select();
  }, [cy, selectedId]);

  return (
    <div className="graph-canvas-frame">
      <div
        ref={container}
        className="graph-canvas"
        data-testid="graph-canvas"
        data-ready={cy ? 'true' : 'false'}
        data-node-count={cy ? nodes.length : 0}
        role="img"
        aria-label={t('graph.canvas_label', { count: nodes.length })}
      />
      {!cy && (
        <Center className="graph-canvas-loading">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      )}
    </div>
  );
}
