// Client of the case timeline (M3.2a), typed from the server's contract: one page of events,
// newest first, optionally of some kinds only; `nextBefore` asks for the next (older) page.
import {
  CaseTimeline,
  TIMELINE_FAMILIES,
  TIMELINE_FAMILY_NAMES,
  type TimelineEvent,
  type TimelineFamily,
  type TimelineKind,
} from '../../../../src/modules/cases/timeline.contract.ts';
import { api } from '../../app/api.ts';

export type { CaseTimeline, TimelineEvent, TimelineFamily, TimelineKind };
export { TIMELINE_FAMILIES, TIMELINE_FAMILY_NAMES };

/** The filter group a kind belongs to (状態, メモ, タスク, 証拠品, 連携, その他). */
export function familyOf(kind: TimelineKind): TimelineFamily {
  return TIMELINE_FAMILY_NAMES.find((family) => TIMELINE_FAMILIES[family].includes(kind)) ?? 'other';
}

export const timelineApi = {
  ofCase: (caseId: string, options: { family: TimelineFamily | null; before: string | null }) => {
    const query = new URLSearchParams();
    if (options.family) query.set('kinds', TIMELINE_FAMILIES[options.family].join(','));
    if (options.before) query.set('before', options.before);
    const search = query.toString();
    return api.get(`/api/cases/${encodeURIComponent(caseId)}/timeline${search ? `?${search}` : ''}`, CaseTimeline);
  },
};
