import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestSmtpServer, type TestSmtpServer } from '../../../tests/support/smtp.ts';
import { createMailer } from './index.ts';

describe('mailer', () => {
  let smtp: TestSmtpServer;
  before(async () => {
    smtp = await startTestSmtpServer({ refuseRecipient: (address) => address.startsWith('nobody@') });
  });
  after(() => smtp.close());

  it('delivers a Japanese subject and body intact to every recipient', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, from: '県警サイバー <koban@police.example.jp>' });
    const subject = '【至急】受理番号 IB-2026-000123 の通報がルーティング期限を超過しました';
    const text = '当直担当者各位\n\n通報(フィッシング詐欺、被害額 ¥1,200,000)が 30 分以上未割当です。\n対応をお願いします。\n';
    const result = await mailer.send({ to: ['duty@police.example.jp', 'cyber@police.example.jp'], subject, text });
    mailer.close();

    assert.equal(mailer.enabled, true);
    assert.equal(result.delivered, true);
    assert.match(result.messageId ?? '', /^<.+@.+>$/);
    const received = await smtp.waitFor((message) => message.subject === subject);
    assert.deepEqual(received.to, ['duty@police.example.jp', 'cyber@police.example.jp']);
    assert.equal(received.text, text);
  });

  it('delivers nothing and says so when no SMTP relay is configured', async () => {
    const mailer = createMailer({ smtpUrl: undefined, from: 'koban@localhost' });
    assert.equal(mailer.enabled, false);
    assert.deepEqual(await mailer.send({ to: ['duty@police.example.jp'], subject: '件名', text: '本文' }), { delivered: false });
    mailer.close();
  });

  it('rejects when the relay refuses the recipient, so the caller can retry', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, from: 'koban@police.example.jp' });
    await assert.rejects(mailer.send({ to: ['nobody@police.example.jp'], subject: '不達', text: '届かない' }), { responseCode: 550 });
    assert.equal(smtp.messages.filter((message) => message.subject === '不達').length, 0);
    mailer.close();
  });

  it('rejects when the relay refuses one of several recipients, though the others got the mail', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, from: 'koban@police.example.jp' });
    const to = ['duty@police.example.jp', 'nobody@police.example.jp'];
    await assert.rejects(mailer.send({ to, subject: '一部不達', text: '本文' }), /refused 1 of 2 recipients/);
    mailer.close();
    assert.deepEqual((await smtp.waitFor((message) => message.subject === '一部不達')).to, ['duty@police.example.jp']);
  });
});
