// Generated from schema/*.schema.json by `npm run generate` (scripts/generate.mjs). Do not edit.
import type { SchemaRegistry } from '../src/schema/defaults.js';

/** Every schema of schema/, keyed by its $id. */
export const schemaRegistry: SchemaRegistry = {
  "https://nydus-service.invalid/schema/api/access-patterns.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://nydus-service.invalid/schema/api/access-patterns.schema.json",
    "title": "AccessPatterns",
    "description": "Body of GET /api/v1/metrics/pattern[?id=] (spec api.md §4.5): one item per file read at least once (only with rafs.access_pattern).",
    "type": "array",
    "$defs": {
      "pattern": {
        "title": "AccessPattern",
        "description": "First access and read count of one file.",
        "type": "object",
        "properties": {
          "ino": {
            "type": "integer",
            "minimum": 0,
            "description": "RAFS inode number."
          },
          "nr_read": {
            "type": "integer",
            "minimum": 0,
            "description": "READ requests on the file."
          },
          "first_access_time_secs": {
            "type": "integer",
            "minimum": 0,
            "description": "Unix time of the first access, seconds."
          },
          "first_access_time_nanos": {
            "type": "integer",
            "minimum": 0,
            "description": "Nanoseconds part of the first access time."
          }
        },
        "required": [
          "ino",
          "nr_read",
          "first_access_time_secs",
          "first_access_time_nanos"
        ],
        "additionalProperties": false
      }
    },
    "items": {
      "$ref": "#/$defs/pattern"
    }
  },
  "https://nydus-service.invalid/schema/api/backend-metrics.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://nydus-service.invalid/schema/api/backend-metrics.schema.json",
    "title": "BackendMetrics",
    "description": "Body of GET /api/v1/metrics/backend[?id=] (spec api.md §4.5). Size buckets as block_count_read; latency buckets in ms: <=1, <=20, <=50, <=100, <=500, <=1000, <=2000, >2000.",
    "type": "object",
    "properties": {
      "backend_type": {
        "type": "string",
        "description": "Storage backend type, e.g. localfs, registry."
      },
      "read_count": {
        "type": "integer",
        "minimum": 0,
        "description": "Backend reads."
      },
      "read_errors": {
        "type": "integer",
        "minimum": 0,
        "description": "Failed backend reads."
      },
      "read_amount_total": {
        "type": "integer",
        "minimum": 0,
        "description": "Bytes read from the backend."
      },
      "read_cumulative_latency_millis_total": {
        "type": "integer",
        "minimum": 0,
        "description": "Milliseconds spent reading, summed."
      },
      "read_cumulative_latency_millis_dist": {
        "type": "array",
        "items": {
          "type": "integer"
        },
        "description": "Milliseconds spent reading, per size bucket."
      },
      "read_count_block_size_dist": {
        "type": "array",
        "items": {
          "type": "integer"
        },
        "description": "Reads per size bucket."
      },
      "read_latency_sizes_dist": {
        "type": "array",
        "items": {
          "type": "array",
          "items": {
            "type": "integer"
          }
        },
        "description": "Reads by [size bucket][latency bucket]."
      }
    },
    "required": [
      "backend_type",
      "read_count",
      "read_errors",
      "read_amount_total",
      "read_cumulative_latency_millis_total",
      "read_cumulative_latency_millis_dist",
      "read_count_block_size_dist",
      "read_latency_sizes_dist"
    ],
    "additionalProperties": false
  },
  "https://nydus-service.invalid/schema/api/blob-metrics.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://nydus-service.invalid/schema/api/blob-metrics.schema.json",
    "title": "BlobMetricsList",
    "description": "Body of GET /api/v1/metrics/blobcache on a blob cache daemon (nydus blobcache): one BlobMetrics per data blob; with ?id=<blob id or key> the one object alone. A FUSE daemon answers BlobcacheMetrics instead (api.md §4.5).",
    "type": "array",
    "$defs": {
      "blob": {
        "title": "BlobMetrics",
        "description": "Figures of one data blob of the blob cache manager.",
        "type": "object",
        "properties": {
          "key": {
            "type": "string",
            "description": "Record key of the data blob: <domain_id>/<blob id>, or the blob id in the empty domain."
          },
          "domain_id": {
            "type": "string",
            "description": "Domain of the blob."
          },
          "blob_id": {
            "type": "string",
            "description": "Blob id (as in the bootstrap's blob table)."
          },
          "refs": {
            "type": "integer",
            "minimum": 1,
            "description": "Bootstrap entries of the domain referring to the blob."
          },
          "owner": {
            "type": "string",
            "description": "Key of the entry whose backend and work_dir serve the blob."
          },
          "store_path": {
            "type": "string",
            "description": "Cache work directory."
          },
          "underlying_files": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "Cache data file of the blob (B.blob.data, or B.blob.raw in compressed mode); empty for localfs blobs, read in place."
          },
          "compressed_size": {
            "type": "integer",
            "minimum": 0,
            "description": "Stored size of the blob's chunk data."
          },
          "uncompressed_size": {
            "type": "integer",
            "minimum": 0,
            "description": "Uncompressed size of the blob's chunk data."
          },
          "chunk_count": {
            "type": "integer",
            "minimum": 0,
            "description": "Chunks of the blob."
          },
          "ready_chunks": {
            "type": "integer",
            "minimum": 0,
            "description": "Chunks marked ready in the blob's chunk map file (B.blob.data.chunk_map)."
          },
          "data_all_ready": {
            "type": "boolean",
            "description": "Every chunk is cached."
          },
          "warm": {
            "enum": [
              "off",
              "warming",
              "done",
              "failed"
            ],
            "description": "Warming of the owning entry: off (prefetch disabled or localfs), warming, done (all ready), failed (prefetch ended with chunks missing)."
          },
          "warm_error": {
            "type": [
              "string",
              "null"
            ],
            "description": "Why warming failed, or null."
          },
          "prefetch_data_amount": {
            "type": "integer",
            "minimum": 0,
            "description": "Bytes prefetched by the owning entry's image (all its blobs)."
          },
          "prefetch_requests_count": {
            "type": "integer",
            "minimum": 0,
            "description": "Prefetch requests of the owning entry's image."
          },
          "prefetch_workers": {
            "type": "integer",
            "minimum": 0,
            "description": "Prefetch worker threads of the owning entry's image."
          },
          "prefetch_cumulative_time_millis": {
            "type": "integer",
            "minimum": 0,
            "description": "Milliseconds spent prefetching, summed, for the owning entry's image."
          },
          "shared": {
            "anyOf": [
              {
                "type": "object",
                "description": "Counters of the shared read store of the blob (backend bytes as served by the backend).",
                "properties": {
                  "backend_reads": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "Ranged reads sent to the backend."
                  },
                  "backend_bytes": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "Bytes fetched from the backend."
                  },
                  "served_reads": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "Reads answered (shared socket clients and warming)."
                  },
                  "served_bytes": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "Bytes answered."
                  },
                  "cache_hit_bytes": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "Bytes answered from the store without a backend read."
                  },
                  "ready_bytes": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "Bytes of the blob held in the store."
                  },
                  "size": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "Blob size."
                  },
                  "all_ready": {
                    "type": "boolean",
                    "description": "The whole blob is in the store."
                  },
                  "in_flight": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "Backend reads in progress."
                  }
                },
                "required": [
                  "backend_reads",
                  "backend_bytes",
                  "served_reads",
                  "served_bytes",
                  "cache_hit_bytes",
                  "ready_bytes",
                  "size",
                  "all_ready",
                  "in_flight"
                ],
                "additionalProperties": false
              },
              {
                "type": "null"
              }
            ],
            "description": "Shared read store counters; null before the blob was first read through the store."
          }
        },
        "required": [
          "key",
          "domain_id",
          "blob_id",
          "refs",
          "owner",
          "store_path",
          "underlying_files",
          "compressed_size",
          "uncompressed_size",
          "chunk_count",
          "ready_chunks",
          "data_all_ready",
          "warm",
          "warm_error",
          "prefetch_data_amount",
          "prefetch_requests_count",
          "prefetch_workers",
          "prefetch_cumulative_time_millis",
          "shared"
        ],
        "additionalProperties": false
      }
    },
    "items": {
      "$ref": "#/$defs/blob"
    }
  },
  "https://nydus-service.invalid/schema/api/blobcache-metrics.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://nydus-service.invalid/schema/api/blobcache-metrics.schema.json",
    "title": "BlobcacheMetrics",
    "description": "Body of GET /api/v1/metrics/blobcache[?id=] (spec api.md §4.5). No id member is emitted.",
    "type": "object",
    "properties": {
      "underlying_files": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "Absolute paths of the cache files of the instance."
      },
      "store_path": {
        "type": "string",
        "description": "Cache work directory."
      },
      "partial_hits": {
        "type": "integer",
        "minimum": 0,
        "description": "Reads partly served from the cache."
      },
      "whole_hits": {
        "type": "integer",
        "minimum": 0,
        "description": "Reads wholly served from the cache."
      },
      "total": {
        "type": "integer",
        "minimum": 0,
        "description": "Reads through the cache."
      },
      "entries_count": {
        "type": "integer",
        "minimum": 0,
        "description": "Blobs in the cache."
      },
      "prefetch_data_amount": {
        "type": "integer",
        "minimum": 0,
        "description": "Bytes prefetched."
      },
      "prefetch_requests_count": {
        "type": "integer",
        "minimum": 0,
        "description": "Prefetch requests issued."
      },
      "prefetch_workers": {
        "type": "integer",
        "minimum": 0,
        "description": "Prefetch worker threads."
      },
      "prefetch_unmerged_chunks": {
        "type": "integer",
        "minimum": 0,
        "description": "Prefetched chunks not merged into larger requests."
      },
      "prefetch_cumulative_time_millis": {
        "type": "integer",
        "minimum": 0,
        "description": "Milliseconds spent prefetching, summed."
      },
      "prefetch_begin_time_secs": {
        "type": "integer",
        "minimum": 0,
        "description": "Unix time prefetch began, seconds."
      },
      "prefetch_begin_time_millis": {
        "type": "integer",
        "minimum": 0,
        "description": "Milliseconds part of the prefetch begin time."
      },
      "prefetch_end_time_secs": {
        "type": "integer",
        "minimum": 0,
        "description": "Unix time prefetch ended, seconds."
      },
      "prefetch_end_time_millis": {
        "type": "integer",
        "minimum": 0,
        "description": "Milliseconds part of the prefetch end time."
      },
      "buffered_backend_size": {
        "type": "integer",
        "minimum": 0,
        "description": "Bytes read from the backend and buffered, not yet written to the cache."
      },
      "data_all_ready": {
        "type": "boolean",
        "description": "Every chunk of the instance is cached."
      }
    },
    "required": [
      "underlying_files",
      "store_path",
      "partial_hits",
      "whole_hits",
      "total",
      "entries_count",
      "prefetch_data_amount",
      "prefetch_requests_count",
      "prefetch_workers",
      "prefetch_unmerged_chunks",
      "prefetch_cumulative_time_millis",
      "prefetch_begin_time_secs",
      "prefetch_begin_time_millis",
      "prefetch_end_time_secs",
      "prefetch_end_time_millis",
      "buffered_backend_size",
      "data_all_ready"
    ],
    "additionalProperties": false
  },
  "https://nydus-service.invalid/schema/api/config-map.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://nydus-service.invalid/schema/api/config-map.schema.json",
    "title": "ConfigMap",
    "description": "Body of PUT /api/v1/config and GET /api/v1/config (spec api.md §4.7): string keys (registry_auth, proxy_url, dragonfly_scheduler_endpoint; composite <id>:<key> in a GET without id) to string values.",
    "type": "object",
    "additionalProperties": {
      "type": "string"
    }
  },
  "https://nydus-service.invalid/schema/api/daemon-info.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://nydus-service.invalid/schema/api/daemon-info.schema.json",
    "title": "DaemonInfo",
    "description": "Body of GET /api/v1/daemon and GET /api/v2/daemon (spec api.md §4.1). Member order as listed.",
    "type": "object",
    "$defs": {
      "version": {
        "title": "DaemonVersion",
        "description": "Build information; git_commit equals the `Git Commit:` line of --version (daemon.md §1.11).",
        "type": "object",
        "properties": {
          "package_ver": {
            "type": "string",
            "description": "Release tag or git describe output, e.g. v2.3.1."
          },
          "git_commit": {
            "type": "string",
            "description": "Full commit hash of the build."
          },
          "build_time": {
            "type": "string",
            "description": "Build timestamp."
          },
          "profile": {
            "type": "string",
            "description": "Build profile, e.g. release."
          },
          "rustc": {
            "type": "string",
            "description": "Toolchain string (the reference's rustc version; ours names the Node/compiler toolchain)."
          }
        },
        "required": [
          "package_ver",
          "git_commit",
          "build_time",
          "profile",
          "rustc"
        ],
        "additionalProperties": false
      },
      "backend": {
        "title": "BackendCollectionEntry",
        "description": "One mounted filesystem of the daemon, keyed by its virtual mountpoint.",
        "type": "object",
        "properties": {
          "backend_type": {
            "type": "string",
            "enum": [
              "Rafs",
              "PassthroughFs"
            ],
            "description": "Kind of filesystem."
          },
          "mountpoint": {
            "type": "string",
            "description": "Virtual mountpoint inside the daemon's tree."
          },
          "mounted_time": {
            "type": "string",
            "description": "UTC time of the (re)mount: YYYY-MM-DD HH:MM:SS.<fraction> +00:00:00, fraction = nanoseconds without trailing zeros (at least one digit)."
          },
          "config": {
            "type": [
              "object",
              "null"
            ],
            "additionalProperties": true,
            "description": "The full v2 configuration with secrets redacted; null for passthrough."
          }
        },
        "required": [
          "backend_type",
          "mountpoint",
          "mounted_time",
          "config"
        ],
        "additionalProperties": false
      }
    },
    "properties": {
      "version": {
        "$ref": "#/$defs/version",
        "description": "Build information."
      },
      "id": {
        "type": [
          "string",
          "null"
        ],
        "description": "Daemon id (--id), null when not given."
      },
      "supervisor": {
        "type": [
          "string",
          "null"
        ],
        "description": "Supervisor socket path (--supervisor), null when not given."
      },
      "state": {
        "type": "string",
        "enum": [
          "INIT",
          "RUNNING",
          "READY",
          "STOPPED",
          "UNKNOWN"
        ],
        "description": "Reported daemon state (daemon.md §3.1)."
      },
      "backend_collection": {
        "anyOf": [
          {
            "type": "object",
            "additionalProperties": {
              "$ref": "#/$defs/backend"
            }
          },
          {
            "type": "null"
          }
        ],
        "description": "Mounted filesystems keyed by virtual mountpoint: {} when nothing is mounted; null for the v2 endpoint and for a daemon without a filesystem service."
      }
    },
    "required": [
      "version",
      "id",
      "supervisor",
      "state",
      "backend_collection"
    ],
    "additionalProperties": false
  },
  "https://nydus-service.invalid/schema/api/events.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://nydus-service.invalid/schema/api/events.schema.json",
    "title": "EventsBody",
    "description": "Body of GET /api/v1/daemon/events (spec api.md §4.9): a ring buffer of recent significant errors.",
    "type": "object",
    "properties": {
      "max_errors": {
        "type": "integer",
        "minimum": 0,
        "description": "Most entries kept."
      },
      "total_errors": {
        "type": "integer",
        "minimum": 0,
        "description": "Errors recorded since start, evicted ones included."
      },
      "max_size": {
        "type": "integer",
        "minimum": 0,
        "description": "Most bytes of entry text kept."
      },
      "total_size": {
        "type": "integer",
        "minimum": 0,
        "description": "Bytes of entry text recorded since start."
      },
      "errors": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "Entries as `<IMF-fixdate> - <text>`, oldest first."
      }
    },
    "required": [
      "max_errors",
      "total_errors",
      "max_size",
      "total_size",
      "errors"
    ],
    "additionalProperties": false
  },
  "https://nydus-service.invalid/schema/api/file-metrics.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://nydus-service.invalid/schema/api/file-metrics.schema.json",
    "title": "FileMetrics",
    "description": "Body of GET /api/v1/metrics/files[?id=] without latest=true (spec api.md §4.5): per-file counters keyed by inode number as a decimal string; {} unless rafs.iostats_files.",
    "type": "object",
    "$defs": {
      "entry": {
        "title": "FileMetricsEntry",
        "description": "Counters of one file.",
        "type": "object",
        "properties": {
          "total_fops": {
            "type": "integer",
            "minimum": 0,
            "description": "Operations on the file."
          },
          "data_read": {
            "type": "integer",
            "minimum": 0,
            "description": "Bytes read from the file."
          },
          "block_count_read": {
            "type": "array",
            "items": {
              "type": "integer"
            },
            "description": "READ requests by size bucket."
          },
          "fop_hits": {
            "type": "array",
            "items": {
              "type": "integer"
            },
            "description": "Successes per operation."
          },
          "fop_errors": {
            "type": "array",
            "items": {
              "type": "integer"
            },
            "description": "Failures per operation."
          }
        },
        "required": [
          "total_fops",
          "data_read",
          "block_count_read",
          "fop_hits",
          "fop_errors"
        ],
        "additionalProperties": false
      }
    },
    "propertyNames": {
      "pattern": "^[0-9]+$"
    },
    "additionalProperties": {
      "$ref": "#/$defs/entry"
    }
  },
  "https://nydus-service.invalid/schema/api/fs-metrics.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://nydus-service.invalid/schema/api/fs-metrics.schema.json",
    "title": "FsMetrics",
    "description": "Body of GET /api/v1/metrics[?id=] (spec api.md §4.5). Arrays of 15 are indexed by operation (0 GETATTR ... 4 READ ... 14 BATCH_FORGET); arrays of 8 are size or latency buckets.",
    "type": "object",
    "properties": {
      "files_account_enabled": {
        "type": "boolean",
        "description": "rafs.iostats_files of the mount."
      },
      "access_pattern_enabled": {
        "type": "boolean",
        "description": "rafs.access_pattern of the mount."
      },
      "record_latest_read_files_enabled": {
        "type": "boolean",
        "description": "rafs.latest_read_files of the mount."
      },
      "measure_latency": {
        "type": "boolean",
        "description": "Always true."
      },
      "id": {
        "type": "string",
        "description": "Registry key: the virtual mountpoint."
      },
      "nr_opens": {
        "type": "integer",
        "description": "Successful OPEN minus successful RELEASE."
      },
      "data_read": {
        "type": "integer",
        "minimum": 0,
        "description": "Bytes returned by successful READs."
      },
      "block_count_read": {
        "type": "array",
        "items": {
          "type": "integer"
        },
        "description": "READ requests by size: [0,1K), [1K,4K), [4K,16K), [16K,64K), [64K,128K), [128K,512K), [512K,1M), >=1M."
      },
      "fop_hits": {
        "type": "array",
        "items": {
          "type": "integer"
        },
        "description": "Successes per operation."
      },
      "fop_errors": {
        "type": "array",
        "items": {
          "type": "integer"
        },
        "description": "Failures per operation."
      },
      "fop_cumulative_latency_total": {
        "type": "array",
        "items": {
          "type": "integer"
        },
        "description": "Microseconds summed per measured operation."
      },
      "read_latency_dist": {
        "type": "array",
        "items": {
          "type": "integer"
        },
        "description": "Measured operations by latency: <=200us, <=1ms, <=20ms, <=50ms, <=500ms, <=1s, <=2s, >2s."
      }
    },
    "required": [
      "files_account_enabled",
      "access_pattern_enabled",
      "record_latest_read_files_enabled",
      "measure_latency",
      "id",
      "nr_opens",
      "data_read",
      "block_count_read",
      "fop_hits",
      "fop_errors",
      "fop_cumulative_latency_total",
      "read_latency_dist"
    ],
    "additionalProperties": false
  },
  "https://nydus-service.invalid/schema/api/inflight.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://nydus-service.invalid/schema/api/inflight.schema.json",
    "title": "Inflight",
    "description": "Body of GET /api/v1/metrics/inflight when a FUSE request is being handled (spec api.md §4.6); idle answers 204.",
    "type": "array",
    "$defs": {
      "op": {
        "title": "InflightOp",
        "description": "The request one worker is handling.",
        "type": "object",
        "properties": {
          "inode": {
            "type": "integer",
            "minimum": 0,
            "description": "FUSE nodeid."
          },
          "opcode": {
            "type": "integer",
            "minimum": 0,
            "description": "FUSE opcode."
          },
          "unique": {
            "type": "integer",
            "minimum": 0,
            "description": "FUSE request id."
          },
          "timestamp_secs": {
            "type": "integer",
            "minimum": 0,
            "description": "Unix time the request was picked up."
          }
        },
        "required": [
          "inode",
          "opcode",
          "unique",
          "timestamp_secs"
        ],
        "additionalProperties": false
      }
    },
    "items": {
      "$ref": "#/$defs/op"
    }
  },
  "https://nydus-service.invalid/schema/api/latest-files.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://nydus-service.invalid/schema/api/latest-files.schema.json",
    "title": "LatestFiles",
    "description": "Body of GET /api/v1/metrics/files?latest=true (spec api.md §4.5): inodes read since the previous such call, as ascending ranges ([n] one inode, [a, b] inclusive).",
    "type": "array",
    "items": {
      "type": "array",
      "items": {
        "type": "integer",
        "minimum": 0
      }
    }
  },
  "https://nydus-service.invalid/schema/api/log-level.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://nydus-service.invalid/schema/api/log-level.schema.json",
    "title": "LogLevelBody",
    "description": "Body of PUT /api/v1/daemon and PUT /api/v2/daemon (spec api.md §4.2); other keys are ignored.",
    "type": "object",
    "properties": {
      "log_level": {
        "type": "string",
        "description": "off, error, warn, info, debug or trace, case-insensitive."
      }
    },
    "required": [
      "log_level"
    ]
  },
  "https://nydus-service.invalid/schema/api/rafs-super-info.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://nydus-service.invalid/schema/api/rafs-super-info.schema.json",
    "title": "RafsSuperInfo",
    "description": "Body of GET /api/v1/daemon/backend?mountpoint=/m (spec api.md §4.3): the loaded RAFS super block. Loose: no client depends on it.",
    "type": "object",
    "properties": {
      "magic": {
        "type": "integer",
        "description": "Super block magic."
      },
      "version": {
        "type": "integer",
        "description": "RAFS format version word."
      },
      "sb_size": {
        "type": "integer",
        "description": "Super block size in bytes."
      },
      "root_inode": {
        "type": "integer",
        "description": "Inode number of the root directory."
      },
      "chunk_size": {
        "type": "integer",
        "description": "Chunk size in bytes."
      },
      "inodes_count": {
        "type": "integer",
        "description": "Number of inodes."
      },
      "flags": {
        "type": "object",
        "properties": {
          "bits": {
            "type": "integer",
            "description": "Feature bit set (COMPRESSION_NONE 0x1, LZ4 0x2, ...)."
          }
        },
        "additionalProperties": true,
        "description": "Super block feature flags."
      }
    },
    "additionalProperties": true
  },
  "https://nydus-service.invalid/schema/blob-cache-entry.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://nydus-service.invalid/schema/blob-cache-entry.schema.json",
    "title": "BlobCacheEntry",
    "description": "A blob registered with the blob cache manager (spec daemon.md §2.6): PUT /api/v2/blobs, singleton --config \"blobs\", nbd --config.",
    "type": "object",
    "$defs": {
      "legacyPrefetch": {
        "title": "BlobPrefetchConfigV1",
        "description": "Legacy blob prefetch settings; every key is required when the object is present.",
        "type": "object",
        "properties": {
          "enable": {
            "type": "boolean",
            "description": "Whether prefetch runs."
          },
          "threads_count": {
            "type": "integer",
            "minimum": 0,
            "description": "Number of prefetch worker threads."
          },
          "merging_size": {
            "type": "integer",
            "minimum": 0,
            "description": "Merge size in bytes of prefetch requests."
          },
          "bandwidth_rate": {
            "type": "integer",
            "minimum": 0,
            "maximum": 4294967295,
            "description": "Bandwidth limit in bytes per second, 0 unlimited."
          }
        },
        "required": [
          "enable",
          "threads_count",
          "merging_size",
          "bandwidth_rate"
        ]
      },
      "legacyConfig": {
        "title": "BlobCacheEntryConfigV1",
        "description": "Legacy entry configuration (what nydus-snapshotter's fscache driver sends).",
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "default": "",
            "description": "Instance id."
          },
          "backend_type": {
            "type": "string",
            "enum": [
              "localfs",
              "localdisk",
              "oss",
              "s3",
              "registry"
            ],
            "description": "Backend kind."
          },
          "backend_config": {
            "description": "Backend settings, decoded as the v2 object of backend_type."
          },
          "external_backends": {
            "type": "array",
            "items": {
              "$ref": "common.schema.json#/$defs/externalBackend"
            },
            "default": [],
            "description": "Patches for backends described inside the image."
          },
          "cache_type": {
            "type": "string",
            "enum": [
              "blobcache",
              "filecache",
              "fscache",
              "dummycache",
              "dummy",
              ""
            ],
            "description": "Cache kind."
          },
          "cache_config": {
            "description": "Cache settings, decoded as v2 filecache or fscache by cache_type."
          },
          "prefetch_config": {
            "$ref": "#/$defs/legacyPrefetch",
            "description": "Blob prefetch settings; none when absent."
          },
          "metadata_path": {
            "type": [
              "string",
              "null"
            ],
            "default": null,
            "description": "Bootstrap path (type bootstrap)."
          }
        },
        "required": [
          "backend_type",
          "backend_config",
          "cache_type",
          "cache_config"
        ],
        "allOf": [
          {
            "if": {
              "properties": {
                "backend_type": {
                  "const": "localfs"
                }
              },
              "required": [
                "backend_type"
              ]
            },
            "then": {
              "properties": {
                "backend_config": {
                  "$ref": "common.schema.json#/$defs/localfs"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "backend_type": {
                  "const": "localdisk"
                }
              },
              "required": [
                "backend_type"
              ]
            },
            "then": {
              "properties": {
                "backend_config": {
                  "$ref": "common.schema.json#/$defs/localdisk"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "backend_type": {
                  "const": "oss"
                }
              },
              "required": [
                "backend_type"
              ]
            },
            "then": {
              "properties": {
                "backend_config": {
                  "$ref": "common.schema.json#/$defs/oss"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "backend_type": {
                  "const": "s3"
                }
              },
              "required": [
                "backend_type"
              ]
            },
            "then": {
              "properties": {
                "backend_config": {
                  "$ref": "common.schema.json#/$defs/s3"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "backend_type": {
                  "const": "registry"
                }
              },
              "required": [
                "backend_type"
              ]
            },
            "then": {
              "properties": {
                "backend_config": {
                  "$ref": "common.schema.json#/$defs/registry"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "cache_type": {
                  "enum": [
                    "blobcache",
                    "filecache"
                  ]
                }
              },
              "required": [
                "cache_type"
              ]
            },
            "then": {
              "properties": {
                "cache_config": {
                  "$ref": "common.schema.json#/$defs/filecache"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "cache_type": {
                  "const": "fscache"
                }
              },
              "required": [
                "cache_type"
              ]
            },
            "then": {
              "properties": {
                "cache_config": {
                  "$ref": "common.schema.json#/$defs/fscache"
                }
              }
            }
          }
        ]
      },
      "configV2": {
        "title": "BlobCacheEntryConfigV2",
        "description": "Version 2 entry configuration; wins over config when both are present.",
        "type": "object",
        "properties": {
          "version": {
            "type": "integer",
            "const": 2,
            "description": "Must be 2."
          },
          "id": {
            "type": "string",
            "default": "",
            "description": "Instance id."
          },
          "backend": {
            "$ref": "common.schema.json#/$defs/backend",
            "description": "Storage backend of the blob."
          },
          "external_backends": {
            "type": "array",
            "items": {
              "$ref": "common.schema.json#/$defs/externalBackend"
            },
            "default": [],
            "description": "Patches for backends described inside the image."
          },
          "cache": {
            "$ref": "common.schema.json#/$defs/cache",
            "description": "Cache of the blob."
          },
          "metadata_path": {
            "type": [
              "string",
              "null"
            ],
            "default": null,
            "description": "Bootstrap path (type bootstrap)."
          }
        },
        "required": [
          "version",
          "backend",
          "cache"
        ]
      }
    },
    "properties": {
      "type": {
        "type": "string",
        "enum": [
          "bootstrap",
          "datablob"
        ],
        "description": "bootstrap (an image; its data blobs follow) or datablob (refused when adding)."
      },
      "id": {
        "type": "string",
        "pattern": "^[^/]*$",
        "description": "Blob id, or for a bootstrap the EROFS fsid; no \"/\"."
      },
      "domain_id": {
        "type": "string",
        "pattern": "^[^/]*$",
        "default": "",
        "description": "Domain sharing blobs between images; no \"/\"."
      },
      "config": {
        "$ref": "#/$defs/legacyConfig",
        "description": "Legacy entry configuration."
      },
      "config_v2": {
        "$ref": "#/$defs/configV2",
        "description": "Version 2 entry configuration; wins over config."
      }
    },
    "required": [
      "type",
      "id"
    ]
  },
  "https://nydus-service.invalid/schema/blob-cache-list.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://nydus-service.invalid/schema/blob-cache-list.schema.json",
    "title": "BlobCacheList",
    "description": "A list of blob cache entries, as read from singleton --config (key \"blobs\").",
    "type": "object",
    "properties": {
      "blobs": {
        "type": "array",
        "items": {
          "$ref": "blob-cache-entry.schema.json"
        },
        "description": "Entries registered at start, in order."
      }
    },
    "required": [
      "blobs"
    ]
  },
  "https://nydus-service.invalid/schema/cli/config-validate.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://nydus-service.invalid/schema/cli/config-validate.schema.json",
    "title": "ConfigValidateResult",
    "description": "Output of `nydus config validate --json`.",
    "type": "object",
    "$defs": {
      "problem": {
        "title": "ConfigProblemReport",
        "description": "One problem in a configuration.",
        "type": "object",
        "properties": {
          "pointer": {
            "type": "string",
            "description": "JSON pointer of the offending value (\"\" is the document)."
          },
          "message": {
            "type": "string",
            "description": "What was expected and what was found."
          }
        },
        "required": [
          "pointer",
          "message"
        ]
      },
      "file": {
        "title": "ConfigFileReport",
        "description": "The verdict on one file.",
        "type": "object",
        "properties": {
          "file": {
            "type": "string",
            "description": "Path as given on the command line."
          },
          "valid": {
            "type": "boolean",
            "description": "Whether the file is a usable configuration."
          },
          "format": {
            "type": [
              "string",
              "null"
            ],
            "enum": [
              "v1",
              "v2",
              null
            ],
            "description": "Configuration version detected, null when unreadable or invalid."
          },
          "syntax": {
            "type": [
              "string",
              "null"
            ],
            "enum": [
              "json",
              "toml",
              null
            ],
            "description": "Syntax detected, null when unreadable or invalid."
          },
          "problems": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/problem"
            },
            "description": "Every error found."
          },
          "warnings": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/problem"
            },
            "description": "What a mount would reject (errors with --strict)."
          }
        },
        "required": [
          "file",
          "valid",
          "format",
          "syntax",
          "problems",
          "warnings"
        ]
      }
    },
    "properties": {
      "valid": {
        "type": "boolean",
        "description": "Whether every file is valid."
      },
      "files": {
        "type": "array",
        "items": {
          "$ref": "#/$defs/file"
        },
        "description": "One report per file, in command-line order."
      }
    },
    "required": [
      "valid",
      "files"
    ]
  },
  "https://nydus-service.invalid/schema/cli/inspect-check.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://nydus-service.invalid/schema/cli/inspect-check.schema.json",
    "title": "InspectCheck",
    "description": "Output of `nydus inspect check --json`.",
    "type": "object",
    "properties": {
      "ok": {
        "type": "boolean",
        "description": "No corrupt or unreadable chunk was found."
      },
      "files": {
        "type": "integer",
        "description": "Regular files (distinct inodes) read."
      },
      "chunks": {
        "type": "integer",
        "description": "Chunk pieces read."
      },
      "digest_checked": {
        "type": "integer",
        "description": "Chunk pieces whose digest was compared."
      },
      "crc_checked": {
        "type": "integer",
        "description": "Chunk pieces whose CRC-32C was compared."
      },
      "bytes": {
        "type": "integer",
        "description": "File bytes covered."
      },
      "problems": {
        "type": "array",
        "description": "Each corrupt or unreadable chunk, by file.",
        "items": {
          "type": "object",
          "properties": {
            "path": {
              "type": "string",
              "description": "A path of the file (the first found for hard links)."
            },
            "ino": {
              "type": "integer",
              "description": "Its inode number."
            },
            "file_offset": {
              "type": "integer",
              "description": "Offset in the file served by the chunk."
            },
            "length": {
              "type": "integer",
              "description": "Bytes of the file served by the chunk."
            },
            "blob_id": {
              "type": "string",
              "description": "Blob holding the chunk."
            },
            "chunk_index": {
              "type": "integer",
              "description": "Chunk index in the blob."
            },
            "code": {
              "type": "string",
              "description": "errno name (EIO, ENOENT ...)."
            },
            "message": {
              "type": "string",
              "description": "What was wrong."
            }
          },
          "required": [
            "path",
            "ino",
            "file_offset",
            "length",
            "blob_id",
            "chunk_index",
            "code",
            "message"
          ]
        }
      }
    },
    "required": [
      "ok",
      "files",
      "chunks",
      "digest_checked",
      "crc_checked",
      "bytes",
      "problems"
    ]
  },
  "https://nydus-service.invalid/schema/cli/inspect-stat.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://nydus-service.invalid/schema/cli/inspect-stat.schema.json",
    "title": "InspectStat",
    "description": "Output of `nydus inspect stat --json`.",
    "type": "object",
    "properties": {
      "path": {
        "type": "string",
        "description": "Path inside the image."
      },
      "ino": {
        "type": "integer",
        "description": "Inode number (v5) or nid (v6)."
      },
      "type": {
        "type": "string",
        "enum": [
          "file",
          "directory",
          "link",
          "char",
          "block",
          "fifo",
          "socket",
          "unknown"
        ],
        "description": "File type."
      },
      "mode": {
        "type": "integer",
        "description": "Full st_mode."
      },
      "permissions": {
        "type": "string",
        "description": "Permission bits in octal, e.g. 0755."
      },
      "uid": {
        "type": "integer",
        "description": "Owner uid as stored."
      },
      "gid": {
        "type": "integer",
        "description": "Owner gid as stored."
      },
      "size": {
        "type": "integer",
        "description": "Size in bytes."
      },
      "blocks": {
        "type": "integer",
        "description": "512-byte blocks."
      },
      "nlink": {
        "type": "integer",
        "description": "Link count."
      },
      "rdev": {
        "type": "integer",
        "description": "Device number (char/block devices)."
      },
      "mtime": {
        "type": "integer",
        "description": "Modification time, seconds (0 when not recorded)."
      },
      "mtime_nsec": {
        "type": "integer",
        "description": "Nanoseconds of the modification time."
      },
      "target": {
        "type": [
          "string",
          "null"
        ],
        "description": "Symlink target."
      },
      "xattrs": {
        "type": "object",
        "additionalProperties": {
          "type": "string"
        },
        "description": "Extended attributes: value as UTF-8 text, or base64: prefixed when not printable."
      },
      "chunks": {
        "type": "array",
        "description": "The file's data as segments: holes or pieces of chunks.",
        "items": {
          "type": "object",
          "properties": {
            "file_offset": {
              "type": "integer",
              "description": "Offset in the file."
            },
            "length": {
              "type": "integer",
              "description": "Bytes of the file this segment serves."
            },
            "hole": {
              "type": "boolean",
              "description": "Zeros, not stored."
            },
            "blob_id": {
              "type": [
                "string",
                "null"
              ],
              "description": "Blob holding the chunk."
            },
            "chunk_index": {
              "type": [
                "integer",
                "null"
              ],
              "description": "Chunk index in the blob."
            },
            "compressed_offset": {
              "type": [
                "integer",
                "null"
              ],
              "description": "Offset of the stored bytes in the blob (null when only the blob meta knows it)."
            },
            "compressed_size": {
              "type": [
                "integer",
                "null"
              ],
              "description": "Stored size."
            },
            "uncompressed_offset": {
              "type": [
                "integer",
                "null"
              ],
              "description": "Offset in the blob's uncompressed image."
            },
            "uncompressed_size": {
              "type": [
                "integer",
                "null"
              ],
              "description": "Plain size of the chunk."
            },
            "compressed": {
              "type": [
                "boolean",
                "null"
              ],
              "description": "Stored compressed."
            },
            "digest": {
              "type": [
                "string",
                "null"
              ],
              "description": "Hex digest of the plain chunk, null when unknown."
            }
          },
          "required": [
            "file_offset",
            "length",
            "hole"
          ]
        }
      }
    },
    "required": [
      "path",
      "ino",
      "type",
      "mode",
      "permissions",
      "uid",
      "gid",
      "size",
      "blocks",
      "nlink",
      "rdev",
      "mtime",
      "mtime_nsec",
      "target",
      "xattrs",
      "chunks"
    ]
  },
  "https://nydus-service.invalid/schema/cli/inspect-superblock.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://nydus-service.invalid/schema/cli/inspect-superblock.schema.json",
    "title": "InspectSuperblock",
    "description": "Output of `nydus inspect superblock --json`.",
    "type": "object",
    "properties": {
      "bootstrap": {
        "type": "string",
        "description": "Bootstrap path as given."
      },
      "version": {
        "type": "integer",
        "enum": [
          5,
          6
        ],
        "description": "RAFS version."
      },
      "flags": {
        "type": "integer",
        "description": "Superblock feature flags (rafs-format §2.1)."
      },
      "flag_names": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "Names of the set flags."
      },
      "compressor": {
        "type": "string",
        "description": "Chunk compressor: none, lz4_block, gzip or zstd."
      },
      "digester": {
        "type": "string",
        "description": "Chunk digest: blake3 or sha256."
      },
      "chunk_size": {
        "type": "integer",
        "description": "Chunk size in bytes."
      },
      "block_size": {
        "type": "integer",
        "description": "EROFS block size (v6), 0 for v5."
      },
      "inodes_count": {
        "type": "integer",
        "description": "Inode count recorded in the superblock."
      },
      "root_ino": {
        "type": "integer",
        "description": "Inode number (v5) or nid (v6) of the root."
      },
      "bootstrap_size": {
        "type": "integer",
        "description": "Size of the bootstrap in bytes."
      },
      "inlined_bootstrap": {
        "type": "boolean",
        "description": "The bootstrap was read from a data blob's ToC."
      },
      "fields": {
        "type": "object",
        "additionalProperties": {
          "type": "integer"
        },
        "description": "Version-specific superblock fields."
      },
      "counts": {
        "type": "object",
        "description": "Counts from a walk of the tree.",
        "properties": {
          "directories": {
            "type": "integer",
            "description": "Directories, root included."
          },
          "files": {
            "type": "integer",
            "description": "Regular file entries (hard links counted per entry)."
          },
          "symlinks": {
            "type": "integer",
            "description": "Symbolic links."
          },
          "others": {
            "type": "integer",
            "description": "Devices, fifos and sockets."
          },
          "inodes": {
            "type": "integer",
            "description": "Distinct inodes."
          }
        },
        "required": [
          "directories",
          "files",
          "symlinks",
          "others",
          "inodes"
        ]
      },
      "blobs": {
        "type": "array",
        "items": {
          "type": "object"
        },
        "description": "The blob table (every field, camelCase as the library reports it)."
      },
      "prefetch": {
        "type": "array",
        "items": {
          "type": "integer"
        },
        "description": "Prefetch table: inode numbers (v5) or nids (v6)."
      }
    },
    "required": [
      "bootstrap",
      "version",
      "flags",
      "flag_names",
      "compressor",
      "digester",
      "chunk_size",
      "block_size",
      "inodes_count",
      "root_ino",
      "bootstrap_size",
      "inlined_bootstrap",
      "fields",
      "counts",
      "blobs",
      "prefetch"
    ]
  },
  "https://nydus-service.invalid/schema/cli/inspect-tree.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://nydus-service.invalid/schema/cli/inspect-tree.schema.json",
    "title": "InspectTree",
    "description": "Output of `nydus inspect tree --json`: the shape of `tree -J`, a root node then a report.",
    "type": "array",
    "$defs": {
      "node": {
        "title": "TreeNode",
        "description": "One entry of the tree.",
        "type": "object",
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "directory",
              "file",
              "link",
              "char",
              "block",
              "fifo",
              "socket",
              "report"
            ],
            "description": "Entry type as tree names it."
          },
          "name": {
            "type": "string",
            "description": "Entry name (the root's is the --root-name flag)."
          },
          "target": {
            "type": "string",
            "description": "Symlink target."
          },
          "contents": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/node"
            },
            "description": "Children (directories), empty for links."
          },
          "directories": {
            "type": "integer",
            "description": "Report: directories below the root (and links to directories)."
          },
          "files": {
            "type": "integer",
            "description": "Report: other entries."
          }
        },
        "required": [
          "type"
        ]
      }
    },
    "items": {
      "$ref": "#/$defs/node"
    }
  },
  "https://nydus-service.invalid/schema/common.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://nydus-service.invalid/schema/common.schema.json",
    "title": "NydusCommonDefinitions",
    "description": "Building blocks shared by the nydusd configuration schemas (spec daemon.md §2, storage.md §5). Unknown keys are ignored everywhere, as nydusd does.",
    "$defs": {
      "proxy": {
        "title": "ProxyConfig",
        "description": "Connection-level HTTP proxy in front of a network backend (for example Dragonfly's dfdaemon), with health checks and fallback to the origin.",
        "type": "object",
        "properties": {
          "url": {
            "type": "string",
            "default": "",
            "description": "Proxy URL every backend request is sent through; empty disables the proxy."
          },
          "ping_url": {
            "type": "string",
            "default": "",
            "description": "URL polled to check the proxy's health; empty disables health checks."
          },
          "fallback": {
            "type": "boolean",
            "default": true,
            "description": "Send requests to the origin when the proxy is unhealthy or fails."
          },
          "check_interval": {
            "type": "integer",
            "minimum": 0,
            "default": 5,
            "description": "Seconds between two health checks of the proxy."
          },
          "use_http": {
            "type": "boolean",
            "default": false,
            "description": "Talk plain HTTP to the proxy even for https origins."
          },
          "check_pause_elapsed": {
            "type": "integer",
            "minimum": 0,
            "default": 300,
            "description": "Seconds to pause health checks after the proxy stayed healthy and idle for that long."
          },
          "dragonfly_scheduler_endpoint": {
            "type": "string",
            "default": "",
            "description": "Dragonfly scheduler endpoint used by streaming prefetch; hot-reloadable through /api/v1/config."
          }
        }
      },
      "prefetch": {
        "title": "PrefetchConfig",
        "description": "Prefetch settings, used as cache.prefetch (blob level) and rafs.prefetch (file level). Per-key defaults apply when the object is present; an absent object means all zeros.",
        "type": "object",
        "properties": {
          "enable": {
            "type": "boolean",
            "description": "Whether prefetch runs at all. Required whenever the object is present."
          },
          "threads": {
            "type": "integer",
            "minimum": 0,
            "default": 8,
            "description": "Number of prefetch worker threads (1..=1024 when enabled)."
          },
          "batch_size": {
            "type": "integer",
            "minimum": 0,
            "default": 1048576,
            "description": "Merge size in bytes for prefetch requests to the backend (at most 256 MiB when enabled)."
          },
          "bandwidth_limit": {
            "type": "integer",
            "minimum": 0,
            "maximum": 4294967295,
            "default": 0,
            "description": "Prefetch bandwidth limit in bytes per second; 0 means unlimited."
          },
          "prefetch_all": {
            "type": "boolean",
            "default": false,
            "description": "Prefetch every blob of the image entirely."
          },
          "stream_prefetch": {
            "type": "boolean",
            "default": false,
            "description": "Use Dragonfly's streaming prefetch."
          }
        },
        "required": [
          "enable"
        ],
        "if": {
          "properties": {
            "enable": {
              "const": true
            }
          },
          "required": [
            "enable"
          ]
        },
        "then": {
          "properties": {
            "threads": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1024
            },
            "batch_size": {
              "type": "integer",
              "maximum": 268435456
            }
          }
        }
      },
      "localfs": {
        "title": "LocalFsConfig",
        "description": "localfs backend: blobs are files on the local filesystem. One of blob_file or dir must be set.",
        "type": "object",
        "properties": {
          "blob_file": {
            "type": "string",
            "default": "",
            "description": "Path of a single blob file holding every chunk of the image."
          },
          "dir": {
            "type": "string",
            "default": "",
            "description": "Directory of blob files, each named by its blob id."
          },
          "alt_dirs": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "default": [],
            "description": "Extra directories searched for blob files after dir."
          }
        }
      },
      "localdisk": {
        "title": "LocalDiskConfig",
        "description": "localdisk backend: a block device or disk image whose GPT partitions are blobs.",
        "type": "object",
        "properties": {
          "device_path": {
            "type": "string",
            "default": "",
            "description": "Path of the block device or disk image; required (non-empty)."
          },
          "disable_gpt": {
            "type": "boolean",
            "default": false,
            "description": "Treat the whole device as one blob instead of reading a GPT."
          }
        }
      },
      "oss": {
        "title": "OssConfig",
        "description": "Aliyun OSS backend.",
        "type": "object",
        "properties": {
          "scheme": {
            "type": "string",
            "default": "https",
            "description": "URL scheme, http or https."
          },
          "endpoint": {
            "type": "string",
            "description": "OSS endpoint host, for example oss-cn-hangzhou.aliyuncs.com."
          },
          "bucket_name": {
            "type": "string",
            "description": "Bucket holding the blobs."
          },
          "object_prefix": {
            "type": "string",
            "default": "",
            "description": "Prefix prepended to each blob id to form the object key."
          },
          "access_key_id": {
            "type": "string",
            "default": "",
            "description": "Access key id (secret: redacted when printed)."
          },
          "access_key_secret": {
            "type": "string",
            "default": "",
            "description": "Access key secret (secret: redacted when printed)."
          },
          "skip_verify": {
            "type": "boolean",
            "default": false,
            "description": "Skip TLS certificate verification."
          },
          "ca_cert_files": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "default": [],
            "description": "Extra CA certificate files (PEM) to trust."
          },
          "timeout": {
            "type": "integer",
            "minimum": 0,
            "maximum": 4294967295,
            "default": 5,
            "description": "Request timeout in seconds."
          },
          "connect_timeout": {
            "type": "integer",
            "minimum": 0,
            "maximum": 4294967295,
            "default": 5,
            "description": "Connection timeout in seconds."
          },
          "retry_limit": {
            "type": "integer",
            "minimum": 0,
            "maximum": 255,
            "default": 0,
            "description": "Retries of a failed request (0..=255)."
          },
          "proxy": {
            "$ref": "#/$defs/proxy",
            "default": {},
            "description": "Connection-level proxy settings."
          }
        },
        "required": [
          "endpoint",
          "bucket_name"
        ]
      },
      "s3": {
        "title": "S3Config",
        "description": "Amazon S3 (or S3-compatible) backend, requests signed with SigV4.",
        "type": "object",
        "properties": {
          "scheme": {
            "type": "string",
            "default": "https",
            "description": "URL scheme, http or https."
          },
          "endpoint": {
            "type": "string",
            "description": "S3 endpoint host; may be empty to use the region's default AWS endpoint."
          },
          "region": {
            "type": "string",
            "description": "Region of the bucket, for example us-east-1; required (non-empty)."
          },
          "bucket_name": {
            "type": "string",
            "description": "Bucket holding the blobs."
          },
          "object_prefix": {
            "type": "string",
            "default": "",
            "description": "Prefix prepended to each blob id to form the object key."
          },
          "access_key_id": {
            "type": "string",
            "default": "",
            "description": "Access key id (secret: redacted when printed)."
          },
          "access_key_secret": {
            "type": "string",
            "default": "",
            "description": "Secret access key (secret: redacted when printed)."
          },
          "skip_verify": {
            "type": "boolean",
            "default": false,
            "description": "Skip TLS certificate verification."
          },
          "ca_cert_files": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "default": [],
            "description": "Extra CA certificate files (PEM) to trust."
          },
          "timeout": {
            "type": "integer",
            "minimum": 0,
            "maximum": 4294967295,
            "default": 5,
            "description": "Request timeout in seconds."
          },
          "connect_timeout": {
            "type": "integer",
            "minimum": 0,
            "maximum": 4294967295,
            "default": 5,
            "description": "Connection timeout in seconds."
          },
          "retry_limit": {
            "type": "integer",
            "minimum": 0,
            "maximum": 255,
            "default": 0,
            "description": "Retries of a failed request (0..=255)."
          },
          "proxy": {
            "$ref": "#/$defs/proxy",
            "default": {},
            "description": "Connection-level proxy settings."
          }
        },
        "required": [
          "endpoint",
          "region",
          "bucket_name"
        ]
      },
      "registry": {
        "title": "RegistryConfig",
        "description": "OCI distribution registry backend: blobs are fetched with ranged GETs from /v2/<repo>/blobs/sha256:<id>. host and repo must be set before a mount (nydus-snapshotter fills them per image into template configs that leave them out).",
        "type": "object",
        "properties": {
          "scheme": {
            "type": "string",
            "default": "https",
            "description": "http, or https (any other value, including empty, means https)."
          },
          "host": {
            "type": "string",
            "default": "",
            "description": "Registry host[:port]; required (non-empty) at mount time."
          },
          "repo": {
            "type": "string",
            "default": "",
            "description": "Repository namespace/name without tag; required (non-empty) at mount time."
          },
          "auth": {
            "type": [
              "string",
              "null"
            ],
            "default": null,
            "description": "base64 of user:password for Basic auth and the token flow (secret: redacted when printed)."
          },
          "skip_verify": {
            "type": "boolean",
            "default": false,
            "description": "Skip TLS certificate verification; also allows falling back to plain HTTP on TLS errors."
          },
          "ca_cert_files": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "default": [],
            "description": "Extra CA certificate files (PEM) to trust."
          },
          "timeout": {
            "type": "integer",
            "minimum": 0,
            "maximum": 4294967295,
            "default": 5,
            "description": "Request timeout in seconds."
          },
          "connect_timeout": {
            "type": "integer",
            "minimum": 0,
            "maximum": 4294967295,
            "default": 5,
            "description": "Connection timeout in seconds."
          },
          "retry_limit": {
            "type": "integer",
            "minimum": 0,
            "maximum": 255,
            "default": 0,
            "description": "Retries of a failed request (0..=255)."
          },
          "registry_token": {
            "type": [
              "string",
              "null"
            ],
            "default": null,
            "description": "Bearer token sent as is (secret: redacted when printed)."
          },
          "blob_url_scheme": {
            "type": "string",
            "default": "",
            "description": "Scheme to use for blob URLs after a redirect; empty keeps the redirect's scheme."
          },
          "blob_redirected_host": {
            "type": "string",
            "default": "",
            "description": "Host that replaces the host of redirected blob URLs; empty keeps it."
          },
          "proxy": {
            "$ref": "#/$defs/proxy",
            "default": {},
            "description": "Connection-level proxy settings (Dragonfly P2P)."
          }
        }
      },
      "httpProxy": {
        "title": "HttpProxyConfig",
        "description": "http-proxy backend: blobs are fetched from an HTTP(S) server or a Unix-socket HTTP server as <path>/<blob id>.",
        "type": "object",
        "properties": {
          "addr": {
            "type": "string",
            "description": "http://..., https://..., or the absolute path of an existing Unix socket."
          },
          "path": {
            "type": "string",
            "default": "",
            "description": "URL path prefix of blobs (ignored for Unix sockets)."
          },
          "skip_verify": {
            "type": "boolean",
            "default": false,
            "description": "Skip TLS certificate verification."
          },
          "ca_cert_files": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "default": [],
            "description": "Extra CA certificate files (PEM) to trust."
          },
          "timeout": {
            "type": "integer",
            "minimum": 0,
            "maximum": 4294967295,
            "default": 5,
            "description": "Request timeout in seconds."
          },
          "connect_timeout": {
            "type": "integer",
            "minimum": 0,
            "maximum": 4294967295,
            "default": 5,
            "description": "Connection timeout in seconds."
          },
          "retry_limit": {
            "type": "integer",
            "minimum": 0,
            "maximum": 255,
            "default": 0,
            "description": "Retries of a failed request (0..=255)."
          },
          "proxy": {
            "$ref": "#/$defs/proxy",
            "default": {},
            "description": "Connection-level proxy settings."
          }
        },
        "required": [
          "addr"
        ]
      },
      "backend": {
        "title": "BackendConfig",
        "description": "Storage backend the image's blobs are read from. The sub-object named by type must be present.",
        "type": "object",
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "localfs",
              "localdisk",
              "oss",
              "s3",
              "registry",
              "http-proxy"
            ],
            "description": "Backend kind; selects the sub-object of the same name."
          },
          "localfs": {
            "anyOf": [
              {
                "$ref": "#/$defs/localfs"
              },
              {
                "type": "null"
              }
            ],
            "default": null,
            "description": "Settings of the localfs backend."
          },
          "localdisk": {
            "anyOf": [
              {
                "$ref": "#/$defs/localdisk"
              },
              {
                "type": "null"
              }
            ],
            "default": null,
            "description": "Settings of the localdisk backend."
          },
          "oss": {
            "anyOf": [
              {
                "$ref": "#/$defs/oss"
              },
              {
                "type": "null"
              }
            ],
            "default": null,
            "description": "Settings of the oss backend."
          },
          "s3": {
            "anyOf": [
              {
                "$ref": "#/$defs/s3"
              },
              {
                "type": "null"
              }
            ],
            "default": null,
            "description": "Settings of the s3 backend."
          },
          "registry": {
            "anyOf": [
              {
                "$ref": "#/$defs/registry"
              },
              {
                "type": "null"
              }
            ],
            "default": null,
            "description": "Settings of the registry backend."
          },
          "http-proxy": {
            "anyOf": [
              {
                "$ref": "#/$defs/httpProxy"
              },
              {
                "type": "null"
              }
            ],
            "default": null,
            "description": "Settings of the http-proxy backend (note the hyphenated key)."
          }
        },
        "required": [
          "type"
        ],
        "allOf": [
          {
            "if": {
              "properties": {
                "type": {
                  "const": "localfs"
                }
              },
              "required": [
                "type"
              ]
            },
            "then": {
              "required": [
                "localfs"
              ],
              "properties": {
                "localfs": {
                  "type": "object"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "type": {
                  "const": "localdisk"
                }
              },
              "required": [
                "type"
              ]
            },
            "then": {
              "required": [
                "localdisk"
              ],
              "properties": {
                "localdisk": {
                  "type": "object"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "type": {
                  "const": "oss"
                }
              },
              "required": [
                "type"
              ]
            },
            "then": {
              "required": [
                "oss"
              ],
              "properties": {
                "oss": {
                  "type": "object"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "type": {
                  "const": "s3"
                }
              },
              "required": [
                "type"
              ]
            },
            "then": {
              "required": [
                "s3"
              ],
              "properties": {
                "s3": {
                  "type": "object"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "type": {
                  "const": "registry"
                }
              },
              "required": [
                "type"
              ]
            },
            "then": {
              "required": [
                "registry"
              ],
              "properties": {
                "registry": {
                  "type": "object"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "type": {
                  "const": "http-proxy"
                }
              },
              "required": [
                "type"
              ]
            },
            "then": {
              "required": [
                "http-proxy"
              ],
              "properties": {
                "http-proxy": {
                  "type": "object"
                }
              }
            }
          }
        ]
      },
      "externalBackend": {
        "title": "ExternalBackendConfig",
        "description": "A backend described inside the image, patched by this entry.",
        "type": "object",
        "properties": {
          "type": {
            "type": "string",
            "description": "Backend kind of the external backend."
          },
          "patch": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            },
            "description": "Keys matched against the image's backend description."
          },
          "config": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            },
            "description": "Settings merged into the matched backend."
          }
        },
        "required": [
          "type",
          "patch",
          "config"
        ]
      },
      "filecache": {
        "title": "FileCacheConfig",
        "description": "blobcache/filecache: per-blob cache files with a chunk map in work_dir.",
        "type": "object",
        "properties": {
          "work_dir": {
            "type": "string",
            "default": ".",
            "description": "Directory holding the cache files; created if missing; must be non-empty."
          },
          "disable_indexed_map": {
            "type": "boolean",
            "default": false,
            "description": "Deprecated; accepted and ignored."
          },
          "enable_encryption": {
            "type": "boolean",
            "default": false,
            "description": "Encrypt cache files."
          },
          "enable_convergent_encryption": {
            "type": "boolean",
            "default": false,
            "description": "Derive the cache encryption key from the chunk content."
          },
          "encryption_key": {
            "type": "string",
            "default": "",
            "description": "Hex of the 32-byte cache encryption key (secret: redacted when printed)."
          }
        }
      },
      "fscache": {
        "title": "FsCacheConfig",
        "description": "fscache: the kernel's cachefiles on-demand cache, for EROFS.",
        "type": "object",
        "properties": {
          "work_dir": {
            "type": "string",
            "default": ".",
            "description": "cachefiles working directory; must be non-empty."
          }
        }
      },
      "cache": {
        "title": "CacheConfig",
        "description": "Local cache of blob data.",
        "type": "object",
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "blobcache",
              "filecache",
              "fscache",
              "dummycache",
              "dummy",
              ""
            ],
            "default": "",
            "description": "blobcache or filecache (local chunk cache files), fscache (kernel cachefiles), or dummycache, dummy or \"\" for no cache."
          },
          "compressed": {
            "type": "boolean",
            "default": false,
            "description": "Keep chunks compressed in the cache file (filecache only)."
          },
          "validate": {
            "type": "boolean",
            "default": false,
            "description": "Validate chunk digests of data read from the cache."
          },
          "prefetch": {
            "$ref": "#/$defs/prefetch",
            "default": {
              "enable": false,
              "threads": 0,
              "batch_size": 0,
              "bandwidth_limit": 0,
              "prefetch_all": false,
              "stream_prefetch": false
            },
            "description": "Blob-level prefetch; all zeros when absent."
          },
          "filecache": {
            "anyOf": [
              {
                "$ref": "#/$defs/filecache"
              },
              {
                "type": "null"
              }
            ],
            "default": null,
            "description": "Settings of blobcache/filecache; required for those types."
          },
          "fscache": {
            "anyOf": [
              {
                "$ref": "#/$defs/fscache"
              },
              {
                "type": "null"
              }
            ],
            "default": null,
            "description": "Settings of fscache; required for that type."
          }
        },
        "allOf": [
          {
            "if": {
              "properties": {
                "type": {
                  "enum": [
                    "blobcache",
                    "filecache"
                  ]
                }
              },
              "required": [
                "type"
              ]
            },
            "then": {
              "required": [
                "filecache"
              ],
              "properties": {
                "filecache": {
                  "type": "object",
                  "properties": {
                    "work_dir": {
                      "type": "string",
                      "minLength": 1
                    }
                  }
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "type": {
                  "const": "fscache"
                }
              },
              "required": [
                "type"
              ]
            },
            "then": {
              "required": [
                "fscache"
              ],
              "properties": {
                "fscache": {
                  "type": "object",
                  "properties": {
                    "work_dir": {
                      "type": "string",
                      "minLength": 1
                    }
                  }
                }
              }
            }
          }
        ]
      },
      "rafs": {
        "title": "RafsConfig",
        "description": "Options of the RAFS filesystem.",
        "type": "object",
        "properties": {
          "mode": {
            "type": "string",
            "enum": [
              "direct",
              "cached"
            ],
            "default": "direct",
            "description": "Metadata access mode: direct (bootstrap mapped) or cached (loaded into memory); v6 supports direct only."
          },
          "batch_size": {
            "type": "integer",
            "minimum": 0,
            "maximum": 268435456,
            "default": 1048576,
            "description": "Amplified size in bytes of user reads to the backend; 0 disables amplification."
          },
          "validate": {
            "type": "boolean",
            "default": false,
            "description": "Validate chunk digests on read; refused for RAFS v6 images."
          },
          "enable_xattr": {
            "type": "boolean",
            "default": false,
            "description": "Expose extended attributes."
          },
          "iostats_files": {
            "type": "boolean",
            "default": false,
            "description": "Keep per-file I/O counters (metrics files)."
          },
          "access_pattern": {
            "type": "boolean",
            "default": false,
            "description": "Record the first-access pattern (metrics pattern)."
          },
          "latest_read_files": {
            "type": "boolean",
            "default": false,
            "description": "Record recently read files (metrics files?latest=true)."
          },
          "prefetch": {
            "$ref": "#/$defs/prefetch",
            "default": {
              "enable": false,
              "threads": 0,
              "batch_size": 0,
              "bandwidth_limit": 0,
              "prefetch_all": false,
              "stream_prefetch": false
            },
            "description": "Filesystem-level prefetch (prefetch table, prefetch_files); all zeros when absent."
          }
        }
      },
      "overlay": {
        "title": "OverlayConfig",
        "description": "Turns the mount into a writable overlay; both directories must be non-empty at mount time.",
        "type": "object",
        "properties": {
          "upper_dir": {
            "type": "string",
            "description": "Upper (writable) directory."
          },
          "work_dir": {
            "type": "string",
            "description": "Overlay work directory."
          }
        },
        "required": [
          "upper_dir",
          "work_dir"
        ]
      }
    }
  },
  "https://nydus-service.invalid/schema/config-v1.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://nydus-service.invalid/schema/config-v1.schema.json",
    "title": "ConfigV1",
    "description": "Legacy nydusd configuration, version 1 (spec daemon.md §2.2), JSON only; converted to version 2 on load (§2.3). nydus-snapshotter's fusedev driver writes this form.",
    "type": "object",
    "$defs": {
      "backend": {
        "title": "BackendConfigV1",
        "description": "Storage backend: its type and the type's settings in config.",
        "type": "object",
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "localfs",
              "localdisk",
              "oss",
              "s3",
              "registry"
            ],
            "description": "Backend kind; http-proxy is v2 only."
          },
          "config": {
            "description": "Settings of the backend, decoded as the v2 object of the same type."
          }
        },
        "required": [
          "type",
          "config"
        ],
        "allOf": [
          {
            "if": {
              "properties": {
                "type": {
                  "const": "localfs"
                }
              },
              "required": [
                "type"
              ]
            },
            "then": {
              "properties": {
                "config": {
                  "$ref": "common.schema.json#/$defs/localfs"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "type": {
                  "const": "localdisk"
                }
              },
              "required": [
                "type"
              ]
            },
            "then": {
              "properties": {
                "config": {
                  "$ref": "common.schema.json#/$defs/localdisk"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "type": {
                  "const": "oss"
                }
              },
              "required": [
                "type"
              ]
            },
            "then": {
              "properties": {
                "config": {
                  "$ref": "common.schema.json#/$defs/oss"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "type": {
                  "const": "s3"
                }
              },
              "required": [
                "type"
              ]
            },
            "then": {
              "properties": {
                "config": {
                  "$ref": "common.schema.json#/$defs/s3"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "type": {
                  "const": "registry"
                }
              },
              "required": [
                "type"
              ]
            },
            "then": {
              "properties": {
                "config": {
                  "$ref": "common.schema.json#/$defs/registry"
                }
              }
            }
          }
        ]
      },
      "cache": {
        "title": "CacheConfigV1",
        "description": "Local cache: its type and the type's settings in config.",
        "type": "object",
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "blobcache",
              "filecache",
              "fscache",
              "dummycache",
              "dummy",
              ""
            ],
            "default": "",
            "description": "blobcache or filecache (local chunk cache files), fscache (kernel cachefiles), or dummycache, dummy or \"\" for no cache."
          },
          "compressed": {
            "type": "boolean",
            "default": false,
            "description": "Keep chunks compressed in the cache file."
          },
          "validate": {
            "type": "boolean",
            "default": false,
            "description": "Validate chunk digests of data read from the cache."
          },
          "config": {
            "default": null,
            "description": "Settings of the cache, decoded as v2 filecache (blobcache, filecache) or fscache; required for those types."
          }
        },
        "allOf": [
          {
            "if": {
              "properties": {
                "type": {
                  "enum": [
                    "blobcache",
                    "filecache"
                  ]
                }
              },
              "required": [
                "type"
              ]
            },
            "then": {
              "required": [
                "config"
              ],
              "properties": {
                "config": {
                  "$ref": "common.schema.json#/$defs/filecache"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "type": {
                  "const": "fscache"
                }
              },
              "required": [
                "type"
              ]
            },
            "then": {
              "required": [
                "config"
              ],
              "properties": {
                "config": {
                  "$ref": "common.schema.json#/$defs/fscache"
                }
              }
            }
          }
        ]
      },
      "device": {
        "title": "DeviceConfigV1",
        "description": "The storage device: backend and cache.",
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "default": "",
            "description": "Instance id (becomes the v2 id)."
          },
          "backend": {
            "$ref": "#/$defs/backend",
            "description": "Storage backend of the image's blobs."
          },
          "external_backends": {
            "type": "array",
            "items": {
              "$ref": "common.schema.json#/$defs/externalBackend"
            },
            "default": [],
            "description": "Patches for backends described inside the image."
          },
          "cache": {
            "$ref": "#/$defs/cache",
            "default": {
              "type": ""
            },
            "description": "Local cache of blob data; no cache when absent."
          }
        },
        "required": [
          "backend"
        ]
      },
      "fsPrefetch": {
        "title": "FsPrefetchConfigV1",
        "description": "Filesystem-level prefetch. Per-key defaults apply when the object is present (note prefetch_all defaults to true); all zeros when absent.",
        "type": "object",
        "properties": {
          "enable": {
            "type": "boolean",
            "default": false,
            "description": "Whether prefetch runs at all."
          },
          "threads_count": {
            "type": "integer",
            "minimum": 0,
            "default": 8,
            "description": "Number of prefetch worker threads (1..=1024 when enabled); v2 threads."
          },
          "merging_size": {
            "type": "integer",
            "minimum": 0,
            "default": 1048576,
            "description": "Merge size in bytes for prefetch requests (at most 256 MiB when enabled); v2 batch_size."
          },
          "bandwidth_rate": {
            "type": "integer",
            "minimum": 0,
            "maximum": 4294967295,
            "default": 0,
            "description": "Prefetch bandwidth limit in bytes per second, 0 unlimited; v2 bandwidth_limit."
          },
          "prefetch_all": {
            "type": "boolean",
            "default": true,
            "description": "Prefetch every blob of the image entirely."
          },
          "stream_prefetch": {
            "type": "boolean",
            "default": false,
            "description": "Use Dragonfly's streaming prefetch."
          }
        },
        "if": {
          "properties": {
            "enable": {
              "const": true
            }
          },
          "required": [
            "enable"
          ]
        },
        "then": {
          "properties": {
            "threads_count": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1024
            },
            "merging_size": {
              "type": "integer",
              "maximum": 268435456
            }
          }
        }
      }
    },
    "properties": {
      "device": {
        "$ref": "#/$defs/device",
        "description": "Storage device: backend and cache."
      },
      "mode": {
        "type": "string",
        "enum": [
          "direct",
          "cached"
        ],
        "description": "Metadata access mode (v2 rafs.mode)."
      },
      "digest_validate": {
        "type": "boolean",
        "default": false,
        "description": "Validate chunk digests on read (v2 rafs.validate)."
      },
      "iostats_files": {
        "type": "boolean",
        "default": false,
        "description": "Keep per-file I/O counters (v2 rafs.iostats_files)."
      },
      "enable_xattr": {
        "type": "boolean",
        "default": false,
        "description": "Expose extended attributes (v2 rafs.enable_xattr)."
      },
      "access_pattern": {
        "type": "boolean",
        "default": false,
        "description": "Record the first-access pattern (v2 rafs.access_pattern)."
      },
      "latest_read_files": {
        "type": "boolean",
        "default": false,
        "description": "Record recently read files (v2 rafs.latest_read_files)."
      },
      "amplify_io": {
        "type": "integer",
        "minimum": 0,
        "maximum": 268435456,
        "default": 1048576,
        "description": "Amplified size in bytes of user reads (v2 rafs.batch_size)."
      },
      "fs_prefetch": {
        "$ref": "#/$defs/fsPrefetch",
        "default": {
          "enable": false,
          "threads_count": 0,
          "merging_size": 0,
          "bandwidth_rate": 0,
          "prefetch_all": false,
          "stream_prefetch": false
        },
        "description": "Filesystem-level prefetch (v2 rafs.prefetch)."
      }
    },
    "required": [
      "device",
      "mode"
    ]
  },
  "https://nydus-service.invalid/schema/config-v2.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://nydus-service.invalid/schema/config-v2.schema.json",
    "title": "ConfigV2",
    "description": "nydusd configuration, version 2 (spec daemon.md §2.1): the canonical model, read from JSON or TOML. A RAFS mount needs backend, cache and rafs.",
    "type": "object",
    "properties": {
      "version": {
        "type": "integer",
        "const": 2,
        "description": "Configuration format version; must be 2."
      },
      "id": {
        "type": "string",
        "default": "",
        "description": "Instance id; also the blob cache manager's metrics id."
      },
      "backend": {
        "anyOf": [
          {
            "$ref": "common.schema.json#/$defs/backend"
          },
          {
            "type": "null"
          }
        ],
        "default": null,
        "description": "Storage backend of the image's blobs; required at mount time."
      },
      "external_backends": {
        "type": "array",
        "items": {
          "$ref": "common.schema.json#/$defs/externalBackend"
        },
        "default": [],
        "description": "Patches for backends described inside the image."
      },
      "cache": {
        "anyOf": [
          {
            "$ref": "common.schema.json#/$defs/cache"
          },
          {
            "type": "null"
          }
        ],
        "default": null,
        "description": "Local blob cache; required for a RAFS mount."
      },
      "rafs": {
        "anyOf": [
          {
            "$ref": "common.schema.json#/$defs/rafs"
          },
          {
            "type": "null"
          }
        ],
        "default": null,
        "description": "RAFS filesystem options; required for a RAFS mount."
      },
      "overlay": {
        "anyOf": [
          {
            "$ref": "common.schema.json#/$defs/overlay"
          },
          {
            "type": "null"
          }
        ],
        "default": null,
        "description": "Writable overlay on top of the image (with --writable)."
      }
    },
    "required": [
      "version"
    ]
  },
  "https://nydus-service.invalid/schema/daemon/blobcache.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://nydus-service.invalid/schema/daemon/blobcache.schema.json",
    "title": "BlobcacheDaemonOptions",
    "description": "Options of a blob cache manager daemon, as nydusd's `singleton` subcommand takes them (spec daemon.md §1.2, §1.6, §1.13, §6), plus our shared blob socket. With fscache it is also the fscache daemon: the kernel's EROFS reads the images through cachefiles on-demand objects this daemon fills. One declaration renders the `nydus blobcache` / `nydus fscache` / `nydus singleton` flags (x-flag) and the library's blobcacheDaemon() builder.",
    "type": "object",
    "properties": {
      "apiSock": {
        "type": "string",
        "minLength": 1,
        "description": "Unix socket of the HTTP administration API, where blob entries are added, removed and listed (/api/v2/blobs); without it no API server runs.",
        "x-flag": {
          "name": "apisock",
          "char": "A"
        }
      },
      "config": {
        "type": "string",
        "minLength": 1,
        "description": "JSON file read at start: when it is an object whose \"blobs\" key parses as a blob cache list (daemon.md §2.6), every entry is registered in order and the first failure aborts start-up; a \"blobs\" value that does not parse is ignored; a file that is not JSON is a start-up failure.",
        "x-flag": {
          "name": "config",
          "char": "C"
        }
      },
      "configDocument": {
        "type": "object",
        "description": "Library only: the configuration document (an object, \"blobs\" as in the config file) used instead of reading the config file.",
        "additionalProperties": true
      },
      "id": {
        "type": "string",
        "minLength": 1,
        "description": "Service instance identifier, reported in daemon info. Requires supervisor.",
        "x-flag": {
          "name": "id",
          "dependsOn": [
            "supervisor"
          ]
        }
      },
      "supervisor": {
        "type": "string",
        "minLength": 1,
        "description": "Unix socket of the supervisor (state keeper) for hot upgrade and failover; the registered blob entries are part of the saved state. Requires id.",
        "x-flag": {
          "name": "supervisor",
          "dependsOn": [
            "id"
          ]
        }
      },
      "stateDir": {
        "type": "string",
        "minLength": 1,
        "description": "Directory where the daemon persists its registered blob entries (restored at its next start) and, when started with --id and --supervisor, writes its daemon record <dir>/<id>.json (read by nydus upgrade / nydus failover). Default: env NYDUS_STATE_DIR, else /run/nydus.",
        "x-flag": {
          "name": "state-dir"
        }
      },
      "upgrade": {
        "type": "boolean",
        "default": false,
        "description": "Start in upgrade mode: register nothing, stay in INIT waiting for a takeover that brings the predecessor's entries.",
        "x-flag": {
          "name": "upgrade"
        }
      },
      "logLevel": {
        "enum": [
          "trace",
          "debug",
          "info",
          "warn",
          "error"
        ],
        "default": "info",
        "description": "Maximum log level (changeable at run time through the API).",
        "x-flag": {
          "name": "log-level",
          "char": "l"
        }
      },
      "logFile": {
        "type": "string",
        "minLength": 1,
        "description": "Log to this file (appended; `.log` added when the name has no extension) instead of stderr.",
        "x-flag": {
          "name": "log-file",
          "char": "L"
        }
      },
      "logRotationSize": {
        "type": "integer",
        "minimum": 0,
        "default": 0,
        "description": "Rotate the log file when it exceeds this many MiB; 0 disables rotation.",
        "x-flag": {
          "name": "log-rotation-size"
        }
      },
      "rlimitNofile": {
        "type": "integer",
        "minimum": 0,
        "default": 1000000,
        "description": "Target RLIMIT_NOFILE (daemon.md §1.10); 0 leaves the limit unchanged.",
        "x-flag": {
          "name": "rlimit-nofile"
        }
      },
      "sharedSock": {
        "type": "string",
        "minLength": 1,
        "description": "Our extension: Unix socket on which the daemon answers ranged reads of its registered blobs in the http-proxy backend protocol (HEAD for the size, GET with Range: bytes=a-b), served from its cache, so the FUSE daemons of the host share one cache and each chunk is fetched from the backend once. Without it no such socket is served.",
        "x-flag": {
          "name": "shared-sock"
        }
      },
      "fscache": {
        "type": "string",
        "minLength": 1,
        "description": "Enable the fscache service (cachefiles on-demand, daemon.md §6.2-§6.6) with this cachefiles working directory; it must exist and be a directory after canonicalisation. The daemon opens /dev/cachefiles, binds the cache there and serves the kernel's OPEN/READ/CLOSE requests for EROFS mounts of the registered entries (`mount -t erofs -o fsid=<id>[,domain_id=<domain>] none M`).",
        "x-flag": {
          "name": "fscache",
          "char": "F"
        }
      },
      "fscacheTag": {
        "type": "string",
        "minLength": 1,
        "pattern": "^[^\\s]+$",
        "description": "cachefiles tag of this daemon's cache (written as `tag <tag>`). Requires fscache.",
        "x-flag": {
          "name": "fscache-tag",
          "dependsOn": [
            "fscache"
          ]
        }
      },
      "fscacheThreads": {
        "type": "integer",
        "minimum": 1,
        "maximum": 1024,
        "default": 4,
        "description": "Worker threads serving /dev/cachefiles.",
        "x-flag": {
          "name": "fscache-threads"
        }
      }
    },
    "additionalProperties": false,
    "dependentRequired": {
      "id": [
        "supervisor"
      ],
      "supervisor": [
        "id"
      ],
      "fscacheTag": [
        "fscache"
      ]
    },
    "allOf": [
      {
        "not": {
          "properties": {
            "config": true,
            "configDocument": true
          },
          "required": [
            "config",
            "configDocument"
          ]
        }
      }
    ]
  },
  "https://nydus-service.invalid/schema/daemon/fuse.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://nydus-service.invalid/schema/daemon/fuse.schema.json",
    "title": "FuseDaemonOptions",
    "description": "Options of a FUSE daemon, as nydusd's `fuse` subcommand takes them (spec daemon.md §1.2-§1.4, §1.14). One declaration renders the `nydus fuse` flags (x-flag) and the library's fuseDaemon() builder.",
    "type": "object",
    "properties": {
      "mountpoint": {
        "type": "string",
        "minLength": 1,
        "description": "Host directory where the FUSE filesystem is mounted; must exist and be a directory.",
        "x-flag": {
          "name": "mountpoint",
          "char": "M"
        }
      },
      "bootstrap": {
        "type": "string",
        "minLength": 1,
        "description": "RAFS bootstrap (or a data blob with the bootstrap inlined) mounted at start at the virtual mountpoint. Needs config or localfsDir.",
        "x-flag": {
          "name": "bootstrap",
          "char": "B",
          "exclusive": [
            "shared-dir",
            "image"
          ]
        }
      },
      "image": {
        "type": "string",
        "minLength": 1,
        "description": "OCI reference of a nydus image in a registry (\"host[:port]/repo:tag\" or \"@sha256:...\"), mounted at start instead of --bootstrap: the manifest for this machine's platform is resolved when the daemon starts, its bootstrap layer fetched into the cache directory (reused by later starts) and its blobs read through a registry backend for the image's repository. --config supplies the cache, the filesystem options and, with a registry backend, the credentials.",
        "x-flag": {
          "name": "image",
          "exclusive": [
            "bootstrap",
            "localfs-dir",
            "shared-dir"
          ]
        }
      },
      "config": {
        "type": "string",
        "minLength": 1,
        "description": "Daemon configuration file (nydusd v1 or v2, JSON or TOML) for the bootstrap mounted at start; not read when nothing is mounted at start.",
        "x-flag": {
          "name": "config",
          "char": "C",
          "exclusive": [
            "localfs-dir"
          ]
        }
      },
      "configDocument": {
        "type": "object",
        "description": "Library only: a configuration document (v1 or v2 object) used instead of reading the config file.",
        "additionalProperties": true
      },
      "localfsDir": {
        "type": "string",
        "minLength": 1,
        "description": "Built-in configuration: localfs backend reading blobs from this directory, blobcache work dir the same directory (daemon.md §1.8).",
        "x-flag": {
          "name": "localfs-dir",
          "char": "D",
          "exclusive": [
            "config",
            "image"
          ]
        }
      },
      "sharedDir": {
        "type": "string",
        "minLength": 1,
        "description": "Share a host directory through the passthrough filesystem instead of RAFS (not supported by this implementation yet: the daemon refuses to start).",
        "x-flag": {
          "name": "shared-dir",
          "char": "s",
          "exclusive": [
            "bootstrap",
            "image"
          ]
        }
      },
      "prefetchFiles": {
        "type": "string",
        "minLength": 1,
        "description": "File listing absolute paths to prefetch, one per line (blank lines skipped). Requires bootstrap or image.",
        "x-flag": {
          "name": "prefetch-files",
          "dependsOnAny": [
            "bootstrap",
            "image"
          ]
        }
      },
      "virtualMountpoint": {
        "type": "string",
        "default": "/",
        "description": "Path inside the FUSE tree where the initial filesystem is attached.",
        "x-flag": {
          "name": "virtual-mountpoint",
          "char": "m"
        }
      },
      "apiSock": {
        "type": "string",
        "minLength": 1,
        "description": "Unix socket of the HTTP administration API; without it no API server runs.",
        "x-flag": {
          "name": "apisock",
          "char": "A"
        }
      },
      "metricsAddr": {
        "type": "string",
        "minLength": 1,
        "description": "HOST:PORT ([v6]:PORT) of a plain-HTTP listener serving the Prometheus metrics at GET /metrics (also at GET /api/v1/metrics/prometheus on the API socket). Unauthenticated: bind it to loopback unless the network is trusted. Without it no listener runs.",
        "x-flag": {
          "name": "metrics-addr"
        }
      },
      "id": {
        "type": "string",
        "minLength": 1,
        "description": "Service instance identifier, reported in daemon info. Requires supervisor.",
        "x-flag": {
          "name": "id",
          "dependsOn": [
            "supervisor"
          ]
        }
      },
      "supervisor": {
        "type": "string",
        "minLength": 1,
        "description": "Unix socket of the supervisor (state and fd keeper) for hot upgrade and failover. Requires id.",
        "x-flag": {
          "name": "supervisor",
          "dependsOn": [
            "id"
          ]
        }
      },
      "stateDir": {
        "type": "string",
        "minLength": 1,
        "description": "Directory of daemon records (read by nydus upgrade / nydus failover); the daemon writes <dir>/<id>.json when started with --id and --supervisor. Default: env NYDUS_STATE_DIR, else /run/nydus.",
        "x-flag": {
          "name": "state-dir"
        }
      },
      "upgrade": {
        "type": "boolean",
        "default": false,
        "description": "Start in upgrade mode: mount nothing, stay in INIT waiting for a takeover.",
        "x-flag": {
          "name": "upgrade"
        }
      },
      "logLevel": {
        "enum": [
          "trace",
          "debug",
          "info",
          "warn",
          "error"
        ],
        "default": "info",
        "description": "Maximum log level (changeable at run time through the API).",
        "x-flag": {
          "name": "log-level",
          "char": "l"
        }
      },
      "logFile": {
        "type": "string",
        "minLength": 1,
        "description": "Log to this file (appended; `.log` added when the name has no extension) instead of stderr.",
        "x-flag": {
          "name": "log-file",
          "char": "L"
        }
      },
      "logRotationSize": {
        "type": "integer",
        "minimum": 0,
        "default": 0,
        "description": "Rotate the log file when it exceeds this many MiB; 0 disables rotation.",
        "x-flag": {
          "name": "log-rotation-size"
        }
      },
      "rlimitNofile": {
        "type": "integer",
        "minimum": 0,
        "default": 1000000,
        "description": "Target RLIMIT_NOFILE (daemon.md §1.10); 0 leaves the limit unchanged.",
        "x-flag": {
          "name": "rlimit-nofile"
        }
      },
      "failoverPolicy": {
        "enum": [
          "none",
          "resend",
          "flush"
        ],
        "default": "resend",
        "description": "What to do with in-flight FUSE requests after a takeover.",
        "x-flag": {
          "name": "failover-policy"
        }
      },
      "fuseThreads": {
        "type": "integer",
        "minimum": 1,
        "maximum": 1024,
        "default": 4,
        "description": "Number of FUSE worker threads.",
        "x-flag": {
          "name": "fuse-threads",
          "aliases": [
            "thread-num"
          ]
        }
      },
      "writable": {
        "type": "boolean",
        "default": false,
        "description": "Mount without MS_RDONLY (RAFS itself stays read-only).",
        "x-flag": {
          "name": "writable"
        }
      },
      "dedupDb": {
        "type": "string",
        "minLength": 1,
        "description": "Accepted for nydusd compatibility (chunk de-duplication database); ignored.",
        "x-flag": {
          "name": "dedup-db"
        }
      },
      "backendSource": {
        "type": "string",
        "description": "Accepted for nydus-snapshotter compatibility (its backend-source feature); ignored with a warning.",
        "x-flag": {
          "name": "backend-source"
        }
      }
    },
    "required": [
      "mountpoint"
    ],
    "additionalProperties": false,
    "dependentRequired": {
      "id": [
        "supervisor"
      ],
      "supervisor": [
        "id"
      ]
    },
    "allOf": [
      {
        "if": {
          "properties": {
            "prefetchFiles": true
          },
          "required": [
            "prefetchFiles"
          ]
        },
        "then": {
          "anyOf": [
            {
              "properties": {
                "bootstrap": true
              },
              "required": [
                "bootstrap"
              ]
            },
            {
              "properties": {
                "image": true
              },
              "required": [
                "image"
              ]
            }
          ]
        }
      },
      {
        "not": {
          "properties": {
            "bootstrap": true,
            "sharedDir": true
          },
          "required": [
            "bootstrap",
            "sharedDir"
          ]
        }
      },
      {
        "not": {
          "properties": {
            "config": true,
            "localfsDir": true
          },
          "required": [
            "config",
            "localfsDir"
          ]
        }
      },
      {
        "not": {
          "properties": {
            "config": true,
            "configDocument": true
          },
          "required": [
            "config",
            "configDocument"
          ]
        }
      },
      {
        "not": {
          "properties": {
            "localfsDir": true,
            "configDocument": true
          },
          "required": [
            "localfsDir",
            "configDocument"
          ]
        }
      },
      {
        "not": {
          "properties": {
            "bootstrap": true,
            "image": true
          },
          "required": [
            "bootstrap",
            "image"
          ]
        }
      },
      {
        "not": {
          "properties": {
            "image": true,
            "localfsDir": true
          },
          "required": [
            "image",
            "localfsDir"
          ]
        }
      },
      {
        "not": {
          "properties": {
            "image": true,
            "sharedDir": true
          },
          "required": [
            "image",
            "sharedDir"
          ]
        }
      }
    ]
  },
  "https://nydus-service.invalid/schema/daemon/record.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://nydus-service.invalid/schema/daemon/record.schema.json",
    "title": "DaemonRecord",
    "description": "What is known about one supervised daemon, kept as <state dir>/<id>.json (default state dir /run/nydus, or NYDUS_STATE_DIR, or --state-dir). Written by the daemon itself and by `nydus upgrade` / `nydus failover`.",
    "type": "object",
    "properties": {
      "id": {
        "type": "string",
        "minLength": 1,
        "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]*$",
        "description": "Daemon id (--id); also the record's file name."
      },
      "kind": {
        "enum": [
          "fuse",
          "blobcache",
          "virtiofs"
        ],
        "description": "What the daemon serves (absent: fuse): a FUSE mount (nydus fuse), the blob cache service (nydus blobcache / fscache, whose mountpoint member names its shared read socket, or its entry file when it has none), or a VM over virtio-fs (nydus virtiofs, whose mountpoint member names its vhost-user socket; it cannot be upgraded or failed over)."
      },
      "pid": {
        "type": "integer",
        "minimum": 1,
        "description": "Process id of the daemon serving the mount."
      },
      "apiSock": {
        "anyOf": [
          {
            "type": "string",
            "minLength": 1
          },
          {
            "type": "null"
          }
        ],
        "description": "API socket of the serving daemon (changes on every hot upgrade: api.sock, api1.sock, ...); null when the daemon serves no API (it cannot be upgraded or failed over then)."
      },
      "supervisor": {
        "type": "string",
        "minLength": 1,
        "description": "Supervisor socket path (--supervisor) the daemon connects to on sendfd and takeover."
      },
      "argv": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "Full command line that starts the daemon: node executable, entry script, 'fuse', then its arguments."
      },
      "cwd": {
        "type": "string",
        "minLength": 1,
        "description": "Working directory of the daemon; successors and restarts start there, so relative paths in its configs keep their meaning."
      },
      "mountpoint": {
        "type": "string",
        "minLength": 1,
        "description": "Host path of the FUSE mount."
      },
      "mounts": {
        "type": "array",
        "description": "Filesystems attached inside the daemon (a blob cache daemon lists its entries here: mountpoint = <domain_id>/<id>, source = the bootstrap), so `nydus failover` saves the state again when they change.",
        "items": {
          "type": "object",
          "description": "One attached filesystem.",
          "properties": {
            "mountpoint": {
              "type": "string",
              "description": "Virtual mountpoint inside the daemon's tree."
            },
            "source": {
              "type": "string",
              "description": "Bootstrap path (RAFS) or host directory (passthrough)."
            }
          },
          "required": [
            "mountpoint",
            "source"
          ],
          "additionalProperties": false
        }
      },
      "state": {
        "type": "string",
        "description": "Last known reported state (INIT, READY, RUNNING, STOPPED, ...)."
      },
      "startedAt": {
        "type": "string",
        "description": "When the current daemon process started (ISO 8601)."
      },
      "updatedAt": {
        "type": "string",
        "description": "When the record was last written (ISO 8601)."
      },
      "failover": {
        "type": "object",
        "description": "Set while `nydus failover` supervises the daemon.",
        "properties": {
          "supervisorPid": {
            "type": "integer",
            "minimum": 1,
            "description": "Process id of the `nydus failover` supervisor."
          },
          "since": {
            "type": "string",
            "description": "When supervision started (ISO 8601)."
          },
          "recoveries": {
            "type": "integer",
            "minimum": 0,
            "description": "Crash recoveries performed so far."
          },
          "lastRecoveryMs": {
            "type": "number",
            "minimum": 0,
            "description": "Duration of the last recovery (crash noticed to RUNNING), in milliseconds."
          }
        },
        "required": [
          "supervisorPid"
        ],
        "additionalProperties": false
      },
      "upgrades": {
        "type": "integer",
        "minimum": 0,
        "description": "Hot upgrades performed on this daemon id."
      }
    },
    "required": [
      "id",
      "pid",
      "apiSock",
      "supervisor",
      "argv",
      "mountpoint",
      "mounts",
      "state",
      "startedAt",
      "updatedAt"
    ],
    "additionalProperties": false
  },
  "https://nydus-service.invalid/schema/daemon/state.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://nydus-service.invalid/schema/daemon/state.schema.json",
    "title": "FuseTakeoverState",
    "description": "The saved state of a FUSE daemon that a supervisor keeps for hot upgrade and failover (spec daemon.md §5.4): the JSON payload inside the versioned, CRC-protected state buffer (src/upgrade/state-codec.ts). The buffer travels with the /dev/fuse fd over the supervisor socket.",
    "type": "object",
    "properties": {
      "format": {
        "const": "nydus-service-fuse-state",
        "description": "Format tag of the payload; anything else is a foreign snapshot."
      },
      "version": {
        "const": 1,
        "description": "Payload version (the framing carries its own version too)."
      },
      "id": {
        "anyOf": [
          {
            "type": "string"
          },
          {
            "type": "null"
          }
        ],
        "description": "Daemon id (--id) of the daemon that saved the state, or null."
      },
      "connectionId": {
        "type": "integer",
        "minimum": 0,
        "description": "FUSE connection id: (major(st_dev) << 20) | minor(st_dev) of the mountpoint, the name under /sys/fs/fuse/connections/."
      },
      "mountpoint": {
        "type": "string",
        "minLength": 1,
        "description": "Canonical host path of the FUSE mount."
      },
      "negotiated": {
        "type": "object",
        "additionalProperties": true,
        "description": "Opaque result of the FUSE INIT exchange (protocol minor, option bits, limits), as produced and consumed by the native session."
      },
      "vfs": {
        "type": "object",
        "additionalProperties": true,
        "description": "Opaque VFS snapshot (pseudo-fs tree, next index, id mappings), as produced and consumed by the native session."
      },
      "flavour": {
        "enum": [
          "rafs",
          "passthrough"
        ],
        "description": "VFS flavour of the FUSE session (open/opendir handling); the successor adopts the connection with the same one. Absent in older states: rafs."
      },
      "failoverPolicy": {
        "enum": [
          "none",
          "resend",
          "flush"
        ],
        "description": "Failover policy of the daemon that saved the state (daemon.md §5.6)."
      },
      "mounts": {
        "type": "array",
        "description": "Every mounted backend filesystem, in VFS index order.",
        "items": {
          "type": "object",
          "description": "One backend filesystem attached to the VFS.",
          "properties": {
            "mountpoint": {
              "type": "string",
              "minLength": 1,
              "description": "Virtual mountpoint inside the daemon's tree."
            },
            "index": {
              "type": "integer",
              "minimum": 1,
              "maximum": 255,
              "description": "VFS index the backend is attached at."
            },
            "cmd": {
              "$ref": "../mount-cmd.schema.json",
              "description": "The mount command as originally given (config text verbatim)."
            }
          },
          "required": [
            "mountpoint",
            "index",
            "cmd"
          ],
          "additionalProperties": false
        }
      }
    },
    "required": [
      "format",
      "version",
      "id",
      "connectionId",
      "mountpoint",
      "negotiated",
      "vfs",
      "mounts"
    ],
    "additionalProperties": false
  },
  "https://nydus-service.invalid/schema/daemon/virtiofs.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://nydus-service.invalid/schema/daemon/virtiofs.schema.json",
    "title": "VirtiofsDaemonOptions",
    "description": "Options of a virtio-fs daemon, as nydusd's `virtiofs` subcommand takes them (spec daemon.md §1.2, §1.4, §1.5, §7): the vhost-user-fs backend a VMM (QEMU, Cloud Hypervisor) connects to, serving the same VFS of RAFS images as the FUSE daemon. One declaration renders the `nydus virtiofs` flags (x-flag) and the library's virtiofsDaemon() builder.",
    "type": "object",
    "properties": {
      "sock": {
        "type": "string",
        "minLength": 1,
        "description": "vhost-user socket the VMM connects to (QEMU `-chardev socket,path=SOCK` + `-device vhost-user-fs-pci,chardev=...,tag=TAG`); a stale file there is replaced. The daemon listens before the VMM starts and accepts a new connection after the VMM disconnects (a VM reboot).",
        "x-flag": {
          "name": "sock"
        }
      },
      "bootstrap": {
        "type": "string",
        "minLength": 1,
        "description": "RAFS bootstrap (or a data blob with the bootstrap inlined) mounted at start at the virtual mountpoint. Needs config or localfsDir.",
        "x-flag": {
          "name": "bootstrap",
          "char": "B",
          "exclusive": [
            "shared-dir"
          ]
        }
      },
      "config": {
        "type": "string",
        "minLength": 1,
        "description": "Daemon configuration file (nydusd v1 or v2, JSON or TOML) for the bootstrap mounted at start; not read when nothing is mounted at start.",
        "x-flag": {
          "name": "config",
          "char": "C",
          "exclusive": [
            "localfs-dir"
          ]
        }
      },
      "configDocument": {
        "type": "object",
        "description": "Library only: a configuration document (v1 or v2 object) used instead of reading the config file.",
        "additionalProperties": true
      },
      "localfsDir": {
        "type": "string",
        "minLength": 1,
        "description": "Built-in configuration: localfs backend reading blobs from this directory, blobcache work dir the same directory (daemon.md §1.8).",
        "x-flag": {
          "name": "localfs-dir",
          "char": "D",
          "exclusive": [
            "config"
          ]
        }
      },
      "sharedDir": {
        "type": "string",
        "minLength": 1,
        "description": "Share a host directory through the passthrough filesystem instead of RAFS (not supported by this implementation yet: the daemon refuses to start).",
        "x-flag": {
          "name": "shared-dir",
          "char": "s",
          "exclusive": [
            "bootstrap"
          ]
        }
      },
      "prefetchFiles": {
        "type": "string",
        "minLength": 1,
        "description": "File listing absolute paths to prefetch, one per line (blank lines skipped). Requires bootstrap.",
        "x-flag": {
          "name": "prefetch-files",
          "dependsOn": [
            "bootstrap"
          ]
        }
      },
      "virtualMountpoint": {
        "type": "string",
        "default": "/",
        "description": "Path inside the FUSE tree where the initial filesystem is attached.",
        "x-flag": {
          "name": "virtual-mountpoint",
          "char": "m"
        }
      },
      "apiSock": {
        "type": "string",
        "minLength": 1,
        "description": "Unix socket of the HTTP administration API; without it no API server runs.",
        "x-flag": {
          "name": "apisock",
          "char": "A"
        }
      },
      "metricsAddr": {
        "type": "string",
        "minLength": 1,
        "description": "HOST:PORT ([v6]:PORT) of a plain-HTTP listener serving the Prometheus metrics at GET /metrics (also at GET /api/v1/metrics/prometheus on the API socket). Unauthenticated: bind it to loopback unless the network is trusted. Without it no listener runs.",
        "x-flag": {
          "name": "metrics-addr"
        }
      },
      "id": {
        "type": "string",
        "minLength": 1,
        "description": "Service instance identifier, reported in daemon info. Requires supervisor.",
        "x-flag": {
          "name": "id",
          "dependsOn": [
            "supervisor"
          ]
        }
      },
      "supervisor": {
        "type": "string",
        "minLength": 1,
        "description": "Unix socket of a supervisor. Accepted for nydusd compatibility: upgrade and takeover are unsupported in virtio-fs mode (sendfd answers 501, daemon.md §7), so nothing is ever sent there. Requires id.",
        "x-flag": {
          "name": "supervisor",
          "dependsOn": [
            "id"
          ]
        }
      },
      "stateDir": {
        "type": "string",
        "minLength": 1,
        "description": "Directory of daemon records; the daemon writes <dir>/<id>.json when started with --id and --supervisor (informative: nydus upgrade / nydus failover refuse virtio-fs daemons). Default: env NYDUS_STATE_DIR, else /run/nydus.",
        "x-flag": {
          "name": "state-dir"
        }
      },
      "logLevel": {
        "enum": [
          "trace",
          "debug",
          "info",
          "warn",
          "error"
        ],
        "default": "info",
        "description": "Maximum log level (changeable at run time through the API).",
        "x-flag": {
          "name": "log-level",
          "char": "l"
        }
      },
      "logFile": {
        "type": "string",
        "minLength": 1,
        "description": "Log to this file (appended; `.log` added when the name has no extension) instead of stderr.",
        "x-flag": {
          "name": "log-file",
          "char": "L"
        }
      },
      "logRotationSize": {
        "type": "integer",
        "minimum": 0,
        "default": 0,
        "description": "Rotate the log file when it exceeds this many MiB; 0 disables rotation.",
        "x-flag": {
          "name": "log-rotation-size"
        }
      },
      "rlimitNofile": {
        "type": "integer",
        "minimum": 0,
        "default": 1000000,
        "description": "Target RLIMIT_NOFILE (daemon.md §1.10); 0 leaves the limit unchanged.",
        "x-flag": {
          "name": "rlimit-nofile"
        }
      },
      "dedupDb": {
        "type": "string",
        "minLength": 1,
        "description": "Accepted for nydusd compatibility (chunk de-duplication database); ignored.",
        "x-flag": {
          "name": "dedup-db"
        }
      },
      "backendSource": {
        "type": "string",
        "description": "Accepted for nydus-snapshotter compatibility (its backend-source feature); ignored with a warning.",
        "x-flag": {
          "name": "backend-source"
        }
      },
      "hybridMode": {
        "type": "boolean",
        "default": false,
        "description": "Accepted for nydusd command-line compatibility and ignored: it selects passthroughfs-compatible VFS options, and this implementation serves RAFS images only (nydusd's quirk: its hybrid mode is on by default and the flag turns it off).",
        "x-flag": {
          "name": "hybrid-mode"
        }
      }
    },
    "required": [
      "sock"
    ],
    "additionalProperties": false,
    "dependentRequired": {
      "id": [
        "supervisor"
      ],
      "supervisor": [
        "id"
      ],
      "prefetchFiles": [
        "bootstrap"
      ]
    },
    "allOf": [
      {
        "not": {
          "properties": {
            "bootstrap": true,
            "sharedDir": true
          },
          "required": [
            "bootstrap",
            "sharedDir"
          ]
        }
      },
      {
        "not": {
          "properties": {
            "config": true,
            "localfsDir": true
          },
          "required": [
            "config",
            "localfsDir"
          ]
        }
      },
      {
        "not": {
          "properties": {
            "config": true,
            "configDocument": true
          },
          "required": [
            "config",
            "configDocument"
          ]
        }
      },
      {
        "not": {
          "properties": {
            "localfsDir": true,
            "configDocument": true
          },
          "required": [
            "localfsDir",
            "configDocument"
          ]
        }
      }
    ]
  },
  "https://nydus-service.invalid/schema/mount-cmd.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://nydus-service.invalid/schema/mount-cmd.schema.json",
    "title": "MountCmd",
    "description": "Body of POST/PUT /api/v1/mount?mountpoint=<virtual path> (spec api.md §4.4); also the library's request to attach a filesystem (FsBackendMountCmd).",
    "type": "object",
    "properties": {
      "fs_type": {
        "type": "string",
        "default": "",
        "description": "rafs, or passthrough / passthroughfs / passthrough_fs; anything else fails the mount."
      },
      "source": {
        "type": "string",
        "description": "Bootstrap path (RAFS) or host directory (passthrough)."
      },
      "config": {
        "type": "string",
        "description": "Configuration text (v1 or v2 JSON, or v2 TOML) serialised as a string; ignored for passthrough."
      },
      "mountpoint": {
        "type": "string",
        "default": "/",
        "description": "Virtual mountpoint inside the daemon's tree (the API passes it in the query string instead)."
      },
      "prefetch_files": {
        "anyOf": [
          {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          {
            "type": "null"
          }
        ],
        "default": null,
        "description": "Absolute paths to prefetch (RAFS with rafs.prefetch.enable)."
      }
    },
    "required": [
      "source",
      "config"
    ]
  }
};

export const schemaIds = {
  "ConfigV2": "https://nydus-service.invalid/schema/config-v2.schema.json",
  "ConfigV1": "https://nydus-service.invalid/schema/config-v1.schema.json",
  "MountCmd": "https://nydus-service.invalid/schema/mount-cmd.schema.json",
  "FuseDaemonOptions": "https://nydus-service.invalid/schema/daemon/fuse.schema.json",
  "FuseTakeoverState": "https://nydus-service.invalid/schema/daemon/state.schema.json",
  "DaemonRecord": "https://nydus-service.invalid/schema/daemon/record.schema.json",
  "BlobCacheEntry": "https://nydus-service.invalid/schema/blob-cache-entry.schema.json",
  "BlobCacheList": "https://nydus-service.invalid/schema/blob-cache-list.schema.json",
  "ConfigValidateResult": "https://nydus-service.invalid/schema/cli/config-validate.schema.json",
  "InspectSuperblock": "https://nydus-service.invalid/schema/cli/inspect-superblock.schema.json",
  "InspectStat": "https://nydus-service.invalid/schema/cli/inspect-stat.schema.json",
  "InspectCheck": "https://nydus-service.invalid/schema/cli/inspect-check.schema.json",
  "InspectTree": "https://nydus-service.invalid/schema/cli/inspect-tree.schema.json",
  "DaemonInfo": "https://nydus-service.invalid/schema/api/daemon-info.schema.json",
  "LogLevelBody": "https://nydus-service.invalid/schema/api/log-level.schema.json",
  "EventsBody": "https://nydus-service.invalid/schema/api/events.schema.json",
  "RafsSuperInfo": "https://nydus-service.invalid/schema/api/rafs-super-info.schema.json",
  "FsMetrics": "https://nydus-service.invalid/schema/api/fs-metrics.schema.json",
  "FileMetrics": "https://nydus-service.invalid/schema/api/file-metrics.schema.json",
  "LatestFiles": "https://nydus-service.invalid/schema/api/latest-files.schema.json",
  "AccessPatterns": "https://nydus-service.invalid/schema/api/access-patterns.schema.json",
  "BackendMetrics": "https://nydus-service.invalid/schema/api/backend-metrics.schema.json",
  "BlobcacheMetrics": "https://nydus-service.invalid/schema/api/blobcache-metrics.schema.json",
  "Inflight": "https://nydus-service.invalid/schema/api/inflight.schema.json",
  "ConfigMap": "https://nydus-service.invalid/schema/api/config-map.schema.json",
  "BlobcacheDaemonOptions": "https://nydus-service.invalid/schema/daemon/blobcache.schema.json",
  "BlobMetricsList": "https://nydus-service.invalid/schema/api/blob-metrics.schema.json",
  "VirtiofsDaemonOptions": "https://nydus-service.invalid/schema/daemon/virtiofs.schema.json"
} as const;
