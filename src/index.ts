// Library entry (`import { ... } from 'nydus-service'`): config types, builders, loader,
// validators and errors. Daemon and services join here as they land.
export * from '../generated/types.js';
export { ConfigV2Builder, MountCmdBuilder, BlobCacheEntryBuilder } from '../generated/builders.js';
export type * from '../generated/builders.js';
export {
  validateConfigV2,
  validateConfigV1,
  validateMountCmd,
  validateBlobCacheEntry,
  validateBlobCacheList,
  type Validator,
} from '../generated/validate.js';
export { schemaRegistry, schemaIds } from '../generated/schemas.js';
export * from './config/index.js';
export { applyDefaults } from './schema/defaults.js';
export { problemsFromAjv } from './schema/problems.js';
export { NydusError, ConfigError, NativeError, type ConfigProblem } from './errors.js';
export * as native from './native/binding.js';
