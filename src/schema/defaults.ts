// Schema layer (below generated/): fills JSON Schema `default`s into a value by walking the
// schema, following $ref across schema/ files and the object branch of nullable anyOf's.
// ajv's useDefaults cannot reach into anyOf branches, and nydusd's "absent object means
// zeros, present object means per-key defaults" rule needs exactly this walk.

export type JsonSchema = { [key: string]: unknown };
export type SchemaRegistry = Readonly<Record<string, JsonSchema>>;

interface Located {
  schema: JsonSchema;
  base: string;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** Resolves `ref` against `base` (an absolute $id) within the registry. */
export function resolveRef(registry: SchemaRegistry, base: string, ref: string): Located {
  const url = new URL(ref, base);
  const fragment = decodeURIComponent(url.hash.replace(/^#/, ''));
  url.hash = '';
  const id = url.toString();
  const root = registry[id];
  if (!root) throw new Error(`schema ${id} is not in the registry (ref ${ref} from ${base})`);
  let node: unknown = root;
  for (const part of fragment.split('/').slice(1)) {
    node = isObject(node) ? node[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  }
  if (!isObject(node)) throw new Error(`unresolvable $ref ${ref} from ${base}`);
  return { schema: node, base: id };
}

function typeMatches(schema: JsonSchema, value: unknown): boolean {
  const t = schema.type;
  if (t === undefined) return true;
  const types = Array.isArray(t) ? t : [t];
  const actual = jsonType(value);
  return types.includes(actual) || (actual === 'integer' && types.includes('number'));
}

/** The schemas that apply to `value` at this node: the node, its $ref chain, matching anyOf branch. */
function applicable(registry: SchemaRegistry, loc: Located, value: unknown): Located[] {
  const out: Located[] = [loc];
  const { schema, base } = loc;
  if (typeof schema.$ref === 'string') {
    out.push(...applicable(registry, resolveRef(registry, base, schema.$ref), value));
  }
  if (Array.isArray(schema.anyOf)) {
    for (const branch of schema.anyOf as JsonSchema[]) {
      const b = typeof branch.$ref === 'string' ? resolveRef(registry, base, branch.$ref) : { schema: branch, base };
      if (typeMatches(b.schema, value)) {
        out.push(...applicable(registry, { schema: branch, base }, value));
        break;
      }
    }
  }
  return out;
}

function walk(registry: SchemaRegistry, loc: Located, value: unknown, prune: boolean): void {
  const nodes = applicable(registry, loc, value);
  if (isObject(value)) {
    const declared: string[] = [];
    let open = false;
    for (const { schema, base } of nodes) {
      if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) open = true;
      const props = schema.properties;
      if (!isObject(props)) continue;
      for (const [key, sub] of Object.entries(props)) {
        if (!isObject(sub)) continue;
        if (value[key] === undefined && sub.default !== undefined) value[key] = structuredClone(sub.default);
        if (value[key] !== undefined) walk(registry, { schema: sub, base }, value[key], prune);
        if (!declared.includes(key)) declared.push(key);
      }
    }
    if (prune && declared.length > 0 && !open) {
      // Keep declared keys only, in schema order (nydusd drops unknown keys on re-serialising).
      const kept = declared.filter((k) => value[k] !== undefined).map((k) => [k, value[k]] as const);
      for (const k of Object.keys(value)) delete value[k];
      for (const [k, v] of kept) value[k] = v;
    }
  } else if (Array.isArray(value)) {
    for (const { schema, base } of nodes) {
      if (isObject(schema.items)) for (const item of value) walk(registry, { schema: schema.items, base }, item, prune);
    }
  }
}

/**
 * Returns a deep copy of `value` with every missing property that has a schema default
 * filled in, recursively. The input is not modified. With `prune`, keys the schema does not
 * declare are dropped and the rest put in schema order.
 */
export function applyDefaults<T>(registry: SchemaRegistry, schemaId: string, value: T, options: { prune?: boolean } = {}): T {
  const root = registry[schemaId];
  if (!root) throw new Error(`schema ${schemaId} is not in the registry`);
  const copy = structuredClone(value);
  walk(registry, { schema: root, base: schemaId }, copy, options.prune ?? false);
  return copy;
}
