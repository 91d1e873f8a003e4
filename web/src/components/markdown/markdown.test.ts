import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseInline, parseMarkdown } from './parseMarkdown.ts';

describe('note Markdown', () => {
  it('reads headings, paragraphs, lists, quotes, code blocks and rules', () => {
    const blocks = parseMarkdown(
      ['## 経緯', '被害企業から相談。', '2行目', '', '- VPN 機器', '- RDP', '', '1. 押収', '2. 解析', '> 引用', '```', '<script>x</script>', '```', '---'].join(
        '\n',
      ),
    );
    assert.deepEqual(
      blocks.map((b) => b.type),
      ['heading', 'paragraph', 'list', 'list', 'quote', 'code', 'rule'],
    );
    assert.deepEqual(blocks[1], { type: 'paragraph', lines: [[{ type: 'text', text: '被害企業から相談。' }], [{ type: 'text', text: '2行目' }]] });
    assert.equal(blocks[3]?.type === 'list' && blocks[3].ordered, true);
    assert.deepEqual(blocks[5], { type: 'code', text: '<script>x</script>' });
  });

  it('reads bold, italic, code and links inline, and keeps markup-like text as text', () => {
    assert.deepEqual(parseInline('**至急** と *確認* と `203.0.113.5`'), [
      { type: 'strong', children: [{ type: 'text', text: '至急' }] },
      { type: 'text', text: ' と ' },
      { type: 'em', children: [{ type: 'text', text: '確認' }] },
      { type: 'text', text: ' と ' },
      { type: 'code', text: '203.0.113.5' },
    ]);
    assert.deepEqual(parseInline('[偽サイト](https://evil.example/login)'), [
      { type: 'link', children: [{ type: 'text', text: '偽サイト' }], url: 'https://evil.example/login' },
    ]);
    assert.deepEqual(parseInline('<img src=x onerror=alert(1)>'), [{ type: 'text', text: '<img src=x onerror=alert(1)>' }]);
    assert.deepEqual(parseInline('snake_case_name と \\*そのまま\\*'), [{ type: 'text', text: 'snake_case_name と *そのまま*' }]);
  });
});
