// A small Markdown reader for officers' notes: headings, paragraphs, lists, quotes, code blocks,
// rules; bold, italic, inline code and links inline. It builds a tree that the page renders as
// React elements — never HTML — and links are kept as text: notes are full of phishing URLs
// that must never become clickable.

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; children: Inline[]; url: string };

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; children: Inline[] }
  | { type: 'paragraph'; lines: Inline[][] }
  | { type: 'list'; ordered: boolean; start: number; items: Inline[][] }
  | { type: 'quote'; lines: Inline[][] }
  | { type: 'code'; text: string }
  | { type: 'rule' };

const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;
const FENCE = /^\s{0,3}(```|~~~)/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push({ type: 'text', text: plain });
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    if (rest.startsWith('\\') && rest.length > 1 && /[\\`*_[\]()#>-]/.test(rest[1] ?? '')) {
      plain += rest[1] ?? '';
      i += 2;
      continue;
    }
    const code = /^(`+)([\s\S]+?)\1/.exec(rest);
    if (code) {
      flush();
      out.push({ type: 'code', text: code[2] ?? '' });
      i += code[0].length;
      continue;
    }
    const strong = /^(\*\*|__)(?=\S)([\s\S]*?\S)\1/.exec(rest);
    if (strong) {
      flush();
      out.push({ type: 'strong', children: parseInline(strong[2] ?? '') });
      i += strong[0].length;
      continue;
    }
    const em = /^(\*|_)(?=\S)([\s\S]*?\S)\1(?![*_])/.exec(rest);
    if (em && !(em[1] === '_' && /\w$/.test(plain))) {
      flush();
      out.push({ type: 'em', children: parseInline(em[2] ?? '') });
      i += em[0].length;
      continue;
    }
    const link = /^\[([^\]]+)\]\(([^)\s]+)\)/.exec(rest);
    if (link) {
      flush();
      out.push({ type: 'link', children: parseInline(link[1] ?? ''), url: link[2] ?? '' });
      i += link[0].length;
      continue;
    }
    plain += text[i] ?? '';
    i += 1;
  }
  flush();
  return out;
}

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      i += 1;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const body: string[] = [];
      i += 1;
      while (i < lines.length && !(lines[i] ?? '').trimStart().startsWith(fence[1] ?? '```')) body.push(lines[i++] ?? '');
      i += 1;
      blocks.push({ type: 'code', text: body.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ type: 'heading', level: Math.min(3, heading[1]?.length ?? 1) as 1 | 2 | 3, children: parseInline(heading[2] ?? '') });
      i += 1;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ type: 'rule' });
      i += 1;
      continue;
    }
    if (QUOTE.test(line)) {
      const quoted: Inline[][] = [];
      while (i < lines.length && QUOTE.test(lines[i] ?? '')) quoted.push(parseInline(QUOTE.exec(lines[i++] ?? '')?.[1] ?? ''));
      blocks.push({ type: 'quote', lines: quoted });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    if (bullet || numbered) {
      const ordered = !bullet;
      const pattern = ordered ? NUMBERED : BULLET;
      const items: Inline[][] = [];
      while (i < lines.length && pattern.test(lines[i] ?? '')) {
        const match = pattern.exec(lines[i++] ?? '');
        items.push(parseInline((ordered ? match?.[2] : match?.[1]) ?? ''));
      }
      blocks.push({ type: 'list', ordered, start: numbered ? Number(numbered[1]) : 1, items });
      continue;
    }
    const paragraph: Inline[][] = [];
    while (i < lines.length) {
      const next = lines[i] ?? '';
      if (next.trim() === '' || FENCE.test(next) || HEADING.test(next) || QUOTE.test(next) || BULLET.test(next) || NUMBERED.test(next) || RULE.test(next))
        break;
      paragraph.push(parseInline(next));
      i += 1;
    }
    blocks.push({ type: 'paragraph', lines: paragraph });
  }
  return blocks;
}
