// Builds multipart/form-data bodies for app.inject, as a browser form would send them.
import { randomBytes } from 'node:crypto';

export type FilePart = { field?: string; filename: string; type: string; content: Buffer | string };

export function multipart(fields: Record<string, string>, files: FilePart[] = []): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----koban${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'attachments'}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const PHISHING_EML = [
  'Return-Path: <info@amazon-co-jp.secure-check.top>',
  'Received: from mail.secure-check.top (unknown [45.137.21.9]) by mx.example.jp',
  'From: "Amazon.co.jp" <info@amazon-co-jp.secure-check.top>',
  'To: taro@example.jp',
  'Subject: =?UTF-8?B?44CQ6YeN6KaB44CR44Ki44Kr44Km44Oz44OI44GM5YGc5q2i44GV44KM44G+44GX44Gf?=',
  'Date: Tue, 24 Nov 2026 09:12:00 +0900',
  'Message-ID: <20261124091200.1234@secure-check.top>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=UTF-8',
  'Content-Transfer-Encoding: 8bit',
  '',
  'お客様のアカウントは一時停止されました。24時間以内に下記より確認してください。',
  'https://amazon-co-jp.secure-check.top/signin?id=8812',
  '',
].join('\r\n');
