// Daemon metrics layer: the nydus metric families of one scrape, built from the figures the
// JSON metrics endpoints serve (api.md §4.5, §4.6): per mount the FUSE counters, the storage
// backend, the blob cache and its prefetch; daemon-wide the in-flight FUSE requests. Every
// series carries `daemon_id`; per-mount series also `mount` (the virtual mountpoint).
import type { BlobcacheMetrics } from '../../../generated/types.js';
import type { BackendMetricsNative, FsMetricsNative, InflightOp } from '../../native/fuse.js';
import { histogramOf, type HistogramSample, type Labels, type MetricFamily, type Sample } from './prometheus.js';

/** What a scrape reads of one mount; null members are figures it does not have. */
export interface MountMetrics {
  /** Virtual mountpoint: the `mount` label. */
  mountpoint: string;
  /** FUSE counters (null while no FUSE session serves the mount). */
  fs: FsMetricsNative | null;
  /** Storage backend reads (null while no FUSE session serves the mount). */
  backend: (BackendMetricsNative & { backend_type: string }) | null;
  /** Blob cache and prefetch (null: the mount has no blob cache, e.g. a localfs backend). */
  blobcache: BlobcacheMetrics | null;
}

export interface DaemonMetrics {
  /** The `daemon_id` label. */
  daemonId: string;
  version: string;
  state: string;
  mounts: MountMetrics[];
  /** Requests the FUSE workers are handling; null without a FUSE session. */
  inflight: InflightOp[] | null;
  /** Unix time of the scrape, seconds. */
  now: number;
}

/** FUSE operations by index of the fop arrays (api.md §4.5). */
const FOPS = ['getattr', 'readlink', 'open', 'release', 'read', 'statfs', 'getxattr', 'listxattr', 'opendir', 'lookup', 'readdir', 'readdirplus', 'access', 'forget', 'batch_forget'];
const FOP_READ = 4;
/** Request size buckets of block_count_read / read_count_block_size_dist. */
const SIZES = ['[0,1K)', '[1K,4K)', '[4K,16K)', '[16K,64K)', '[64K,128K)', '[128K,512K)', '[512K,1M)', '[1M,+Inf)'];
/** Upper bounds (seconds) of the FUSE read latency buckets: 200 µs ... 2 s, then > 2 s. */
const FS_LATENCY_BOUNDS = [0.0002, 0.001, 0.02, 0.05, 0.5, 1, 2];
/** Upper bounds (seconds) of the backend latency buckets: 1 ms ... 2 s (millisecond resolution), then > 2 s. */
const BACKEND_LATENCY_BOUNDS = [0.001, 0.02, 0.05, 0.1, 0.5, 1, 2];

type Scalar = { name: string; help: string; type: 'counter' | 'gauge' };

/** One family of one sample per source that has the figure. */
function scalars<T>(f: Scalar, sources: Array<[Labels, T | null]>, value: (t: T) => number): MetricFamily {
  const samples: Sample[] = [];
  for (const [labels, t] of sources) if (t !== null) samples.push({ labels, value: value(t) });
  return { ...f, samples };
}

/** One family of one sample per (source, array index), the index named by `label`. */
function spread<T>(f: Scalar, sources: Array<[Labels, T | null]>, label: string, names: string[], values: (t: T) => number[]): MetricFamily {
  const samples: Sample[] = [];
  for (const [labels, t] of sources) {
    if (t === null) continue;
    const v = values(t);
    names.forEach((n, i) => samples.push({ labels: { ...labels, [label]: n }, value: v[i] ?? 0 }));
  }
  return { ...f, samples };
}

function histograms<T>(name: string, help: string, sources: Array<[Labels, T | null]>, sample: (labels: Labels, t: T) => HistogramSample): MetricFamily {
  const samples: HistogramSample[] = [];
  for (const [labels, t] of sources) if (t !== null) samples.push(sample(labels, t));
  return { name, help, type: 'histogram', samples };
}

/** Unix time in seconds of a (secs, millis) pair; 0 stays 0 (not begun). */
const timestamp = (secs: number, millis: number) => (secs === 0 && millis === 0 ? 0 : secs + millis / 1000);

/** Every nydus family of one scrape, in a stable order (families without figures keep their HELP/TYPE). */
export function daemonFamilies(d: DaemonMetrics): MetricFamily[] {
  const daemon = { daemon_id: d.daemonId };
  const at = (m: MountMetrics) => ({ ...daemon, mount: m.mountpoint });
  const fs = d.mounts.map((m): [Labels, FsMetricsNative | null] => [at(m), m.fs]);
  const be = d.mounts.map((m): [Labels, MountMetrics['backend']] => [m.backend ? { ...at(m), backend: m.backend.backend_type } : at(m), m.backend]);
  const bc = d.mounts.map((m): [Labels, BlobcacheMetrics | null] => [at(m), m.blobcache]);
  const inflight: Array<[Labels, InflightOp[] | null]> = [[daemon, d.inflight]];
  const c = (name: string, help: string): Scalar => ({ name, help, type: 'counter' });
  const g = (name: string, help: string): Scalar => ({ name, help, type: 'gauge' });
  return [
    { ...g('nydus_daemon_info', 'The daemon: version and state (api.md §4.1) as labels; always 1.'), samples: [{ labels: { ...daemon, version: d.version, state: d.state }, value: 1 }] },
    { ...g('nydus_daemon_mounts', 'Filesystems mounted in the daemon (RAFS instances at virtual mountpoints).'), samples: [{ labels: daemon, value: d.mounts.length }] },
    // FUSE requests of each mount (FsMetrics).
    spread(c('nydus_fs_operations_total', 'Successful FUSE operations, by operation.'), fs, 'op', FOPS, (m) => m.fop_hits),
    spread(c('nydus_fs_operation_errors_total', 'Failed FUSE operations, by operation.'), fs, 'op', FOPS, (m) => m.fop_errors),
    scalars(c('nydus_fs_read_bytes_total', 'Bytes returned by successful FUSE READs.'), fs, (m) => m.data_read),
    scalars(g('nydus_fs_open_files', 'Files open: successful OPENs minus successful RELEASEs.'), fs, (m) => m.nr_opens),
    spread(c('nydus_fs_read_requests_by_size_total', 'FUSE READ requests by requested size (bytes, [low,high)).'), fs, 'size', SIZES, (m) => m.block_count_read),
    histograms('nydus_fs_read_latency_seconds', 'Latency of FUSE READs.', fs, (l, m) =>
      histogramOf(l, FS_LATENCY_BOUNDS, m.read_latency_dist, (m.fop_cumulative_latency_total[FOP_READ] ?? 0) / 1e6),
    ),
    // Storage backend of each mount (BackendMetrics).
    scalars(c('nydus_backend_reads_total', 'Reads from the storage backend.'), be, (m) => m.read_count),
    scalars(c('nydus_backend_read_errors_total', 'Failed reads from the storage backend.'), be, (m) => m.read_errors),
    scalars(c('nydus_backend_read_bytes_total', 'Bytes read from the storage backend.'), be, (m) => m.read_amount_total),
    spread(c('nydus_backend_reads_by_size_total', 'Backend reads by size (bytes, [low,high)).'), be, 'size', SIZES, (m) => m.read_count_block_size_dist),
    histograms('nydus_backend_read_latency_seconds', 'Latency of backend reads (millisecond resolution).', be, (l, m) =>
      histogramOf(l, BACKEND_LATENCY_BOUNDS, m.read_cumulative_latency_millis_dist, m.read_cumulative_latency_millis_total / 1000),
    ),
    // Blob cache and prefetch of each mount that has a cache (BlobcacheMetrics).
    scalars(c('nydus_blobcache_reads_total', 'Reads through the blob cache.'), bc, (m) => m.total),
    scalars(c('nydus_blobcache_whole_hits_total', 'Reads wholly served from the blob cache.'), bc, (m) => m.whole_hits),
    scalars(c('nydus_blobcache_partial_hits_total', 'Reads partly served from the blob cache.'), bc, (m) => m.partial_hits),
    scalars(g('nydus_blobcache_entries', 'Blobs in the blob cache.'), bc, (m) => m.entries_count),
    scalars(g('nydus_blobcache_buffered_backend_bytes', 'Bytes read from the backend, not yet written to the cache.'), bc, (m) => m.buffered_backend_size),
    scalars(g('nydus_blobcache_data_all_ready', '1 when every chunk of the mount is cached.'), bc, (m) => (m.data_all_ready ? 1 : 0)),
    scalars(c('nydus_prefetch_data_bytes_total', 'Bytes prefetched into the blob cache.'), bc, (m) => m.prefetch_data_amount),
    scalars(c('nydus_prefetch_requests_total', 'Prefetch requests issued to the backend.'), bc, (m) => m.prefetch_requests_count),
    scalars(c('nydus_prefetch_unmerged_chunks_total', 'Prefetched chunks not merged into larger requests.'), bc, (m) => m.prefetch_unmerged_chunks),
    scalars(c('nydus_prefetch_duration_seconds_total', 'Time spent prefetching.'), bc, (m) => m.prefetch_cumulative_time_millis / 1000),
    scalars(g('nydus_prefetch_workers', 'Prefetch worker threads.'), bc, (m) => m.prefetch_workers),
    scalars(g('nydus_prefetch_begin_timestamp_seconds', 'Unix time prefetch began; 0 before.'), bc, (m) => timestamp(m.prefetch_begin_time_secs, m.prefetch_begin_time_millis)),
    scalars(g('nydus_prefetch_end_timestamp_seconds', 'Unix time prefetch ended; 0 before.'), bc, (m) => timestamp(m.prefetch_end_time_secs, m.prefetch_end_time_millis)),
    // FUSE requests being handled (Inflight), daemon-wide.
    scalars(g('nydus_fuse_inflight_requests', 'FUSE requests the workers are handling now.'), inflight, (ops) => ops.length),
    scalars(g('nydus_fuse_inflight_oldest_age_seconds', 'Age of the oldest FUSE request being handled; 0 when idle.'), inflight, (ops) =>
      ops.length === 0 ? 0 : Math.max(0, d.now - Math.min(...ops.map((o) => o.timestamp_secs))),
    ),
  ];
}
