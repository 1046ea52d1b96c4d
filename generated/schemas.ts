// Generated from schema/*.schema.json by `npm run generate` (scripts/generate.mjs). Do not edit.
import type { SchemaRegistry } from '../src/schema/defaults.js';

/** Every schema of schema/, keyed by its $id. */
export const schemaRegistry: SchemaRegistry = {
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
  "BlobCacheEntry": "https://nydus-service.invalid/schema/blob-cache-entry.schema.json",
  "BlobCacheList": "https://nydus-service.invalid/schema/blob-cache-list.schema.json",
  "ConfigValidateResult": "https://nydus-service.invalid/schema/cli/config-validate.schema.json",
  "InspectSuperblock": "https://nydus-service.invalid/schema/cli/inspect-superblock.schema.json",
  "InspectStat": "https://nydus-service.invalid/schema/cli/inspect-stat.schema.json",
  "InspectCheck": "https://nydus-service.invalid/schema/cli/inspect-check.schema.json",
  "InspectTree": "https://nydus-service.invalid/schema/cli/inspect-tree.schema.json"
} as const;
