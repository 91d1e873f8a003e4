import type { z } from 'zod';
import {
  GraphAccessRequestView,
  MAX_NEIGHBOURS,
  Neighbourhood,
  type GraphEdge,
  type GraphNode,
  type GraphNodeKind,
} from '../../../../src/modules/graph/graph.contract.ts';
import { api } from '../../app/api.ts';

export type { GraphEdge, GraphNode, GraphNodeKind };
export type NeighbourhoodView = z.infer<typeof Neighbourhood>;
export { MAX_NEIGHBOURS };

/** The kinds of node the graph can expand (the others are leaves the viewer may not open). */
export function isExpandable(node: GraphNode): boolean {
  return node.kind !== 'hidden';
}

/** Where a node opens in the app, or null for one the viewer may not open. */
export function pageOf(node: GraphNode): string | null {
  switch (node.kind) {
    case 'case':
      return `/cases/${encodeURIComponent(node.caseId)}`;
    case 'intake':
      return `/intake/${encodeURIComponent(node.itemId)}`;
    case 'observable':
      return `/observables/${String(node.observableId)}`;
    case 'threat':
      return `/threats/${encodeURIComponent(node.threatId)}`;
    case 'hidden':
      return null;
  }
}

export const graphApi = {
  /** One hop around a node (`case:<id>`, `intake:<id>`, `observable:<id>`, `threat:<id>`). */
  neighbours: (node: string) => api.get(`/api/graph/neighbours?${new URLSearchParams({ node }).toString()}`, Neighbourhood),
  /** 閲覧を申請 for a hidden case, named only by its alias. */
  requestAccess: (node: string, reason: string) => api.post('/api/graph/access-requests', { node, reason }, GraphAccessRequestView),
};
