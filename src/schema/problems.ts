// Schema layer (below generated/): turns ajv errors into ConfigProblems, one per fault,
// each "<json pointer>: expected ..., found ...". Collapses the noise of nullable anyOf's,
// if/then wrappers and type-plus-enum pairs so the user reads one line per mistake.
import type { ConfigProblem } from '../errors.js';

/** The subset of ajv's ErrorObject (with `verbose: true`) that we read. */
export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  data?: unknown;
  schema?: unknown;
  parentSchema?: { type?: unknown };
}

/** Renders a JSON value for a message: `number 42`, `string "x"`, `null`, `object`. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return `array of ${v.length}`;
  if (typeof v === 'object') return 'object';
  if (typeof v === 'string') return `string ${JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v)}`;
  return `${typeof v} ${String(v)}`;
}

function list(values: unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

function messageFor(e: AjvError): string | undefined {
  const p = e.params;
  const found = describeValue(e.data);
  switch (e.keyword) {
    case 'required':
      return undefined; // pointer rewritten by the caller
    case 'type':
      return `expected ${String(p.type).replace(/,/g, ' or ')}, found ${found}`;
    case 'enum':
      return `expected one of ${list(p.allowedValues as unknown[])}, found ${found}`;
    case 'const':
      return `expected ${JSON.stringify(p.allowedValue)}, found ${found}`;
    case 'minimum':
    case 'exclusiveMinimum':
      return `expected a value ${String(p.comparison)} ${String(p.limit)}, found ${found}`;
    case 'maximum':
    case 'exclusiveMaximum':
      return `expected a value ${String(p.comparison)} ${String(p.limit)}, found ${found}`;
    case 'minLength':
      return p.limit === 1 ? `expected a non-empty string, found ${found}` : `expected at least ${String(p.limit)} characters, found ${found}`;
    case 'maxLength':
      return `expected at most ${String(p.limit)} characters, found ${found}`;
    case 'pattern':
      return `expected a string matching ${String(p.pattern)}, found ${found}`;
    case 'format':
      return `expected a ${String(p.format)}, found ${found}`;
    default:
      return `${e.message ?? e.keyword}, found ${found}`;
  }
}

/** Converts ajv errors to problems, with a pointer prefix (for embedded documents). */
export function problemsFromAjv(errors: readonly AjvError[] | null | undefined, prefix = ''): ConfigProblem[] {
  if (!errors) return [];
  // anyOf [object, null] failures: merge the branches' type errors into one line.
  const anyOfTypes = new Map<string, Set<string>>();
  const dropped = new Set<AjvError>();
  for (const e of errors) {
    if (e.keyword !== 'anyOf') continue;
    dropped.add(e);
    const branchErrors = errors.filter((x) => x !== e && x.instancePath === e.instancePath && x.keyword === 'type');
    const nested = errors.some((x) => x.instancePath.startsWith(`${e.instancePath}/`) || (x.instancePath === e.instancePath && x.keyword !== 'type' && x.keyword !== 'anyOf'));
    for (const b of branchErrors) {
      dropped.add(b);
      if (!nested) {
        const set = anyOfTypes.get(e.instancePath) ?? new Set<string>();
        set.add(String(b.params.type));
        anyOfTypes.set(e.instancePath, set);
      }
    }
  }
  const typed = new Set(errors.filter((e) => e.keyword === 'type' && !dropped.has(e)).map((e) => e.instancePath));
  const seen = new Set<string>();
  const out: ConfigProblem[] = [];
  const push = (pointer: string, message: string) => {
    const key = `${pointer}\0${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ pointer: prefix + pointer, message });
  };
  for (const e of errors) {
    if (e.keyword === 'anyOf') {
      const types = anyOfTypes.get(e.instancePath);
      const data = errors.find((x) => x.instancePath === e.instancePath && x.keyword === 'type')?.data;
      if (types) push(e.instancePath, `expected ${[...types].join(' or ')}, found ${describeValue(data)}`);
      continue;
    }
    if (dropped.has(e) || e.keyword === 'if') continue;
    if ((e.keyword === 'enum' || e.keyword === 'const') && typed.has(e.instancePath)) continue;
    if (e.keyword === 'required') {
      push(`${e.instancePath}/${String(e.params.missingProperty)}`, 'required property is missing');
      continue;
    }
    push(e.instancePath, messageFor(e) ?? e.keyword);
  }
  return out;
}
