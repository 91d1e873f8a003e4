import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { noticeHref as hrefWith } from './noticeHref.ts';

const paths = {
  intakeItem: (id: string) => `/intake/${id}`,
  case: (id: string) => `/cases/${id}`,
  supportRequests: '/support-requests',
  analysisRequests: '/analysis-requests',
};
const noticeHref = (notice: Parameters<typeof hrefWith>[0]) => hrefWith(notice, paths);

describe('where a notice leads', () => {
  it('opens its subject, and nothing for a refused access request', () => {
    assert.equal(noticeHref({ kind: 'intake.overdue', subjectType: 'intake_item', subjectId: 'i1' }), '/intake/i1');
    assert.equal(noticeHref({ kind: 'case.access_granted', subjectType: 'case', subjectId: 'c1' }), '/cases/c1');
    assert.equal(noticeHref({ kind: 'case.access_refused', subjectType: 'case', subjectId: 'c1' }), null);
    assert.equal(noticeHref({ kind: 'case.support_overdue', subjectType: 'case_support_request', subjectId: 's1' }), '/support-requests');
    assert.equal(noticeHref({ kind: 'evidence.analysis_requested', subjectType: 'analysis_request', subjectId: 'a1' }), '/analysis-requests');
  });
});
