import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../app/api.ts';
import { attachmentProblems } from './attachments.ts';
import { buildReportCandidate, detailSectionsFor, emptyDraft, parseYen, type ReportDraft } from './reportDraft.ts';
import { fieldErrorsFromApi, validateReport } from './reportValidation.ts';

function draftWith(change: Partial<ReportDraft>): ReportDraft {
  return { ...emptyDraft(), kind: 'report', reporterType: 'individual', category: 'fraud', summary: '偽サイトで購入した', ...change };
}

describe('M2.1a public report form', () => {
  it('asks the questions that follow the category and sub-category', () => {
    assert.deepEqual(detailSectionsFor('unauthorized_access_malware', 'phishing'), ['phishing']);
    assert.deepEqual(detailSectionsFor('unauthorized_access_malware', 'targeted_email'), ['phishing']);
    assert.deepEqual(detailSectionsFor('unauthorized_access_malware', 'ib_illegal_transfer'), ['account', 'fraud']);
    assert.deepEqual(detailSectionsFor('unauthorized_access_malware', 'ransomware'), ['incident']);
    assert.deepEqual(detailSectionsFor('spam', ''), ['phishing']);
    assert.deepEqual(detailSectionsFor('defamation_harassment', 'threat'), ['defamation']);
    assert.deepEqual(detailSectionsFor('illegal_harmful_info', ''), ['illegal']);
    assert.deepEqual(detailSectionsFor('', ''), []);
  });

  it('sends only the sections on screen, trimmed, with empty answers left out', () => {
    const draft = draftWith({ category: 'spam', fraud: { ...emptyDraft().fraud, amountYen: '5000' } });
    draft.phishing = { ...draft.phishing, receivedVia: 'sms', url: '  hxxps://evil[.]example/login ', sender: '' };
    const body = buildReportCandidate(draft);
    assert.equal(body.details?.fraud, undefined);
    assert.deepEqual(JSON.parse(JSON.stringify(body.details?.phishing)), { receivedVia: 'sms', url: 'hxxps://evil[.]example/login' });
  });

  it('reads yen as typed on a phone', () => {
    assert.equal(parseYen('１５０，０００円'), 150000);
    assert.equal(parseYen('¥ 3,000'), 3000);
    assert.equal(parseYen(''), undefined);
    assert.ok(Number.isNaN(parseYen('約10万')));
  });

  it('needs kind, reporter, category and summary, and says which are missing', () => {
    const result = validateReport(emptyDraft());
    assert.equal(result.ok, false);
    if (result.ok) return;
    for (const key of ['kind', 'reporterType', 'category', 'summary']) assert.deepEqual(result.problems[key], { code: 'required' }, key);
  });

  it('requires name and phone or e-mail for 相談, and consent whenever contact details are given', () => {
    const consultation = validateReport(draftWith({ kind: 'consultation' }));
    assert.ok(!consultation.ok && consultation.problems['contact.name'] && consultation.problems['contact.phone']);
    const withContact = draftWith({ kind: 'report', contact: { ...emptyDraft().contact, name: '水戸 太郎', email: 'taro@example.jp' } });
    const refused = validateReport(withContact);
    assert.ok(!refused.ok && refused.problems.consent);
    const accepted = validateReport({ ...withContact, consent: true });
    assert.ok(accepted.ok);
    assert.equal(accepted.body.contact?.email, 'taro@example.jp');
    assert.equal(accepted.body.consent, true);
  });

  it('never sends contact details with a tip', () => {
    const result = validateReport(draftWith({ kind: 'tip', contact: { ...emptyDraft().contact, name: '匿名希望' } }));
    assert.ok(result.ok);
    assert.equal(result.body.contact, undefined);
  });

  it('flags an amount that is not a number and more than 20 URLs', () => {
    const draft = draftWith({ fraud: { ...emptyDraft().fraud, amountYen: '約10万' } });
    const result = validateReport(draft);
    assert.ok(!result.ok && result.problems['details.fraud.amountYen']?.code === 'amount');
    const urls = Array.from({ length: 21 }, (_, n) => `https://bbs.example/${String(n)}`).join('\n');
    const many = validateReport(draftWith({ category: 'defamation_harassment', defamation: { platform: '', urls } }));
    assert.ok(!many.ok && many.problems['details.defamation.urls']?.code === 'too_many');
  });

  it('maps the server field errors onto the same field keys', () => {
    const error = new ApiError(400, {
      code: 'request.invalid',
      message: '入力内容に誤りがあります。',
      details: {
        issues: [
          { path: 'body.summary', code: 'validation.required', message: '必須項目です。' },
          { path: 'body.details.defamation.urls.3', code: 'validation.too_long', message: '2000 文字以内で入力してください。' },
        ],
      },
      requestId: null,
    });
    assert.deepEqual(fieldErrorsFromApi(error), { summary: '必須項目です。', 'details.defamation.urls': '2000 文字以内で入力してください。' });
    const consent = new ApiError(400, { code: 'intake.consent_required', message: '同意が必要です。', details: {}, requestId: null });
    assert.deepEqual(fieldErrorsFromApi(consent), { consent: '同意が必要です。' });
  });

  it('checks attachments against the announced limits before sending', () => {
    const limits = { attachmentMaxBytes: 100, reportMaxBytes: 250, attachmentMaxFiles: 2 };
    assert.deepEqual(attachmentProblems([{ name: 'a.eml', size: 100 }], limits), []);
    assert.deepEqual(
      attachmentProblems(
        [
          { name: 'a.png', size: 101 },
          { name: 'b.pdf', size: 100 },
          { name: 'c.log', size: 100 },
        ],
        limits,
      ),
      [{ kind: 'too_large', name: 'a.png' }, { kind: 'too_many' }, { kind: 'total_too_large' }],
    );
  });
});
