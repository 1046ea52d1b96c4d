// Test helper: reads a Prometheus text exposition with a real parser (npm
// parse-prometheus-text-format). Its typed parse gives the families (name, HELP, TYPE); it
// loses the labels of labelled histograms (its issue #13), so samples are read from a second
// parse without the TYPE lines, where every sample line keeps its own name, labels and value.
import { createRequire } from 'node:module';
import { request } from 'node:http';

interface ParsedFamily {
  name: string;
  help: string;
  type: string;
  metrics: Array<{ value?: string; labels?: Record<string, string> }>;
}

const parse = createRequire(import.meta.url)('parse-prometheus-text-format') as (text: string) => ParsedFamily[];

export interface PromSample {
  /** The sample's own name (a histogram's `_bucket`, `_sum`, `_count` lines included). */
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  /** Family name -> TYPE in lower case (counter, gauge, histogram; untyped when no TYPE line). */
  types: Map<string, string>;
  help: Map<string, string>;
  samples: PromSample[];
}

/** A sample value as the text format spells it (Go's ParseFloat: +Inf, -Inf, NaN too). */
function sampleValue(text: string): number {
  if (/^[+-]?Inf$/i.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  const n = Number(text);
  if (Number.isNaN(n) && text !== 'NaN') throw new Error(`not a sample value: ${JSON.stringify(text)}`);
  return n;
}

export function parseExposition(text: string): Exposition {
  const families = parse(text);
  const types = new Map(families.map((f) => [f.name, f.type.toLowerCase()]));
  const help = new Map(families.map((f) => [f.name, f.help]));
  const untyped = parse(text.split('\n').filter((l) => !l.startsWith('# TYPE ')).join('\n'));
  const samples = untyped.flatMap((f) => f.metrics.map((m) => ({ name: f.name, labels: m.labels ?? {}, value: sampleValue(m.value ?? '') })));
  return { types, help, samples };
}

/** Samples of `name` whose labels include every pair of `match`. */
export function select(e: Exposition, name: string, match: Record<string, string> = {}): PromSample[] {
  return e.samples.filter((s) => s.name === name && Object.entries(match).every(([k, v]) => s.labels[k] === v));
}

/** The value of the one sample of `name` matching `match`; throws unless exactly one matches. */
export function value(e: Exposition, name: string, match: Record<string, string> = {}): number {
  const hits = select(e, name, match);
  if (hits.length !== 1) throw new Error(`${hits.length} samples of ${name} match ${JSON.stringify(match)}`);
  return hits[0].value;
}

/** One plain HTTP request to 127.0.0.1:`port`; resolves with the status, headers and body. */
export function httpGet(port: number, path: string, opts: { method?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: opts.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`${path}: no answer in 10 s`)));
    req.end();
  });
}
