// Config layer entry: loading, conversion, validation and redaction of nydusd configs. (The
// starter configs and TOML output, ./starter.js, are imported from there: they load ejs, which
// the daemons that read configs through this entry do not need.)
export { loadConfigFile, parseConfig, readConfigText, resolveConfig, MAX_CONFIG_BYTES } from './load.js';
export type { LoadOptions, LoadedConfig } from './load.js';
export { convertV1ToV2, v2PointerToV1 } from './convert.js';
export { checkConfigV2 } from './semantics.js';
export { legacyEntryToV2, prepareBlobEntry, type PreparedBlobEntry } from './blob-entry.js';
export type { Strictness, SemanticResult } from './semantics.js';
export { redactSecrets, redactConfigText } from './redact.js';
export { imageOptionsFromConfig, backendWaitMs, NETWORK_BACKENDS, type ImageSetup } from './image-options.js';
