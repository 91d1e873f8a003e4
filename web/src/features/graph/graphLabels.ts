// What each node is called on the canvas, in the list and in the panel. A hidden node is named
// only by its kind and owner unit: the server sends nothing more.
import { useCallback } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { useObservableLabels } from '../observables/observableLabels.ts';
import type { Directory } from '../users/directory.ts';
import type { GraphNode, GraphNodeKind } from './graph.api.ts';

/** Colour and shape per kind: the canvas draws them, the legend shows them. */
export const NODE_LOOK: Readonly<Record<GraphNodeKind, { colour: string; shape: 'round-rectangle' | 'diamond' | 'ellipse' | 'hexagon' }>> = {
  case: { colour: '#1c7ed6', shape: 'round-rectangle' },
  intake: { colour: '#0c8599', shape: 'diamond' },
  observable: { colour: '#e8590c', shape: 'ellipse' },
  threat: { colour: '#c92a2a', shape: 'hexagon' },
  hidden: { colour: '#868e96', shape: 'round-rectangle' },
};
export const WARNING_COLOUR = '#ced4da';
export const NODE_KINDS: readonly GraphNodeKind[] = ['case', 'intake', 'observable', 'threat', 'hidden'];

export function useGraphLabels(directory: Directory) {
  const { t } = useI18n();
  const observableLabels = useObservableLabels();
  const kind = useCallback(
    (node: GraphNode): string => {
      switch (node.kind) {
        case 'case':
          return t('graph.kind.case');
        case 'intake':
          return t('graph.kind.intake');
        case 'observable':
          return observableLabels.type(node.type);
        case 'threat':
          return t('graph.kind.threat');
        case 'hidden':
          return t('graph.kind.hidden');
      }
    },
    [t, observableLabels],
  );
  const name = useCallback(
    (node: GraphNode): string => {
      switch (node.kind) {
        case 'case':
          return node.caseNo;
        case 'intake':
          return node.receiptNo;
        case 'observable':
          return node.value;
        case 'threat':
          return node.name;
        case 'hidden': {
          const unit = directory.unitLabel(node.ownerUnitId);
          if (node.sourceType === 'case') return t('graph.hidden_case', { unit });
          if (node.sourceType === 'report') return t('graph.hidden_report', { unit });
          return t('graph.hidden_source', { source: observableLabels.sourceType(node.sourceType), unit });
        }
      }
    },
    [t, directory, observableLabels],
  );
  return { kind, name };
}

export type GraphLabels = ReturnType<typeof useGraphLabels>;
