#!/usr/bin/env node
// Code generator (npm run generate): renders generated/ from schema/ and templates/:
// TypeScript types (json-schema-to-typescript), ajv standalone validators, the schema
// registry for the defaults walker, and typed config builders. Deterministic output.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ejs from 'ejs';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { compile } from 'json-schema-to-typescript';
import { createAjv } from './ajv-factory.mjs';
import { renderDaemons } from './gen-daemon.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaDir = join(root, 'schema');
const outDir = join(root, 'generated');
const BASE = 'https://nydus-service.invalid/schema/';

/** Top-level documents: schema file, validator export, type name. */
const ROOTS = [
  { file: 'config-v2.schema.json', fn: 'validateConfigV2', type: 'ConfigV2' },
  { file: 'config-v1.schema.json', fn: 'validateConfigV1', type: 'ConfigV1' },
  { file: 'mount-cmd.schema.json', fn: 'validateMountCmd', type: 'MountCmd' },
  { file: 'daemon/fuse.schema.json', fn: 'validateFuseDaemonOptions', type: 'FuseDaemonOptions' },
  { file: 'daemon/state.schema.json', fn: 'validateFuseTakeoverState', type: 'FuseTakeoverState' },
  { file: 'daemon/record.schema.json', fn: 'validateDaemonRecord', type: 'DaemonRecord' },
  { file: 'blob-cache-entry.schema.json', fn: 'validateBlobCacheEntry', type: 'BlobCacheEntry' },
  { file: 'blob-cache-list.schema.json', fn: 'validateBlobCacheList', type: 'BlobCacheList' },
  { file: 'cli/config-validate.schema.json', fn: 'validateConfigValidateResult', type: 'ConfigValidateResult' },
  { file: 'cli/inspect-superblock.schema.json', fn: 'validateInspectSuperblock', type: 'InspectSuperblock' },
  { file: 'cli/inspect-stat.schema.json', fn: 'validateInspectStat', type: 'InspectStat' },
  { file: 'cli/inspect-check.schema.json', fn: 'validateInspectCheck', type: 'InspectCheck' },
  { file: 'cli/inspect-tree.schema.json', fn: 'validateInspectTree', type: 'InspectTree' },
  { file: 'api/daemon-info.schema.json', fn: 'validateDaemonInfo', type: 'DaemonInfo' },
  { file: 'api/log-level.schema.json', fn: 'validateLogLevelBody', type: 'LogLevelBody' },
  { file: 'api/events.schema.json', fn: 'validateEventsBody', type: 'EventsBody' },
  { file: 'api/rafs-super-info.schema.json', fn: 'validateRafsSuperInfo', type: 'RafsSuperInfo' },
  { file: 'api/fs-metrics.schema.json', fn: 'validateFsMetrics', type: 'FsMetrics' },
  { file: 'api/file-metrics.schema.json', fn: 'validateFileMetrics', type: 'FileMetrics' },
  { file: 'api/latest-files.schema.json', fn: 'validateLatestFiles', type: 'LatestFiles' },
  { file: 'api/access-patterns.schema.json', fn: 'validateAccessPatterns', type: 'AccessPatterns' },
  { file: 'api/backend-metrics.schema.json', fn: 'validateBackendMetrics', type: 'BackendMetrics' },
  { file: 'api/blobcache-metrics.schema.json', fn: 'validateBlobcacheMetrics', type: 'BlobcacheMetrics' },
  { file: 'api/inflight.schema.json', fn: 'validateInflight', type: 'Inflight' },
  { file: 'api/config-map.schema.json', fn: 'validateConfigMap', type: 'ConfigMap' },
  { file: 'daemon/blobcache.schema.json', fn: 'validateBlobcacheDaemonOptions', type: 'BlobcacheDaemonOptions' },
  { file: 'api/blob-metrics.schema.json', fn: 'validateBlobMetricsList', type: 'BlobMetricsList' },
  { file: 'daemon/virtiofs.schema.json', fn: 'validateVirtiofsDaemonOptions', type: 'VirtiofsDaemonOptions' },
];

function banner(source) {
  return `// Generated from ${source} by \`npm run generate\` (scripts/generate.mjs). Do not edit.\n`;
}

function listSchemas(dir, prefix = '') {
  const out = [];
  for (const ent of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (ent.isDirectory()) out.push(...listSchemas(join(dir, ent.name), `${prefix}${ent.name}/`));
    else if (ent.name.endsWith('.schema.json')) out.push(`${prefix}${ent.name}`);
  }
  return out;
}

const files = listSchemas(schemaDir);
const schemas = Object.fromEntries(files.map((f) => [f, JSON.parse(readFileSync(join(schemaDir, f), 'utf8'))]));
for (const [f, s] of Object.entries(schemas)) {
  if (s.$id !== BASE + f) throw new Error(`${f}: $id must be ${BASE + f}, is ${s.$id}`);
  checkDescriptions(f, s, '');
}

/** Every property must carry a description (it becomes JSDoc and CLI help). */
function checkDescriptions(file, node, path) {
  if (Array.isArray(node)) return node.forEach((n, i) => checkDescriptions(file, n, `${path}/${i}`));
  if (!node || typeof node !== 'object') return;
  const inConditional = /\/(if|then|else|allOf)\b/.test(path);
  if (node.properties && !inConditional) {
    for (const [k, v] of Object.entries(node.properties)) {
      if (!v.description) throw new Error(`${file}#${path}/properties/${k}: property has no description`);
    }
  }
  for (const [k, v] of Object.entries(node)) checkDescriptions(file, v, `${path}/${k}`);
}

mkdirSync(outDir, { recursive: true });
const written = [];
function emit(name, text) {
  writeFileSync(join(outDir, name), text);
  written.push(name);
}

// 1. ajv standalone validators (no schema compilation at run time).
const ajv = createAjv();
for (const s of Object.values(schemas)) ajv.addSchema(s);
let code = standaloneCode.default(ajv, Object.fromEntries(ROOTS.map((r) => [r.fn, BASE + r.file])));
// ajv's ESM output still require()s its small runtime helpers: turn those into imports.
code = code.replace(/const (\w+) = require\("([^"]+)"\)\.default;/g, 'import $1_module from "$2.js";const $1 = $1_module.default;');
if (/require\(/.test(code)) throw new Error('standalone validators still contain require()');
emit('validators.ts', `${banner('schema/*.schema.json')}// @ts-nocheck\n/* eslint-disable */\n${code}\n`);

// 2. Schema registry (read by the defaults walker in src/schema/defaults.ts).
emit(
  'schemas.ts',
  `${banner('schema/*.schema.json')}import type { SchemaRegistry } from '../src/schema/defaults.js';\n\n` +
    `/** Every schema of schema/, keyed by its $id. */\nexport const schemaRegistry: SchemaRegistry = ${JSON.stringify(
      Object.fromEntries(Object.values(schemas).map((s) => [s.$id, s])),
      null,
      2,
    )};\n\nexport const schemaIds = ${JSON.stringify(Object.fromEntries(ROOTS.map((r) => [r.type, BASE + r.file])), null, 2)} as const;\n`,
);

// 3. TypeScript types in two flavours: Input (as a user writes it) and resolved (defaults applied).
function transform(node, variant) {
  if (Array.isArray(node)) return node.map((n) => transform(n, variant));
  if (!node || typeof node !== 'object') return node;
  // A $ref with sibling keywords (description, default) would make json2ts declare a copy
  // of the referenced type; the referenced definition carries its own description.
  if (typeof node.$ref === 'string') return { $ref: node.$ref };
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'if' || k === 'then' || k === 'else' || k === 'allOf') continue; // validation only
    out[k] = transform(v, variant);
  }
  if (typeof out.title === 'string' && variant === 'input') out.title = `${out.title}Input`;
  if (out.properties && variant === 'resolved') {
    const defaulted = Object.entries(node.properties).filter(([, v]) => v && v.default !== undefined).map(([k]) => k);
    out.required = [...new Set([...(out.required ?? []), ...defaulted])];
  }
  delete out.$id;
  return out;
}

async function typesFor(variant) {
  const dir = mkdtempSync(join(tmpdir(), 'nydus-gen-'));
  try {
    for (const [f, s] of Object.entries(schemas)) {
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      writeFileSync(join(dir, f), JSON.stringify(transform(s, variant)));
    }
    const top = {
      title: 'AllDocuments',
      type: 'object',
      properties: Object.fromEntries(ROOTS.map((r) => [r.type, { $ref: r.file }])),
      additionalProperties: false,
    };
    const ts = await compile(top, 'AllDocuments', {
      cwd: dir,
      bannerComment: '',
      additionalProperties: false,
      declareExternallyReferenced: true,
      unreachableDefinitions: false,
      format: true,
      style: { singleQuote: true, printWidth: 110 },
    });
    return ts.replace(/export interface AllDocuments \{[^}]*\}\n/, '').trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const resolvedTypes = await typesFor('resolved');
const inputTypes = await typesFor('input');
emit(
  'types.ts',
  `${banner('schema/*.schema.json')}// Types without a suffix are resolved documents (every default applied, as the loader and\n` +
    `// the builders return them); the *Input types are what a user may write.\n\n` +
    `${resolvedTypes}\n\n${inputTypes}\n`,
);

// 4. Typed, fluent builders rendered from templates/.
const common = schemas['common.schema.json'].$defs;
function camel(key) {
  return key.replace(/[-_]([a-z0-9])/g, (_, c) => c.toUpperCase());
}
function pascal(key) {
  const c = camel(key);
  return c[0].toUpperCase() + c.slice(1);
}
function refName(ref) {
  const m = /#\/\$defs\/(\w+)$/.exec(ref);
  return m ? m[1] : undefined;
}
/** Field model of an object schema: JSON key, camelCase option, TS type, nested def. */
function fieldsOf(schema) {
  return Object.entries(schema.properties ?? {}).map(([key, p]) => {
    let nested;
    let nullable = false;
    let ts;
    const ref = p.$ref ?? p.anyOf?.find((b) => b.$ref)?.$ref;
    if (p.anyOf?.some((b) => b.type === 'null')) nullable = true;
    if (ref && refName(ref) && common[refName(ref)]) {
      nested = refName(ref);
      ts = `${pascal(nested)}Options`;
    } else if (p.type === 'array' && p.items?.$ref && refName(p.items.$ref)) {
      nested = refName(p.items.$ref);
      ts = `${pascal(nested)}Options[]`;
    } else ts = tsTypeOf(p);
    if (nullable) ts = `${ts} | null`;
    return { key, camel: camel(key), ts, nested, array: p.type === 'array' && !!nested, doc: p.description, dflt: p.default };
  });
}
function tsTypeOf(p) {
  if (p.anyOf) return p.anyOf.map(tsTypeOf).join(' | ');
  if (p.enum) return p.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (p.const !== undefined) return JSON.stringify(p.const);
  const types = Array.isArray(p.type) ? p.type : [p.type];
  return types
    .map((t) => {
      if (t === 'string') return 'string';
      if (t === 'integer' || t === 'number') return 'number';
      if (t === 'boolean') return 'boolean';
      if (t === 'null') return 'null';
      if (t === 'array') return `${p.items ? tsTypeOf(p.items) : 'unknown'}[]`;
      if (t === 'object' && p.additionalProperties?.type === 'string') return 'Record<string, string>';
      return 'unknown';
    })
    .join(' | ');
}
const optionDefs = Object.entries(common)
  .filter(([, s]) => s.type === 'object' && s.properties)
  .map(([name, s]) => ({ name, iface: `${pascal(name)}Options`, title: s.title, doc: s.description, fields: fieldsOf(s) }));
const backendTypes = common.backend.properties.type.enum.map((t) => ({
  type: t,
  method: camel(t),
  key: t,
  def: common.backend.properties[t] ? refName(common.backend.properties[t].anyOf[0].$ref) : undefined,
}));
const cacheTypes = common.cache.properties.type.enum.filter((t) => t !== '').map((t) => ({
  type: t,
  method: t === 'dummycache' || t === 'dummy' ? null : camel(t),
  def: t === 'fscache' ? 'fscache' : t === 'blobcache' || t === 'filecache' ? 'filecache' : undefined,
}));
const mountFields = fieldsOf(schemas['mount-cmd.schema.json']);
const model = { optionDefs, backendTypes, cacheTypes, mountFields, pascal, camel, jsdoc };
function jsdoc(text, indent = '') {
  if (!text) return '';
  return `${indent}/** ${String(text).replace(/\*\//g, '*\\/')} */\n`;
}
const tpl = readFileSync(join(root, 'templates/builders.ts.ejs'), 'utf8');
emit('builders.ts', banner('schema/common.schema.json, schema/mount-cmd.schema.json, templates/builders.ts.ejs') + ejs.render(tpl, model, { rmWhitespace: false }));

const idx = readFileSync(join(root, 'templates/validate.ts.ejs'), 'utf8');
emit('validate.ts', banner('schema/*.schema.json, templates/validate.ts.ejs') + ejs.render(idx, { roots: ROOTS }));

// 5. Daemon flags (oclif) and daemon builders from schema/daemon/ (scripts/gen-daemon.mjs).
renderDaemons({ root, schemas, emit, banner, jsdoc, camel });

// Remove stale generated files.
for (const f of readdirSync(outDir)) if (!written.includes(f)) rmSync(join(outDir, f), { recursive: true, force: true });
console.log(`generated: ${written.map((f) => `generated/${f}`).join(', ')}`);
