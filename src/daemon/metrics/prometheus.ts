// Daemon metrics layer: the Prometheus text exposition format (version 0.0.4), rendered from
// plain metric families built at scrape time. Our own renderer rather than prom-client: its
// registry wants values pushed or observed, while every figure here already exists as a
// native counter (histogram buckets included) and is only read when scraped.

/** Content-Type of a scrape answer (what prom-client's registry reports, too). */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export type Labels = Readonly<Record<string, string>>;

export interface Sample {
  labels: Labels;
  value: number;
}

/** One histogram series: cumulative bucket counts by upper bound (`le`), with its sum and count. */
export interface HistogramSample {
  labels: Labels;
  /** [upper bound, cumulative count], ascending bounds, without +Inf (that bucket is `count`). */
  buckets: ReadonlyArray<readonly [number, number]>;
  sum: number;
  count: number;
}

export type MetricFamily =
  | { name: string; help: string; type: 'counter' | 'gauge'; samples: Sample[] }
  | { name: string; help: string; type: 'histogram'; samples: HistogramSample[] };

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** A label value as the text format quotes it: `\`, `"` and newline backslash-escaped. */
export function escapeLabelValue(value: string): string {
  return value.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

/** HELP text: only `\` and newline are escaped. */
function escapeHelp(text: string): string {
  return text.replace(/[\\\n]/g, (c) => (c === '\n' ? '\\n' : '\\\\'));
}

/** A sample value: integers as integers, the non-finite values as Prometheus spells them. */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

function labelSet(labels: Labels, extra?: [string, string]): string {
  const pairs = Object.entries(labels);
  if (extra) pairs.push(extra);
  if (pairs.length === 0) return '';
  for (const [k] of pairs) if (!LABEL_NAME.test(k) || k.startsWith('__')) throw new Error(`invalid Prometheus label name ${JSON.stringify(k)}`);
  return `{${pairs.map(([k, v]) => `${k}="${escapeLabelValue(v)}"`).join(',')}}`;
}

/**
 * The exposition text of `families`, in order: `# HELP` and `# TYPE` for each (also one
 * without samples, so a family is always discoverable), then its samples. Names and HELP are
 * checked: a bad one is a programming error, not something a scrape should emit.
 */
export function renderExposition(families: readonly MetricFamily[]): string {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const f of families) {
    if (!METRIC_NAME.test(f.name)) throw new Error(`invalid Prometheus metric name ${JSON.stringify(f.name)}`);
    if (seen.has(f.name)) throw new Error(`Prometheus metric family ${f.name} rendered twice`);
    if (f.help.trim() === '') throw new Error(`Prometheus metric family ${f.name} has no HELP text`); // mandatory in prom-client too
    seen.add(f.name);
    out.push(`# HELP ${f.name} ${escapeHelp(f.help)}`, `# TYPE ${f.name} ${f.type}`);
    if (f.type !== 'histogram') {
      for (const s of f.samples) out.push(`${f.name}${labelSet(s.labels)} ${formatValue(s.value)}`);
      continue;
    }
    for (const s of f.samples) {
      if ('le' in s.labels) throw new Error(`histogram ${f.name}: "le" is reserved`);
      for (const [le, n] of s.buckets) out.push(`${f.name}_bucket${labelSet(s.labels, ['le', formatValue(le)])} ${formatValue(n)}`);
      out.push(`${f.name}_bucket${labelSet(s.labels, ['le', '+Inf'])} ${formatValue(s.count)}`);
      out.push(`${f.name}_sum${labelSet(s.labels)} ${formatValue(s.sum)}`);
      out.push(`${f.name}_count${labelSet(s.labels)} ${formatValue(s.count)}`);
    }
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}

/**
 * A histogram series from per-bucket (non-cumulative) counts: `counts[i]` observations fell at
 * or below `bounds[i]` (and above the previous bound); one more count than bounds is the
 * overflow (> last bound).
 */
export function histogramOf(labels: Labels, bounds: readonly number[], counts: readonly number[], sum: number): HistogramSample {
  let acc = 0;
  const buckets = bounds.map((le, i): [number, number] => [le, (acc += counts[i] ?? 0)]);
  for (let i = bounds.length; i < counts.length; i++) acc += counts[i];
  return { labels, buckets, sum, count: acc };
}
