// A recursive-descent checker for the STIX 2.1 patterning language (STIX 2.1 §9). It answers
// "is this pattern well formed, and which object types does it look at"; it does not evaluate
// patterns against observed data, and MATCHES regular expressions (PCRE) are not compiled here.

export type PatternCheck = { ok: true; objectTypes: string[] } | { ok: false; error: string; position: number };

type TokenKind = 'punct' | 'word' | 'string' | 'timestamp' | 'hex' | 'binary' | 'int' | 'float' | 'op' | 'end';
type Token = { kind: TokenKind; text: string; position: number };

class PatternSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

const TIMESTAMP = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?Z$/;
const HEX = /^([0-9a-fA-F]{2})*$/;
const BASE64 = /^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const OBJECT_TYPE = /^[a-z0-9][a-z0-9-]{1,248}[a-z0-9]$/;
const PROPERTY_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const COMPARISON_OPS = new Set(['=', '!=', '>', '<', '>=', '<=']);
const STRING_OPS = new Set(['LIKE', 'MATCHES', 'ISSUBSET', 'ISSUPERSET']);
const PREFIXED_LITERALS: Record<string, TokenKind> = { t: 'timestamp', h: 'hex', b: 'binary' };

function readQuoted(source: string, start: number): { value: string; end: number } {
  let value = '';
  for (let i = start + 1; i < source.length; i += 1) {
    const char = source.charAt(i);
    if (char === "'") return { value, end: i + 1 };
    if (char === '\\') {
      const next = source.charAt(i + 1);
      if (next !== "'" && next !== '\\') throw new PatternSyntaxError("only \\' and \\\\ may be escaped in a string", i);
      value += next;
      i += 1;
    } else value += char;
  }
  throw new PatternSyntaxError('unterminated string', start);
}

function checkPrefixedLiteral(kind: TokenKind, value: string, position: number): void {
  if (kind === 'timestamp' && !TIMESTAMP.test(value)) throw new PatternSyntaxError(`not an RFC 3339 UTC timestamp: ${value}`, position);
  if (kind === 'hex' && !HEX.test(value)) throw new PatternSyntaxError('not an even number of hex digits', position);
  if (kind === 'binary' && !BASE64.test(value)) throw new PatternSyntaxError('not base64', position);
}

export function tokenizePattern(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const prefixed = /^([thb])'/.exec(rest);
    if (prefixed?.[1] !== undefined) {
      const kind = PREFIXED_LITERALS[prefixed[1]] ?? 'string';
      const { value, end } = readQuoted(source, i + 1);
      checkPrefixedLiteral(kind, value, i);
      tokens.push({ kind, text: value, position: i });
      i = end;
      continue;
    }
    if (rest.startsWith("'")) {
      const { value, end } = readQuoted(source, i);
      tokens.push({ kind: 'string', text: value, position: i });
      i = end;
      continue;
    }
    const number = /^[+-]?(\d*\.\d+|\d+)/.exec(rest);
    const previous = tokens.at(-1);
    const afterPathPart = previous !== undefined && (previous.kind === 'word' || previous.text === ']');
    if (number && !(rest.startsWith('.') && afterPathPart)) {
      tokens.push({ kind: number[0].includes('.') ? 'float' : 'int', text: number[0], position: i });
      i += number[0].length;
      continue;
    }
    const op = /^(!=|>=|<=|=|>|<)/.exec(rest);
    if (op) {
      tokens.push({ kind: 'op', text: op[0], position: i });
      i += op[0].length;
      continue;
    }
    const word = /^[a-zA-Z_][a-zA-Z0-9_-]*/.exec(rest);
    if (word) {
      tokens.push({ kind: 'word', text: word[0], position: i });
      i += word[0].length;
      continue;
    }
    if ('[]():,.*'.includes(rest.charAt(0))) {
      tokens.push({ kind: 'punct', text: rest.charAt(0), position: i });
      i += 1;
      continue;
    }
    throw new PatternSyntaxError(`unexpected character '${rest.charAt(0)}'`, i);
  }
  tokens.push({ kind: 'end', text: '', position: source.length });
  return tokens;
}

class PatternParser {
  private index = 0;
  readonly objectTypes = new Set<string>();

  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.index] ?? { kind: 'end', text: '', position: 0 };
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index += 1;
    return token;
  }

  private isWord(text: string): boolean {
    const token = this.peek();
    return token.kind === 'word' && token.text === text;
  }

  private isPunct(text: string): boolean {
    const token = this.peek();
    return token.kind === 'punct' && token.text === text;
  }

  private expect(predicate: (token: Token) => boolean, what: string): Token {
    const token = this.peek();
    if (!predicate(token)) throw new PatternSyntaxError(`expected ${what}, found ${describe(token)}`, token.position);
    return this.next();
  }

  private expectPunct(text: string): Token {
    return this.expect((t) => t.kind === 'punct' && t.text === text, `'${text}'`);
  }

  private expectWord(text: string): Token {
    return this.expect((t) => t.kind === 'word' && t.text === text, text);
  }

  parsePattern(): void {
    this.parseObservations();
    const token = this.peek();
    if (token.kind !== 'end') throw new PatternSyntaxError(`unexpected ${describe(token)}`, token.position);
  }

  private parseObservations(): void {
    this.parseObservationOr();
    while (this.isWord('FOLLOWEDBY')) {
      this.next();
      this.parseObservationOr();
    }
  }

  private parseObservationOr(): void {
    this.parseObservationAnd();
    while (this.isWord('OR')) {
      this.next();
      this.parseObservationAnd();
    }
  }

  private parseObservationAnd(): void {
    this.parseObservation();
    while (this.isWord('AND')) {
      this.next();
      this.parseObservation();
    }
  }

  private parseObservation(): void {
    if (this.isPunct('(')) {
      this.next();
      this.parseObservations();
      this.expectPunct(')');
    } else {
      this.expectPunct('[');
      this.parseComparisonOr();
      this.expectPunct(']');
    }
    while (this.parseQualifier());
  }

  private parseQualifier(): boolean {
    if (this.isWord('WITHIN')) {
      this.next();
      this.expectPositiveNumber(['int', 'float']);
      this.expectWord('SECONDS');
    } else if (this.isWord('REPEATS')) {
      this.next();
      this.expectPositiveNumber(['int']);
      this.expectWord('TIMES');
    } else if (this.isWord('START')) {
      this.next();
      const start = this.expect((t) => t.kind === 'timestamp', "t'…' after START");
      this.expectWord('STOP');
      const stop = this.expect((t) => t.kind === 'timestamp', "t'…' after STOP");
      if (Date.parse(stop.text) <= Date.parse(start.text)) throw new PatternSyntaxError('STOP must be later than START', stop.position);
    } else return false;
    return true;
  }

  private expectPositiveNumber(kinds: TokenKind[]): void {
    const token = this.expect((t) => kinds.includes(t.kind), 'a number');
    if (!(Number(token.text) > 0)) throw new PatternSyntaxError('must be greater than zero', token.position);
  }

  private parseComparisonOr(): void {
    this.parseComparisonAnd();
    while (this.isWord('OR')) {
      this.next();
      this.parseComparisonAnd();
    }
  }

  private parseComparisonAnd(): void {
    this.parseComparison();
    while (this.isWord('AND')) {
      this.next();
      this.parseComparison();
    }
  }

  private parseComparison(): void {
    if (this.isPunct('(')) {
      this.next();
      this.parseComparisonOr();
      this.expectPunct(')');
      return;
    }
    if (this.isWord('NOT') || this.isWord('EXISTS')) {
      if (this.isWord('NOT')) this.next();
      this.expectWord('EXISTS');
      this.parseObjectPath();
      return;
    }
    this.parseObjectPath();
    if (this.isWord('NOT')) this.next();
    this.parseOperatorAndValue();
  }

  private parseOperatorAndValue(): void {
    const token = this.next();
    if (token.kind === 'op' && COMPARISON_OPS.has(token.text)) {
      const ordering = token.text !== '=' && token.text !== '!=';
      this.expect((t) => isLiteral(t) && !(ordering && isBoolean(t)), ordering ? 'an orderable value' : 'a value');
    } else if (token.kind === 'word' && token.text === 'IN') this.parseSet();
    else if (token.kind === 'word' && STRING_OPS.has(token.text)) {
      this.expect((t) => t.kind === 'string', `a string after ${token.text}`);
    } else throw new PatternSyntaxError(`expected a comparison operator, found ${describe(token)}`, token.position);
  }

  private parseSet(): void {
    this.expectPunct('(');
    if (this.isPunct(')')) throw new PatternSyntaxError('empty set', this.peek().position);
    this.expect(isLiteral, 'a value');
    while (this.isPunct(',')) {
      this.next();
      this.expect(isLiteral, 'a value');
    }
    this.expectPunct(')');
  }

  private parseObjectPath(): void {
    const type = this.expect((t) => t.kind === 'word', 'an object type');
    if (!OBJECT_TYPE.test(type.text)) throw new PatternSyntaxError(`'${type.text}' is not a STIX object type`, type.position);
    this.objectTypes.add(type.text);
    this.expectPunct(':');
    this.parsePropertyName();
    for (;;) {
      if (this.isPunct('.')) {
        this.next();
        this.parsePropertyName();
      } else if (this.isPunct('[')) {
        this.next();
        this.expect((t) => (t.kind === 'punct' && t.text === '*') || (t.kind === 'int' && !t.text.startsWith('+')), 'a list index or *');
        this.expectPunct(']');
      } else return;
    }
  }

  private parsePropertyName(): void {
    const token = this.expect((t) => t.kind === 'string' || t.kind === 'word', 'a property name');
    if (token.kind === 'word' && !PROPERTY_NAME.test(token.text))
      throw new PatternSyntaxError(`'${token.text}' must be quoted as a property name`, token.position);
  }
}

function isBoolean(token: Token): boolean {
  return token.kind === 'word' && (token.text === 'true' || token.text === 'false');
}

function isLiteral(token: Token): boolean {
  return ['string', 'timestamp', 'hex', 'binary', 'int', 'float'].includes(token.kind) || isBoolean(token);
}

function describe(token: Token): string {
  return token.kind === 'end' ? 'the end of the pattern' : `'${token.text}'`;
}

/** Checks a STIX 2.1 pattern; `position` is the 0-based character offset of the first problem. */
/**
 * The form almost every shared indicator has, `[type:property = 'literal']` (a hash or dotted path
 * allowed), recognised without the full parser: bulk imports check a million of them. Anything the
 * expression does not cover goes through the parser.
 */
const SIMPLE_COMPARISON = /^\[([a-z][a-z0-9-]{1,248}[a-z0-9]):[a-z_][a-z0-9_]*(?:\.(?:[a-z_][a-z0-9_]*|'[^'\\]+'))*\s*!?=\s*'(?:[^'\\]|\\['\\])*'\]$/;

export function checkStixPattern(pattern: string): PatternCheck {
  const simple = SIMPLE_COMPARISON.exec(pattern);
  if (simple && !(simple[1] ?? '').includes('--')) return { ok: true, objectTypes: [simple[1] ?? ''] };
  return checkWithParser(pattern);
}

function checkWithParser(pattern: string): PatternCheck {
  try {
    const parser = new PatternParser(tokenizePattern(pattern));
    parser.parsePattern();
    return { ok: true, objectTypes: [...parser.objectTypes].sort() };
  } catch (error) {
    if (error instanceof PatternSyntaxError) return { ok: false, error: error.message, position: error.position };
    throw error;
  }
}

/** The full parser alone, for tests that compare it with the fast path. */
export const checkStixPatternFully = checkWithParser;
