// Renders parsed Markdown as React elements. Nothing is ever set as HTML; a link shows its text
// and its address as plain, non-clickable text (notes quote phishing URLs).
import { Fragment, type ReactNode } from 'react';
import { parseMarkdown, type Block, type Inline } from './parseMarkdown.ts';
import './markdown.css';

function inline(nodes: Inline[]): ReactNode[] {
  return nodes.map((node, index) => {
    switch (node.type) {
      case 'text':
        return <Fragment key={index}>{node.text}</Fragment>;
      case 'strong':
        return <strong key={index}>{inline(node.children)}</strong>;
      case 'em':
        return <em key={index}>{inline(node.children)}</em>;
      case 'code':
        return <code key={index}>{node.text}</code>;
      case 'link':
        return (
          <span key={index} className="md-link">
            {inline(node.children)} <code className="md-url">{node.url}</code>
          </span>
        );
    }
  });
}

function lines(all: Inline[][]): ReactNode[] {
  return all.flatMap((line, index) => (index === 0 ? [inline(line)] : [<br key={`br${index}`} />, inline(line)]));
}

function block(node: Block, index: number): ReactNode {
  switch (node.type) {
    case 'heading': {
      const Tag = (['h3', 'h4', 'h5'] as const)[node.level - 1] ?? 'h5';
      return <Tag key={index}>{inline(node.children)}</Tag>;
    }
    case 'paragraph':
      return <p key={index}>{lines(node.lines)}</p>;
    case 'quote':
      return <blockquote key={index}>{lines(node.lines)}</blockquote>;
    case 'code':
      return (
        <pre key={index}>
          <code>{node.text}</code>
        </pre>
      );
    case 'rule':
      return <hr key={index} />;
    case 'list': {
      const items = node.items.map((item, i) => <li key={i}>{inline(item)}</li>);
      return node.ordered ? (
        <ol key={index} start={node.start}>
          {items}
        </ol>
      ) : (
        <ul key={index}>{items}</ul>
      );
    }
  }
}

export function Markdown({ source, testId }: { source: string; testId?: string }) {
  return (
    <div className="md" data-testid={testId}>
      {parseMarkdown(source).map(block)}
    </div>
  );
}
