/**
 * Where a JSON text first goes wrong, as line and column. V8's JSON.parse messages name a position
 * only for some mistakes ("Unexpected token '}', ... is not valid JSON" has none), and people fixing
 * a hand-edited board file need to know where to look; this scanner is consulted only after
 * JSON.parse has already failed, so it never decides what is valid.
 */

export interface JsonSyntaxProblem {
  /** What is wrong, e.g. `unexpected "}"`. */
  readonly message: string;
  /** 0-based index into the text. */
  readonly offset: number;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units. */
  readonly column: number;
}

class Problem extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** The first syntax error in `text`, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxProblem | null {
  try {
    new Scanner(text).document();
    return null;
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    const before = text.slice(0, error.offset);
    const line = before.split('\n').length;
    const column = error.offset - before.lastIndexOf('\n');
    return { message: error.message, offset: error.offset, line, column };
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;

class Scanner {
  private at = 0;
  constructor(private readonly text: string) {}

  document(): void {
    this.value();
    this.skipWhitespace();
    if (this.at < this.text.length) this.fail(`unexpected ${this.shown()} after the end of the JSON value`);
  }

  private value(): void {
    this.skipWhitespace();
    const char = this.text[this.at];
    if (char === '{') return this.object();
    if (char === '[') return this.array();
    if (char === '"') return this.string();
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return;
      }
    }
    this.fail(`unexpected ${this.shown()}`);
  }

  private object(): void {
    this.at++;
    this.skipWhitespace();
    if (this.take('}')) return;
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.at] !== '"')
        this.fail(`expected a property name in double quotes, found ${this.shown()}`);
      this.string();
      this.skipWhitespace();
      if (!this.take(':')) this.fail(`expected ":" after the property name, found ${this.shown()}`);
      this.value();
      this.skipWhitespace();
      if (this.take('}')) return;
      if (!this.take(',')) this.fail(`expected "," or "}", found ${this.shown()}`);
    }
  }

  private array(): void {
    this.at++;
    this.skipWhitespace();
    if (this.take(']')) return;
    for (;;) {
      this.value();
      this.skipWhitespace();
      if (this.take(']')) return;
      if (!this.take(',')) this.fail(`expected "," or "]", found ${this.shown()}`);
    }
  }

  private string(): void {
    const start = this.at++;
    for (;;) {
      const char = this.text[this.at];
      if (char === undefined) this.fail('unterminated string', start);
      if (char === '"') {
        this.at++;
        return;
      }
      if (char === '\\') this.escape();
      else if (char.charCodeAt(0) < 0x20) this.fail('a line break or control character inside a string');
      else this.at++;
    }
  }

  private escape(): void {
    const next = this.text[this.at + 1];
    if (next !== undefined && '"\\/bfnrt'.includes(next)) this.at += 2;
    else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.at + 2, this.at + 6))) this.at += 6;
    else this.fail('invalid escape in a string');
  }

  private number(): void {
    NUMBER.lastIndex = this.at;
    const match = NUMBER.exec(this.text);
    if (!match) this.fail('invalid number');
    this.at += match[0].length;
  }

  private skipWhitespace(): void {
    WHITESPACE.lastIndex = this.at;
    this.at += WHITESPACE.exec(this.text)?.[0].length ?? 0;
  }

  private take(char: string): boolean {
    if (this.text[this.at] !== char) return false;
    this.at++;
    return true;
  }

  private shown(): string {
    const char = this.text[this.at];
    return char === undefined ? 'end of file' : JSON.stringify(char);
  }

  private fail(message: string, offset = this.at): never {
    throw new Problem(message, offset);
  }
}
