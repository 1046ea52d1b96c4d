// Unit: the Prometheus exposition renderer, the nydus metric families built from daemon
// figures, --metrics-addr parsing and the API route, read back with a real text-format parser.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { DaemonApiHandler } from '../../src/daemon/api/handler.js';
import { renderResponse } from '../../src/daemon/api/http.js';
import { createRouter } from '../../src/daemon/api/router.js';
import { daemonFamilies, type DaemonMetrics, type MountMetrics } from '../../src/daemon/metrics/families.js';
import { parseMetricsAddr } from '../../src/daemon/metrics/listener.js';
import { histogramOf, PROMETHEUS_CONTENT_TYPE, renderExposition } from '../../src/daemon/metrics/prometheus.js';
import { parseExposition, select, value } from '../prometheus.js';

const zeros = (n: number) => new Array<number>(n).fill(0);

function mount(mountpoint: string, over: Partial<MountMetrics> = {}): MountMetrics {
  const fopHits = zeros(15);
  fopHits[4] = 3;
  return {
    mountpoint,
    fs: {
      nr_opens: 1,
      data_read: 12345,
      block_count_read: [1, 0, 2, 0, 0, 0, 0, 0],
      fop_hits: fopHits,
      fop_errors: zeros(15),
      fop_cumulative_latency_total: [0, 0, 0, 0, 1500, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      read_latency_dist: [2, 1, 0, 0, 0, 0, 0, 0],
    },
    backend: {
      backend_type: 'registry',
      read_count: 4,
      read_errors: 1,
      read_amount_total: 4096,
      read_cumulative_latency_millis_total: 30,
      read_cumulative_latency_millis_dist: [1, 2, 0, 0, 0, 0, 0, 1],
      read_count_block_size_dist: [0, 0, 4, 0, 0, 0, 0, 0],
      read_latency_sizes_dist: [zeros(8), zeros(8), [1, 2, 0, 0, 0, 0, 0, 1], zeros(8), zeros(8), zeros(8), zeros(8), zeros(8)],
    },
    blobcache: null,
    ...over,
  };
}

const cache = {
  underlying_files: ['/c/blob.blob.data'],
  store_path: '/c',
  partial_hits: 1,
  whole_hits: 7,
  total: 8,
  entries_count: 1,
  prefetch_data_amount: 65536,
  prefetch_requests_count: 2,
  prefetch_workers: 4,
  prefetch_unmerged_chunks: 0,
  prefetch_cumulative_time_millis: 1500,
  prefetch_begin_time_secs: 1721800000,
  prefetch_begin_time_millis: 250,
  prefetch_end_time_secs: 0,
  prefetch_end_time_millis: 0,
  buffered_backend_size: 0,
  data_all_ready: true,
};

function daemon(over: Partial<DaemonMetrics> = {}): DaemonMetrics {
  return { daemonId: 'd-1', version: 'v0.1.0', state: 'RUNNING', mounts: [mount('/', { blobcache: cache }), mount('/sub')], inflight: [], now: 1000, ...over };
}

test('label values with backslash, quote, newline and UTF-8 read back unchanged', () => {
  const odd = ['C:\\dir\\file', 'say "hi"', 'two\nlines', 'ünï ✓', '}{,=', ''];
  const text = renderExposition([{ name: 'x_total', help: 'odd\\help\nline', type: 'counter', samples: odd.map((v, i) => ({ labels: { v, i: String(i) }, value: i })) }]);
  const e = parseExposition(text);
  assert.is(e.types.get('x_total'), 'counter');
  assert.is(e.help.get('x_total'), 'odd\\help\nline');
  assert.equal(
    select(e, 'x_total').map((s) => s.labels.v),
    odd,
  );
});

test('a histogram renders cumulative buckets, +Inf = count, and its sum', () => {
  const h = histogramOf({ m: '/' }, [0.1, 1], [2, 3, 4], 5.5);
  assert.equal(h.buckets, [
    [0.1, 2],
    [1, 5],
  ]);
  assert.is(h.count, 9);
  const e = parseExposition(renderExposition([{ name: 'lat_seconds', help: 'h', type: 'histogram', samples: [h] }]));
  assert.is(e.types.get('lat_seconds'), 'histogram');
  assert.equal(
    select(e, 'lat_seconds_bucket', { m: '/' }).map((s) => [s.labels.le, s.value]),
    [
      ['0.1', 2],
      ['1', 5],
      ['+Inf', 9],
    ],
  );
  assert.is(value(e, 'lat_seconds_sum', { m: '/' }), 5.5);
  assert.is(value(e, 'lat_seconds_count', { m: '/' }), 9);
});

test('special values, and bad metric or label names are refused', () => {
  const e = parseExposition(renderExposition([{ name: 'g', help: 'h', type: 'gauge', samples: [{ labels: { k: 'a' }, value: Infinity }, { labels: { k: 'b' }, value: NaN }] }]));
  assert.is(value(e, 'g', { k: 'a' }), Infinity);
  assert.ok(Number.isNaN(value(e, 'g', { k: 'b' })));
  assert.throws(() => renderExposition([{ name: 'bad-name', help: 'h', type: 'gauge', samples: [] }]), /invalid Prometheus metric name/);
  assert.throws(() => renderExposition([{ name: 'g', help: 'h', type: 'gauge', samples: [{ labels: { 'a-b': 'x' }, value: 1 }] }]), /invalid Prometheus label name/);
  assert.throws(() => renderExposition([{ name: 'h', help: 'h', type: 'histogram', samples: [histogramOf({ le: '1' }, [1], [1], 1)] }]), /reserved/);
  assert.throws(() => renderExposition([{ name: 'g', help: ' ', type: 'gauge', samples: [] }]), /no HELP/);
  assert.throws(() => renderExposition([{ name: 'g', help: 'h', type: 'gauge', samples: [] }, { name: 'g', help: 'h', type: 'gauge', samples: [] }]), /twice/);
});

test('daemon families: conventional names and types, HELP everywhere, every series labelled', () => {
  const text = renderExposition(daemonFamilies(daemon()));
  const e = parseExposition(text);
  assert.ok(e.types.size >= 25, `${e.types.size} families`);
  for (const [name, type] of e.types) {
    assert.ok(name.startsWith('nydus_'), name);
    assert.ok(['counter', 'gauge', 'histogram'].includes(type), `${name}: ${type}`);
    assert.is(type === 'counter', name.endsWith('_total'), `${name} (${type}): _total iff counter`);
    assert.ok((e.help.get(name) ?? '').length > 0, `${name} has HELP`);
  }
  for (const s of e.samples) assert.is(s.labels.daemon_id, 'd-1', s.name);
  const perDaemon = ['nydus_daemon_info', 'nydus_daemon_mounts', 'nydus_fuse_inflight_requests', 'nydus_fuse_inflight_oldest_age_seconds'];
  for (const s of e.samples) if (!perDaemon.includes(s.name)) assert.ok(['/', '/sub'].includes(s.labels.mount), `${s.name} has a mount label`);
  assert.is(value(e, 'nydus_daemon_info', { version: 'v0.1.0', state: 'RUNNING' }), 1);
  assert.is(value(e, 'nydus_daemon_mounts'), 2);
  assert.is(value(e, 'nydus_fs_read_bytes_total', { mount: '/sub' }), 12345);
  assert.is(value(e, 'nydus_fs_operations_total', { mount: '/', op: 'read' }), 3);
  assert.is(select(e, 'nydus_fs_operations_total', { mount: '/' }).length, 15);
  assert.is(value(e, 'nydus_fs_read_requests_by_size_total', { mount: '/', size: '[4K,16K)' }), 2);
  assert.is(value(e, 'nydus_fs_read_latency_seconds_bucket', { mount: '/', le: '0.0002' }), 2);
  assert.is(value(e, 'nydus_fs_read_latency_seconds_bucket', { mount: '/', le: '+Inf' }), 3);
  assert.is(value(e, 'nydus_fs_read_latency_seconds_sum', { mount: '/' }), 0.0015);
  assert.is(value(e, 'nydus_backend_read_bytes_total', { mount: '/', backend: 'registry' }), 4096);
  assert.is(value(e, 'nydus_backend_read_latency_seconds_count', { mount: '/' }), 4);
  assert.is(value(e, 'nydus_backend_read_latency_seconds_sum', { mount: '/' }), 0.03);
  // The blob cache families hold the cached mount only.
  assert.equal(
    select(e, 'nydus_blobcache_reads_total').map((s) => s.labels.mount),
    ['/'],
  );
  assert.is(value(e, 'nydus_prefetch_data_bytes_total', { mount: '/' }), 65536);
  assert.is(value(e, 'nydus_prefetch_begin_timestamp_seconds', { mount: '/' }), 1721800000.25);
  assert.is(value(e, 'nydus_prefetch_end_timestamp_seconds', { mount: '/' }), 0);
  assert.is(value(e, 'nydus_blobcache_data_all_ready', { mount: '/' }), 1);
  assert.is(value(e, 'nydus_fuse_inflight_requests'), 0);
});

test('daemon families: no FUSE session means no fs/backend/inflight series, families still declared', () => {
  const e = parseExposition(renderExposition(daemonFamilies(daemon({ mounts: [mount('/', { fs: null, backend: null })], inflight: null }))));
  assert.is(e.types.get('nydus_fs_read_bytes_total'), 'counter');
  assert.is(select(e, 'nydus_fs_read_bytes_total').length, 0);
  assert.is(select(e, 'nydus_backend_reads_total').length, 0);
  assert.is(select(e, 'nydus_fuse_inflight_requests').length, 0);
  assert.is(value(e, 'nydus_daemon_mounts'), 1);
});

test('in-flight requests: count and the age of the oldest', () => {
  const ops = [1, 2].map((i) => ({ inode: i, opcode: 15, unique: i, timestamp_secs: 990 + i }));
  const e = parseExposition(renderExposition(daemonFamilies(daemon({ inflight: ops }))));
  assert.is(value(e, 'nydus_fuse_inflight_requests'), 2);
  assert.is(value(e, 'nydus_fuse_inflight_oldest_age_seconds'), 9);
});

test('--metrics-addr: HOST:PORT and [v6]:PORT accepted, anything else a usage error (exit 2)', () => {
  assert.equal(parseMetricsAddr('127.0.0.1:9110'), { host: '127.0.0.1', port: 9110 });
  assert.equal(parseMetricsAddr('localhost:0'), { host: 'localhost', port: 0 });
  assert.equal(parseMetricsAddr('[::1]:65535'), { host: '::1', port: 65535 });
  for (const bad of ['127.0.0.1', ':9110', '127.0.0.1:65536', '127.0.0.1:-1', 'http://127.0.0.1:9110', '::1:9110', 'a b:1', '127.0.0.1:9110/metrics']) {
    try {
      parseMetricsAddr(bad);
      assert.unreachable(bad);
    } catch (err) {
      assert.is((err as { exitCode?: number }).exitCode, 2, bad);
      assert.match((err as Error).message, /expected HOST:PORT/);
    }
  }
});

test('API route: GET /api/v1/metrics/prometheus answers the text with its Content-Type; other shapes are refused', async () => {
  const handler = { prometheusMetrics: () => '# HELP a b\n# TYPE a gauge\na 1\n' } as unknown as DaemonApiHandler;
  const route = createRouter(handler);
  const ok = await route({ method: 'GET', target: '/api/v1/metrics/prometheus', body: null });
  assert.is(ok.status, 200);
  assert.equal(ok.text, { body: '# HELP a b\n# TYPE a gauge\na 1\n', contentType: PROMETHEUS_CONTENT_TYPE });
  const wire = renderResponse(ok).toString('utf8');
  assert.match(wire, `Content-Type: ${PROMETHEUS_CONTENT_TYPE}\r\n`);
  assert.ok(wire.endsWith('\r\n\r\n# HELP a b\n# TYPE a gauge\na 1\n'));
  assert.is((await route({ method: 'PUT', target: '/api/v1/metrics/prometheus', body: null })).status, 400);
  assert.is((await route({ method: 'GET', target: '/api/v1/metrics/prometheus', body: Buffer.from('{}') })).status, 400);
  const none = await createRouter({} as DaemonApiHandler)({ method: 'GET', target: '/api/v1/metrics/prometheus', body: null });
  assert.is(none.status, 501);
  assert.match(none.json ?? '', 'PrometheusMetrics(DaemonAbnormal(Unsupported))');
});

test.run();
