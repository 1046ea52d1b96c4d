// Binding layer: JS shapes shared by the FUSE and virtio-fs session wraps (see vfs_js.h).
#include "vfs_js.h"

#include <string>

#include "native_error.h"

namespace nydus::binding {
fuse::AttachOptions AttachOptionsArg(const Napi::CallbackInfo& info, size_t index) {
  fuse::AttachOptions out;
  if (index >= info.Length() || !info[index].IsObject()) return out;
  Napi::Object o = info[index].As<Napi::Object>();
  out.entry_timeout_secs = NumOpt(o, "entryTimeout", out.entry_timeout_secs);
  out.attr_timeout_secs = NumOpt(o, "attrTimeout", out.attr_timeout_secs);
  out.index = static_cast<uint32_t>(NumOpt(o, "index", 0));
  out.metrics.iostats_files = BoolOpt(o, "iostatsFiles", false);
  out.metrics.access_pattern = BoolOpt(o, "accessPattern", false);
  out.metrics.latest_read_files = BoolOpt(o, "latestReadFiles", false);
  return out;
}

Napi::Object FsMetricsJs(Napi::Env env, const fuse::Backend& b) {
  const fuse::FsMetricsSnapshot m = b.metrics->Snapshot();
  Napi::Object o = Napi::Object::New(env);
  o.Set("nr_opens", JsNum(env, m.nr_opens));
  o.Set("data_read", JsNum(env, m.data_read));
  o.Set("block_count_read", JsNumArray(env, m.block_count_read));
  o.Set("fop_hits", JsNumArray(env, m.fop_hits));
  o.Set("fop_errors", JsNumArray(env, m.fop_errors));
  o.Set("fop_cumulative_latency_total", JsNumArray(env, m.fop_cumulative_latency_total));
  o.Set("read_latency_dist", JsNumArray(env, m.read_latency_dist));
  return o;
}

Napi::Object FileMetricsJs(Napi::Env env, const fuse::Backend& b) {
  Napi::Object out = Napi::Object::New(env);
  for (const auto& [ino, f] : b.metrics->Files()) {
    Napi::Object o = Napi::Object::New(env);
    o.Set("total_fops", JsNum(env, f.total_fops));
    o.Set("data_read", JsNum(env, f.data_read));
    o.Set("block_count_read", JsNumArray(env, f.block_count_read));
    o.Set("fop_hits", JsNumArray(env, f.fop_hits));
    o.Set("fop_errors", JsNumArray(env, f.fop_errors));
    out.Set(std::to_string(ino), o);
  }
  return out;
}

Napi::Array LatestReadFilesJs(Napi::Env env, const fuse::Backend& b) {
  auto ranges = b.metrics->TakeLatestReadFiles();
  Napi::Array out = Napi::Array::New(env, ranges.size());
  for (size_t i = 0; i < ranges.size(); i++) out.Set(static_cast<uint32_t>(i), JsNumArray(env, ranges[i]));
  return out;
}

Napi::Array AccessPatternsJs(Napi::Env env, const fuse::Backend& b) {
  return ObjectArray(env, b.metrics->AccessPatterns(), [&](Napi::Object o, const auto& r) {
    o.Set("ino", JsNum(env, r.ino));
    o.Set("nr_read", JsNum(env, r.nr_read));
    o.Set("first_access_time_secs", JsNum(env, r.first_access_time_secs));
    o.Set("first_access_time_nanos", JsNum(env, r.first_access_time_nanos));
  });
}

Napi::Object BackendMetricsJs(Napi::Env env, const fuse::Backend& b) {
  const storage::BackendMetricsSnapshot m = b.image->backend_metrics().Snapshot();
  Napi::Object o = Napi::Object::New(env);
  o.Set("read_count", JsNum(env, m.read_count));
  o.Set("read_errors", JsNum(env, m.read_errors));
  o.Set("read_amount_total", JsNum(env, m.read_amount_total));
  o.Set("read_cumulative_latency_millis_total", JsNum(env, m.read_cumulative_latency_millis_total));
  o.Set("read_cumulative_latency_millis_dist", JsNumArray(env, m.read_cumulative_latency_millis_dist));
  o.Set("read_count_block_size_dist", JsNumArray(env, m.read_count_block_size_dist));
  Napi::Array matrix = Napi::Array::New(env, m.read_latency_sizes_dist.size());
  for (size_t i = 0; i < m.read_latency_sizes_dist.size(); i++) {
    matrix.Set(static_cast<uint32_t>(i), JsNumArray(env, m.read_latency_sizes_dist[i]));
  }
  o.Set("read_latency_sizes_dist", matrix);
  return o;
}

Napi::Array InflightJs(Napi::Env env, const std::vector<transport::InflightOp>& ops) {
  return ObjectArray(env, ops, [&](Napi::Object o, const transport::InflightOp& op) {
    o.Set("inode", JsNum(env, op.inode));
    o.Set("opcode", JsNum(env, op.opcode));
    o.Set("unique", JsNum(env, op.unique));
    o.Set("timestamp_secs", JsNum(env, op.timestamp_secs));
  });
}

}  // namespace nydus::binding
