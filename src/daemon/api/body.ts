// Daemon API layer: request bodies. Parses JSON as nydusd's serde_json would judge it
// (syntax, 128-level nesting limit, UTF-8) and renders failures as serde's Debug text,
// `Error("<message>", line: L, column: C)`, for the ParseBody errors of spec api.md §2.2.
import type { AjvError } from '../../schema/problems.js';

/** serde_json's default recursion limit. */
const MAX_DEPTH = 128;

/** A body that is not a valid document: `detail` is the inner text of ParseBody(...). */
export class BodyError extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'BodyError';
  }
}

function position(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: Math.max(0, pos - lineStart + 1) };
}

function serdeError(text: string, message: string, pos: number): BodyError {
  const { line, column } = position(text, pos);
  return new BodyError(`Error(${JSON.stringify(message)}, line: ${line}, column: ${column})`);
}

class ScanFailure {
  constructor(
    readonly message: string,
    readonly pos: number,
  ) {}
}

/**
 * A recursive-descent syntax check (depth bounded by MAX_DEPTH, so the recursion is too).
 * Records where the value at JSON pointer `want` ends, for locating schema errors.
 */
class Scanner {
  private i = 0;
  wantEnd = -1;

  constructor(
    private readonly s: string,
    private readonly want?: string,
  ) {}

  run(): void {
    this.value('', 0);
    this.ws();
    if (this.i < this.s.length) this.fail('trailing characters');
  }

  private fail(message: string, pos = this.i): never {
    throw new ScanFailure(message, pos);
  }
  private eof(what: string): never {
    return this.fail(`EOF while parsing ${what}`, Math.max(0, this.s.length - 1));
  }
  private ws(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
      this.i += 1;
    }
  }

  private value(ptr: string, depth: number): void {
    this.ws();
    if (this.i >= this.s.length) this.eof('a value');
    const c = this.s[this.i];
    if (c === '{' || c === '[') {
      if (depth >= MAX_DEPTH) this.fail('recursion limit exceeded');
      if (c === '{') this.object(ptr, depth + 1);
      else this.array(ptr, depth + 1);
    } else if (c === '"') this.string();
    else if (c === 't') this.literal('true');
    else if (c === 'f') this.literal('false');
    else if (c === 'n') this.literal('null');
    else if (c === '-' || (c >= '0' && c <= '9')) this.number();
    else this.fail('expected value');
    if (ptr === this.want) this.wantEnd = this.i - 1;
  }

  private object(ptr: string, depth: number): void {
    this.i += 1;
    this.ws();
    if (this.s[this.i] === '}') {
      this.i += 1;
      return;
    }
    for (;;) {
      this.ws();
      if (this.i >= this.s.length) this.eof('an object');
      if (this.s[this.i] !== '"') this.fail('key must be a string');
      const start = this.i;
      this.string();
      const key = JSON.parse(this.s.slice(start, this.i)) as string;
      this.ws();
      if (this.i >= this.s.length) this.eof('an object');
      if (this.s[this.i] !== ':') this.fail('expected `:`');
      this.i += 1;
      this.value(`${ptr}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, depth);
      this.ws();
      if (this.i >= this.s.length) this.eof('an object');
      const c = this.s[this.i++];
      if (c === '}') return;
      if (c !== ',') this.fail('expected `,` or `}`', this.i - 1);
      this.ws();
      if (this.s[this.i] === '}') this.fail('trailing comma');
    }
  }

  private array(ptr: string, depth: number): void {
    this.i += 1;
    this.ws();
    if (this.s[this.i] === ']') {
      this.i += 1;
      return;
    }
    for (let index = 0; ; index++) {
      this.value(`${ptr}/${index}`, depth);
      this.ws();
      if (this.i >= this.s.length) this.eof('a list');
      const c = this.s[this.i++];
      if (c === ']') return;
      if (c !== ',') this.fail('expected `,` or `]`', this.i - 1);
      this.ws();
      if (this.s[this.i] === ']') this.fail('trailing comma');
    }
  }

  private string(): void {
    const s = this.s;
    this.i += 1;
    for (;;) {
      if (this.i >= s.length) this.eof('a string');
      const c = s.charCodeAt(this.i);
      if (c === 34) break;
      if (c < 0x20) this.fail('control character (\\u0000-\\u001F) found while parsing a string');
      if (c === 92) {
        this.i += 1;
        if (this.i >= s.length) this.eof('a string');
        const e = s[this.i];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(s.slice(this.i + 1, this.i + 5))) this.fail('invalid escape');
          this.i += 4;
        } else if (!'"\\/bfnrt'.includes(e)) this.fail('invalid escape');
      }
      this.i += 1;
    }
    this.i += 1;
  }

  private number(): void {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.s.slice(this.i, this.i + 400));
    if (!m || m[0] === '-') this.fail('invalid number');
    this.i += m[0].length;
  }

  private literal(word: string): void {
    if (this.s.startsWith(word, this.i)) this.i += word.length;
    else this.fail('expected ident');
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes and parses a JSON body; throws BodyError with serde's rendering on failure. */
export function parseJson(body: Buffer): { value: unknown; text: string } {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    const lossy = body.toString('utf8');
    throw serdeError(lossy, 'invalid unicode code point', Math.max(0, lossy.indexOf('\ufffd')));
  }
  try {
    new Scanner(text).run();
  } catch (err) {
    if (err instanceof ScanFailure) throw serdeError(text, err.message, err.pos);
    throw err;
  }
  return { value: JSON.parse(text), text };
}

function serdeKind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'sequence';
  if (typeof v === 'object') return 'map';
  if (typeof v === 'string') return `string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v)}`;
  if (typeof v === 'number') return Number.isInteger(v) ? `integer \`${v}\`` : `floating point \`${v}\``;
  return `${typeof v} \`${String(v)}\``;
}

function expected(types: unknown): string {
  const names: Record<string, string> = { string: 'a string', array: 'a sequence', object: 'a map', integer: 'an integer', number: 'a number', boolean: 'a boolean', null: 'null' };
  return String(types)
    .split(',')
    .map((t) => names[t] ?? t)
    .join(' or ');
}

/** Renders the first schema violation of a parsed body as serde would, located in `text`. */
export function schemaError(text: string, errors: AjvError[] | null | undefined): BodyError {
  const e = errors?.find((x) => x.keyword !== 'anyOf') ?? errors?.[0];
  let message = 'invalid value';
  if (e?.keyword === 'required') message = `missing field \`${String(e.params.missingProperty)}\``;
  else if (e?.keyword === 'type') message = `invalid type: ${serdeKind(e.data)}, expected ${expected(e.params.type)}`;
  else if (e?.keyword === 'enum' && typeof e.data === 'string') {
    const allowed = (e.params.allowedValues as unknown[]).map((v) => `\`${String(v)}\``).join(', ');
    message = `unknown variant \`${e.data}\`, expected one of ${allowed}`;
  } else if (e) message = `invalid value: ${serdeKind(e.data)}, expected ${e.message ?? e.keyword}`;
  const scanner = new Scanner(text, e?.instancePath ?? '');
  try {
    scanner.run();
  } catch {
    // The text was checked by parseJson already.
  }
  return serdeError(text, message, scanner.wantEnd >= 0 ? scanner.wantEnd : text.length - 1);
}
