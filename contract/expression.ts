import { parseMetricRef, type MetricRef } from './metric-ref';

/**
 * Metric expressions: arithmetic over metric references, e.g.
 * `100 * callsByResult.abandoned / callsByDirection.inbound`. Numbers, + - * /, unary minus and
 * parentheses; nothing else, so a board file can never carry code. Parsing lives in the contract
 * because both the settings validator and the KPI engine need the same reading of a formula.
 */
export type Expression =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'metric'; readonly ref: MetricRef }
  | { readonly kind: 'negate'; readonly operand: Expression }
  | {
      readonly kind: 'binary';
      readonly op: '+' | '-' | '*' | '/';
      readonly left: Expression;
      readonly right: Expression;
    };

export type ExpressionResult = { ok: true; expression: Expression } | { ok: false; message: string };

const MAX_LENGTH = 500;
type Token = { text: string; at: number };

export function parseExpression(source: string): ExpressionResult {
  if (source.length > MAX_LENGTH) return { ok: false, message: `is longer than ${MAX_LENGTH} characters` };
  const tokens = tokenize(source);
  if (!Array.isArray(tokens)) return { ok: false, message: tokens.message };
  if (tokens.length === 0) return { ok: false, message: 'is empty' };
  const parser = new Parser(tokens);
  try {
    const expression = parser.sum();
    parser.expectEnd();
    return { ok: true, expression };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

/** Every metric an expression reads (with repeats removed), for the planner. */
export function metricsOf(expression: Expression, into: MetricRef[] = []): MetricRef[] {
  switch (expression.kind) {
    case 'metric':
      if (!into.some((ref) => sameRef(ref, expression.ref))) into.push(expression.ref);
      break;
    case 'negate':
      metricsOf(expression.operand, into);
      break;
    case 'binary':
      metricsOf(expression.left, into);
      metricsOf(expression.right, into);
      break;
    case 'number':
      break;
  }
  return into;
}

export function sameRef(a: MetricRef, b: MetricRef): boolean {
  return (
    a.metric === b.metric && a.key === b.key && a.aggregation === b.aggregation && a.interval === b.interval
  );
}

function tokenize(source: string): Token[] | { message: string } {
  const tokens: Token[] = [];
  const pattern = /\s*(?:(\d+(?:\.\d+)?)|([A-Za-z][A-Za-z.@/]*)|([-+*/()]))/y;
  let at = 0;
  while (at < source.length) {
    if (/^\s*$/.test(source.slice(at))) break;
    pattern.lastIndex = at;
    const match = pattern.exec(source);
    if (!match) return { message: `unexpected "${source.slice(at).trim()[0]}" at position ${at + 1}` };
    const text = match[1] ?? match[2] ?? match[3] ?? '';
    tokens.push({ text, at: match.index + match[0].length - text.length });
    at = pattern.lastIndex;
  }
  return tokens;
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  sum(): Expression {
    let left = this.product();
    for (let op = this.peek(); op === '+' || op === '-'; op = this.peek()) {
      this.index++;
      left = { kind: 'binary', op, left, right: this.product() };
    }
    return left;
  }

  expectEnd(): void {
    const token = this.tokens[this.index];
    if (token) throw new Error(`unexpected "${token.text}" at position ${token.at + 1}`);
  }

  private product(): Expression {
    let left = this.unary();
    for (let op = this.peek(); op === '*' || op === '/'; op = this.peek()) {
      this.index++;
      left = { kind: 'binary', op, left, right: this.unary() };
    }
    return left;
  }

  private unary(): Expression {
    if (this.peek() === '-') {
      this.index++;
      return { kind: 'negate', operand: this.unary() };
    }
    return this.primary();
  }

  private primary(): Expression {
    const token = this.tokens[this.index++];
    if (!token) throw new Error('ends too early');
    if (token.text === '(') {
      const inner = this.sum();
      if (this.tokens[this.index++]?.text !== ')')
        throw new Error(`missing ")" for "(" at position ${token.at + 1}`);
      return inner;
    }
    if (/^\d/.test(token.text)) return { kind: 'number', value: Number(token.text) };
    if (/^[A-Za-z]/.test(token.text)) {
      const parsed = parseMetricRef(token.text);
      if (!parsed.ok) throw new Error(parsed.message);
      return { kind: 'metric', ref: parsed.ref };
    }
    throw new Error(`unexpected "${token.text}" at position ${token.at + 1}`);
  }

  private peek(): string | undefined {
    return this.tokens[this.index]?.text;
  }
}
