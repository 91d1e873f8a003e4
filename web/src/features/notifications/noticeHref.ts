// Where a notification leads when clicked (the app's paths are passed in, so this stays free of
// the page modules and can be tested on its own).
import type { Notice } from './notifications.api.ts';

export type NoticePaths = {
  intakeItem(itemId: string): string;
  case(caseId: string): string;
  supportRequests: string;
  analysisRequests: string;
};

/** Where a notice leads; none where the reader could not open it (a refused access request). */
export function noticeHref(notice: Pick<Notice, 'kind' | 'subjectType' | 'subjectId'>, paths: NoticePaths): string | null {
  if (notice.kind === 'case.access_refused') return null;
  if (notice.subjectType === 'intake_item') return paths.intakeItem(notice.subjectId);
  if (notice.subjectType === 'case') return paths.case(notice.subjectId);
  if (notice.subjectType === 'case_support_request') return paths.supportRequests;
  if (notice.subjectType === 'analysis_request') return paths.analysisRequests;
  return null;
}
