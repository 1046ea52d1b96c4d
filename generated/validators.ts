// Generated from schema/*.schema.json by `npm run generate` (scripts/generate.mjs). Do not edit.
// @ts-nocheck
/* eslint-disable */
"use strict";
export const validateConfigV2 = validate52;
const schema19 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://nydus-service.invalid/schema/config-v2.schema.json","title":"ConfigV2","description":"nydusd configuration, version 2 (spec daemon.md §2.1): the canonical model, read from JSON or TOML. A RAFS mount needs backend, cache and rafs.","type":"object","properties":{"version":{"type":"integer","const":2,"description":"Configuration format version; must be 2."},"id":{"type":"string","default":"","description":"Instance id; also the blob cache manager's metrics id."},"backend":{"anyOf":[{"$ref":"common.schema.json#/$defs/backend"},{"type":"null"}],"default":null,"description":"Storage backend of the image's blobs; required at mount time."},"external_backends":{"type":"array","items":{"$ref":"common.schema.json#/$defs/externalBackend"},"default":[],"description":"Patches for backends described inside the image."},"cache":{"anyOf":[{"$ref":"common.schema.json#/$defs/cache"},{"type":"null"}],"default":null,"description":"Local blob cache; required for a RAFS mount."},"rafs":{"anyOf":[{"$ref":"common.schema.json#/$defs/rafs"},{"type":"null"}],"default":null,"description":"RAFS filesystem options; required for a RAFS mount."},"overlay":{"anyOf":[{"$ref":"common.schema.json#/$defs/overlay"},{"type":"null"}],"default":null,"description":"Writable overlay on top of the image (with --writable)."}},"required":["version"]};
const schema21 = {"title":"BackendConfig","description":"Storage backend the image's blobs are read from. The sub-object named by type must be present.","type":"object","properties":{"type":{"type":"string","enum":["localfs","localdisk","oss","s3","registry","http-proxy"],"description":"Backend kind; selects the sub-object of the same name."},"localfs":{"anyOf":[{"$ref":"#/$defs/localfs"},{"type":"null"}],"default":null,"description":"Settings of the localfs backend."},"localdisk":{"anyOf":[{"$ref":"#/$defs/localdisk"},{"type":"null"}],"default":null,"description":"Settings of the localdisk backend."},"oss":{"anyOf":[{"$ref":"#/$defs/oss"},{"type":"null"}],"default":null,"description":"Settings of the oss backend."},"s3":{"anyOf":[{"$ref":"#/$defs/s3"},{"type":"null"}],"default":null,"description":"Settings of the s3 backend."},"registry":{"anyOf":[{"$ref":"#/$defs/registry"},{"type":"null"}],"default":null,"description":"Settings of the registry backend."},"http-proxy":{"anyOf":[{"$ref":"#/$defs/httpProxy"},{"type":"null"}],"default":null,"description":"Settings of the http-proxy backend (note the hyphenated key)."}},"required":["type"],"allOf":[{"if":{"properties":{"type":{"const":"localfs"}},"required":["type"]},"then":{"required":["localfs"],"properties":{"localfs":{"type":"object"}}}},{"if":{"properties":{"type":{"const":"localdisk"}},"required":["type"]},"then":{"required":["localdisk"],"properties":{"localdisk":{"type":"object"}}}},{"if":{"properties":{"type":{"const":"oss"}},"required":["type"]},"then":{"required":["oss"],"properties":{"oss":{"type":"object"}}}},{"if":{"properties":{"type":{"const":"s3"}},"required":["type"]},"then":{"required":["s3"],"properties":{"s3":{"type":"object"}}}},{"if":{"properties":{"type":{"const":"registry"}},"required":["type"]},"then":{"required":["registry"],"properties":{"registry":{"type":"object"}}}},{"if":{"properties":{"type":{"const":"http-proxy"}},"required":["type"]},"then":{"required":["http-proxy"],"properties":{"http-proxy":{"type":"object"}}}}]};
const schema22 = {"title":"LocalFsConfig","description":"localfs backend: blobs are files on the local filesystem. One of blob_file or dir must be set.","type":"object","properties":{"blob_file":{"type":"string","default":"","description":"Path of a single blob file holding every chunk of the image."},"dir":{"type":"string","default":"","description":"Directory of blob files, each named by its blob id."},"alt_dirs":{"type":"array","items":{"type":"string"},"default":[],"description":"Extra directories searched for blob files after dir."}}};

function validate55(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate55.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.blob_file !== undefined){
let data0 = data.blob_file;
if(typeof data0 !== "string"){
const err0 = {instancePath:instancePath+"/blob_file",schemaPath:"#/properties/blob_file/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.blob_file.type,parentSchema:schema22.properties.blob_file,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.dir !== undefined){
let data1 = data.dir;
if(typeof data1 !== "string"){
const err1 = {instancePath:instancePath+"/dir",schemaPath:"#/properties/dir/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.dir.type,parentSchema:schema22.properties.dir,data:data1};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.alt_dirs !== undefined){
let data2 = data.alt_dirs;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
if(typeof data3 !== "string"){
const err2 = {instancePath:instancePath+"/alt_dirs/" + i0,schemaPath:"#/properties/alt_dirs/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.alt_dirs.items.type,parentSchema:schema22.properties.alt_dirs.items,data:data3};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
}
else {
const err3 = {instancePath:instancePath+"/alt_dirs",schemaPath:"#/properties/alt_dirs/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema22.properties.alt_dirs.type,parentSchema:schema22.properties.alt_dirs,data:data2};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
else {
const err4 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema22.type,parentSchema:schema22,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
validate55.errors = vErrors;
return errors === 0;
}
validate55.evaluated = {"props":{"blob_file":true,"dir":true,"alt_dirs":true},"dynamicProps":false,"dynamicItems":false};

const schema23 = {"title":"LocalDiskConfig","description":"localdisk backend: a block device or disk image whose GPT partitions are blobs.","type":"object","properties":{"device_path":{"type":"string","default":"","description":"Path of the block device or disk image; required (non-empty)."},"disable_gpt":{"type":"boolean","default":false,"description":"Treat the whole device as one blob instead of reading a GPT."}}};

function validate57(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate57.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.device_path !== undefined){
let data0 = data.device_path;
if(typeof data0 !== "string"){
const err0 = {instancePath:instancePath+"/device_path",schemaPath:"#/properties/device_path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.device_path.type,parentSchema:schema23.properties.device_path,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.disable_gpt !== undefined){
let data1 = data.disable_gpt;
if(typeof data1 !== "boolean"){
const err1 = {instancePath:instancePath+"/disable_gpt",schemaPath:"#/properties/disable_gpt/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema23.properties.disable_gpt.type,parentSchema:schema23.properties.disable_gpt,data:data1};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
else {
const err2 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema23.type,parentSchema:schema23,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
validate57.errors = vErrors;
return errors === 0;
}
validate57.evaluated = {"props":{"device_path":true,"disable_gpt":true},"dynamicProps":false,"dynamicItems":false};

const schema24 = {"title":"OssConfig","description":"Aliyun OSS backend.","type":"object","properties":{"scheme":{"type":"string","default":"https","description":"URL scheme, http or https."},"endpoint":{"type":"string","description":"OSS endpoint host, for example oss-cn-hangzhou.aliyuncs.com."},"bucket_name":{"type":"string","description":"Bucket holding the blobs."},"object_prefix":{"type":"string","default":"","description":"Prefix prepended to each blob id to form the object key."},"access_key_id":{"type":"string","default":"","description":"Access key id (secret: redacted when printed)."},"access_key_secret":{"type":"string","default":"","description":"Access key secret (secret: redacted when printed)."},"skip_verify":{"type":"boolean","default":false,"description":"Skip TLS certificate verification."},"ca_cert_files":{"type":"array","items":{"type":"string"},"default":[],"description":"Extra CA certificate files (PEM) to trust."},"timeout":{"type":"integer","minimum":0,"maximum":4294967295,"default":5,"description":"Request timeout in seconds."},"connect_timeout":{"type":"integer","minimum":0,"maximum":4294967295,"default":5,"description":"Connection timeout in seconds."},"retry_limit":{"type":"integer","minimum":0,"maximum":255,"default":0,"description":"Retries of a failed request (0..=255)."},"proxy":{"$ref":"#/$defs/proxy","default":{},"description":"Connection-level proxy settings."}},"required":["endpoint","bucket_name"]};
const schema25 = {"title":"ProxyConfig","description":"Connection-level HTTP proxy in front of a network backend (for example Dragonfly's dfdaemon), with health checks and fallback to the origin.","type":"object","properties":{"url":{"type":"string","default":"","description":"Proxy URL every backend request is sent through; empty disables the proxy."},"ping_url":{"type":"string","default":"","description":"URL polled to check the proxy's health; empty disables health checks."},"fallback":{"type":"boolean","default":true,"description":"Send requests to the origin when the proxy is unhealthy or fails."},"check_interval":{"type":"integer","minimum":0,"default":5,"description":"Seconds between two health checks of the proxy."},"use_http":{"type":"boolean","default":false,"description":"Talk plain HTTP to the proxy even for https origins."},"check_pause_elapsed":{"type":"integer","minimum":0,"default":300,"description":"Seconds to pause health checks after the proxy stayed healthy and idle for that long."},"dragonfly_scheduler_endpoint":{"type":"string","default":"","description":"Dragonfly scheduler endpoint used by streaming prefetch; hot-reloadable through /api/v1/config."}}};

function validate60(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate60.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.url !== undefined){
let data0 = data.url;
if(typeof data0 !== "string"){
const err0 = {instancePath:instancePath+"/url",schemaPath:"#/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.url.type,parentSchema:schema25.properties.url,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.ping_url !== undefined){
let data1 = data.ping_url;
if(typeof data1 !== "string"){
const err1 = {instancePath:instancePath+"/ping_url",schemaPath:"#/properties/ping_url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.ping_url.type,parentSchema:schema25.properties.ping_url,data:data1};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.fallback !== undefined){
let data2 = data.fallback;
if(typeof data2 !== "boolean"){
const err2 = {instancePath:instancePath+"/fallback",schemaPath:"#/properties/fallback/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema25.properties.fallback.type,parentSchema:schema25.properties.fallback,data:data2};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.check_interval !== undefined){
let data3 = data.check_interval;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err3 = {instancePath:instancePath+"/check_interval",schemaPath:"#/properties/check_interval/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema25.properties.check_interval.type,parentSchema:schema25.properties.check_interval,data:data3};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 0 || isNaN(data3)){
const err4 = {instancePath:instancePath+"/check_interval",schemaPath:"#/properties/check_interval/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema25.properties.check_interval,data:data3};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
if(data.use_http !== undefined){
let data4 = data.use_http;
if(typeof data4 !== "boolean"){
const err5 = {instancePath:instancePath+"/use_http",schemaPath:"#/properties/use_http/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema25.properties.use_http.type,parentSchema:schema25.properties.use_http,data:data4};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.check_pause_elapsed !== undefined){
let data5 = data.check_pause_elapsed;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err6 = {instancePath:instancePath+"/check_pause_elapsed",schemaPath:"#/properties/check_pause_elapsed/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema25.properties.check_pause_elapsed.type,parentSchema:schema25.properties.check_pause_elapsed,data:data5};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 < 0 || isNaN(data5)){
const err7 = {instancePath:instancePath+"/check_pause_elapsed",schemaPath:"#/properties/check_pause_elapsed/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema25.properties.check_pause_elapsed,data:data5};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
if(data.dragonfly_scheduler_endpoint !== undefined){
let data6 = data.dragonfly_scheduler_endpoint;
if(typeof data6 !== "string"){
const err8 = {instancePath:instancePath+"/dragonfly_scheduler_endpoint",schemaPath:"#/properties/dragonfly_scheduler_endpoint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.dragonfly_scheduler_endpoint.type,parentSchema:schema25.properties.dragonfly_scheduler_endpoint,data:data6};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema25.type,parentSchema:schema25,data};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
validate60.errors = vErrors;
return errors === 0;
}
validate60.evaluated = {"props":{"url":true,"ping_url":true,"fallback":true,"check_interval":true,"use_http":true,"check_pause_elapsed":true,"dragonfly_scheduler_endpoint":true},"dynamicProps":false,"dynamicItems":false};


function validate59(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate59.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.endpoint === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "endpoint"},message:"must have required property '"+"endpoint"+"'",schema:schema24.required,parentSchema:schema24,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.bucket_name === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "bucket_name"},message:"must have required property '"+"bucket_name"+"'",schema:schema24.required,parentSchema:schema24,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.scheme !== undefined){
let data0 = data.scheme;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/scheme",schemaPath:"#/properties/scheme/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.scheme.type,parentSchema:schema24.properties.scheme,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.endpoint !== undefined){
let data1 = data.endpoint;
if(typeof data1 !== "string"){
const err3 = {instancePath:instancePath+"/endpoint",schemaPath:"#/properties/endpoint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.endpoint.type,parentSchema:schema24.properties.endpoint,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.bucket_name !== undefined){
let data2 = data.bucket_name;
if(typeof data2 !== "string"){
const err4 = {instancePath:instancePath+"/bucket_name",schemaPath:"#/properties/bucket_name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.bucket_name.type,parentSchema:schema24.properties.bucket_name,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.object_prefix !== undefined){
let data3 = data.object_prefix;
if(typeof data3 !== "string"){
const err5 = {instancePath:instancePath+"/object_prefix",schemaPath:"#/properties/object_prefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.object_prefix.type,parentSchema:schema24.properties.object_prefix,data:data3};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.access_key_id !== undefined){
let data4 = data.access_key_id;
if(typeof data4 !== "string"){
const err6 = {instancePath:instancePath+"/access_key_id",schemaPath:"#/properties/access_key_id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.access_key_id.type,parentSchema:schema24.properties.access_key_id,data:data4};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.access_key_secret !== undefined){
let data5 = data.access_key_secret;
if(typeof data5 !== "string"){
const err7 = {instancePath:instancePath+"/access_key_secret",schemaPath:"#/properties/access_key_secret/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.access_key_secret.type,parentSchema:schema24.properties.access_key_secret,data:data5};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.skip_verify !== undefined){
let data6 = data.skip_verify;
if(typeof data6 !== "boolean"){
const err8 = {instancePath:instancePath+"/skip_verify",schemaPath:"#/properties/skip_verify/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema24.properties.skip_verify.type,parentSchema:schema24.properties.skip_verify,data:data6};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.ca_cert_files !== undefined){
let data7 = data.ca_cert_files;
if(Array.isArray(data7)){
const len0 = data7.length;
for(let i0=0; i0<len0; i0++){
let data8 = data7[i0];
if(typeof data8 !== "string"){
const err9 = {instancePath:instancePath+"/ca_cert_files/" + i0,schemaPath:"#/properties/ca_cert_files/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.ca_cert_files.items.type,parentSchema:schema24.properties.ca_cert_files.items,data:data8};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/ca_cert_files",schemaPath:"#/properties/ca_cert_files/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema24.properties.ca_cert_files.type,parentSchema:schema24.properties.ca_cert_files,data:data7};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.timeout !== undefined){
let data9 = data.timeout;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err11 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema24.properties.timeout.type,parentSchema:schema24.properties.timeout,data:data9};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 > 4294967295 || isNaN(data9)){
const err12 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295",schema:4294967295,parentSchema:schema24.properties.timeout,data:data9};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data9 < 0 || isNaN(data9)){
const err13 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema24.properties.timeout,data:data9};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
if(data.connect_timeout !== undefined){
let data10 = data.connect_timeout;
if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
const err14 = {instancePath:instancePath+"/connect_timeout",schemaPath:"#/properties/connect_timeout/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema24.properties.connect_timeout.type,parentSchema:schema24.properties.connect_timeout,data:data10};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 > 4294967295 || isNaN(data10)){
const err15 = {instancePath:instancePath+"/connect_timeout",schemaPath:"#/properties/connect_timeout/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295",schema:4294967295,parentSchema:schema24.properties.connect_timeout,data:data10};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data10 < 0 || isNaN(data10)){
const err16 = {instancePath:instancePath+"/connect_timeout",schemaPath:"#/properties/connect_timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema24.properties.connect_timeout,data:data10};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
if(data.retry_limit !== undefined){
let data11 = data.retry_limit;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
const err17 = {instancePath:instancePath+"/retry_limit",schemaPath:"#/properties/retry_limit/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema24.properties.retry_limit.type,parentSchema:schema24.properties.retry_limit,data:data11};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 > 255 || isNaN(data11)){
const err18 = {instancePath:instancePath+"/retry_limit",schemaPath:"#/properties/retry_limit/maximum",keyword:"maximum",params:{comparison: "<=", limit: 255},message:"must be <= 255",schema:255,parentSchema:schema24.properties.retry_limit,data:data11};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(data11 < 0 || isNaN(data11)){
const err19 = {instancePath:instancePath+"/retry_limit",schemaPath:"#/properties/retry_limit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema24.properties.retry_limit,data:data11};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
if(data.proxy !== undefined){
if(!(validate60(data.proxy, {instancePath:instancePath+"/proxy",parentData:data,parentDataProperty:"proxy",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate60.errors : vErrors.concat(validate60.errors);
errors = vErrors.length;
}
}
}
else {
const err20 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema24.type,parentSchema:schema24,data};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
validate59.errors = vErrors;
return errors === 0;
}
validate59.evaluated = {"props":{"scheme":true,"endpoint":true,"bucket_name":true,"object_prefix":true,"access_key_id":true,"access_key_secret":true,"skip_verify":true,"ca_cert_files":true,"timeout":true,"connect_timeout":true,"retry_limit":true,"proxy":true},"dynamicProps":false,"dynamicItems":false};

const schema26 = {"title":"S3Config","description":"Amazon S3 (or S3-compatible) backend, requests signed with SigV4.","type":"object","properties":{"scheme":{"type":"string","default":"https","description":"URL scheme, http or https."},"endpoint":{"type":"string","description":"S3 endpoint host; may be empty to use the region's default AWS endpoint."},"region":{"type":"string","description":"Region of the bucket, for example us-east-1; required (non-empty)."},"bucket_name":{"type":"string","description":"Bucket holding the blobs."},"object_prefix":{"type":"string","default":"","description":"Prefix prepended to each blob id to form the object key."},"access_key_id":{"type":"string","default":"","description":"Access key id (secret: redacted when printed)."},"access_key_secret":{"type":"string","default":"","description":"Secret access key (secret: redacted when printed)."},"skip_verify":{"type":"boolean","default":false,"description":"Skip TLS certificate verification."},"ca_cert_files":{"type":"array","items":{"type":"string"},"default":[],"description":"Extra CA certificate files (PEM) to trust."},"timeout":{"type":"integer","minimum":0,"maximum":4294967295,"default":5,"description":"Request timeout in seconds."},"connect_timeout":{"type":"integer","minimum":0,"maximum":4294967295,"default":5,"description":"Connection timeout in seconds."},"retry_limit":{"type":"integer","minimum":0,"maximum":255,"default":0,"description":"Retries of a failed request (0..=255)."},"proxy":{"$ref":"#/$defs/proxy","default":{},"description":"Connection-level proxy settings."}},"required":["endpoint","region","bucket_name"]};

function validate63(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate63.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.endpoint === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "endpoint"},message:"must have required property '"+"endpoint"+"'",schema:schema26.required,parentSchema:schema26,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.region === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "region"},message:"must have required property '"+"region"+"'",schema:schema26.required,parentSchema:schema26,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.bucket_name === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "bucket_name"},message:"must have required property '"+"bucket_name"+"'",schema:schema26.required,parentSchema:schema26,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.scheme !== undefined){
let data0 = data.scheme;
if(typeof data0 !== "string"){
const err3 = {instancePath:instancePath+"/scheme",schemaPath:"#/properties/scheme/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.scheme.type,parentSchema:schema26.properties.scheme,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.endpoint !== undefined){
let data1 = data.endpoint;
if(typeof data1 !== "string"){
const err4 = {instancePath:instancePath+"/endpoint",schemaPath:"#/properties/endpoint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.endpoint.type,parentSchema:schema26.properties.endpoint,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.region !== undefined){
let data2 = data.region;
if(typeof data2 !== "string"){
const err5 = {instancePath:instancePath+"/region",schemaPath:"#/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.region.type,parentSchema:schema26.properties.region,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.bucket_name !== undefined){
let data3 = data.bucket_name;
if(typeof data3 !== "string"){
const err6 = {instancePath:instancePath+"/bucket_name",schemaPath:"#/properties/bucket_name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.bucket_name.type,parentSchema:schema26.properties.bucket_name,data:data3};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.object_prefix !== undefined){
let data4 = data.object_prefix;
if(typeof data4 !== "string"){
const err7 = {instancePath:instancePath+"/object_prefix",schemaPath:"#/properties/object_prefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.object_prefix.type,parentSchema:schema26.properties.object_prefix,data:data4};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.access_key_id !== undefined){
let data5 = data.access_key_id;
if(typeof data5 !== "string"){
const err8 = {instancePath:instancePath+"/access_key_id",schemaPath:"#/properties/access_key_id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.access_key_id.type,parentSchema:schema26.properties.access_key_id,data:data5};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.access_key_secret !== undefined){
let data6 = data.access_key_secret;
if(typeof data6 !== "string"){
const err9 = {instancePath:instancePath+"/access_key_secret",schemaPath:"#/properties/access_key_secret/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.access_key_secret.type,parentSchema:schema26.properties.access_key_secret,data:data6};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.skip_verify !== undefined){
let data7 = data.skip_verify;
if(typeof data7 !== "boolean"){
const err10 = {instancePath:instancePath+"/skip_verify",schemaPath:"#/properties/skip_verify/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema26.properties.skip_verify.type,parentSchema:schema26.properties.skip_verify,data:data7};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.ca_cert_files !== undefined){
let data8 = data.ca_cert_files;
if(Array.isArray(data8)){
const len0 = data8.length;
for(let i0=0; i0<len0; i0++){
let data9 = data8[i0];
if(typeof data9 !== "string"){
const err11 = {instancePath:instancePath+"/ca_cert_files/" + i0,schemaPath:"#/properties/ca_cert_files/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.ca_cert_files.items.type,parentSchema:schema26.properties.ca_cert_files.items,data:data9};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath:instancePath+"/ca_cert_files",schemaPath:"#/properties/ca_cert_files/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema26.properties.ca_cert_files.type,parentSchema:schema26.properties.ca_cert_files,data:data8};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.timeout !== undefined){
let data10 = data.timeout;
if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
const err13 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema26.properties.timeout.type,parentSchema:schema26.properties.timeout,data:data10};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 > 4294967295 || isNaN(data10)){
const err14 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295",schema:4294967295,parentSchema:schema26.properties.timeout,data:data10};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data10 < 0 || isNaN(data10)){
const err15 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema26.properties.timeout,data:data10};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
if(data.connect_timeout !== undefined){
let data11 = data.connect_timeout;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
const err16 = {instancePath:instancePath+"/connect_timeout",schemaPath:"#/properties/connect_timeout/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema26.properties.connect_timeout.type,parentSchema:schema26.properties.connect_timeout,data:data11};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 > 4294967295 || isNaN(data11)){
const err17 = {instancePath:instancePath+"/connect_timeout",schemaPath:"#/properties/connect_timeout/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295",schema:4294967295,parentSchema:schema26.properties.connect_timeout,data:data11};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(data11 < 0 || isNaN(data11)){
const err18 = {instancePath:instancePath+"/connect_timeout",schemaPath:"#/properties/connect_timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema26.properties.connect_timeout,data:data11};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
if(data.retry_limit !== undefined){
let data12 = data.retry_limit;
if(!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))){
const err19 = {instancePath:instancePath+"/retry_limit",schemaPath:"#/properties/retry_limit/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema26.properties.retry_limit.type,parentSchema:schema26.properties.retry_limit,data:data12};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if((typeof data12 == "number") && (isFinite(data12))){
if(data12 > 255 || isNaN(data12)){
const err20 = {instancePath:instancePath+"/retry_limit",schemaPath:"#/properties/retry_limit/maximum",keyword:"maximum",params:{comparison: "<=", limit: 255},message:"must be <= 255",schema:255,parentSchema:schema26.properties.retry_limit,data:data12};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(data12 < 0 || isNaN(data12)){
const err21 = {instancePath:instancePath+"/retry_limit",schemaPath:"#/properties/retry_limit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema26.properties.retry_limit,data:data12};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
if(data.proxy !== undefined){
if(!(validate60(data.proxy, {instancePath:instancePath+"/proxy",parentData:data,parentDataProperty:"proxy",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate60.errors : vErrors.concat(validate60.errors);
errors = vErrors.length;
}
}
}
else {
const err22 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema26.type,parentSchema:schema26,data};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
validate63.errors = vErrors;
return errors === 0;
}
validate63.evaluated = {"props":{"scheme":true,"endpoint":true,"region":true,"bucket_name":true,"object_prefix":true,"access_key_id":true,"access_key_secret":true,"skip_verify":true,"ca_cert_files":true,"timeout":true,"connect_timeout":true,"retry_limit":true,"proxy":true},"dynamicProps":false,"dynamicItems":false};

const schema27 = {"title":"RegistryConfig","description":"OCI distribution registry backend: blobs are fetched with ranged GETs from /v2/<repo>/blobs/sha256:<id>. host and repo must be set before a mount (nydus-snapshotter fills them per image into template configs that leave them out).","type":"object","properties":{"scheme":{"type":"string","default":"https","description":"http, or https (any other value, including empty, means https)."},"host":{"type":"string","default":"","description":"Registry host[:port]; required (non-empty) at mount time."},"repo":{"type":"string","default":"","description":"Repository namespace/name without tag; required (non-empty) at mount time."},"auth":{"type":["string","null"],"default":null,"description":"base64 of user:password for Basic auth and the token flow (secret: redacted when printed)."},"skip_verify":{"type":"boolean","default":false,"description":"Skip TLS certificate verification; also allows falling back to plain HTTP on TLS errors."},"ca_cert_files":{"type":"array","items":{"type":"string"},"default":[],"description":"Extra CA certificate files (PEM) to trust."},"timeout":{"type":"integer","minimum":0,"maximum":4294967295,"default":5,"description":"Request timeout in seconds."},"connect_timeout":{"type":"integer","minimum":0,"maximum":4294967295,"default":5,"description":"Connection timeout in seconds."},"retry_limit":{"type":"integer","minimum":0,"maximum":255,"default":0,"description":"Retries of a failed request (0..=255)."},"registry_token":{"type":["string","null"],"default":null,"description":"Bearer token sent as is (secret: redacted when printed)."},"blob_url_scheme":{"type":"string","default":"","description":"Scheme to use for blob URLs after a redirect; empty keeps the redirect's scheme."},"blob_redirected_host":{"type":"string","default":"","description":"Host that replaces the host of redirected blob URLs; empty keeps it."},"proxy":{"$ref":"#/$defs/proxy","default":{},"description":"Connection-level proxy settings (Dragonfly P2P)."}}};

function validate66(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate66.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.scheme !== undefined){
let data0 = data.scheme;
if(typeof data0 !== "string"){
const err0 = {instancePath:instancePath+"/scheme",schemaPath:"#/properties/scheme/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.scheme.type,parentSchema:schema27.properties.scheme,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.host !== undefined){
let data1 = data.host;
if(typeof data1 !== "string"){
const err1 = {instancePath:instancePath+"/host",schemaPath:"#/properties/host/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.host.type,parentSchema:schema27.properties.host,data:data1};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.repo !== undefined){
let data2 = data.repo;
if(typeof data2 !== "string"){
const err2 = {instancePath:instancePath+"/repo",schemaPath:"#/properties/repo/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.repo.type,parentSchema:schema27.properties.repo,data:data2};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.auth !== undefined){
let data3 = data.auth;
if((typeof data3 !== "string") && (data3 !== null)){
const err3 = {instancePath:instancePath+"/auth",schemaPath:"#/properties/auth/type",keyword:"type",params:{type: schema27.properties.auth.type},message:"must be string,null",schema:schema27.properties.auth.type,parentSchema:schema27.properties.auth,data:data3};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.skip_verify !== undefined){
let data4 = data.skip_verify;
if(typeof data4 !== "boolean"){
const err4 = {instancePath:instancePath+"/skip_verify",schemaPath:"#/properties/skip_verify/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema27.properties.skip_verify.type,parentSchema:schema27.properties.skip_verify,data:data4};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.ca_cert_files !== undefined){
let data5 = data.ca_cert_files;
if(Array.isArray(data5)){
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
if(typeof data6 !== "string"){
const err5 = {instancePath:instancePath+"/ca_cert_files/" + i0,schemaPath:"#/properties/ca_cert_files/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.ca_cert_files.items.type,parentSchema:schema27.properties.ca_cert_files.items,data:data6};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
else {
const err6 = {instancePath:instancePath+"/ca_cert_files",schemaPath:"#/properties/ca_cert_files/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema27.properties.ca_cert_files.type,parentSchema:schema27.properties.ca_cert_files,data:data5};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.timeout !== undefined){
let data7 = data.timeout;
if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
const err7 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema27.properties.timeout.type,parentSchema:schema27.properties.timeout,data:data7};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 > 4294967295 || isNaN(data7)){
const err8 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295",schema:4294967295,parentSchema:schema27.properties.timeout,data:data7};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data7 < 0 || isNaN(data7)){
const err9 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema27.properties.timeout,data:data7};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
if(data.connect_timeout !== undefined){
let data8 = data.connect_timeout;
if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
const err10 = {instancePath:instancePath+"/connect_timeout",schemaPath:"#/properties/connect_timeout/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema27.properties.connect_timeout.type,parentSchema:schema27.properties.connect_timeout,data:data8};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 > 4294967295 || isNaN(data8)){
const err11 = {instancePath:instancePath+"/connect_timeout",schemaPath:"#/properties/connect_timeout/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295",schema:4294967295,parentSchema:schema27.properties.connect_timeout,data:data8};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data8 < 0 || isNaN(data8)){
const err12 = {instancePath:instancePath+"/connect_timeout",schemaPath:"#/properties/connect_timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema27.properties.connect_timeout,data:data8};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
if(data.retry_limit !== undefined){
let data9 = data.retry_limit;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err13 = {instancePath:instancePath+"/retry_limit",schemaPath:"#/properties/retry_limit/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema27.properties.retry_limit.type,parentSchema:schema27.properties.retry_limit,data:data9};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 > 255 || isNaN(data9)){
const err14 = {instancePath:instancePath+"/retry_limit",schemaPath:"#/properties/retry_limit/maximum",keyword:"maximum",params:{comparison: "<=", limit: 255},message:"must be <= 255",schema:255,parentSchema:schema27.properties.retry_limit,data:data9};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data9 < 0 || isNaN(data9)){
const err15 = {instancePath:instancePath+"/retry_limit",schemaPath:"#/properties/retry_limit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema27.properties.retry_limit,data:data9};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
if(data.registry_token !== undefined){
let data10 = data.registry_token;
if((typeof data10 !== "string") && (data10 !== null)){
const err16 = {instancePath:instancePath+"/registry_token",schemaPath:"#/properties/registry_token/type",keyword:"type",params:{type: schema27.properties.registry_token.type},message:"must be string,null",schema:schema27.properties.registry_token.type,parentSchema:schema27.properties.registry_token,data:data10};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.blob_url_scheme !== undefined){
let data11 = data.blob_url_scheme;
if(typeof data11 !== "string"){
const err17 = {instancePath:instancePath+"/blob_url_scheme",schemaPath:"#/properties/blob_url_scheme/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.blob_url_scheme.type,parentSchema:schema27.properties.blob_url_scheme,data:data11};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.blob_redirected_host !== undefined){
let data12 = data.blob_redirected_host;
if(typeof data12 !== "string"){
const err18 = {instancePath:instancePath+"/blob_redirected_host",schemaPath:"#/properties/blob_redirected_host/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.blob_redirected_host.type,parentSchema:schema27.properties.blob_redirected_host,data:data12};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.proxy !== undefined){
if(!(validate60(data.proxy, {instancePath:instancePath+"/proxy",parentData:data,parentDataProperty:"proxy",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate60.errors : vErrors.concat(validate60.errors);
errors = vErrors.length;
}
}
}
else {
const err19 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema27.type,parentSchema:schema27,data};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
validate66.errors = vErrors;
return errors === 0;
}
validate66.evaluated = {"props":{"scheme":true,"host":true,"repo":true,"auth":true,"skip_verify":true,"ca_cert_files":true,"timeout":true,"connect_timeout":true,"retry_limit":true,"registry_token":true,"blob_url_scheme":true,"blob_redirected_host":true,"proxy":true},"dynamicProps":false,"dynamicItems":false};

const schema28 = {"title":"HttpProxyConfig","description":"http-proxy backend: blobs are fetched from an HTTP(S) server or a Unix-socket HTTP server as <path>/<blob id>.","type":"object","properties":{"addr":{"type":"string","description":"http://..., https://..., or the absolute path of an existing Unix socket."},"path":{"type":"string","default":"","description":"URL path prefix of blobs (ignored for Unix sockets)."},"skip_verify":{"type":"boolean","default":false,"description":"Skip TLS certificate verification."},"ca_cert_files":{"type":"array","items":{"type":"string"},"default":[],"description":"Extra CA certificate files (PEM) to trust."},"timeout":{"type":"integer","minimum":0,"maximum":4294967295,"default":5,"description":"Request timeout in seconds."},"connect_timeout":{"type":"integer","minimum":0,"maximum":4294967295,"default":5,"description":"Connection timeout in seconds."},"retry_limit":{"type":"integer","minimum":0,"maximum":255,"default":0,"description":"Retries of a failed request (0..=255)."},"proxy":{"$ref":"#/$defs/proxy","default":{},"description":"Connection-level proxy settings."}},"required":["addr"]};

function validate69(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate69.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.addr === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "addr"},message:"must have required property '"+"addr"+"'",schema:schema28.required,parentSchema:schema28,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.addr !== undefined){
let data0 = data.addr;
if(typeof data0 !== "string"){
const err1 = {instancePath:instancePath+"/addr",schemaPath:"#/properties/addr/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.properties.addr.type,parentSchema:schema28.properties.addr,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.path !== undefined){
let data1 = data.path;
if(typeof data1 !== "string"){
const err2 = {instancePath:instancePath+"/path",schemaPath:"#/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.properties.path.type,parentSchema:schema28.properties.path,data:data1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.skip_verify !== undefined){
let data2 = data.skip_verify;
if(typeof data2 !== "boolean"){
const err3 = {instancePath:instancePath+"/skip_verify",schemaPath:"#/properties/skip_verify/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema28.properties.skip_verify.type,parentSchema:schema28.properties.skip_verify,data:data2};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.ca_cert_files !== undefined){
let data3 = data.ca_cert_files;
if(Array.isArray(data3)){
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
let data4 = data3[i0];
if(typeof data4 !== "string"){
const err4 = {instancePath:instancePath+"/ca_cert_files/" + i0,schemaPath:"#/properties/ca_cert_files/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.properties.ca_cert_files.items.type,parentSchema:schema28.properties.ca_cert_files.items,data:data4};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
else {
const err5 = {instancePath:instancePath+"/ca_cert_files",schemaPath:"#/properties/ca_cert_files/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema28.properties.ca_cert_files.type,parentSchema:schema28.properties.ca_cert_files,data:data3};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.timeout !== undefined){
let data5 = data.timeout;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err6 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema28.properties.timeout.type,parentSchema:schema28.properties.timeout,data:data5};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 > 4294967295 || isNaN(data5)){
const err7 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295",schema:4294967295,parentSchema:schema28.properties.timeout,data:data5};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data5 < 0 || isNaN(data5)){
const err8 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema28.properties.timeout,data:data5};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
if(data.connect_timeout !== undefined){
let data6 = data.connect_timeout;
if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){
const err9 = {instancePath:instancePath+"/connect_timeout",schemaPath:"#/properties/connect_timeout/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema28.properties.connect_timeout.type,parentSchema:schema28.properties.connect_timeout,data:data6};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 > 4294967295 || isNaN(data6)){
const err10 = {instancePath:instancePath+"/connect_timeout",schemaPath:"#/properties/connect_timeout/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295",schema:4294967295,parentSchema:schema28.properties.connect_timeout,data:data6};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data6 < 0 || isNaN(data6)){
const err11 = {instancePath:instancePath+"/connect_timeout",schemaPath:"#/properties/connect_timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema28.properties.connect_timeout,data:data6};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
if(data.retry_limit !== undefined){
let data7 = data.retry_limit;
if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
const err12 = {instancePath:instancePath+"/retry_limit",schemaPath:"#/properties/retry_limit/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema28.properties.retry_limit.type,parentSchema:schema28.properties.retry_limit,data:data7};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 > 255 || isNaN(data7)){
const err13 = {instancePath:instancePath+"/retry_limit",schemaPath:"#/properties/retry_limit/maximum",keyword:"maximum",params:{comparison: "<=", limit: 255},message:"must be <= 255",schema:255,parentSchema:schema28.properties.retry_limit,data:data7};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(data7 < 0 || isNaN(data7)){
const err14 = {instancePath:instancePath+"/retry_limit",schemaPath:"#/properties/retry_limit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema28.properties.retry_limit,data:data7};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
if(data.proxy !== undefined){
if(!(validate60(data.proxy, {instancePath:instancePath+"/proxy",parentData:data,parentDataProperty:"proxy",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate60.errors : vErrors.concat(validate60.errors);
errors = vErrors.length;
}
}
}
else {
const err15 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema28.type,parentSchema:schema28,data};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
validate69.errors = vErrors;
return errors === 0;
}
validate69.evaluated = {"props":{"addr":true,"path":true,"skip_verify":true,"ca_cert_files":true,"timeout":true,"connect_timeout":true,"retry_limit":true,"proxy":true},"dynamicProps":false,"dynamicItems":false};


function validate54(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate54.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs2 = errors;
let valid1 = true;
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.type === undefined) && (missing0 = "type")){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(data.type !== undefined){
if("localfs" !== data.type){
const err1 = {};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
}
var _valid0 = _errs3 === errors;
errors = _errs2;
if(vErrors !== null){
if(_errs2){
vErrors.length = _errs2;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs5 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.localfs === undefined){
const err2 = {instancePath,schemaPath:"#/allOf/0/then/required",keyword:"required",params:{missingProperty: "localfs"},message:"must have required property '"+"localfs"+"'",schema:schema21.allOf[0].then.required,parentSchema:schema21.allOf[0].then,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.localfs !== undefined){
let data1 = data.localfs;
if(!(data1 && typeof data1 == "object" && !Array.isArray(data1))){
const err3 = {instancePath:instancePath+"/localfs",schemaPath:"#/allOf/0/then/properties/localfs/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema21.allOf[0].then.properties.localfs.type,parentSchema:schema21.allOf[0].then.properties.localfs,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
var _valid0 = _errs5 === errors;
valid1 = _valid0;
if(valid1){
var props0 = {};
props0.localfs = true;
props0.type = true;
}
}
if(!valid1){
const err4 = {instancePath,schemaPath:"#/allOf/0/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema21.allOf[0].if,parentSchema:schema21.allOf[0],data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
const _errs9 = errors;
let valid4 = true;
const _errs10 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if((data.type === undefined) && (missing1 = "type")){
const err5 = {};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
else {
if(data.type !== undefined){
if("localdisk" !== data.type){
const err6 = {};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
}
var _valid1 = _errs10 === errors;
errors = _errs9;
if(vErrors !== null){
if(_errs9){
vErrors.length = _errs9;
}
else {
vErrors = null;
}
}
if(_valid1){
const _errs12 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.localdisk === undefined){
const err7 = {instancePath,schemaPath:"#/allOf/1/then/required",keyword:"required",params:{missingProperty: "localdisk"},message:"must have required property '"+"localdisk"+"'",schema:schema21.allOf[1].then.required,parentSchema:schema21.allOf[1].then,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data.localdisk !== undefined){
let data3 = data.localdisk;
if(!(data3 && typeof data3 == "object" && !Array.isArray(data3))){
const err8 = {instancePath:instancePath+"/localdisk",schemaPath:"#/allOf/1/then/properties/localdisk/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema21.allOf[1].then.properties.localdisk.type,parentSchema:schema21.allOf[1].then.properties.localdisk,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
var _valid1 = _errs12 === errors;
valid4 = _valid1;
if(valid4){
var props1 = {};
props1.localdisk = true;
props1.type = true;
}
}
if(!valid4){
const err9 = {instancePath,schemaPath:"#/allOf/1/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema21.allOf[1].if,parentSchema:schema21.allOf[1],data};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(props0 !== true && props1 !== undefined){
if(props1 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props1);
}
}
const _errs16 = errors;
let valid7 = true;
const _errs17 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing2;
if((data.type === undefined) && (missing2 = "type")){
const err10 = {};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
else {
if(data.type !== undefined){
if("oss" !== data.type){
const err11 = {};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
}
var _valid2 = _errs17 === errors;
errors = _errs16;
if(vErrors !== null){
if(_errs16){
vErrors.length = _errs16;
}
else {
vErrors = null;
}
}
if(_valid2){
const _errs19 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.oss === undefined){
const err12 = {instancePath,schemaPath:"#/allOf/2/then/required",keyword:"required",params:{missingProperty: "oss"},message:"must have required property '"+"oss"+"'",schema:schema21.allOf[2].then.required,parentSchema:schema21.allOf[2].then,data};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data.oss !== undefined){
let data5 = data.oss;
if(!(data5 && typeof data5 == "object" && !Array.isArray(data5))){
const err13 = {instancePath:instancePath+"/oss",schemaPath:"#/allOf/2/then/properties/oss/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema21.allOf[2].then.properties.oss.type,parentSchema:schema21.allOf[2].then.properties.oss,data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
var _valid2 = _errs19 === errors;
valid7 = _valid2;
if(valid7){
var props2 = {};
props2.oss = true;
props2.type = true;
}
}
if(!valid7){
const err14 = {instancePath,schemaPath:"#/allOf/2/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema21.allOf[2].if,parentSchema:schema21.allOf[2],data};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(props0 !== true && props2 !== undefined){
if(props2 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props2);
}
}
const _errs23 = errors;
let valid10 = true;
const _errs24 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing3;
if((data.type === undefined) && (missing3 = "type")){
const err15 = {};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
else {
if(data.type !== undefined){
if("s3" !== data.type){
const err16 = {};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
}
var _valid3 = _errs24 === errors;
errors = _errs23;
if(vErrors !== null){
if(_errs23){
vErrors.length = _errs23;
}
else {
vErrors = null;
}
}
if(_valid3){
const _errs26 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.s3 === undefined){
const err17 = {instancePath,schemaPath:"#/allOf/3/then/required",keyword:"required",params:{missingProperty: "s3"},message:"must have required property '"+"s3"+"'",schema:schema21.allOf[3].then.required,parentSchema:schema21.allOf[3].then,data};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(data.s3 !== undefined){
let data7 = data.s3;
if(!(data7 && typeof data7 == "object" && !Array.isArray(data7))){
const err18 = {instancePath:instancePath+"/s3",schemaPath:"#/allOf/3/then/properties/s3/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema21.allOf[3].then.properties.s3.type,parentSchema:schema21.allOf[3].then.properties.s3,data:data7};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
var _valid3 = _errs26 === errors;
valid10 = _valid3;
if(valid10){
var props3 = {};
props3.s3 = true;
props3.type = true;
}
}
if(!valid10){
const err19 = {instancePath,schemaPath:"#/allOf/3/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema21.allOf[3].if,parentSchema:schema21.allOf[3],data};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(props0 !== true && props3 !== undefined){
if(props3 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props3);
}
}
const _errs30 = errors;
let valid13 = true;
const _errs31 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing4;
if((data.type === undefined) && (missing4 = "type")){
const err20 = {};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
else {
if(data.type !== undefined){
if("registry" !== data.type){
const err21 = {};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
}
var _valid4 = _errs31 === errors;
errors = _errs30;
if(vErrors !== null){
if(_errs30){
vErrors.length = _errs30;
}
else {
vErrors = null;
}
}
if(_valid4){
const _errs33 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.registry === undefined){
const err22 = {instancePath,schemaPath:"#/allOf/4/then/required",keyword:"required",params:{missingProperty: "registry"},message:"must have required property '"+"registry"+"'",schema:schema21.allOf[4].then.required,parentSchema:schema21.allOf[4].then,data};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data.registry !== undefined){
let data9 = data.registry;
if(!(data9 && typeof data9 == "object" && !Array.isArray(data9))){
const err23 = {instancePath:instancePath+"/registry",schemaPath:"#/allOf/4/then/properties/registry/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema21.allOf[4].then.properties.registry.type,parentSchema:schema21.allOf[4].then.properties.registry,data:data9};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
var _valid4 = _errs33 === errors;
valid13 = _valid4;
if(valid13){
var props4 = {};
props4.registry = true;
props4.type = true;
}
}
if(!valid13){
const err24 = {instancePath,schemaPath:"#/allOf/4/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema21.allOf[4].if,parentSchema:schema21.allOf[4],data};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(props0 !== true && props4 !== undefined){
if(props4 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props4);
}
}
const _errs37 = errors;
let valid16 = true;
const _errs38 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing5;
if((data.type === undefined) && (missing5 = "type")){
const err25 = {};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
else {
if(data.type !== undefined){
if("http-proxy" !== data.type){
const err26 = {};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
}
var _valid5 = _errs38 === errors;
errors = _errs37;
if(vErrors !== null){
if(_errs37){
vErrors.length = _errs37;
}
else {
vErrors = null;
}
}
if(_valid5){
const _errs40 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data["http-proxy"] === undefined){
const err27 = {instancePath,schemaPath:"#/allOf/5/then/required",keyword:"required",params:{missingProperty: "http-proxy"},message:"must have required property '"+"http-proxy"+"'",schema:schema21.allOf[5].then.required,parentSchema:schema21.allOf[5].then,data};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if(data["http-proxy"] !== undefined){
let data11 = data["http-proxy"];
if(!(data11 && typeof data11 == "object" && !Array.isArray(data11))){
const err28 = {instancePath:instancePath+"/http-proxy",schemaPath:"#/allOf/5/then/properties/http-proxy/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema21.allOf[5].then.properties["http-proxy"].type,parentSchema:schema21.allOf[5].then.properties["http-proxy"],data:data11};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
var _valid5 = _errs40 === errors;
valid16 = _valid5;
if(valid16){
var props5 = {};
props5["http-proxy"] = true;
props5.type = true;
}
}
if(!valid16){
const err29 = {instancePath,schemaPath:"#/allOf/5/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema21.allOf[5].if,parentSchema:schema21.allOf[5],data};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(props0 !== true && props5 !== undefined){
if(props5 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props5);
}
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err30 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema21.required,parentSchema:schema21,data};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(props0 !== true){
props0 = props0 || {};
props0.type = true;
props0.localfs = true;
props0.localdisk = true;
props0.oss = true;
props0.s3 = true;
props0.registry = true;
props0["http-proxy"] = true;
}
if(data.type !== undefined){
let data12 = data.type;
if(typeof data12 !== "string"){
const err31 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.type.type,parentSchema:schema21.properties.type,data:data12};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if(!((((((data12 === "localfs") || (data12 === "localdisk")) || (data12 === "oss")) || (data12 === "s3")) || (data12 === "registry")) || (data12 === "http-proxy"))){
const err32 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/enum",keyword:"enum",params:{allowedValues: schema21.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema21.properties.type.enum,parentSchema:schema21.properties.type,data:data12};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data.localfs !== undefined){
let data13 = data.localfs;
const _errs46 = errors;
let valid20 = false;
const _errs47 = errors;
if(!(validate55(data13, {instancePath:instancePath+"/localfs",parentData:data,parentDataProperty:"localfs",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate55.errors : vErrors.concat(validate55.errors);
errors = vErrors.length;
}
var _valid6 = _errs47 === errors;
valid20 = valid20 || _valid6;
if(_valid6){
var props6 = {};
props6.blob_file = true;
props6.dir = true;
props6.alt_dirs = true;
}
const _errs48 = errors;
if(data13 !== null){
const err33 = {instancePath:instancePath+"/localfs",schemaPath:"#/properties/localfs/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema21.properties.localfs.anyOf[1].type,parentSchema:schema21.properties.localfs.anyOf[1],data:data13};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
var _valid6 = _errs48 === errors;
valid20 = valid20 || _valid6;
if(!valid20){
const err34 = {instancePath:instancePath+"/localfs",schemaPath:"#/properties/localfs/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema21.properties.localfs.anyOf,parentSchema:schema21.properties.localfs,data:data13};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
else {
errors = _errs46;
if(vErrors !== null){
if(_errs46){
vErrors.length = _errs46;
}
else {
vErrors = null;
}
}
}
}
if(data.localdisk !== undefined){
let data14 = data.localdisk;
const _errs51 = errors;
let valid21 = false;
const _errs52 = errors;
if(!(validate57(data14, {instancePath:instancePath+"/localdisk",parentData:data,parentDataProperty:"localdisk",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate57.errors : vErrors.concat(validate57.errors);
errors = vErrors.length;
}
var _valid7 = _errs52 === errors;
valid21 = valid21 || _valid7;
if(_valid7){
var props7 = {};
props7.device_path = true;
props7.disable_gpt = true;
}
const _errs53 = errors;
if(data14 !== null){
const err35 = {instancePath:instancePath+"/localdisk",schemaPath:"#/properties/localdisk/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema21.properties.localdisk.anyOf[1].type,parentSchema:schema21.properties.localdisk.anyOf[1],data:data14};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
var _valid7 = _errs53 === errors;
valid21 = valid21 || _valid7;
if(!valid21){
const err36 = {instancePath:instancePath+"/localdisk",schemaPath:"#/properties/localdisk/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema21.properties.localdisk.anyOf,parentSchema:schema21.properties.localdisk,data:data14};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
else {
errors = _errs51;
if(vErrors !== null){
if(_errs51){
vErrors.length = _errs51;
}
else {
vErrors = null;
}
}
}
}
if(data.oss !== undefined){
let data15 = data.oss;
const _errs56 = errors;
let valid22 = false;
const _errs57 = errors;
if(!(validate59(data15, {instancePath:instancePath+"/oss",parentData:data,parentDataProperty:"oss",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate59.errors : vErrors.concat(validate59.errors);
errors = vErrors.length;
}
var _valid8 = _errs57 === errors;
valid22 = valid22 || _valid8;
if(_valid8){
var props8 = {};
props8.scheme = true;
props8.endpoint = true;
props8.bucket_name = true;
props8.object_prefix = true;
props8.access_key_id = true;
props8.access_key_secret = true;
props8.skip_verify = true;
props8.ca_cert_files = true;
props8.timeout = true;
props8.connect_timeout = true;
props8.retry_limit = true;
props8.proxy = true;
}
const _errs58 = errors;
if(data15 !== null){
const err37 = {instancePath:instancePath+"/oss",schemaPath:"#/properties/oss/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema21.properties.oss.anyOf[1].type,parentSchema:schema21.properties.oss.anyOf[1],data:data15};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
var _valid8 = _errs58 === errors;
valid22 = valid22 || _valid8;
if(!valid22){
const err38 = {instancePath:instancePath+"/oss",schemaPath:"#/properties/oss/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema21.properties.oss.anyOf,parentSchema:schema21.properties.oss,data:data15};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
else {
errors = _errs56;
if(vErrors !== null){
if(_errs56){
vErrors.length = _errs56;
}
else {
vErrors = null;
}
}
}
}
if(data.s3 !== undefined){
let data16 = data.s3;
const _errs61 = errors;
let valid23 = false;
const _errs62 = errors;
if(!(validate63(data16, {instancePath:instancePath+"/s3",parentData:data,parentDataProperty:"s3",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate63.errors : vErrors.concat(validate63.errors);
errors = vErrors.length;
}
var _valid9 = _errs62 === errors;
valid23 = valid23 || _valid9;
if(_valid9){
var props9 = {};
props9.scheme = true;
props9.endpoint = true;
props9.region = true;
props9.bucket_name = true;
props9.object_prefix = true;
props9.access_key_id = true;
props9.access_key_secret = true;
props9.skip_verify = true;
props9.ca_cert_files = true;
props9.timeout = true;
props9.connect_timeout = true;
props9.retry_limit = true;
props9.proxy = true;
}
const _errs63 = errors;
if(data16 !== null){
const err39 = {instancePath:instancePath+"/s3",schemaPath:"#/properties/s3/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema21.properties.s3.anyOf[1].type,parentSchema:schema21.properties.s3.anyOf[1],data:data16};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
var _valid9 = _errs63 === errors;
valid23 = valid23 || _valid9;
if(!valid23){
const err40 = {instancePath:instancePath+"/s3",schemaPath:"#/properties/s3/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema21.properties.s3.anyOf,parentSchema:schema21.properties.s3,data:data16};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
else {
errors = _errs61;
if(vErrors !== null){
if(_errs61){
vErrors.length = _errs61;
}
else {
vErrors = null;
}
}
}
}
if(data.registry !== undefined){
let data17 = data.registry;
const _errs66 = errors;
let valid24 = false;
const _errs67 = errors;
if(!(validate66(data17, {instancePath:instancePath+"/registry",parentData:data,parentDataProperty:"registry",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate66.errors : vErrors.concat(validate66.errors);
errors = vErrors.length;
}
var _valid10 = _errs67 === errors;
valid24 = valid24 || _valid10;
if(_valid10){
var props10 = {};
props10.scheme = true;
props10.host = true;
props10.repo = true;
props10.auth = true;
props10.skip_verify = true;
props10.ca_cert_files = true;
props10.timeout = true;
props10.connect_timeout = true;
props10.retry_limit = true;
props10.registry_token = true;
props10.blob_url_scheme = true;
props10.blob_redirected_host = true;
props10.proxy = true;
}
const _errs68 = errors;
if(data17 !== null){
const err41 = {instancePath:instancePath+"/registry",schemaPath:"#/properties/registry/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema21.properties.registry.anyOf[1].type,parentSchema:schema21.properties.registry.anyOf[1],data:data17};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
var _valid10 = _errs68 === errors;
valid24 = valid24 || _valid10;
if(!valid24){
const err42 = {instancePath:instancePath+"/registry",schemaPath:"#/properties/registry/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema21.properties.registry.anyOf,parentSchema:schema21.properties.registry,data:data17};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
else {
errors = _errs66;
if(vErrors !== null){
if(_errs66){
vErrors.length = _errs66;
}
else {
vErrors = null;
}
}
}
}
if(data["http-proxy"] !== undefined){
let data18 = data["http-proxy"];
const _errs71 = errors;
let valid25 = false;
const _errs72 = errors;
if(!(validate69(data18, {instancePath:instancePath+"/http-proxy",parentData:data,parentDataProperty:"http-proxy",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate69.errors : vErrors.concat(validate69.errors);
errors = vErrors.length;
}
var _valid11 = _errs72 === errors;
valid25 = valid25 || _valid11;
if(_valid11){
var props11 = {};
props11.addr = true;
props11.path = true;
props11.skip_verify = true;
props11.ca_cert_files = true;
props11.timeout = true;
props11.connect_timeout = true;
props11.retry_limit = true;
props11.proxy = true;
}
const _errs73 = errors;
if(data18 !== null){
const err43 = {instancePath:instancePath+"/http-proxy",schemaPath:"#/properties/http-proxy/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema21.properties["http-proxy"].anyOf[1].type,parentSchema:schema21.properties["http-proxy"].anyOf[1],data:data18};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
var _valid11 = _errs73 === errors;
valid25 = valid25 || _valid11;
if(!valid25){
const err44 = {instancePath:instancePath+"/http-proxy",schemaPath:"#/properties/http-proxy/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema21.properties["http-proxy"].anyOf,parentSchema:schema21.properties["http-proxy"],data:data18};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
else {
errors = _errs71;
if(vErrors !== null){
if(_errs71){
vErrors.length = _errs71;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err45 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema21.type,parentSchema:schema21,data};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
validate54.errors = vErrors;
evaluated0.props = props0;
return errors === 0;
}
validate54.evaluated = {"dynamicProps":true,"dynamicItems":false};

const schema29 = {"title":"ExternalBackendConfig","description":"A backend described inside the image, patched by this entry.","type":"object","properties":{"type":{"type":"string","description":"Backend kind of the external backend."},"patch":{"type":"object","additionalProperties":{"type":"string"},"description":"Keys matched against the image's backend description."},"config":{"type":"object","additionalProperties":{"type":"string"},"description":"Settings merged into the matched backend."}},"required":["type","patch","config"]};

function validate73(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate73.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema29.required,parentSchema:schema29,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.patch === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "patch"},message:"must have required property '"+"patch"+"'",schema:schema29.required,parentSchema:schema29,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.config === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "config"},message:"must have required property '"+"config"+"'",schema:schema29.required,parentSchema:schema29,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.type !== undefined){
let data0 = data.type;
if(typeof data0 !== "string"){
const err3 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema29.properties.type.type,parentSchema:schema29.properties.type,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.patch !== undefined){
let data1 = data.patch;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key0 in data1){
let data2 = data1[key0];
if(typeof data2 !== "string"){
const err4 = {instancePath:instancePath+"/patch/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/patch/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema29.properties.patch.additionalProperties.type,parentSchema:schema29.properties.patch.additionalProperties,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
else {
const err5 = {instancePath:instancePath+"/patch",schemaPath:"#/properties/patch/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema29.properties.patch.type,parentSchema:schema29.properties.patch,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.config !== undefined){
let data3 = data.config;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
for(const key1 in data3){
let data4 = data3[key1];
if(typeof data4 !== "string"){
const err6 = {instancePath:instancePath+"/config/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/config/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema29.properties.config.additionalProperties.type,parentSchema:schema29.properties.config.additionalProperties,data:data4};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath:instancePath+"/config",schemaPath:"#/properties/config/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema29.properties.config.type,parentSchema:schema29.properties.config,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema29.type,parentSchema:schema29,data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
validate73.errors = vErrors;
return errors === 0;
}
validate73.evaluated = {"props":{"type":true,"patch":true,"config":true},"dynamicProps":false,"dynamicItems":false};

const schema30 = {"title":"CacheConfig","description":"Local cache of blob data.","type":"object","properties":{"type":{"type":"string","enum":["blobcache","filecache","fscache","dummycache","dummy",""],"default":"","description":"blobcache or filecache (local chunk cache files), fscache (kernel cachefiles), or dummycache, dummy or \"\" for no cache."},"compressed":{"type":"boolean","default":false,"description":"Keep chunks compressed in the cache file (filecache only)."},"validate":{"type":"boolean","default":false,"description":"Validate chunk digests of data read from the cache."},"prefetch":{"$ref":"#/$defs/prefetch","default":{"enable":false,"threads":0,"batch_size":0,"bandwidth_limit":0,"prefetch_all":false,"stream_prefetch":false},"description":"Blob-level prefetch; all zeros when absent."},"filecache":{"anyOf":[{"$ref":"#/$defs/filecache"},{"type":"null"}],"default":null,"description":"Settings of blobcache/filecache; required for those types."},"fscache":{"anyOf":[{"$ref":"#/$defs/fscache"},{"type":"null"}],"default":null,"description":"Settings of fscache; required for that type."}},"allOf":[{"if":{"properties":{"type":{"enum":["blobcache","filecache"]}},"required":["type"]},"then":{"required":["filecache"],"properties":{"filecache":{"type":"object","properties":{"work_dir":{"type":"string","minLength":1}}}}}},{"if":{"properties":{"type":{"const":"fscache"}},"required":["type"]},"then":{"required":["fscache"],"properties":{"fscache":{"type":"object","properties":{"work_dir":{"type":"string","minLength":1}}}}}}]};
import func1_module from "ajv/dist/runtime/ucs2length.js";const func1 = func1_module.default;
const schema31 = {"title":"PrefetchConfig","description":"Prefetch settings, used as cache.prefetch (blob level) and rafs.prefetch (file level). Per-key defaults apply when the object is present; an absent object means all zeros.","type":"object","properties":{"enable":{"type":"boolean","description":"Whether prefetch runs at all. Required whenever the object is present."},"threads":{"type":"integer","minimum":0,"default":8,"description":"Number of prefetch worker threads (1..=1024 when enabled)."},"batch_size":{"type":"integer","minimum":0,"default":1048576,"description":"Merge size in bytes for prefetch requests to the backend (at most 256 MiB when enabled)."},"bandwidth_limit":{"type":"integer","minimum":0,"maximum":4294967295,"default":0,"description":"Prefetch bandwidth limit in bytes per second; 0 means unlimited."},"prefetch_all":{"type":"boolean","default":false,"description":"Prefetch every blob of the image entirely."},"stream_prefetch":{"type":"boolean","default":false,"description":"Use Dragonfly's streaming prefetch."}},"required":["enable"],"if":{"properties":{"enable":{"const":true}},"required":["enable"]},"then":{"properties":{"threads":{"type":"integer","minimum":1,"maximum":1024},"batch_size":{"type":"integer","maximum":268435456}}}};

function validate76(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate76.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs1 = errors;
let valid0 = true;
const _errs2 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.enable === undefined) && (missing0 = "enable")){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(data.enable !== undefined){
if(true !== data.enable){
const err1 = {};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
}
var _valid0 = _errs2 === errors;
errors = _errs1;
if(vErrors !== null){
if(_errs1){
vErrors.length = _errs1;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs4 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.threads !== undefined){
let data1 = data.threads;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err2 = {instancePath:instancePath+"/threads",schemaPath:"#/then/properties/threads/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema31.then.properties.threads.type,parentSchema:schema31.then.properties.threads,data:data1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 1024 || isNaN(data1)){
const err3 = {instancePath:instancePath+"/threads",schemaPath:"#/then/properties/threads/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1024},message:"must be <= 1024",schema:1024,parentSchema:schema31.then.properties.threads,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data1 < 1 || isNaN(data1)){
const err4 = {instancePath:instancePath+"/threads",schemaPath:"#/then/properties/threads/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema31.then.properties.threads,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
if(data.batch_size !== undefined){
let data2 = data.batch_size;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err5 = {instancePath:instancePath+"/batch_size",schemaPath:"#/then/properties/batch_size/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema31.then.properties.batch_size.type,parentSchema:schema31.then.properties.batch_size,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 > 268435456 || isNaN(data2)){
const err6 = {instancePath:instancePath+"/batch_size",schemaPath:"#/then/properties/batch_size/maximum",keyword:"maximum",params:{comparison: "<=", limit: 268435456},message:"must be <= 268435456",schema:268435456,parentSchema:schema31.then.properties.batch_size,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
}
var _valid0 = _errs4 === errors;
valid0 = _valid0;
if(valid0){
var props0 = {};
props0.threads = true;
props0.batch_size = true;
props0.enable = true;
}
}
if(!valid0){
const err7 = {instancePath,schemaPath:"#/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema31.if,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.enable === undefined){
const err8 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "enable"},message:"must have required property '"+"enable"+"'",schema:schema31.required,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(props0 !== true){
props0 = props0 || {};
props0.enable = true;
props0.threads = true;
props0.batch_size = true;
props0.bandwidth_limit = true;
props0.prefetch_all = true;
props0.stream_prefetch = true;
}
if(data.enable !== undefined){
let data3 = data.enable;
if(typeof data3 !== "boolean"){
const err9 = {instancePath:instancePath+"/enable",schemaPath:"#/properties/enable/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema31.properties.enable.type,parentSchema:schema31.properties.enable,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.threads !== undefined){
let data4 = data.threads;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err10 = {instancePath:instancePath+"/threads",schemaPath:"#/properties/threads/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema31.properties.threads.type,parentSchema:schema31.properties.threads,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 < 0 || isNaN(data4)){
const err11 = {instancePath:instancePath+"/threads",schemaPath:"#/properties/threads/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema31.properties.threads,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
if(data.batch_size !== undefined){
let data5 = data.batch_size;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err12 = {instancePath:instancePath+"/batch_size",schemaPath:"#/properties/batch_size/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema31.properties.batch_size.type,parentSchema:schema31.properties.batch_size,data:data5};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 < 0 || isNaN(data5)){
const err13 = {instancePath:instancePath+"/batch_size",schemaPath:"#/properties/batch_size/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema31.properties.batch_size,data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
if(data.bandwidth_limit !== undefined){
let data6 = data.bandwidth_limit;
if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){
const err14 = {instancePath:instancePath+"/bandwidth_limit",schemaPath:"#/properties/bandwidth_limit/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema31.properties.bandwidth_limit.type,parentSchema:schema31.properties.bandwidth_limit,data:data6};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 > 4294967295 || isNaN(data6)){
const err15 = {instancePath:instancePath+"/bandwidth_limit",schemaPath:"#/properties/bandwidth_limit/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295",schema:4294967295,parentSchema:schema31.properties.bandwidth_limit,data:data6};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data6 < 0 || isNaN(data6)){
const err16 = {instancePath:instancePath+"/bandwidth_limit",schemaPath:"#/properties/bandwidth_limit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema31.properties.bandwidth_limit,data:data6};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
if(data.prefetch_all !== undefined){
let data7 = data.prefetch_all;
if(typeof data7 !== "boolean"){
const err17 = {instancePath:instancePath+"/prefetch_all",schemaPath:"#/properties/prefetch_all/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema31.properties.prefetch_all.type,parentSchema:schema31.properties.prefetch_all,data:data7};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.stream_prefetch !== undefined){
let data8 = data.stream_prefetch;
if(typeof data8 !== "boolean"){
const err18 = {instancePath:instancePath+"/stream_prefetch",schemaPath:"#/properties/stream_prefetch/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema31.properties.stream_prefetch.type,parentSchema:schema31.properties.stream_prefetch,data:data8};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
else {
const err19 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.type,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
validate76.errors = vErrors;
evaluated0.props = props0;
return errors === 0;
}
validate76.evaluated = {"dynamicProps":true,"dynamicItems":false};

const schema32 = {"title":"FileCacheConfig","description":"blobcache/filecache: per-blob cache files with a chunk map in work_dir.","type":"object","properties":{"work_dir":{"type":"string","default":".","description":"Directory holding the cache files; created if missing; must be non-empty."},"disable_indexed_map":{"type":"boolean","default":false,"description":"Deprecated; accepted and ignored."},"enable_encryption":{"type":"boolean","default":false,"description":"Encrypt cache files."},"enable_convergent_encryption":{"type":"boolean","default":false,"description":"Derive the cache encryption key from the chunk content."},"encryption_key":{"type":"string","default":"","description":"Hex of the 32-byte cache encryption key (secret: redacted when printed)."}}};

function validate78(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate78.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.work_dir !== undefined){
let data0 = data.work_dir;
if(typeof data0 !== "string"){
const err0 = {instancePath:instancePath+"/work_dir",schemaPath:"#/properties/work_dir/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.work_dir.type,parentSchema:schema32.properties.work_dir,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.disable_indexed_map !== undefined){
let data1 = data.disable_indexed_map;
if(typeof data1 !== "boolean"){
const err1 = {instancePath:instancePath+"/disable_indexed_map",schemaPath:"#/properties/disable_indexed_map/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema32.properties.disable_indexed_map.type,parentSchema:schema32.properties.disable_indexed_map,data:data1};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.enable_encryption !== undefined){
let data2 = data.enable_encryption;
if(typeof data2 !== "boolean"){
const err2 = {instancePath:instancePath+"/enable_encryption",schemaPath:"#/properties/enable_encryption/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema32.properties.enable_encryption.type,parentSchema:schema32.properties.enable_encryption,data:data2};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.enable_convergent_encryption !== undefined){
let data3 = data.enable_convergent_encryption;
if(typeof data3 !== "boolean"){
const err3 = {instancePath:instancePath+"/enable_convergent_encryption",schemaPath:"#/properties/enable_convergent_encryption/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema32.properties.enable_convergent_encryption.type,parentSchema:schema32.properties.enable_convergent_encryption,data:data3};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.encryption_key !== undefined){
let data4 = data.encryption_key;
if(typeof data4 !== "string"){
const err4 = {instancePath:instancePath+"/encryption_key",schemaPath:"#/properties/encryption_key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.encryption_key.type,parentSchema:schema32.properties.encryption_key,data:data4};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
else {
const err5 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema32.type,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
validate78.errors = vErrors;
return errors === 0;
}
validate78.evaluated = {"props":{"work_dir":true,"disable_indexed_map":true,"enable_encryption":true,"enable_convergent_encryption":true,"encryption_key":true},"dynamicProps":false,"dynamicItems":false};

const schema33 = {"title":"FsCacheConfig","description":"fscache: the kernel's cachefiles on-demand cache, for EROFS.","type":"object","properties":{"work_dir":{"type":"string","default":".","description":"cachefiles working directory; must be non-empty."}}};

function validate80(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate80.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.work_dir !== undefined){
let data0 = data.work_dir;
if(typeof data0 !== "string"){
const err0 = {instancePath:instancePath+"/work_dir",schemaPath:"#/properties/work_dir/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.work_dir.type,parentSchema:schema33.properties.work_dir,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
}
else {
const err1 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.type,parentSchema:schema33,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
validate80.errors = vErrors;
return errors === 0;
}
validate80.evaluated = {"props":{"work_dir":true},"dynamicProps":false,"dynamicItems":false};


function validate75(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate75.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs2 = errors;
let valid1 = true;
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.type === undefined) && (missing0 = "type")){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(data.type !== undefined){
let data0 = data.type;
if(!((data0 === "blobcache") || (data0 === "filecache"))){
const err1 = {};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
}
var _valid0 = _errs3 === errors;
errors = _errs2;
if(vErrors !== null){
if(_errs2){
vErrors.length = _errs2;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs5 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.filecache === undefined){
const err2 = {instancePath,schemaPath:"#/allOf/0/then/required",keyword:"required",params:{missingProperty: "filecache"},message:"must have required property '"+"filecache"+"'",schema:schema30.allOf[0].then.required,parentSchema:schema30.allOf[0].then,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.filecache !== undefined){
let data1 = data.filecache;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.work_dir !== undefined){
let data2 = data1.work_dir;
if(typeof data2 === "string"){
if(func1(data2) < 1){
const err3 = {instancePath:instancePath+"/filecache/work_dir",schemaPath:"#/allOf/0/then/properties/filecache/properties/work_dir/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema30.allOf[0].then.properties.filecache.properties.work_dir,data:data2};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/filecache/work_dir",schemaPath:"#/allOf/0/then/properties/filecache/properties/work_dir/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema30.allOf[0].then.properties.filecache.properties.work_dir.type,parentSchema:schema30.allOf[0].then.properties.filecache.properties.work_dir,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
else {
const err5 = {instancePath:instancePath+"/filecache",schemaPath:"#/allOf/0/then/properties/filecache/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema30.allOf[0].then.properties.filecache.type,parentSchema:schema30.allOf[0].then.properties.filecache,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
var _valid0 = _errs5 === errors;
valid1 = _valid0;
if(valid1){
var props0 = {};
props0.filecache = true;
props0.type = true;
}
}
if(!valid1){
const err6 = {instancePath,schemaPath:"#/allOf/0/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema30.allOf[0].if,parentSchema:schema30.allOf[0],data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
const _errs11 = errors;
let valid5 = true;
const _errs12 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if((data.type === undefined) && (missing1 = "type")){
const err7 = {};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
else {
if(data.type !== undefined){
if("fscache" !== data.type){
const err8 = {};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
}
var _valid1 = _errs12 === errors;
errors = _errs11;
if(vErrors !== null){
if(_errs11){
vErrors.length = _errs11;
}
else {
vErrors = null;
}
}
if(_valid1){
const _errs14 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.fscache === undefined){
const err9 = {instancePath,schemaPath:"#/allOf/1/then/required",keyword:"required",params:{missingProperty: "fscache"},message:"must have required property '"+"fscache"+"'",schema:schema30.allOf[1].then.required,parentSchema:schema30.allOf[1].then,data};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data.fscache !== undefined){
let data4 = data.fscache;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(data4.work_dir !== undefined){
let data5 = data4.work_dir;
if(typeof data5 === "string"){
if(func1(data5) < 1){
const err10 = {instancePath:instancePath+"/fscache/work_dir",schemaPath:"#/allOf/1/then/properties/fscache/properties/work_dir/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema30.allOf[1].then.properties.fscache.properties.work_dir,data:data5};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/fscache/work_dir",schemaPath:"#/allOf/1/then/properties/fscache/properties/work_dir/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema30.allOf[1].then.properties.fscache.properties.work_dir.type,parentSchema:schema30.allOf[1].then.properties.fscache.properties.work_dir,data:data5};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath:instancePath+"/fscache",schemaPath:"#/allOf/1/then/properties/fscache/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema30.allOf[1].then.properties.fscache.type,parentSchema:schema30.allOf[1].then.properties.fscache,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
var _valid1 = _errs14 === errors;
valid5 = _valid1;
if(valid5){
var props1 = {};
props1.fscache = true;
props1.type = true;
}
}
if(!valid5){
const err13 = {instancePath,schemaPath:"#/allOf/1/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema30.allOf[1].if,parentSchema:schema30.allOf[1],data};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(props0 !== true && props1 !== undefined){
if(props1 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props1);
}
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(props0 !== true){
props0 = props0 || {};
props0.type = true;
props0.compressed = true;
props0.validate = true;
props0.prefetch = true;
props0.filecache = true;
props0.fscache = true;
}
if(data.type !== undefined){
let data6 = data.type;
if(typeof data6 !== "string"){
const err14 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema30.properties.type.type,parentSchema:schema30.properties.type,data:data6};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(!((((((data6 === "blobcache") || (data6 === "filecache")) || (data6 === "fscache")) || (data6 === "dummycache")) || (data6 === "dummy")) || (data6 === ""))){
const err15 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/enum",keyword:"enum",params:{allowedValues: schema30.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema30.properties.type.enum,parentSchema:schema30.properties.type,data:data6};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.compressed !== undefined){
let data7 = data.compressed;
if(typeof data7 !== "boolean"){
const err16 = {instancePath:instancePath+"/compressed",schemaPath:"#/properties/compressed/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema30.properties.compressed.type,parentSchema:schema30.properties.compressed,data:data7};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.validate !== undefined){
let data8 = data.validate;
if(typeof data8 !== "boolean"){
const err17 = {instancePath:instancePath+"/validate",schemaPath:"#/properties/validate/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema30.properties.validate.type,parentSchema:schema30.properties.validate,data:data8};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.prefetch !== undefined){
if(!(validate76(data.prefetch, {instancePath:instancePath+"/prefetch",parentData:data,parentDataProperty:"prefetch",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate76.errors : vErrors.concat(validate76.errors);
errors = vErrors.length;
}
}
if(data.filecache !== undefined){
let data10 = data.filecache;
const _errs27 = errors;
let valid10 = false;
const _errs28 = errors;
if(!(validate78(data10, {instancePath:instancePath+"/filecache",parentData:data,parentDataProperty:"filecache",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate78.errors : vErrors.concat(validate78.errors);
errors = vErrors.length;
}
var _valid2 = _errs28 === errors;
valid10 = valid10 || _valid2;
if(_valid2){
var props3 = {};
props3.work_dir = true;
props3.disable_indexed_map = true;
props3.enable_encryption = true;
props3.enable_convergent_encryption = true;
props3.encryption_key = true;
}
const _errs29 = errors;
if(data10 !== null){
const err18 = {instancePath:instancePath+"/filecache",schemaPath:"#/properties/filecache/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema30.properties.filecache.anyOf[1].type,parentSchema:schema30.properties.filecache.anyOf[1],data:data10};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
var _valid2 = _errs29 === errors;
valid10 = valid10 || _valid2;
if(!valid10){
const err19 = {instancePath:instancePath+"/filecache",schemaPath:"#/properties/filecache/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema30.properties.filecache.anyOf,parentSchema:schema30.properties.filecache,data:data10};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
else {
errors = _errs27;
if(vErrors !== null){
if(_errs27){
vErrors.length = _errs27;
}
else {
vErrors = null;
}
}
}
}
if(data.fscache !== undefined){
let data11 = data.fscache;
const _errs32 = errors;
let valid11 = false;
const _errs33 = errors;
if(!(validate80(data11, {instancePath:instancePath+"/fscache",parentData:data,parentDataProperty:"fscache",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate80.errors : vErrors.concat(validate80.errors);
errors = vErrors.length;
}
var _valid3 = _errs33 === errors;
valid11 = valid11 || _valid3;
if(_valid3){
var props4 = {};
props4.work_dir = true;
}
const _errs34 = errors;
if(data11 !== null){
const err20 = {instancePath:instancePath+"/fscache",schemaPath:"#/properties/fscache/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema30.properties.fscache.anyOf[1].type,parentSchema:schema30.properties.fscache.anyOf[1],data:data11};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
var _valid3 = _errs34 === errors;
valid11 = valid11 || _valid3;
if(!valid11){
const err21 = {instancePath:instancePath+"/fscache",schemaPath:"#/properties/fscache/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema30.properties.fscache.anyOf,parentSchema:schema30.properties.fscache,data:data11};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
else {
errors = _errs32;
if(vErrors !== null){
if(_errs32){
vErrors.length = _errs32;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err22 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema30.type,parentSchema:schema30,data};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
validate75.errors = vErrors;
evaluated0.props = props0;
return errors === 0;
}
validate75.evaluated = {"dynamicProps":true,"dynamicItems":false};

const schema34 = {"title":"RafsConfig","description":"Options of the RAFS filesystem.","type":"object","properties":{"mode":{"type":"string","enum":["direct","cached"],"default":"direct","description":"Metadata access mode: direct (bootstrap mapped) or cached (loaded into memory); v6 supports direct only."},"batch_size":{"type":"integer","minimum":0,"maximum":268435456,"default":1048576,"description":"Amplified size in bytes of user reads to the backend; 0 disables amplification."},"validate":{"type":"boolean","default":false,"description":"Validate chunk digests on read; refused for RAFS v6 images."},"enable_xattr":{"type":"boolean","default":false,"description":"Expose extended attributes."},"iostats_files":{"type":"boolean","default":false,"description":"Keep per-file I/O counters (metrics files)."},"access_pattern":{"type":"boolean","default":false,"description":"Record the first-access pattern (metrics pattern)."},"latest_read_files":{"type":"boolean","default":false,"description":"Record recently read files (metrics files?latest=true)."},"prefetch":{"$ref":"#/$defs/prefetch","default":{"enable":false,"threads":0,"batch_size":0,"bandwidth_limit":0,"prefetch_all":false,"stream_prefetch":false},"description":"Filesystem-level prefetch (prefetch table, prefetch_files); all zeros when absent."}}};

function validate83(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate83.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.mode !== undefined){
let data0 = data.mode;
if(typeof data0 !== "string"){
const err0 = {instancePath:instancePath+"/mode",schemaPath:"#/properties/mode/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.mode.type,parentSchema:schema34.properties.mode,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(!((data0 === "direct") || (data0 === "cached"))){
const err1 = {instancePath:instancePath+"/mode",schemaPath:"#/properties/mode/enum",keyword:"enum",params:{allowedValues: schema34.properties.mode.enum},message:"must be equal to one of the allowed values",schema:schema34.properties.mode.enum,parentSchema:schema34.properties.mode,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.batch_size !== undefined){
let data1 = data.batch_size;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err2 = {instancePath:instancePath+"/batch_size",schemaPath:"#/properties/batch_size/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema34.properties.batch_size.type,parentSchema:schema34.properties.batch_size,data:data1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 268435456 || isNaN(data1)){
const err3 = {instancePath:instancePath+"/batch_size",schemaPath:"#/properties/batch_size/maximum",keyword:"maximum",params:{comparison: "<=", limit: 268435456},message:"must be <= 268435456",schema:268435456,parentSchema:schema34.properties.batch_size,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data1 < 0 || isNaN(data1)){
const err4 = {instancePath:instancePath+"/batch_size",schemaPath:"#/properties/batch_size/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema34.properties.batch_size,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
if(data.validate !== undefined){
let data2 = data.validate;
if(typeof data2 !== "boolean"){
const err5 = {instancePath:instancePath+"/validate",schemaPath:"#/properties/validate/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema34.properties.validate.type,parentSchema:schema34.properties.validate,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.enable_xattr !== undefined){
let data3 = data.enable_xattr;
if(typeof data3 !== "boolean"){
const err6 = {instancePath:instancePath+"/enable_xattr",schemaPath:"#/properties/enable_xattr/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema34.properties.enable_xattr.type,parentSchema:schema34.properties.enable_xattr,data:data3};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.iostats_files !== undefined){
let data4 = data.iostats_files;
if(typeof data4 !== "boolean"){
const err7 = {instancePath:instancePath+"/iostats_files",schemaPath:"#/properties/iostats_files/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema34.properties.iostats_files.type,parentSchema:schema34.properties.iostats_files,data:data4};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.access_pattern !== undefined){
let data5 = data.access_pattern;
if(typeof data5 !== "boolean"){
const err8 = {instancePath:instancePath+"/access_pattern",schemaPath:"#/properties/access_pattern/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema34.properties.access_pattern.type,parentSchema:schema34.properties.access_pattern,data:data5};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.latest_read_files !== undefined){
let data6 = data.latest_read_files;
if(typeof data6 !== "boolean"){
const err9 = {instancePath:instancePath+"/latest_read_files",schemaPath:"#/properties/latest_read_files/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema34.properties.latest_read_files.type,parentSchema:schema34.properties.latest_read_files,data:data6};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.prefetch !== undefined){
if(!(validate76(data.prefetch, {instancePath:instancePath+"/prefetch",parentData:data,parentDataProperty:"prefetch",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate76.errors : vErrors.concat(validate76.errors);
errors = vErrors.length;
}
}
}
else {
const err10 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.type,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
validate83.errors = vErrors;
return errors === 0;
}
validate83.evaluated = {"props":{"mode":true,"batch_size":true,"validate":true,"enable_xattr":true,"iostats_files":true,"access_pattern":true,"latest_read_files":true,"prefetch":true},"dynamicProps":false,"dynamicItems":false};

const schema35 = {"title":"OverlayConfig","description":"Turns the mount into a writable overlay; both directories must be non-empty at mount time.","type":"object","properties":{"upper_dir":{"type":"string","description":"Upper (writable) directory."},"work_dir":{"type":"string","description":"Overlay work directory."}},"required":["upper_dir","work_dir"]};

function validate86(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate86.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.upper_dir === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "upper_dir"},message:"must have required property '"+"upper_dir"+"'",schema:schema35.required,parentSchema:schema35,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.work_dir === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "work_dir"},message:"must have required property '"+"work_dir"+"'",schema:schema35.required,parentSchema:schema35,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.upper_dir !== undefined){
let data0 = data.upper_dir;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/upper_dir",schemaPath:"#/properties/upper_dir/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.upper_dir.type,parentSchema:schema35.properties.upper_dir,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.work_dir !== undefined){
let data1 = data.work_dir;
if(typeof data1 !== "string"){
const err3 = {instancePath:instancePath+"/work_dir",schemaPath:"#/properties/work_dir/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.work_dir.type,parentSchema:schema35.properties.work_dir,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
else {
const err4 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema35.type,parentSchema:schema35,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
validate86.errors = vErrors;
return errors === 0;
}
validate86.evaluated = {"props":{"upper_dir":true,"work_dir":true},"dynamicProps":false,"dynamicItems":false};


function validate52(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://nydus-service.invalid/schema/config-v2.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate52.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.version === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema19.required,parentSchema:schema19,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.version !== undefined){
let data0 = data.version;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err1 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema19.properties.version.type,parentSchema:schema19.properties.version,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(2 !== data0){
const err2 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/const",keyword:"const",params:{allowedValue: 2},message:"must be equal to constant",schema:2,parentSchema:schema19.properties.version,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.id !== undefined){
let data1 = data.id;
if(typeof data1 !== "string"){
const err3 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.properties.id.type,parentSchema:schema19.properties.id,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.backend !== undefined){
let data2 = data.backend;
const _errs6 = errors;
let valid1 = false;
const _errs7 = errors;
if(!(validate54(data2, {instancePath:instancePath+"/backend",parentData:data,parentDataProperty:"backend",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate54.errors : vErrors.concat(validate54.errors);
errors = vErrors.length;
}
var _valid0 = _errs7 === errors;
valid1 = valid1 || _valid0;
const _errs8 = errors;
if(data2 !== null){
const err4 = {instancePath:instancePath+"/backend",schemaPath:"#/properties/backend/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema19.properties.backend.anyOf[1].type,parentSchema:schema19.properties.backend.anyOf[1],data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var _valid0 = _errs8 === errors;
valid1 = valid1 || _valid0;
if(!valid1){
const err5 = {instancePath:instancePath+"/backend",schemaPath:"#/properties/backend/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema19.properties.backend.anyOf,parentSchema:schema19.properties.backend,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
else {
errors = _errs6;
if(vErrors !== null){
if(_errs6){
vErrors.length = _errs6;
}
else {
vErrors = null;
}
}
}
}
if(data.external_backends !== undefined){
let data3 = data.external_backends;
if(Array.isArray(data3)){
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
if(!(validate73(data3[i0], {instancePath:instancePath+"/external_backends/" + i0,parentData:data3,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate73.errors : vErrors.concat(validate73.errors);
errors = vErrors.length;
}
}
}
else {
const err6 = {instancePath:instancePath+"/external_backends",schemaPath:"#/properties/external_backends/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema19.properties.external_backends.type,parentSchema:schema19.properties.external_backends,data:data3};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.cache !== undefined){
let data5 = data.cache;
const _errs14 = errors;
let valid4 = false;
const _errs15 = errors;
if(!(validate75(data5, {instancePath:instancePath+"/cache",parentData:data,parentDataProperty:"cache",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate75.errors : vErrors.concat(validate75.errors);
errors = vErrors.length;
}
var _valid1 = _errs15 === errors;
valid4 = valid4 || _valid1;
const _errs16 = errors;
if(data5 !== null){
const err7 = {instancePath:instancePath+"/cache",schemaPath:"#/properties/cache/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema19.properties.cache.anyOf[1].type,parentSchema:schema19.properties.cache.anyOf[1],data:data5};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
var _valid1 = _errs16 === errors;
valid4 = valid4 || _valid1;
if(!valid4){
const err8 = {instancePath:instancePath+"/cache",schemaPath:"#/properties/cache/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema19.properties.cache.anyOf,parentSchema:schema19.properties.cache,data:data5};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
else {
errors = _errs14;
if(vErrors !== null){
if(_errs14){
vErrors.length = _errs14;
}
else {
vErrors = null;
}
}
}
}
if(data.rafs !== undefined){
let data6 = data.rafs;
const _errs19 = errors;
let valid5 = false;
const _errs20 = errors;
if(!(validate83(data6, {instancePath:instancePath+"/rafs",parentData:data,parentDataProperty:"rafs",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate83.errors : vErrors.concat(validate83.errors);
errors = vErrors.length;
}
var _valid2 = _errs20 === errors;
valid5 = valid5 || _valid2;
if(_valid2){
var props2 = {};
props2.mode = true;
props2.batch_size = true;
props2.validate = true;
props2.enable_xattr = true;
props2.iostats_files = true;
props2.access_pattern = true;
props2.latest_read_files = true;
props2.prefetch = true;
}
const _errs21 = errors;
if(data6 !== null){
const err9 = {instancePath:instancePath+"/rafs",schemaPath:"#/properties/rafs/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema19.properties.rafs.anyOf[1].type,parentSchema:schema19.properties.rafs.anyOf[1],data:data6};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
var _valid2 = _errs21 === errors;
valid5 = valid5 || _valid2;
if(!valid5){
const err10 = {instancePath:instancePath+"/rafs",schemaPath:"#/properties/rafs/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema19.properties.rafs.anyOf,parentSchema:schema19.properties.rafs,data:data6};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
else {
errors = _errs19;
if(vErrors !== null){
if(_errs19){
vErrors.length = _errs19;
}
else {
vErrors = null;
}
}
}
}
if(data.overlay !== undefined){
let data7 = data.overlay;
const _errs24 = errors;
let valid6 = false;
const _errs25 = errors;
if(!(validate86(data7, {instancePath:instancePath+"/overlay",parentData:data,parentDataProperty:"overlay",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate86.errors : vErrors.concat(validate86.errors);
errors = vErrors.length;
}
var _valid3 = _errs25 === errors;
valid6 = valid6 || _valid3;
if(_valid3){
var props3 = {};
props3.upper_dir = true;
props3.work_dir = true;
}
const _errs26 = errors;
if(data7 !== null){
const err11 = {instancePath:instancePath+"/overlay",schemaPath:"#/properties/overlay/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema19.properties.overlay.anyOf[1].type,parentSchema:schema19.properties.overlay.anyOf[1],data:data7};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
var _valid3 = _errs26 === errors;
valid6 = valid6 || _valid3;
if(!valid6){
const err12 = {instancePath:instancePath+"/overlay",schemaPath:"#/properties/overlay/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema19.properties.overlay.anyOf,parentSchema:schema19.properties.overlay,data:data7};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
else {
errors = _errs24;
if(vErrors !== null){
if(_errs24){
vErrors.length = _errs24;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err13 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema19.type,parentSchema:schema19,data};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
validate52.errors = vErrors;
return errors === 0;
}
validate52.evaluated = {"props":{"version":true,"id":true,"backend":true,"external_backends":true,"cache":true,"rafs":true,"overlay":true},"dynamicProps":false,"dynamicItems":false};

export const validateConfigV1 = validate88;
const schema36 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://nydus-service.invalid/schema/config-v1.schema.json","title":"ConfigV1","description":"Legacy nydusd configuration, version 1 (spec daemon.md §2.2), JSON only; converted to version 2 on load (§2.3). nydus-snapshotter's fusedev driver writes this form.","type":"object","$defs":{"backend":{"title":"BackendConfigV1","description":"Storage backend: its type and the type's settings in config.","type":"object","properties":{"type":{"type":"string","enum":["localfs","localdisk","oss","s3","registry"],"description":"Backend kind; http-proxy is v2 only."},"config":{"description":"Settings of the backend, decoded as the v2 object of the same type."}},"required":["type","config"],"allOf":[{"if":{"properties":{"type":{"const":"localfs"}},"required":["type"]},"then":{"properties":{"config":{"$ref":"common.schema.json#/$defs/localfs"}}}},{"if":{"properties":{"type":{"const":"localdisk"}},"required":["type"]},"then":{"properties":{"config":{"$ref":"common.schema.json#/$defs/localdisk"}}}},{"if":{"properties":{"type":{"const":"oss"}},"required":["type"]},"then":{"properties":{"config":{"$ref":"common.schema.json#/$defs/oss"}}}},{"if":{"properties":{"type":{"const":"s3"}},"required":["type"]},"then":{"properties":{"config":{"$ref":"common.schema.json#/$defs/s3"}}}},{"if":{"properties":{"type":{"const":"registry"}},"required":["type"]},"then":{"properties":{"config":{"$ref":"common.schema.json#/$defs/registry"}}}}]},"cache":{"title":"CacheConfigV1","description":"Local cache: its type and the type's settings in config.","type":"object","properties":{"type":{"type":"string","enum":["blobcache","filecache","fscache","dummycache","dummy",""],"default":"","description":"blobcache or filecache (local chunk cache files), fscache (kernel cachefiles), or dummycache, dummy or \"\" for no cache."},"compressed":{"type":"boolean","default":false,"description":"Keep chunks compressed in the cache file."},"validate":{"type":"boolean","default":false,"description":"Validate chunk digests of data read from the cache."},"config":{"default":null,"description":"Settings of the cache, decoded as v2 filecache (blobcache, filecache) or fscache; required for those types."}},"allOf":[{"if":{"properties":{"type":{"enum":["blobcache","filecache"]}},"required":["type"]},"then":{"required":["config"],"properties":{"config":{"$ref":"common.schema.json#/$defs/filecache"}}}},{"if":{"properties":{"type":{"const":"fscache"}},"required":["type"]},"then":{"required":["config"],"properties":{"config":{"$ref":"common.schema.json#/$defs/fscache"}}}}]},"device":{"title":"DeviceConfigV1","description":"The storage device: backend and cache.","type":"object","properties":{"id":{"type":"string","default":"","description":"Instance id (becomes the v2 id)."},"backend":{"$ref":"#/$defs/backend","description":"Storage backend of the image's blobs."},"external_backends":{"type":"array","items":{"$ref":"common.schema.json#/$defs/externalBackend"},"default":[],"description":"Patches for backends described inside the image."},"cache":{"$ref":"#/$defs/cache","default":{"type":""},"description":"Local cache of blob data; no cache when absent."}},"required":["backend"]},"fsPrefetch":{"title":"FsPrefetchConfigV1","description":"Filesystem-level prefetch. Per-key defaults apply when the object is present (note prefetch_all defaults to true); all zeros when absent.","type":"object","properties":{"enable":{"type":"boolean","default":false,"description":"Whether prefetch runs at all."},"threads_count":{"type":"integer","minimum":0,"default":8,"description":"Number of prefetch worker threads (1..=1024 when enabled); v2 threads."},"merging_size":{"type":"integer","minimum":0,"default":1048576,"description":"Merge size in bytes for prefetch requests (at most 256 MiB when enabled); v2 batch_size."},"bandwidth_rate":{"type":"integer","minimum":0,"maximum":4294967295,"default":0,"description":"Prefetch bandwidth limit in bytes per second, 0 unlimited; v2 bandwidth_limit."},"prefetch_all":{"type":"boolean","default":true,"description":"Prefetch every blob of the image entirely."},"stream_prefetch":{"type":"boolean","default":false,"description":"Use Dragonfly's streaming prefetch."}},"if":{"properties":{"enable":{"const":true}},"required":["enable"]},"then":{"properties":{"threads_count":{"type":"integer","minimum":1,"maximum":1024},"merging_size":{"type":"integer","maximum":268435456}}}}},"properties":{"device":{"$ref":"#/$defs/device","description":"Storage device: backend and cache."},"mode":{"type":"string","enum":["direct","cached"],"description":"Metadata access mode (v2 rafs.mode)."},"digest_validate":{"type":"boolean","default":false,"description":"Validate chunk digests on read (v2 rafs.validate)."},"iostats_files":{"type":"boolean","default":false,"description":"Keep per-file I/O counters (v2 rafs.iostats_files)."},"enable_xattr":{"type":"boolean","default":false,"description":"Expose extended attributes (v2 rafs.enable_xattr)."},"access_pattern":{"type":"boolean","default":false,"description":"Record the first-access pattern (v2 rafs.access_pattern)."},"latest_read_files":{"type":"boolean","default":false,"description":"Record recently read files (v2 rafs.latest_read_files)."},"amplify_io":{"type":"integer","minimum":0,"maximum":268435456,"default":1048576,"description":"Amplified size in bytes of user reads (v2 rafs.batch_size)."},"fs_prefetch":{"$ref":"#/$defs/fsPrefetch","default":{"enable":false,"threads_count":0,"merging_size":0,"bandwidth_rate":0,"prefetch_all":false,"stream_prefetch":false},"description":"Filesystem-level prefetch (v2 rafs.prefetch)."}},"required":["device","mode"]};
const schema37 = {"title":"DeviceConfigV1","description":"The storage device: backend and cache.","type":"object","properties":{"id":{"type":"string","default":"","description":"Instance id (becomes the v2 id)."},"backend":{"$ref":"#/$defs/backend","description":"Storage backend of the image's blobs."},"external_backends":{"type":"array","items":{"$ref":"common.schema.json#/$defs/externalBackend"},"default":[],"description":"Patches for backends described inside the image."},"cache":{"$ref":"#/$defs/cache","default":{"type":""},"description":"Local cache of blob data; no cache when absent."}},"required":["backend"]};
const schema38 = {"title":"BackendConfigV1","description":"Storage backend: its type and the type's settings in config.","type":"object","properties":{"type":{"type":"string","enum":["localfs","localdisk","oss","s3","registry"],"description":"Backend kind; http-proxy is v2 only."},"config":{"description":"Settings of the backend, decoded as the v2 object of the same type."}},"required":["type","config"],"allOf":[{"if":{"properties":{"type":{"const":"localfs"}},"required":["type"]},"then":{"properties":{"config":{"$ref":"common.schema.json#/$defs/localfs"}}}},{"if":{"properties":{"type":{"const":"localdisk"}},"required":["type"]},"then":{"properties":{"config":{"$ref":"common.schema.json#/$defs/localdisk"}}}},{"if":{"properties":{"type":{"const":"oss"}},"required":["type"]},"then":{"properties":{"config":{"$ref":"common.schema.json#/$defs/oss"}}}},{"if":{"properties":{"type":{"const":"s3"}},"required":["type"]},"then":{"properties":{"config":{"$ref":"common.schema.json#/$defs/s3"}}}},{"if":{"properties":{"type":{"const":"registry"}},"required":["type"]},"then":{"properties":{"config":{"$ref":"common.schema.json#/$defs/registry"}}}}]};

function validate91(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate91.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.blob_file !== undefined){
let data0 = data.blob_file;
if(typeof data0 !== "string"){
const err0 = {instancePath:instancePath+"/blob_file",schemaPath:"#/properties/blob_file/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.blob_file.type,parentSchema:schema22.properties.blob_file,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.dir !== undefined){
let data1 = data.dir;
if(typeof data1 !== "string"){
const err1 = {instancePath:instancePath+"/dir",schemaPath:"#/properties/dir/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.dir.type,parentSchema:schema22.properties.dir,data:data1};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.alt_dirs !== undefined){
let data2 = data.alt_dirs;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
if(typeof data3 !== "string"){
const err2 = {instancePath:instancePath+"/alt_dirs/" + i0,schemaPath:"#/properties/alt_dirs/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.alt_dirs.items.type,parentSchema:schema22.properties.alt_dirs.items,data:data3};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
}
else {
const err3 = {instancePath:instancePath+"/alt_dirs",schemaPath:"#/properties/alt_dirs/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema22.properties.alt_dirs.type,parentSchema:schema22.properties.alt_dirs,data:data2};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
else {
const err4 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema22.type,parentSchema:schema22,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
validate91.errors = vErrors;
return errors === 0;
}
validate91.evaluated = {"props":{"blob_file":true,"dir":true,"alt_dirs":true},"dynamicProps":false,"dynamicItems":false};


function validate93(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate93.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.device_path !== undefined){
let data0 = data.device_path;
if(typeof data0 !== "string"){
const err0 = {instancePath:instancePath+"/device_path",schemaPath:"#/properties/device_path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.device_path.type,parentSchema:schema23.properties.device_path,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.disable_gpt !== undefined){
let data1 = data.disable_gpt;
if(typeof data1 !== "boolean"){
const err1 = {instancePath:instancePath+"/disable_gpt",schemaPath:"#/properties/disable_gpt/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema23.properties.disable_gpt.type,parentSchema:schema23.properties.disable_gpt,data:data1};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
else {
const err2 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema23.type,parentSchema:schema23,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
validate93.errors = vErrors;
return errors === 0;
}
validate93.evaluated = {"props":{"device_path":true,"disable_gpt":true},"dynamicProps":false,"dynamicItems":false};


function validate95(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate95.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.endpoint === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "endpoint"},message:"must have required property '"+"endpoint"+"'",schema:schema24.required,parentSchema:schema24,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.bucket_name === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "bucket_name"},message:"must have required property '"+"bucket_name"+"'",schema:schema24.required,parentSchema:schema24,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.scheme !== undefined){
let data0 = data.scheme;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/scheme",schemaPath:"#/properties/scheme/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.scheme.type,parentSchema:schema24.properties.scheme,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.endpoint !== undefined){
let data1 = data.endpoint;
if(typeof data1 !== "string"){
const err3 = {instancePath:instancePath+"/endpoint",schemaPath:"#/properties/endpoint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.endpoint.type,parentSchema:schema24.properties.endpoint,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.bucket_name !== undefined){
let data2 = data.bucket_name;
if(typeof data2 !== "string"){
const err4 = {instancePath:instancePath+"/bucket_name",schemaPath:"#/properties/bucket_name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.bucket_name.type,parentSchema:schema24.properties.bucket_name,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.object_prefix !== undefined){
let data3 = data.object_prefix;
if(typeof data3 !== "string"){
const err5 = {instancePath:instancePath+"/object_prefix",schemaPath:"#/properties/object_prefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.object_prefix.type,parentSchema:schema24.properties.object_prefix,data:data3};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.access_key_id !== undefined){
let data4 = data.access_key_id;
if(typeof data4 !== "string"){
const err6 = {instancePath:instancePath+"/access_key_id",schemaPath:"#/properties/access_key_id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.access_key_id.type,parentSchema:schema24.properties.access_key_id,data:data4};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.access_key_secret !== undefined){
let data5 = data.access_key_secret;
if(typeof data5 !== "string"){
const err7 = {instancePath:instancePath+"/access_key_secret",schemaPath:"#/properties/access_key_secret/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.access_key_secret.type,parentSchema:schema24.properties.access_key_secret,data:data5};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.skip_verify !== undefined){
let data6 = data.skip_verify;
if(typeof data6 !== "boolean"){
const err8 = {instancePath:instancePath+"/skip_verify",schemaPath:"#/properties/skip_verify/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema24.properties.skip_verify.type,parentSchema:schema24.properties.skip_verify,data:data6};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.ca_cert_files !== undefined){
let data7 = data.ca_cert_files;
if(Array.isArray(data7)){
const len0 = data7.length;
for(let i0=0; i0<len0; i0++){
let data8 = data7[i0];
if(typeof data8 !== "string"){
const err9 = {instancePath:instancePath+"/ca_cert_files/" + i0,schemaPath:"#/properties/ca_cert_files/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.ca_cert_files.items.type,parentSchema:schema24.properties.ca_cert_files.items,data:data8};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/ca_cert_files",schemaPath:"#/properties/ca_cert_files/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema24.properties.ca_cert_files.type,parentSchema:schema24.properties.ca_cert_files,data:data7};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.timeout !== undefined){
let data9 = data.timeout;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err11 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema24.properties.timeout.type,parentSchema:schema24.properties.timeout,data:data9};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 > 4294967295 || isNaN(data9)){
const err12 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295",schema:4294967295,parentSchema:schema24.properties.timeout,data:data9};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data9 < 0 || isNaN(data9)){
const err13 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema24.properties.timeout,data:data9};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
if(data.connect_timeout !== undefined){
let data10 = data.connect_timeout;
if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
const err14 = {instancePath:instancePath+"/connect_timeout",schemaPath:"#/properties/connect_timeout/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema24.properties.connect_timeout.type,parentSchema:schema24.properties.connect_timeout,data:data10};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 > 4294967295 || isNaN(data10)){
const err15 = {instancePath:instancePath+"/connect_timeout",schemaPath:"#/properties/connect_timeout/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295",schema:4294967295,parentSchema:schema24.properties.connect_timeout,data:data10};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data10 < 0 || isNaN(data10)){
const err16 = {instancePath:instancePath+"/connect_timeout",schemaPath:"#/properties/connect_timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema24.properties.connect_timeout,data:data10};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
if(data.retry_limit !== undefined){
let data11 = data.retry_limit;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
const err17 = {instancePath:instancePath+"/retry_limit",schemaPath:"#/properties/retry_limit/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema24.properties.retry_limit.type,parentSchema:schema24.properties.retry_limit,data:data11};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 > 255 || isNaN(data11)){
const err18 = {instancePath:instancePath+"/retry_limit",schemaPath:"#/properties/retry_limit/maximum",keyword:"maximum",params:{comparison: "<=", limit: 255},message:"must be <= 255",schema:255,parentSchema:schema24.properties.retry_limit,data:data11};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(data11 < 0 || isNaN(data11)){
const err19 = {instancePath:instancePath+"/retry_limit",schemaPath:"#/properties/retry_limit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema24.properties.retry_limit,data:data11};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
if(data.proxy !== undefined){
if(!(validate60(data.proxy, {instancePath:instancePath+"/proxy",parentData:data,parentDataProperty:"proxy",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate60.errors : vErrors.concat(validate60.errors);
errors = vErrors.length;
}
}
}
else {
const err20 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema24.type,parentSchema:schema24,data};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
validate95.errors = vErrors;
return errors === 0;
}
validate95.evaluated = {"props":{"scheme":true,"endpoint":true,"bucket_name":true,"object_prefix":true,"access_key_id":true,"access_key_secret":true,"skip_verify":true,"ca_cert_files":true,"timeout":true,"connect_timeout":true,"retry_limit":true,"proxy":true},"dynamicProps":false,"dynamicItems":false};


function validate98(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate98.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.endpoint === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "endpoint"},message:"must have required property '"+"endpoint"+"'",schema:schema26.required,parentSchema:schema26,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.region === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "region"},message:"must have required property '"+"region"+"'",schema:schema26.required,parentSchema:schema26,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.bucket_name === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "bucket_name"},message:"must have required property '"+"bucket_name"+"'",schema:schema26.required,parentSchema:schema26,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.scheme !== undefined){
let data0 = data.scheme;
if(typeof data0 !== "string"){
const err3 = {instancePath:instancePath+"/scheme",schemaPath:"#/properties/scheme/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.scheme.type,parentSchema:schema26.properties.scheme,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.endpoint !== undefined){
let data1 = data.endpoint;
if(typeof data1 !== "string"){
const err4 = {instancePath:instancePath+"/endpoint",schemaPath:"#/properties/endpoint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.endpoint.type,parentSchema:schema26.properties.endpoint,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.region !== undefined){
let data2 = data.region;
if(typeof data2 !== "string"){
const err5 = {instancePath:instancePath+"/region",schemaPath:"#/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.region.type,parentSchema:schema26.properties.region,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.bucket_name !== undefined){
let data3 = data.bucket_name;
if(typeof data3 !== "string"){
const err6 = {instancePath:instancePath+"/bucket_name",schemaPath:"#/properties/bucket_name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.bucket_name.type,parentSchema:schema26.properties.bucket_name,data:data3};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.object_prefix !== undefined){
let data4 = data.object_prefix;
if(typeof data4 !== "string"){
const err7 = {instancePath:instancePath+"/object_prefix",schemaPath:"#/properties/object_prefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.object_prefix.type,parentSchema:schema26.properties.object_prefix,data:data4};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.access_key_id !== undefined){
let data5 = data.access_key_id;
if(typeof data5 !== "string"){
const err8 = {instancePath:instancePath+"/access_key_id",schemaPath:"#/properties/access_key_id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.access_key_id.type,parentSchema:schema26.properties.access_key_id,data:data5};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.access_key_secret !== undefined){
let data6 = data.access_key_secret;
if(typeof data6 !== "string"){
const err9 = {instancePath:instancePath+"/access_key_secret",schemaPath:"#/properties/access_key_secret/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.access_key_secret.type,parentSchema:schema26.properties.access_key_secret,data:data6};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.skip_verify !== undefined){
let data7 = data.skip_verify;
if(typeof data7 !== "boolean"){
const err10 = {instancePath:instancePath+"/skip_verify",schemaPath:"#/properties/skip_verify/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema26.properties.skip_verify.type,parentSchema:schema26.properties.skip_verify,data:data7};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.ca_cert_files !== undefined){
let data8 = data.ca_cert_files;
if(Array.isArray(data8)){
const len0 = data8.length;
for(let i0=0; i0<len0; i0++){
let data9 = data8[i0];
if(typeof data9 !== "string"){
const err11 = {instancePath:instancePath+"/ca_cert_files/" + i0,schemaPath:"#/properties/ca_cert_files/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.ca_cert_files.items.type,parentSchema:schema26.properties.ca_cert_files.items,data:data9};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath:instancePath+"/ca_cert_files",schemaPath:"#/properties/ca_cert_files/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema26.properties.ca_cert_files.type,parentSchema:schema26.properties.ca_cert_files,data:data8};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.timeout !== undefined){
let data10 = data.timeout;
if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
const err13 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema26.properties.timeout.type,parentSchema:schema26.properties.timeout,data:data10};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 > 4294967295 || isNaN(data10)){
const err14 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295",schema:4294967295,parentSchema:schema26.properties.timeout,data:data10};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data10 < 0 || isNaN(data10)){
const err15 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema26.properties.timeout,data:data10};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
if(data.connect_timeout !== undefined){
let data11 = data.connect_timeout;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
const err16 = {instancePath:instancePath+"/connect_timeout",schemaPath:"#/properties/connect_timeout/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema26.properties.connect_timeout.type,parentSchema:schema26.properties.connect_timeout,data:data11};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 > 4294967295 || isNaN(data11)){
const err17 = {instancePath:instancePath+"/connect_timeout",schemaPath:"#/properties/connect_timeout/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295",schema:4294967295,parentSchema:schema26.properties.connect_timeout,data:data11};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(data11 < 0 || isNaN(data11)){
const err18 = {instancePath:instancePath+"/connect_timeout",schemaPath:"#/properties/connect_timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema26.properties.connect_timeout,data:data11};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
if(data.retry_limit !== undefined){
let data12 = data.retry_limit;
if(!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))){
const err19 = {instancePath:instancePath+"/retry_limit",schemaPath:"#/properties/retry_limit/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema26.properties.retry_limit.type,parentSchema:schema26.properties.retry_limit,data:data12};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if((typeof data12 == "number") && (isFinite(data12))){
if(data12 > 255 || isNaN(data12)){
const err20 = {instancePath:instancePath+"/retry_limit",schemaPath:"#/properties/retry_limit/maximum",keyword:"maximum",params:{comparison: "<=", limit: 255},message:"must be <= 255",schema:255,parentSchema:schema26.properties.retry_limit,data:data12};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(data12 < 0 || isNaN(data12)){
const err21 = {instancePath:instancePath+"/retry_limit",schemaPath:"#/properties/retry_limit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema26.properties.retry_limit,data:data12};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
if(data.proxy !== undefined){
if(!(validate60(data.proxy, {instancePath:instancePath+"/proxy",parentData:data,parentDataProperty:"proxy",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate60.errors : vErrors.concat(validate60.errors);
errors = vErrors.length;
}
}
}
else {
const err22 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema26.type,parentSchema:schema26,data};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
validate98.errors = vErrors;
return errors === 0;
}
validate98.evaluated = {"props":{"scheme":true,"endpoint":true,"region":true,"bucket_name":true,"object_prefix":true,"access_key_id":true,"access_key_secret":true,"skip_verify":true,"ca_cert_files":true,"timeout":true,"connect_timeout":true,"retry_limit":true,"proxy":true},"dynamicProps":false,"dynamicItems":false};


function validate101(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate101.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.scheme !== undefined){
let data0 = data.scheme;
if(typeof data0 !== "string"){
const err0 = {instancePath:instancePath+"/scheme",schemaPath:"#/properties/scheme/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.scheme.type,parentSchema:schema27.properties.scheme,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.host !== undefined){
let data1 = data.host;
if(typeof data1 !== "string"){
const err1 = {instancePath:instancePath+"/host",schemaPath:"#/properties/host/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.host.type,parentSchema:schema27.properties.host,data:data1};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.repo !== undefined){
let data2 = data.repo;
if(typeof data2 !== "string"){
const err2 = {instancePath:instancePath+"/repo",schemaPath:"#/properties/repo/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.repo.type,parentSchema:schema27.properties.repo,data:data2};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.auth !== undefined){
let data3 = data.auth;
if((typeof data3 !== "string") && (data3 !== null)){
const err3 = {instancePath:instancePath+"/auth",schemaPath:"#/properties/auth/type",keyword:"type",params:{type: schema27.properties.auth.type},message:"must be string,null",schema:schema27.properties.auth.type,parentSchema:schema27.properties.auth,data:data3};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.skip_verify !== undefined){
let data4 = data.skip_verify;
if(typeof data4 !== "boolean"){
const err4 = {instancePath:instancePath+"/skip_verify",schemaPath:"#/properties/skip_verify/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema27.properties.skip_verify.type,parentSchema:schema27.properties.skip_verify,data:data4};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.ca_cert_files !== undefined){
let data5 = data.ca_cert_files;
if(Array.isArray(data5)){
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
if(typeof data6 !== "string"){
const err5 = {instancePath:instancePath+"/ca_cert_files/" + i0,schemaPath:"#/properties/ca_cert_files/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.ca_cert_files.items.type,parentSchema:schema27.properties.ca_cert_files.items,data:data6};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
else {
const err6 = {instancePath:instancePath+"/ca_cert_files",schemaPath:"#/properties/ca_cert_files/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema27.properties.ca_cert_files.type,parentSchema:schema27.properties.ca_cert_files,data:data5};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.timeout !== undefined){
let data7 = data.timeout;
if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
const err7 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema27.properties.timeout.type,parentSchema:schema27.properties.timeout,data:data7};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 > 4294967295 || isNaN(data7)){
const err8 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295",schema:4294967295,parentSchema:schema27.properties.timeout,data:data7};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data7 < 0 || isNaN(data7)){
const err9 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema27.properties.timeout,data:data7};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
if(data.connect_timeout !== undefined){
let data8 = data.connect_timeout;
if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
const err10 = {instancePath:instancePath+"/connect_timeout",schemaPath:"#/properties/connect_timeout/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema27.properties.connect_timeout.type,parentSchema:schema27.properties.connect_timeout,data:data8};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 > 4294967295 || isNaN(data8)){
const err11 = {instancePath:instancePath+"/connect_timeout",schemaPath:"#/properties/connect_timeout/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295",schema:4294967295,parentSchema:schema27.properties.connect_timeout,data:data8};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data8 < 0 || isNaN(data8)){
const err12 = {instancePath:instancePath+"/connect_timeout",schemaPath:"#/properties/connect_timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema27.properties.connect_timeout,data:data8};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
if(data.retry_limit !== undefined){
let data9 = data.retry_limit;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err13 = {instancePath:instancePath+"/retry_limit",schemaPath:"#/properties/retry_limit/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema27.properties.retry_limit.type,parentSchema:schema27.properties.retry_limit,data:data9};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 > 255 || isNaN(data9)){
const err14 = {instancePath:instancePath+"/retry_limit",schemaPath:"#/properties/retry_limit/maximum",keyword:"maximum",params:{comparison: "<=", limit: 255},message:"must be <= 255",schema:255,parentSchema:schema27.properties.retry_limit,data:data9};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data9 < 0 || isNaN(data9)){
const err15 = {instancePath:instancePath+"/retry_limit",schemaPath:"#/properties/retry_limit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema27.properties.retry_limit,data:data9};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
if(data.registry_token !== undefined){
let data10 = data.registry_token;
if((typeof data10 !== "string") && (data10 !== null)){
const err16 = {instancePath:instancePath+"/registry_token",schemaPath:"#/properties/registry_token/type",keyword:"type",params:{type: schema27.properties.registry_token.type},message:"must be string,null",schema:schema27.properties.registry_token.type,parentSchema:schema27.properties.registry_token,data:data10};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.blob_url_scheme !== undefined){
let data11 = data.blob_url_scheme;
if(typeof data11 !== "string"){
const err17 = {instancePath:instancePath+"/blob_url_scheme",schemaPath:"#/properties/blob_url_scheme/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.blob_url_scheme.type,parentSchema:schema27.properties.blob_url_scheme,data:data11};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.blob_redirected_host !== undefined){
let data12 = data.blob_redirected_host;
if(typeof data12 !== "string"){
const err18 = {instancePath:instancePath+"/blob_redirected_host",schemaPath:"#/properties/blob_redirected_host/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.blob_redirected_host.type,parentSchema:schema27.properties.blob_redirected_host,data:data12};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.proxy !== undefined){
if(!(validate60(data.proxy, {instancePath:instancePath+"/proxy",parentData:data,parentDataProperty:"proxy",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate60.errors : vErrors.concat(validate60.errors);
errors = vErrors.length;
}
}
}
else {
const err19 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema27.type,parentSchema:schema27,data};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
validate101.errors = vErrors;
return errors === 0;
}
validate101.evaluated = {"props":{"scheme":true,"host":true,"repo":true,"auth":true,"skip_verify":true,"ca_cert_files":true,"timeout":true,"connect_timeout":true,"retry_limit":true,"registry_token":true,"blob_url_scheme":true,"blob_redirected_host":true,"proxy":true},"dynamicProps":false,"dynamicItems":false};


function validate90(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate90.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs2 = errors;
let valid1 = true;
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.type === undefined) && (missing0 = "type")){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(data.type !== undefined){
if("localfs" !== data.type){
const err1 = {};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
}
var _valid0 = _errs3 === errors;
errors = _errs2;
if(vErrors !== null){
if(_errs2){
vErrors.length = _errs2;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs5 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.config !== undefined){
if(!(validate91(data.config, {instancePath:instancePath+"/config",parentData:data,parentDataProperty:"config",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate91.errors : vErrors.concat(validate91.errors);
errors = vErrors.length;
}
}
}
var _valid0 = _errs5 === errors;
valid1 = _valid0;
if(valid1){
var props0 = {};
props0.config = true;
props0.type = true;
}
}
if(!valid1){
const err2 = {instancePath,schemaPath:"#/allOf/0/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema38.allOf[0].if,parentSchema:schema38.allOf[0],data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
const _errs8 = errors;
let valid4 = true;
const _errs9 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if((data.type === undefined) && (missing1 = "type")){
const err3 = {};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
else {
if(data.type !== undefined){
if("localdisk" !== data.type){
const err4 = {};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
}
var _valid1 = _errs9 === errors;
errors = _errs8;
if(vErrors !== null){
if(_errs8){
vErrors.length = _errs8;
}
else {
vErrors = null;
}
}
if(_valid1){
const _errs11 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.config !== undefined){
if(!(validate93(data.config, {instancePath:instancePath+"/config",parentData:data,parentDataProperty:"config",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate93.errors : vErrors.concat(validate93.errors);
errors = vErrors.length;
}
}
}
var _valid1 = _errs11 === errors;
valid4 = _valid1;
if(valid4){
var props1 = {};
props1.config = true;
props1.type = true;
}
}
if(!valid4){
const err5 = {instancePath,schemaPath:"#/allOf/1/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema38.allOf[1].if,parentSchema:schema38.allOf[1],data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(props0 !== true && props1 !== undefined){
if(props1 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props1);
}
}
const _errs14 = errors;
let valid7 = true;
const _errs15 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing2;
if((data.type === undefined) && (missing2 = "type")){
const err6 = {};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
else {
if(data.type !== undefined){
if("oss" !== data.type){
const err7 = {};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
}
var _valid2 = _errs15 === errors;
errors = _errs14;
if(vErrors !== null){
if(_errs14){
vErrors.length = _errs14;
}
else {
vErrors = null;
}
}
if(_valid2){
const _errs17 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.config !== undefined){
if(!(validate95(data.config, {instancePath:instancePath+"/config",parentData:data,parentDataProperty:"config",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate95.errors : vErrors.concat(validate95.errors);
errors = vErrors.length;
}
}
}
var _valid2 = _errs17 === errors;
valid7 = _valid2;
if(valid7){
var props2 = {};
props2.config = true;
props2.type = true;
}
}
if(!valid7){
const err8 = {instancePath,schemaPath:"#/allOf/2/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema38.allOf[2].if,parentSchema:schema38.allOf[2],data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(props0 !== true && props2 !== undefined){
if(props2 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props2);
}
}
const _errs20 = errors;
let valid10 = true;
const _errs21 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing3;
if((data.type === undefined) && (missing3 = "type")){
const err9 = {};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
else {
if(data.type !== undefined){
if("s3" !== data.type){
const err10 = {};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
}
var _valid3 = _errs21 === errors;
errors = _errs20;
if(vErrors !== null){
if(_errs20){
vErrors.length = _errs20;
}
else {
vErrors = null;
}
}
if(_valid3){
const _errs23 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.config !== undefined){
if(!(validate98(data.config, {instancePath:instancePath+"/config",parentData:data,parentDataProperty:"config",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate98.errors : vErrors.concat(validate98.errors);
errors = vErrors.length;
}
}
}
var _valid3 = _errs23 === errors;
valid10 = _valid3;
if(valid10){
var props3 = {};
props3.config = true;
props3.type = true;
}
}
if(!valid10){
const err11 = {instancePath,schemaPath:"#/allOf/3/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema38.allOf[3].if,parentSchema:schema38.allOf[3],data};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(props0 !== true && props3 !== undefined){
if(props3 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props3);
}
}
const _errs26 = errors;
let valid13 = true;
const _errs27 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing4;
if((data.type === undefined) && (missing4 = "type")){
const err12 = {};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
else {
if(data.type !== undefined){
if("registry" !== data.type){
const err13 = {};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
}
var _valid4 = _errs27 === errors;
errors = _errs26;
if(vErrors !== null){
if(_errs26){
vErrors.length = _errs26;
}
else {
vErrors = null;
}
}
if(_valid4){
const _errs29 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.config !== undefined){
if(!(validate101(data.config, {instancePath:instancePath+"/config",parentData:data,parentDataProperty:"config",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate101.errors : vErrors.concat(validate101.errors);
errors = vErrors.length;
}
}
}
var _valid4 = _errs29 === errors;
valid13 = _valid4;
if(valid13){
var props4 = {};
props4.config = true;
props4.type = true;
}
}
if(!valid13){
const err14 = {instancePath,schemaPath:"#/allOf/4/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema38.allOf[4].if,parentSchema:schema38.allOf[4],data};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(props0 !== true && props4 !== undefined){
if(props4 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props4);
}
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err15 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema38.required,parentSchema:schema38,data};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data.config === undefined){
const err16 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "config"},message:"must have required property '"+"config"+"'",schema:schema38.required,parentSchema:schema38,data};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(props0 !== true){
props0 = props0 || {};
props0.type = true;
props0.config = true;
}
if(data.type !== undefined){
let data10 = data.type;
if(typeof data10 !== "string"){
const err17 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.type.type,parentSchema:schema38.properties.type,data:data10};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(!(((((data10 === "localfs") || (data10 === "localdisk")) || (data10 === "oss")) || (data10 === "s3")) || (data10 === "registry"))){
const err18 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/enum",keyword:"enum",params:{allowedValues: schema38.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema38.properties.type.enum,parentSchema:schema38.properties.type,data:data10};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
else {
const err19 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema38.type,parentSchema:schema38,data};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
validate90.errors = vErrors;
evaluated0.props = props0;
return errors === 0;
}
validate90.evaluated = {"dynamicProps":true,"dynamicItems":false};


function validate105(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate105.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema29.required,parentSchema:schema29,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.patch === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "patch"},message:"must have required property '"+"patch"+"'",schema:schema29.required,parentSchema:schema29,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.config === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "config"},message:"must have required property '"+"config"+"'",schema:schema29.required,parentSchema:schema29,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.type !== undefined){
let data0 = data.type;
if(typeof data0 !== "string"){
const err3 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema29.properties.type.type,parentSchema:schema29.properties.type,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.patch !== undefined){
let data1 = data.patch;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key0 in data1){
let data2 = data1[key0];
if(typeof data2 !== "string"){
const err4 = {instancePath:instancePath+"/patch/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/patch/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema29.properties.patch.additionalProperties.type,parentSchema:schema29.properties.patch.additionalProperties,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
else {
const err5 = {instancePath:instancePath+"/patch",schemaPath:"#/properties/patch/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema29.properties.patch.type,parentSchema:schema29.properties.patch,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.config !== undefined){
let data3 = data.config;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
for(const key1 in data3){
let data4 = data3[key1];
if(typeof data4 !== "string"){
const err6 = {instancePath:instancePath+"/config/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/config/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema29.properties.config.additionalProperties.type,parentSchema:schema29.properties.config.additionalProperties,data:data4};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath:instancePath+"/config",schemaPath:"#/properties/config/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema29.properties.config.type,parentSchema:schema29.properties.config,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema29.type,parentSchema:schema29,data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
validate105.errors = vErrors;
return errors === 0;
}
validate105.evaluated = {"props":{"type":true,"patch":true,"config":true},"dynamicProps":false,"dynamicItems":false};

const schema45 = {"title":"CacheConfigV1","description":"Local cache: its type and the type's settings in config.","type":"object","properties":{"type":{"type":"string","enum":["blobcache","filecache","fscache","dummycache","dummy",""],"default":"","description":"blobcache or filecache (local chunk cache files), fscache (kernel cachefiles), or dummycache, dummy or \"\" for no cache."},"compressed":{"type":"boolean","default":false,"description":"Keep chunks compressed in the cache file."},"validate":{"type":"boolean","default":false,"description":"Validate chunk digests of data read from the cache."},"config":{"default":null,"description":"Settings of the cache, decoded as v2 filecache (blobcache, filecache) or fscache; required for those types."}},"allOf":[{"if":{"properties":{"type":{"enum":["blobcache","filecache"]}},"required":["type"]},"then":{"required":["config"],"properties":{"config":{"$ref":"common.schema.json#/$defs/filecache"}}}},{"if":{"properties":{"type":{"const":"fscache"}},"required":["type"]},"then":{"required":["config"],"properties":{"config":{"$ref":"common.schema.json#/$defs/fscache"}}}}]};

function validate108(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate108.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.work_dir !== undefined){
let data0 = data.work_dir;
if(typeof data0 !== "string"){
const err0 = {instancePath:instancePath+"/work_dir",schemaPath:"#/properties/work_dir/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.work_dir.type,parentSchema:schema32.properties.work_dir,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.disable_indexed_map !== undefined){
let data1 = data.disable_indexed_map;
if(typeof data1 !== "boolean"){
const err1 = {instancePath:instancePath+"/disable_indexed_map",schemaPath:"#/properties/disable_indexed_map/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema32.properties.disable_indexed_map.type,parentSchema:schema32.properties.disable_indexed_map,data:data1};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.enable_encryption !== undefined){
let data2 = data.enable_encryption;
if(typeof data2 !== "boolean"){
const err2 = {instancePath:instancePath+"/enable_encryption",schemaPath:"#/properties/enable_encryption/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema32.properties.enable_encryption.type,parentSchema:schema32.properties.enable_encryption,data:data2};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.enable_convergent_encryption !== undefined){
let data3 = data.enable_convergent_encryption;
if(typeof data3 !== "boolean"){
const err3 = {instancePath:instancePath+"/enable_convergent_encryption",schemaPath:"#/properties/enable_convergent_encryption/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema32.properties.enable_convergent_encryption.type,parentSchema:schema32.properties.enable_convergent_encryption,data:data3};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.encryption_key !== undefined){
let data4 = data.encryption_key;
if(typeof data4 !== "string"){
const err4 = {instancePath:instancePath+"/encryption_key",schemaPath:"#/properties/encryption_key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.encryption_key.type,parentSchema:schema32.properties.encryption_key,data:data4};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
else {
const err5 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema32.type,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
validate108.errors = vErrors;
return errors === 0;
}
validate108.evaluated = {"props":{"work_dir":true,"disable_indexed_map":true,"enable_encryption":true,"enable_convergent_encryption":true,"encryption_key":true},"dynamicProps":false,"dynamicItems":false};


function validate110(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate110.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.work_dir !== undefined){
let data0 = data.work_dir;
if(typeof data0 !== "string"){
const err0 = {instancePath:instancePath+"/work_dir",schemaPath:"#/properties/work_dir/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.work_dir.type,parentSchema:schema33.properties.work_dir,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
}
else {
const err1 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.type,parentSchema:schema33,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
validate110.errors = vErrors;
return errors === 0;
}
validate110.evaluated = {"props":{"work_dir":true},"dynamicProps":false,"dynamicItems":false};


function validate107(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate107.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs2 = errors;
let valid1 = true;
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.type === undefined) && (missing0 = "type")){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(data.type !== undefined){
let data0 = data.type;
if(!((data0 === "blobcache") || (data0 === "filecache"))){
const err1 = {};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
}
var _valid0 = _errs3 === errors;
errors = _errs2;
if(vErrors !== null){
if(_errs2){
vErrors.length = _errs2;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs5 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.config === undefined){
const err2 = {instancePath,schemaPath:"#/allOf/0/then/required",keyword:"required",params:{missingProperty: "config"},message:"must have required property '"+"config"+"'",schema:schema45.allOf[0].then.required,parentSchema:schema45.allOf[0].then,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.config !== undefined){
if(!(validate108(data.config, {instancePath:instancePath+"/config",parentData:data,parentDataProperty:"config",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate108.errors : vErrors.concat(validate108.errors);
errors = vErrors.length;
}
}
}
var _valid0 = _errs5 === errors;
valid1 = _valid0;
if(valid1){
var props0 = {};
props0.config = true;
props0.type = true;
}
}
if(!valid1){
const err3 = {instancePath,schemaPath:"#/allOf/0/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema45.allOf[0].if,parentSchema:schema45.allOf[0],data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
const _errs8 = errors;
let valid4 = true;
const _errs9 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if((data.type === undefined) && (missing1 = "type")){
const err4 = {};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
else {
if(data.type !== undefined){
if("fscache" !== data.type){
const err5 = {};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
}
var _valid1 = _errs9 === errors;
errors = _errs8;
if(vErrors !== null){
if(_errs8){
vErrors.length = _errs8;
}
else {
vErrors = null;
}
}
if(_valid1){
const _errs11 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.config === undefined){
const err6 = {instancePath,schemaPath:"#/allOf/1/then/required",keyword:"required",params:{missingProperty: "config"},message:"must have required property '"+"config"+"'",schema:schema45.allOf[1].then.required,parentSchema:schema45.allOf[1].then,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data.config !== undefined){
if(!(validate110(data.config, {instancePath:instancePath+"/config",parentData:data,parentDataProperty:"config",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate110.errors : vErrors.concat(validate110.errors);
errors = vErrors.length;
}
}
}
var _valid1 = _errs11 === errors;
valid4 = _valid1;
if(valid4){
var props1 = {};
props1.config = true;
props1.type = true;
}
}
if(!valid4){
const err7 = {instancePath,schemaPath:"#/allOf/1/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema45.allOf[1].if,parentSchema:schema45.allOf[1],data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(props0 !== true && props1 !== undefined){
if(props1 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props1);
}
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(props0 !== true){
props0 = props0 || {};
props0.type = true;
props0.compressed = true;
props0.validate = true;
props0.config = true;
}
if(data.type !== undefined){
let data4 = data.type;
if(typeof data4 !== "string"){
const err8 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema45.properties.type.type,parentSchema:schema45.properties.type,data:data4};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(!((((((data4 === "blobcache") || (data4 === "filecache")) || (data4 === "fscache")) || (data4 === "dummycache")) || (data4 === "dummy")) || (data4 === ""))){
const err9 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/enum",keyword:"enum",params:{allowedValues: schema45.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema45.properties.type.enum,parentSchema:schema45.properties.type,data:data4};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.compressed !== undefined){
let data5 = data.compressed;
if(typeof data5 !== "boolean"){
const err10 = {instancePath:instancePath+"/compressed",schemaPath:"#/properties/compressed/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema45.properties.compressed.type,parentSchema:schema45.properties.compressed,data:data5};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.validate !== undefined){
let data6 = data.validate;
if(typeof data6 !== "boolean"){
const err11 = {instancePath:instancePath+"/validate",schemaPath:"#/properties/validate/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema45.properties.validate.type,parentSchema:schema45.properties.validate,data:data6};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema45.type,parentSchema:schema45,data};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
validate107.errors = vErrors;
evaluated0.props = props0;
return errors === 0;
}
validate107.evaluated = {"dynamicProps":true,"dynamicItems":false};


function validate89(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate89.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.backend === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "backend"},message:"must have required property '"+"backend"+"'",schema:schema37.required,parentSchema:schema37,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.id !== undefined){
let data0 = data.id;
if(typeof data0 !== "string"){
const err1 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.id.type,parentSchema:schema37.properties.id,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.backend !== undefined){
if(!(validate90(data.backend, {instancePath:instancePath+"/backend",parentData:data,parentDataProperty:"backend",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate90.errors : vErrors.concat(validate90.errors);
errors = vErrors.length;
}
}
if(data.external_backends !== undefined){
let data2 = data.external_backends;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
if(!(validate105(data2[i0], {instancePath:instancePath+"/external_backends/" + i0,parentData:data2,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate105.errors : vErrors.concat(validate105.errors);
errors = vErrors.length;
}
}
}
else {
const err2 = {instancePath:instancePath+"/external_backends",schemaPath:"#/properties/external_backends/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema37.properties.external_backends.type,parentSchema:schema37.properties.external_backends,data:data2};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.cache !== undefined){
if(!(validate107(data.cache, {instancePath:instancePath+"/cache",parentData:data,parentDataProperty:"cache",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate107.errors : vErrors.concat(validate107.errors);
errors = vErrors.length;
}
}
}
else {
const err3 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.type,parentSchema:schema37,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
validate89.errors = vErrors;
return errors === 0;
}
validate89.evaluated = {"props":{"id":true,"backend":true,"external_backends":true,"cache":true},"dynamicProps":false,"dynamicItems":false};

const schema48 = {"title":"FsPrefetchConfigV1","description":"Filesystem-level prefetch. Per-key defaults apply when the object is present (note prefetch_all defaults to true); all zeros when absent.","type":"object","properties":{"enable":{"type":"boolean","default":false,"description":"Whether prefetch runs at all."},"threads_count":{"type":"integer","minimum":0,"default":8,"description":"Number of prefetch worker threads (1..=1024 when enabled); v2 threads."},"merging_size":{"type":"integer","minimum":0,"default":1048576,"description":"Merge size in bytes for prefetch requests (at most 256 MiB when enabled); v2 batch_size."},"bandwidth_rate":{"type":"integer","minimum":0,"maximum":4294967295,"default":0,"description":"Prefetch bandwidth limit in bytes per second, 0 unlimited; v2 bandwidth_limit."},"prefetch_all":{"type":"boolean","default":true,"description":"Prefetch every blob of the image entirely."},"stream_prefetch":{"type":"boolean","default":false,"description":"Use Dragonfly's streaming prefetch."}},"if":{"properties":{"enable":{"const":true}},"required":["enable"]},"then":{"properties":{"threads_count":{"type":"integer","minimum":1,"maximum":1024},"merging_size":{"type":"integer","maximum":268435456}}}};

function validate114(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate114.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs1 = errors;
let valid0 = true;
const _errs2 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.enable === undefined) && (missing0 = "enable")){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(data.enable !== undefined){
if(true !== data.enable){
const err1 = {};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
}
var _valid0 = _errs2 === errors;
errors = _errs1;
if(vErrors !== null){
if(_errs1){
vErrors.length = _errs1;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs4 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.threads_count !== undefined){
let data1 = data.threads_count;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err2 = {instancePath:instancePath+"/threads_count",schemaPath:"#/then/properties/threads_count/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema48.then.properties.threads_count.type,parentSchema:schema48.then.properties.threads_count,data:data1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 1024 || isNaN(data1)){
const err3 = {instancePath:instancePath+"/threads_count",schemaPath:"#/then/properties/threads_count/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1024},message:"must be <= 1024",schema:1024,parentSchema:schema48.then.properties.threads_count,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data1 < 1 || isNaN(data1)){
const err4 = {instancePath:instancePath+"/threads_count",schemaPath:"#/then/properties/threads_count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema48.then.properties.threads_count,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
if(data.merging_size !== undefined){
let data2 = data.merging_size;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err5 = {instancePath:instancePath+"/merging_size",schemaPath:"#/then/properties/merging_size/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema48.then.properties.merging_size.type,parentSchema:schema48.then.properties.merging_size,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 > 268435456 || isNaN(data2)){
const err6 = {instancePath:instancePath+"/merging_size",schemaPath:"#/then/properties/merging_size/maximum",keyword:"maximum",params:{comparison: "<=", limit: 268435456},message:"must be <= 268435456",schema:268435456,parentSchema:schema48.then.properties.merging_size,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
}
var _valid0 = _errs4 === errors;
valid0 = _valid0;
if(valid0){
var props0 = {};
props0.threads_count = true;
props0.merging_size = true;
props0.enable = true;
}
}
if(!valid0){
const err7 = {instancePath,schemaPath:"#/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema48.if,parentSchema:schema48,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(props0 !== true){
props0 = props0 || {};
props0.enable = true;
props0.threads_count = true;
props0.merging_size = true;
props0.bandwidth_rate = true;
props0.prefetch_all = true;
props0.stream_prefetch = true;
}
if(data.enable !== undefined){
let data3 = data.enable;
if(typeof data3 !== "boolean"){
const err8 = {instancePath:instancePath+"/enable",schemaPath:"#/properties/enable/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema48.properties.enable.type,parentSchema:schema48.properties.enable,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.threads_count !== undefined){
let data4 = data.threads_count;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err9 = {instancePath:instancePath+"/threads_count",schemaPath:"#/properties/threads_count/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema48.properties.threads_count.type,parentSchema:schema48.properties.threads_count,data:data4};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 < 0 || isNaN(data4)){
const err10 = {instancePath:instancePath+"/threads_count",schemaPath:"#/properties/threads_count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema48.properties.threads_count,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
if(data.merging_size !== undefined){
let data5 = data.merging_size;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err11 = {instancePath:instancePath+"/merging_size",schemaPath:"#/properties/merging_size/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema48.properties.merging_size.type,parentSchema:schema48.properties.merging_size,data:data5};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 < 0 || isNaN(data5)){
const err12 = {instancePath:instancePath+"/merging_size",schemaPath:"#/properties/merging_size/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema48.properties.merging_size,data:data5};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
if(data.bandwidth_rate !== undefined){
let data6 = data.bandwidth_rate;
if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){
const err13 = {instancePath:instancePath+"/bandwidth_rate",schemaPath:"#/properties/bandwidth_rate/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema48.properties.bandwidth_rate.type,parentSchema:schema48.properties.bandwidth_rate,data:data6};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 > 4294967295 || isNaN(data6)){
const err14 = {instancePath:instancePath+"/bandwidth_rate",schemaPath:"#/properties/bandwidth_rate/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295",schema:4294967295,parentSchema:schema48.properties.bandwidth_rate,data:data6};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data6 < 0 || isNaN(data6)){
const err15 = {instancePath:instancePath+"/bandwidth_rate",schemaPath:"#/properties/bandwidth_rate/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema48.properties.bandwidth_rate,data:data6};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
if(data.prefetch_all !== undefined){
let data7 = data.prefetch_all;
if(typeof data7 !== "boolean"){
const err16 = {instancePath:instancePath+"/prefetch_all",schemaPath:"#/properties/prefetch_all/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema48.properties.prefetch_all.type,parentSchema:schema48.properties.prefetch_all,data:data7};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.stream_prefetch !== undefined){
let data8 = data.stream_prefetch;
if(typeof data8 !== "boolean"){
const err17 = {instancePath:instancePath+"/stream_prefetch",schemaPath:"#/properties/stream_prefetch/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema48.properties.stream_prefetch.type,parentSchema:schema48.properties.stream_prefetch,data:data8};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
else {
const err18 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema48.type,parentSchema:schema48,data};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
validate114.errors = vErrors;
evaluated0.props = props0;
return errors === 0;
}
validate114.evaluated = {"dynamicProps":true,"dynamicItems":false};


function validate88(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://nydus-service.invalid/schema/config-v1.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate88.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.device === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "device"},message:"must have required property '"+"device"+"'",schema:schema36.required,parentSchema:schema36,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.mode === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "mode"},message:"must have required property '"+"mode"+"'",schema:schema36.required,parentSchema:schema36,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.device !== undefined){
if(!(validate89(data.device, {instancePath:instancePath+"/device",parentData:data,parentDataProperty:"device",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate89.errors : vErrors.concat(validate89.errors);
errors = vErrors.length;
}
}
if(data.mode !== undefined){
let data1 = data.mode;
if(typeof data1 !== "string"){
const err2 = {instancePath:instancePath+"/mode",schemaPath:"#/properties/mode/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.mode.type,parentSchema:schema36.properties.mode,data:data1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(!((data1 === "direct") || (data1 === "cached"))){
const err3 = {instancePath:instancePath+"/mode",schemaPath:"#/properties/mode/enum",keyword:"enum",params:{allowedValues: schema36.properties.mode.enum},message:"must be equal to one of the allowed values",schema:schema36.properties.mode.enum,parentSchema:schema36.properties.mode,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.digest_validate !== undefined){
let data2 = data.digest_validate;
if(typeof data2 !== "boolean"){
const err4 = {instancePath:instancePath+"/digest_validate",schemaPath:"#/properties/digest_validate/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema36.properties.digest_validate.type,parentSchema:schema36.properties.digest_validate,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.iostats_files !== undefined){
let data3 = data.iostats_files;
if(typeof data3 !== "boolean"){
const err5 = {instancePath:instancePath+"/iostats_files",schemaPath:"#/properties/iostats_files/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema36.properties.iostats_files.type,parentSchema:schema36.properties.iostats_files,data:data3};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.enable_xattr !== undefined){
let data4 = data.enable_xattr;
if(typeof data4 !== "boolean"){
const err6 = {instancePath:instancePath+"/enable_xattr",schemaPath:"#/properties/enable_xattr/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema36.properties.enable_xattr.type,parentSchema:schema36.properties.enable_xattr,data:data4};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.access_pattern !== undefined){
let data5 = data.access_pattern;
if(typeof data5 !== "boolean"){
const err7 = {instancePath:instancePath+"/access_pattern",schemaPath:"#/properties/access_pattern/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema36.properties.access_pattern.type,parentSchema:schema36.properties.access_pattern,data:data5};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.latest_read_files !== undefined){
let data6 = data.latest_read_files;
if(typeof data6 !== "boolean"){
const err8 = {instancePath:instancePath+"/latest_read_files",schemaPath:"#/properties/latest_read_files/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema36.properties.latest_read_files.type,parentSchema:schema36.properties.latest_read_files,data:data6};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.amplify_io !== undefined){
let data7 = data.amplify_io;
if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
const err9 = {instancePath:instancePath+"/amplify_io",schemaPath:"#/properties/amplify_io/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema36.properties.amplify_io.type,parentSchema:schema36.properties.amplify_io,data:data7};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 > 268435456 || isNaN(data7)){
const err10 = {instancePath:instancePath+"/amplify_io",schemaPath:"#/properties/amplify_io/maximum",keyword:"maximum",params:{comparison: "<=", limit: 268435456},message:"must be <= 268435456",schema:268435456,parentSchema:schema36.properties.amplify_io,data:data7};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data7 < 0 || isNaN(data7)){
const err11 = {instancePath:instancePath+"/amplify_io",schemaPath:"#/properties/amplify_io/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema36.properties.amplify_io,data:data7};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
if(data.fs_prefetch !== undefined){
if(!(validate114(data.fs_prefetch, {instancePath:instancePath+"/fs_prefetch",parentData:data,parentDataProperty:"fs_prefetch",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate114.errors : vErrors.concat(validate114.errors);
errors = vErrors.length;
}
}
}
else {
const err12 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema36.type,parentSchema:schema36,data};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
validate88.errors = vErrors;
return errors === 0;
}
validate88.evaluated = {"props":{"device":true,"mode":true,"digest_validate":true,"iostats_files":true,"enable_xattr":true,"access_pattern":true,"latest_read_files":true,"amplify_io":true,"fs_prefetch":true},"dynamicProps":false,"dynamicItems":false};

export const validateMountCmd = validate116;
const schema49 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://nydus-service.invalid/schema/mount-cmd.schema.json","title":"MountCmd","description":"Body of POST/PUT /api/v1/mount?mountpoint=<virtual path> (spec api.md §4.4); also the library's request to attach a filesystem (FsBackendMountCmd).","type":"object","properties":{"fs_type":{"type":"string","default":"","description":"rafs, or passthrough / passthroughfs / passthrough_fs; anything else fails the mount."},"source":{"type":"string","description":"Bootstrap path (RAFS) or host directory (passthrough)."},"config":{"type":"string","description":"Configuration text (v1 or v2 JSON, or v2 TOML) serialised as a string; ignored for passthrough."},"mountpoint":{"type":"string","default":"/","description":"Virtual mountpoint inside the daemon's tree (the API passes it in the query string instead)."},"prefetch_files":{"anyOf":[{"type":"array","items":{"type":"string"}},{"type":"null"}],"default":null,"description":"Absolute paths to prefetch (RAFS with rafs.prefetch.enable)."}},"required":["source","config"]};

function validate116(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://nydus-service.invalid/schema/mount-cmd.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate116.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.source === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "source"},message:"must have required property '"+"source"+"'",schema:schema49.required,parentSchema:schema49,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.config === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "config"},message:"must have required property '"+"config"+"'",schema:schema49.required,parentSchema:schema49,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.fs_type !== undefined){
let data0 = data.fs_type;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/fs_type",schemaPath:"#/properties/fs_type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.properties.fs_type.type,parentSchema:schema49.properties.fs_type,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.source !== undefined){
let data1 = data.source;
if(typeof data1 !== "string"){
const err3 = {instancePath:instancePath+"/source",schemaPath:"#/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.properties.source.type,parentSchema:schema49.properties.source,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.config !== undefined){
let data2 = data.config;
if(typeof data2 !== "string"){
const err4 = {instancePath:instancePath+"/config",schemaPath:"#/properties/config/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.properties.config.type,parentSchema:schema49.properties.config,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.mountpoint !== undefined){
let data3 = data.mountpoint;
if(typeof data3 !== "string"){
const err5 = {instancePath:instancePath+"/mountpoint",schemaPath:"#/properties/mountpoint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.properties.mountpoint.type,parentSchema:schema49.properties.mountpoint,data:data3};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.prefetch_files !== undefined){
let data4 = data.prefetch_files;
const _errs10 = errors;
let valid1 = false;
const _errs11 = errors;
if(Array.isArray(data4)){
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
let data5 = data4[i0];
if(typeof data5 !== "string"){
const err6 = {instancePath:instancePath+"/prefetch_files/" + i0,schemaPath:"#/properties/prefetch_files/anyOf/0/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.properties.prefetch_files.anyOf[0].items.type,parentSchema:schema49.properties.prefetch_files.anyOf[0].items,data:data5};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath:instancePath+"/prefetch_files",schemaPath:"#/properties/prefetch_files/anyOf/0/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema49.properties.prefetch_files.anyOf[0].type,parentSchema:schema49.properties.prefetch_files.anyOf[0],data:data4};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
var _valid0 = _errs11 === errors;
valid1 = valid1 || _valid0;
const _errs15 = errors;
if(data4 !== null){
const err8 = {instancePath:instancePath+"/prefetch_files",schemaPath:"#/properties/prefetch_files/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema49.properties.prefetch_files.anyOf[1].type,parentSchema:schema49.properties.prefetch_files.anyOf[1],data:data4};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
var _valid0 = _errs15 === errors;
valid1 = valid1 || _valid0;
if(!valid1){
const err9 = {instancePath:instancePath+"/prefetch_files",schemaPath:"#/properties/prefetch_files/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema49.properties.prefetch_files.anyOf,parentSchema:schema49.properties.prefetch_files,data:data4};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
else {
errors = _errs10;
if(vErrors !== null){
if(_errs10){
vErrors.length = _errs10;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err10 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema49.type,parentSchema:schema49,data};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
validate116.errors = vErrors;
return errors === 0;
}
validate116.evaluated = {"props":{"fs_type":true,"source":true,"config":true,"mountpoint":true,"prefetch_files":true},"dynamicProps":false,"dynamicItems":false};

export const validateFuseDaemonOptions = validate117;
const schema50 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://nydus-service.invalid/schema/daemon/fuse.schema.json","title":"FuseDaemonOptions","description":"Options of a FUSE daemon, as nydusd's `fuse` subcommand takes them (spec daemon.md §1.2-§1.4, §1.14). One declaration renders the `nydus fuse` flags (x-flag) and the library's fuseDaemon() builder.","type":"object","properties":{"mountpoint":{"type":"string","minLength":1,"description":"Host directory where the FUSE filesystem is mounted; must exist and be a directory.","x-flag":{"name":"mountpoint","char":"M"}},"bootstrap":{"type":"string","minLength":1,"description":"RAFS bootstrap (or a data blob with the bootstrap inlined) mounted at start at the virtual mountpoint. Needs config or localfsDir.","x-flag":{"name":"bootstrap","char":"B","exclusive":["shared-dir","image"]}},"image":{"type":"string","minLength":1,"description":"OCI reference of a nydus image in a registry (\"host[:port]/repo:tag\" or \"@sha256:...\"), mounted at start instead of --bootstrap: the manifest for this machine's platform is resolved when the daemon starts, its bootstrap layer fetched into the cache directory (reused by later starts) and its blobs read through a registry backend for the image's repository. --config supplies the cache, the filesystem options and, with a registry backend, the credentials.","x-flag":{"name":"image","exclusive":["bootstrap","localfs-dir","shared-dir"]}},"config":{"type":"string","minLength":1,"description":"Daemon configuration file (nydusd v1 or v2, JSON or TOML) for the bootstrap mounted at start; not read when nothing is mounted at start.","x-flag":{"name":"config","char":"C","exclusive":["localfs-dir"]}},"configDocument":{"type":"object","description":"Library only: a configuration document (v1 or v2 object) used instead of reading the config file.","additionalProperties":true},"localfsDir":{"type":"string","minLength":1,"description":"Built-in configuration: localfs backend reading blobs from this directory, blobcache work dir the same directory (daemon.md §1.8).","x-flag":{"name":"localfs-dir","char":"D","exclusive":["config","image"]}},"sharedDir":{"type":"string","minLength":1,"description":"Share a host directory through the passthrough filesystem instead of RAFS (not supported by this implementation yet: the daemon refuses to start).","x-flag":{"name":"shared-dir","char":"s","exclusive":["bootstrap","image"]}},"prefetchFiles":{"type":"string","minLength":1,"description":"File listing absolute paths to prefetch, one per line (blank lines skipped). Requires bootstrap or image.","x-flag":{"name":"prefetch-files","dependsOnAny":["bootstrap","image"]}},"virtualMountpoint":{"type":"string","default":"/","description":"Path inside the FUSE tree where the initial filesystem is attached.","x-flag":{"name":"virtual-mountpoint","char":"m"}},"apiSock":{"type":"string","minLength":1,"description":"Unix socket of the HTTP administration API; without it no API server runs.","x-flag":{"name":"apisock","char":"A"}},"metricsAddr":{"type":"string","minLength":1,"description":"HOST:PORT ([v6]:PORT) of a plain-HTTP listener serving the Prometheus metrics at GET /metrics (also at GET /api/v1/metrics/prometheus on the API socket). Unauthenticated: bind it to loopback unless the network is trusted. Without it no listener runs.","x-flag":{"name":"metrics-addr"}},"id":{"type":"string","minLength":1,"description":"Service instance identifier, reported in daemon info. Requires supervisor.","x-flag":{"name":"id","dependsOn":["supervisor"]}},"supervisor":{"type":"string","minLength":1,"description":"Unix socket of the supervisor (state and fd keeper) for hot upgrade and failover. Requires id.","x-flag":{"name":"supervisor","dependsOn":["id"]}},"stateDir":{"type":"string","minLength":1,"description":"Directory of daemon records (read by nydus upgrade / nydus failover); the daemon writes <dir>/<id>.json when started with --id and --supervisor. Default: env NYDUS_STATE_DIR, else /run/nydus.","x-flag":{"name":"state-dir"}},"upgrade":{"type":"boolean","default":false,"description":"Start in upgrade mode: mount nothing, stay in INIT waiting for a takeover.","x-flag":{"name":"upgrade"}},"logLevel":{"enum":["trace","debug","info","warn","error"],"default":"info","description":"Maximum log level (changeable at run time through the API).","x-flag":{"name":"log-level","char":"l"}},"logFile":{"type":"string","minLength":1,"description":"Log to this file (appended; `.log` added when the name has no extension) instead of stderr.","x-flag":{"name":"log-file","char":"L"}},"logRotationSize":{"type":"integer","minimum":0,"default":0,"description":"Rotate the log file when it exceeds this many MiB; 0 disables rotation.","x-flag":{"name":"log-rotation-size"}},"rlimitNofile":{"type":"integer","minimum":0,"default":1000000,"description":"Target RLIMIT_NOFILE (daemon.md §1.10); 0 leaves the limit unchanged.","x-flag":{"name":"rlimit-nofile"}},"failoverPolicy":{"enum":["none","resend","flush"],"default":"resend","description":"What to do with in-flight FUSE requests after a takeover.","x-flag":{"name":"failover-policy"}},"fuseThreads":{"type":"integer","minimum":1,"maximum":1024,"default":4,"description":"Number of FUSE worker threads.","x-flag":{"name":"fuse-threads","aliases":["thread-num"]}},"writable":{"type":"boolean","default":false,"description":"Mount without MS_RDONLY (RAFS itself stays read-only).","x-flag":{"name":"writable"}},"dedupDb":{"type":"string","minLength":1,"description":"Accepted for nydusd compatibility (chunk de-duplication database); ignored.","x-flag":{"name":"dedup-db"}},"backendSource":{"type":"string","description":"Accepted for nydus-snapshotter compatibility (its backend-source feature); ignored with a warning.","x-flag":{"name":"backend-source"}}},"required":["mountpoint"],"additionalProperties":false,"dependentRequired":{"id":["supervisor"],"supervisor":["id"]},"allOf":[{"if":{"properties":{"prefetchFiles":true},"required":["prefetchFiles"]},"then":{"anyOf":[{"properties":{"bootstrap":true},"required":["bootstrap"]},{"properties":{"image":true},"required":["image"]}]}},{"not":{"properties":{"bootstrap":true,"sharedDir":true},"required":["bootstrap","sharedDir"]}},{"not":{"properties":{"config":true,"localfsDir":true},"required":["config","localfsDir"]}},{"not":{"properties":{"config":true,"configDocument":true},"required":["config","configDocument"]}},{"not":{"properties":{"localfsDir":true,"configDocument":true},"required":["localfsDir","configDocument"]}},{"not":{"properties":{"bootstrap":true,"image":true},"required":["bootstrap","image"]}},{"not":{"properties":{"image":true,"localfsDir":true},"required":["image","localfsDir"]}},{"not":{"properties":{"image":true,"sharedDir":true},"required":["image","sharedDir"]}}]};
const func3 = Object.prototype.hasOwnProperty;

function validate117(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://nydus-service.invalid/schema/daemon/fuse.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate117.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs2 = errors;
let valid1 = true;
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.prefetchFiles === undefined) && (missing0 = "prefetchFiles")){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
var _valid0 = _errs3 === errors;
errors = _errs2;
if(vErrors !== null){
if(_errs2){
vErrors.length = _errs2;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs4 = errors;
const _errs5 = errors;
let valid2 = false;
const _errs6 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.bootstrap === undefined){
const err1 = {instancePath,schemaPath:"#/allOf/0/then/anyOf/0/required",keyword:"required",params:{missingProperty: "bootstrap"},message:"must have required property '"+"bootstrap"+"'",schema:schema50.allOf[0].then.anyOf[0].required,parentSchema:schema50.allOf[0].then.anyOf[0],data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid1 = _errs6 === errors;
valid2 = valid2 || _valid1;
if(_valid1){
var props0 = {};
props0.bootstrap = true;
}
const _errs7 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.image === undefined){
const err2 = {instancePath,schemaPath:"#/allOf/0/then/anyOf/1/required",keyword:"required",params:{missingProperty: "image"},message:"must have required property '"+"image"+"'",schema:schema50.allOf[0].then.anyOf[1].required,parentSchema:schema50.allOf[0].then.anyOf[1],data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
var _valid1 = _errs7 === errors;
valid2 = valid2 || _valid1;
if(_valid1){
if(props0 !== true){
props0 = props0 || {};
props0.image = true;
}
}
if(!valid2){
const err3 = {instancePath,schemaPath:"#/allOf/0/then/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema50.allOf[0].then.anyOf,parentSchema:schema50.allOf[0].then,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
else {
errors = _errs5;
if(vErrors !== null){
if(_errs5){
vErrors.length = _errs5;
}
else {
vErrors = null;
}
}
}
var _valid0 = _errs4 === errors;
valid1 = _valid0;
if(valid1){
if(props0 !== true){
props0 = props0 || {};
props0.prefetchFiles = true;
}
}
}
if(!valid1){
const err4 = {instancePath,schemaPath:"#/allOf/0/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema50.allOf[0].if,parentSchema:schema50.allOf[0],data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
const _errs9 = errors;
const _errs10 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if(((data.bootstrap === undefined) && (missing1 = "bootstrap")) || ((data.sharedDir === undefined) && (missing1 = "sharedDir"))){
const err5 = {};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
var valid3 = _errs10 === errors;
if(valid3){
const err6 = {instancePath,schemaPath:"#/allOf/1/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema50.allOf[1].not,parentSchema:schema50.allOf[1],data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
else {
errors = _errs9;
if(vErrors !== null){
if(_errs9){
vErrors.length = _errs9;
}
else {
vErrors = null;
}
}
}
const _errs12 = errors;
const _errs13 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing2;
if(((data.config === undefined) && (missing2 = "config")) || ((data.localfsDir === undefined) && (missing2 = "localfsDir"))){
const err7 = {};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
var valid4 = _errs13 === errors;
if(valid4){
const err8 = {instancePath,schemaPath:"#/allOf/2/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema50.allOf[2].not,parentSchema:schema50.allOf[2],data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
else {
errors = _errs12;
if(vErrors !== null){
if(_errs12){
vErrors.length = _errs12;
}
else {
vErrors = null;
}
}
}
const _errs15 = errors;
const _errs16 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing3;
if(((data.config === undefined) && (missing3 = "config")) || ((data.configDocument === undefined) && (missing3 = "configDocument"))){
const err9 = {};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
var valid5 = _errs16 === errors;
if(valid5){
const err10 = {instancePath,schemaPath:"#/allOf/3/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema50.allOf[3].not,parentSchema:schema50.allOf[3],data};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
else {
errors = _errs15;
if(vErrors !== null){
if(_errs15){
vErrors.length = _errs15;
}
else {
vErrors = null;
}
}
}
const _errs18 = errors;
const _errs19 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing4;
if(((data.localfsDir === undefined) && (missing4 = "localfsDir")) || ((data.configDocument === undefined) && (missing4 = "configDocument"))){
const err11 = {};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
var valid6 = _errs19 === errors;
if(valid6){
const err12 = {instancePath,schemaPath:"#/allOf/4/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema50.allOf[4].not,parentSchema:schema50.allOf[4],data};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
else {
errors = _errs18;
if(vErrors !== null){
if(_errs18){
vErrors.length = _errs18;
}
else {
vErrors = null;
}
}
}
const _errs21 = errors;
const _errs22 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing5;
if(((data.bootstrap === undefined) && (missing5 = "bootstrap")) || ((data.image === undefined) && (missing5 = "image"))){
const err13 = {};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
var valid7 = _errs22 === errors;
if(valid7){
const err14 = {instancePath,schemaPath:"#/allOf/5/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema50.allOf[5].not,parentSchema:schema50.allOf[5],data};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
else {
errors = _errs21;
if(vErrors !== null){
if(_errs21){
vErrors.length = _errs21;
}
else {
vErrors = null;
}
}
}
const _errs24 = errors;
const _errs25 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing6;
if(((data.image === undefined) && (missing6 = "image")) || ((data.localfsDir === undefined) && (missing6 = "localfsDir"))){
const err15 = {};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
var valid8 = _errs25 === errors;
if(valid8){
const err16 = {instancePath,schemaPath:"#/allOf/6/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema50.allOf[6].not,parentSchema:schema50.allOf[6],data};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
else {
errors = _errs24;
if(vErrors !== null){
if(_errs24){
vErrors.length = _errs24;
}
else {
vErrors = null;
}
}
}
const _errs27 = errors;
const _errs28 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing7;
if(((data.image === undefined) && (missing7 = "image")) || ((data.sharedDir === undefined) && (missing7 = "sharedDir"))){
const err17 = {};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
var valid9 = _errs28 === errors;
if(valid9){
const err18 = {instancePath,schemaPath:"#/allOf/7/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema50.allOf[7].not,parentSchema:schema50.allOf[7],data};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
else {
errors = _errs27;
if(vErrors !== null){
if(_errs27){
vErrors.length = _errs27;
}
else {
vErrors = null;
}
}
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.mountpoint === undefined){
const err19 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "mountpoint"},message:"must have required property '"+"mountpoint"+"'",schema:schema50.required,parentSchema:schema50,data};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
for(const key0 in data){
if(!(func3.call(schema50.properties, key0))){
const err20 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema50,data};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.mountpoint !== undefined){
let data0 = data.mountpoint;
if(typeof data0 === "string"){
if(func1(data0) < 1){
const err21 = {instancePath:instancePath+"/mountpoint",schemaPath:"#/properties/mountpoint/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema50.properties.mountpoint,data:data0};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
else {
const err22 = {instancePath:instancePath+"/mountpoint",schemaPath:"#/properties/mountpoint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema50.properties.mountpoint.type,parentSchema:schema50.properties.mountpoint,data:data0};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.bootstrap !== undefined){
let data1 = data.bootstrap;
if(typeof data1 === "string"){
if(func1(data1) < 1){
const err23 = {instancePath:instancePath+"/bootstrap",schemaPath:"#/properties/bootstrap/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema50.properties.bootstrap,data:data1};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/bootstrap",schemaPath:"#/properties/bootstrap/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema50.properties.bootstrap.type,parentSchema:schema50.properties.bootstrap,data:data1};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.image !== undefined){
let data2 = data.image;
if(typeof data2 === "string"){
if(func1(data2) < 1){
const err25 = {instancePath:instancePath+"/image",schemaPath:"#/properties/image/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema50.properties.image,data:data2};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
else {
const err26 = {instancePath:instancePath+"/image",schemaPath:"#/properties/image/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema50.properties.image.type,parentSchema:schema50.properties.image,data:data2};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.config !== undefined){
let data3 = data.config;
if(typeof data3 === "string"){
if(func1(data3) < 1){
const err27 = {instancePath:instancePath+"/config",schemaPath:"#/properties/config/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema50.properties.config,data:data3};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
else {
const err28 = {instancePath:instancePath+"/config",schemaPath:"#/properties/config/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema50.properties.config.type,parentSchema:schema50.properties.config,data:data3};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data.configDocument !== undefined){
let data4 = data.configDocument;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
}
else {
const err29 = {instancePath:instancePath+"/configDocument",schemaPath:"#/properties/configDocument/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema50.properties.configDocument.type,parentSchema:schema50.properties.configDocument,data:data4};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data.localfsDir !== undefined){
let data5 = data.localfsDir;
if(typeof data5 === "string"){
if(func1(data5) < 1){
const err30 = {instancePath:instancePath+"/localfsDir",schemaPath:"#/properties/localfsDir/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema50.properties.localfsDir,data:data5};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
else {
const err31 = {instancePath:instancePath+"/localfsDir",schemaPath:"#/properties/localfsDir/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema50.properties.localfsDir.type,parentSchema:schema50.properties.localfsDir,data:data5};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data.sharedDir !== undefined){
let data6 = data.sharedDir;
if(typeof data6 === "string"){
if(func1(data6) < 1){
const err32 = {instancePath:instancePath+"/sharedDir",schemaPath:"#/properties/sharedDir/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema50.properties.sharedDir,data:data6};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
else {
const err33 = {instancePath:instancePath+"/sharedDir",schemaPath:"#/properties/sharedDir/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema50.properties.sharedDir.type,parentSchema:schema50.properties.sharedDir,data:data6};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data.prefetchFiles !== undefined){
let data7 = data.prefetchFiles;
if(typeof data7 === "string"){
if(func1(data7) < 1){
const err34 = {instancePath:instancePath+"/prefetchFiles",schemaPath:"#/properties/prefetchFiles/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema50.properties.prefetchFiles,data:data7};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
else {
const err35 = {instancePath:instancePath+"/prefetchFiles",schemaPath:"#/properties/prefetchFiles/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema50.properties.prefetchFiles.type,parentSchema:schema50.properties.prefetchFiles,data:data7};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data.virtualMountpoint !== undefined){
let data8 = data.virtualMountpoint;
if(typeof data8 !== "string"){
const err36 = {instancePath:instancePath+"/virtualMountpoint",schemaPath:"#/properties/virtualMountpoint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema50.properties.virtualMountpoint.type,parentSchema:schema50.properties.virtualMountpoint,data:data8};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data.apiSock !== undefined){
let data9 = data.apiSock;
if(typeof data9 === "string"){
if(func1(data9) < 1){
const err37 = {instancePath:instancePath+"/apiSock",schemaPath:"#/properties/apiSock/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema50.properties.apiSock,data:data9};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
else {
const err38 = {instancePath:instancePath+"/apiSock",schemaPath:"#/properties/apiSock/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema50.properties.apiSock.type,parentSchema:schema50.properties.apiSock,data:data9};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data.metricsAddr !== undefined){
let data10 = data.metricsAddr;
if(typeof data10 === "string"){
if(func1(data10) < 1){
const err39 = {instancePath:instancePath+"/metricsAddr",schemaPath:"#/properties/metricsAddr/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema50.properties.metricsAddr,data:data10};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
else {
const err40 = {instancePath:instancePath+"/metricsAddr",schemaPath:"#/properties/metricsAddr/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema50.properties.metricsAddr.type,parentSchema:schema50.properties.metricsAddr,data:data10};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data.id !== undefined){
let data11 = data.id;
if(typeof data11 === "string"){
if(func1(data11) < 1){
const err41 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema50.properties.id,data:data11};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
else {
const err42 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema50.properties.id.type,parentSchema:schema50.properties.id,data:data11};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data.supervisor !== undefined){
let data12 = data.supervisor;
if(typeof data12 === "string"){
if(func1(data12) < 1){
const err43 = {instancePath:instancePath+"/supervisor",schemaPath:"#/properties/supervisor/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema50.properties.supervisor,data:data12};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
else {
const err44 = {instancePath:instancePath+"/supervisor",schemaPath:"#/properties/supervisor/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema50.properties.supervisor.type,parentSchema:schema50.properties.supervisor,data:data12};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
if(data.stateDir !== undefined){
let data13 = data.stateDir;
if(typeof data13 === "string"){
if(func1(data13) < 1){
const err45 = {instancePath:instancePath+"/stateDir",schemaPath:"#/properties/stateDir/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema50.properties.stateDir,data:data13};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
else {
const err46 = {instancePath:instancePath+"/stateDir",schemaPath:"#/properties/stateDir/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema50.properties.stateDir.type,parentSchema:schema50.properties.stateDir,data:data13};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
if(data.upgrade !== undefined){
let data14 = data.upgrade;
if(typeof data14 !== "boolean"){
const err47 = {instancePath:instancePath+"/upgrade",schemaPath:"#/properties/upgrade/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema50.properties.upgrade.type,parentSchema:schema50.properties.upgrade,data:data14};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data.logLevel !== undefined){
let data15 = data.logLevel;
if(!(((((data15 === "trace") || (data15 === "debug")) || (data15 === "info")) || (data15 === "warn")) || (data15 === "error"))){
const err48 = {instancePath:instancePath+"/logLevel",schemaPath:"#/properties/logLevel/enum",keyword:"enum",params:{allowedValues: schema50.properties.logLevel.enum},message:"must be equal to one of the allowed values",schema:schema50.properties.logLevel.enum,parentSchema:schema50.properties.logLevel,data:data15};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
if(data.logFile !== undefined){
let data16 = data.logFile;
if(typeof data16 === "string"){
if(func1(data16) < 1){
const err49 = {instancePath:instancePath+"/logFile",schemaPath:"#/properties/logFile/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema50.properties.logFile,data:data16};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
else {
const err50 = {instancePath:instancePath+"/logFile",schemaPath:"#/properties/logFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema50.properties.logFile.type,parentSchema:schema50.properties.logFile,data:data16};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
if(data.logRotationSize !== undefined){
let data17 = data.logRotationSize;
if(!(((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17))) && (isFinite(data17)))){
const err51 = {instancePath:instancePath+"/logRotationSize",schemaPath:"#/properties/logRotationSize/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema50.properties.logRotationSize.type,parentSchema:schema50.properties.logRotationSize,data:data17};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
if((typeof data17 == "number") && (isFinite(data17))){
if(data17 < 0 || isNaN(data17)){
const err52 = {instancePath:instancePath+"/logRotationSize",schemaPath:"#/properties/logRotationSize/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema50.properties.logRotationSize,data:data17};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
}
if(data.rlimitNofile !== undefined){
let data18 = data.rlimitNofile;
if(!(((typeof data18 == "number") && (!(data18 % 1) && !isNaN(data18))) && (isFinite(data18)))){
const err53 = {instancePath:instancePath+"/rlimitNofile",schemaPath:"#/properties/rlimitNofile/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema50.properties.rlimitNofile.type,parentSchema:schema50.properties.rlimitNofile,data:data18};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
if((typeof data18 == "number") && (isFinite(data18))){
if(data18 < 0 || isNaN(data18)){
const err54 = {instancePath:instancePath+"/rlimitNofile",schemaPath:"#/properties/rlimitNofile/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema50.properties.rlimitNofile,data:data18};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
}
if(data.failoverPolicy !== undefined){
let data19 = data.failoverPolicy;
if(!(((data19 === "none") || (data19 === "resend")) || (data19 === "flush"))){
const err55 = {instancePath:instancePath+"/failoverPolicy",schemaPath:"#/properties/failoverPolicy/enum",keyword:"enum",params:{allowedValues: schema50.properties.failoverPolicy.enum},message:"must be equal to one of the allowed values",schema:schema50.properties.failoverPolicy.enum,parentSchema:schema50.properties.failoverPolicy,data:data19};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
if(data.fuseThreads !== undefined){
let data20 = data.fuseThreads;
if(!(((typeof data20 == "number") && (!(data20 % 1) && !isNaN(data20))) && (isFinite(data20)))){
const err56 = {instancePath:instancePath+"/fuseThreads",schemaPath:"#/properties/fuseThreads/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema50.properties.fuseThreads.type,parentSchema:schema50.properties.fuseThreads,data:data20};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
if((typeof data20 == "number") && (isFinite(data20))){
if(data20 > 1024 || isNaN(data20)){
const err57 = {instancePath:instancePath+"/fuseThreads",schemaPath:"#/properties/fuseThreads/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1024},message:"must be <= 1024",schema:1024,parentSchema:schema50.properties.fuseThreads,data:data20};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
if(data20 < 1 || isNaN(data20)){
const err58 = {instancePath:instancePath+"/fuseThreads",schemaPath:"#/properties/fuseThreads/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema50.properties.fuseThreads,data:data20};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
}
if(data.writable !== undefined){
let data21 = data.writable;
if(typeof data21 !== "boolean"){
const err59 = {instancePath:instancePath+"/writable",schemaPath:"#/properties/writable/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema50.properties.writable.type,parentSchema:schema50.properties.writable,data:data21};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
if(data.dedupDb !== undefined){
let data22 = data.dedupDb;
if(typeof data22 === "string"){
if(func1(data22) < 1){
const err60 = {instancePath:instancePath+"/dedupDb",schemaPath:"#/properties/dedupDb/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema50.properties.dedupDb,data:data22};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
else {
const err61 = {instancePath:instancePath+"/dedupDb",schemaPath:"#/properties/dedupDb/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema50.properties.dedupDb.type,parentSchema:schema50.properties.dedupDb,data:data22};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
if(data.backendSource !== undefined){
let data23 = data.backendSource;
if(typeof data23 !== "string"){
const err62 = {instancePath:instancePath+"/backendSource",schemaPath:"#/properties/backendSource/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema50.properties.backendSource.type,parentSchema:schema50.properties.backendSource,data:data23};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
if(data.id !== undefined){
if(data.supervisor === undefined){
const err63 = {instancePath,schemaPath:"#/dependentRequired",keyword:"dependentRequired",params:{property: "id",
    missingProperty: "supervisor",
    depsCount: 1,
    deps: "supervisor"},message:"must have property supervisor when property id is present",schema:schema50.dependentRequired,parentSchema:schema50,data};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
if(data.supervisor !== undefined){
if(data.id === undefined){
const err64 = {instancePath,schemaPath:"#/dependentRequired",keyword:"dependentRequired",params:{property: "supervisor",
    missingProperty: "id",
    depsCount: 1,
    deps: "id"},message:"must have property id when property supervisor is present",schema:schema50.dependentRequired,parentSchema:schema50,data};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
}
else {
const err65 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema50.type,parentSchema:schema50,data};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
validate117.errors = vErrors;
return errors === 0;
}
validate117.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const validateFuseTakeoverState = validate118;
const schema51 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://nydus-service.invalid/schema/daemon/state.schema.json","title":"FuseTakeoverState","description":"The saved state of a FUSE daemon that a supervisor keeps for hot upgrade and failover (spec daemon.md §5.4): the JSON payload inside the versioned, CRC-protected state buffer (src/upgrade/state-codec.ts). The buffer travels with the /dev/fuse fd over the supervisor socket.","type":"object","properties":{"format":{"const":"nydus-service-fuse-state","description":"Format tag of the payload; anything else is a foreign snapshot."},"version":{"const":1,"description":"Payload version (the framing carries its own version too)."},"id":{"anyOf":[{"type":"string"},{"type":"null"}],"description":"Daemon id (--id) of the daemon that saved the state, or null."},"connectionId":{"type":"integer","minimum":0,"description":"FUSE connection id: (major(st_dev) << 20) | minor(st_dev) of the mountpoint, the name under /sys/fs/fuse/connections/."},"mountpoint":{"type":"string","minLength":1,"description":"Canonical host path of the FUSE mount."},"negotiated":{"type":"object","additionalProperties":true,"description":"Opaque result of the FUSE INIT exchange (protocol minor, option bits, limits), as produced and consumed by the native session."},"vfs":{"type":"object","additionalProperties":true,"description":"Opaque VFS snapshot (pseudo-fs tree, next index, id mappings), as produced and consumed by the native session."},"flavour":{"enum":["rafs","passthrough"],"description":"VFS flavour of the FUSE session (open/opendir handling); the successor adopts the connection with the same one. Absent in older states: rafs."},"failoverPolicy":{"enum":["none","resend","flush"],"description":"Failover policy of the daemon that saved the state (daemon.md §5.6)."},"mounts":{"type":"array","description":"Every mounted backend filesystem, in VFS index order.","items":{"type":"object","description":"One backend filesystem attached to the VFS.","properties":{"mountpoint":{"type":"string","minLength":1,"description":"Virtual mountpoint inside the daemon's tree."},"index":{"type":"integer","minimum":1,"maximum":255,"description":"VFS index the backend is attached at."},"cmd":{"$ref":"../mount-cmd.schema.json","description":"The mount command as originally given (config text verbatim)."}},"required":["mountpoint","index","cmd"],"additionalProperties":false}}},"required":["format","version","id","connectionId","mountpoint","negotiated","vfs","mounts"],"additionalProperties":false};

function validate118(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://nydus-service.invalid/schema/daemon/state.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate118.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.format === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "format"},message:"must have required property '"+"format"+"'",schema:schema51.required,parentSchema:schema51,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.version === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema51.required,parentSchema:schema51,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.id === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema51.required,parentSchema:schema51,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.connectionId === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "connectionId"},message:"must have required property '"+"connectionId"+"'",schema:schema51.required,parentSchema:schema51,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.mountpoint === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "mountpoint"},message:"must have required property '"+"mountpoint"+"'",schema:schema51.required,parentSchema:schema51,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.negotiated === undefined){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "negotiated"},message:"must have required property '"+"negotiated"+"'",schema:schema51.required,parentSchema:schema51,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data.vfs === undefined){
const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "vfs"},message:"must have required property '"+"vfs"+"'",schema:schema51.required,parentSchema:schema51,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data.mounts === undefined){
const err7 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "mounts"},message:"must have required property '"+"mounts"+"'",schema:schema51.required,parentSchema:schema51,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
for(const key0 in data){
if(!(func3.call(schema51.properties, key0))){
const err8 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema51,data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.format !== undefined){
let data0 = data.format;
if("nydus-service-fuse-state" !== data0){
const err9 = {instancePath:instancePath+"/format",schemaPath:"#/properties/format/const",keyword:"const",params:{allowedValue: "nydus-service-fuse-state"},message:"must be equal to constant",schema:"nydus-service-fuse-state",parentSchema:schema51.properties.format,data:data0};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.version !== undefined){
let data1 = data.version;
if(1 !== data1){
const err10 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant",schema:1,parentSchema:schema51.properties.version,data:data1};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.id !== undefined){
let data2 = data.id;
const _errs5 = errors;
let valid1 = false;
const _errs6 = errors;
if(typeof data2 !== "string"){
const err11 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema51.properties.id.anyOf[0].type,parentSchema:schema51.properties.id.anyOf[0],data:data2};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
var _valid0 = _errs6 === errors;
valid1 = valid1 || _valid0;
const _errs8 = errors;
if(data2 !== null){
const err12 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema51.properties.id.anyOf[1].type,parentSchema:schema51.properties.id.anyOf[1],data:data2};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
var _valid0 = _errs8 === errors;
valid1 = valid1 || _valid0;
if(!valid1){
const err13 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema51.properties.id.anyOf,parentSchema:schema51.properties.id,data:data2};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
else {
errors = _errs5;
if(vErrors !== null){
if(_errs5){
vErrors.length = _errs5;
}
else {
vErrors = null;
}
}
}
}
if(data.connectionId !== undefined){
let data3 = data.connectionId;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err14 = {instancePath:instancePath+"/connectionId",schemaPath:"#/properties/connectionId/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema51.properties.connectionId.type,parentSchema:schema51.properties.connectionId,data:data3};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 0 || isNaN(data3)){
const err15 = {instancePath:instancePath+"/connectionId",schemaPath:"#/properties/connectionId/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema51.properties.connectionId,data:data3};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
if(data.mountpoint !== undefined){
let data4 = data.mountpoint;
if(typeof data4 === "string"){
if(func1(data4) < 1){
const err16 = {instancePath:instancePath+"/mountpoint",schemaPath:"#/properties/mountpoint/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema51.properties.mountpoint,data:data4};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/mountpoint",schemaPath:"#/properties/mountpoint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema51.properties.mountpoint.type,parentSchema:schema51.properties.mountpoint,data:data4};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.negotiated !== undefined){
let data5 = data.negotiated;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
}
else {
const err18 = {instancePath:instancePath+"/negotiated",schemaPath:"#/properties/negotiated/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema51.properties.negotiated.type,parentSchema:schema51.properties.negotiated,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.vfs !== undefined){
let data6 = data.vfs;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
}
else {
const err19 = {instancePath:instancePath+"/vfs",schemaPath:"#/properties/vfs/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema51.properties.vfs.type,parentSchema:schema51.properties.vfs,data:data6};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.flavour !== undefined){
let data7 = data.flavour;
if(!((data7 === "rafs") || (data7 === "passthrough"))){
const err20 = {instancePath:instancePath+"/flavour",schemaPath:"#/properties/flavour/enum",keyword:"enum",params:{allowedValues: schema51.properties.flavour.enum},message:"must be equal to one of the allowed values",schema:schema51.properties.flavour.enum,parentSchema:schema51.properties.flavour,data:data7};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.failoverPolicy !== undefined){
let data8 = data.failoverPolicy;
if(!(((data8 === "none") || (data8 === "resend")) || (data8 === "flush"))){
const err21 = {instancePath:instancePath+"/failoverPolicy",schemaPath:"#/properties/failoverPolicy/enum",keyword:"enum",params:{allowedValues: schema51.properties.failoverPolicy.enum},message:"must be equal to one of the allowed values",schema:schema51.properties.failoverPolicy.enum,parentSchema:schema51.properties.failoverPolicy,data:data8};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.mounts !== undefined){
let data9 = data.mounts;
if(Array.isArray(data9)){
const len0 = data9.length;
for(let i0=0; i0<len0; i0++){
let data10 = data9[i0];
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
if(data10.mountpoint === undefined){
const err22 = {instancePath:instancePath+"/mounts/" + i0,schemaPath:"#/properties/mounts/items/required",keyword:"required",params:{missingProperty: "mountpoint"},message:"must have required property '"+"mountpoint"+"'",schema:schema51.properties.mounts.items.required,parentSchema:schema51.properties.mounts.items,data:data10};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data10.index === undefined){
const err23 = {instancePath:instancePath+"/mounts/" + i0,schemaPath:"#/properties/mounts/items/required",keyword:"required",params:{missingProperty: "index"},message:"must have required property '"+"index"+"'",schema:schema51.properties.mounts.items.required,parentSchema:schema51.properties.mounts.items,data:data10};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(data10.cmd === undefined){
const err24 = {instancePath:instancePath+"/mounts/" + i0,schemaPath:"#/properties/mounts/items/required",keyword:"required",params:{missingProperty: "cmd"},message:"must have required property '"+"cmd"+"'",schema:schema51.properties.mounts.items.required,parentSchema:schema51.properties.mounts.items,data:data10};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
for(const key1 in data10){
if(!(((key1 === "mountpoint") || (key1 === "index")) || (key1 === "cmd"))){
const err25 = {instancePath:instancePath+"/mounts/" + i0,schemaPath:"#/properties/mounts/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema51.properties.mounts.items,data:data10};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data10.mountpoint !== undefined){
let data11 = data10.mountpoint;
if(typeof data11 === "string"){
if(func1(data11) < 1){
const err26 = {instancePath:instancePath+"/mounts/" + i0+"/mountpoint",schemaPath:"#/properties/mounts/items/properties/mountpoint/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema51.properties.mounts.items.properties.mountpoint,data:data11};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/mounts/" + i0+"/mountpoint",schemaPath:"#/properties/mounts/items/properties/mountpoint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema51.properties.mounts.items.properties.mountpoint.type,parentSchema:schema51.properties.mounts.items.properties.mountpoint,data:data11};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data10.index !== undefined){
let data12 = data10.index;
if(!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))){
const err28 = {instancePath:instancePath+"/mounts/" + i0+"/index",schemaPath:"#/properties/mounts/items/properties/index/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema51.properties.mounts.items.properties.index.type,parentSchema:schema51.properties.mounts.items.properties.index,data:data12};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if((typeof data12 == "number") && (isFinite(data12))){
if(data12 > 255 || isNaN(data12)){
const err29 = {instancePath:instancePath+"/mounts/" + i0+"/index",schemaPath:"#/properties/mounts/items/properties/index/maximum",keyword:"maximum",params:{comparison: "<=", limit: 255},message:"must be <= 255",schema:255,parentSchema:schema51.properties.mounts.items.properties.index,data:data12};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(data12 < 1 || isNaN(data12)){
const err30 = {instancePath:instancePath+"/mounts/" + i0+"/index",schemaPath:"#/properties/mounts/items/properties/index/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema51.properties.mounts.items.properties.index,data:data12};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
if(data10.cmd !== undefined){
if(!(validate116(data10.cmd, {instancePath:instancePath+"/mounts/" + i0+"/cmd",parentData:data10,parentDataProperty:"cmd",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate116.errors : vErrors.concat(validate116.errors);
errors = vErrors.length;
}
}
}
else {
const err31 = {instancePath:instancePath+"/mounts/" + i0,schemaPath:"#/properties/mounts/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema51.properties.mounts.items.type,parentSchema:schema51.properties.mounts.items,data:data10};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
else {
const err32 = {instancePath:instancePath+"/mounts",schemaPath:"#/properties/mounts/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema51.properties.mounts.type,parentSchema:schema51.properties.mounts,data:data9};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
}
else {
const err33 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema51.type,parentSchema:schema51,data};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
validate118.errors = vErrors;
return errors === 0;
}
validate118.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const validateDaemonRecord = validate120;
const schema52 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://nydus-service.invalid/schema/daemon/record.schema.json","title":"DaemonRecord","description":"What is known about one supervised daemon, kept as <state dir>/<id>.json (default state dir /run/nydus, or NYDUS_STATE_DIR, or --state-dir). Written by the daemon itself and by `nydus upgrade` / `nydus failover`.","type":"object","properties":{"id":{"type":"string","minLength":1,"pattern":"^[A-Za-z0-9][A-Za-z0-9._-]*$","description":"Daemon id (--id); also the record's file name."},"kind":{"enum":["fuse","blobcache","virtiofs"],"description":"What the daemon serves (absent: fuse): a FUSE mount (nydus fuse), the blob cache service (nydus blobcache / fscache, whose mountpoint member names its shared read socket, or its entry file when it has none), or a VM over virtio-fs (nydus virtiofs, whose mountpoint member names its vhost-user socket; it cannot be upgraded or failed over)."},"pid":{"type":"integer","minimum":1,"description":"Process id of the daemon serving the mount."},"apiSock":{"anyOf":[{"type":"string","minLength":1},{"type":"null"}],"description":"API socket of the serving daemon (changes on every hot upgrade: api.sock, api1.sock, ...); null when the daemon serves no API (it cannot be upgraded or failed over then)."},"supervisor":{"type":"string","minLength":1,"description":"Supervisor socket path (--supervisor) the daemon connects to on sendfd and takeover."},"argv":{"type":"array","items":{"type":"string"},"description":"Full command line that starts the daemon: node executable, entry script, 'fuse', then its arguments."},"cwd":{"type":"string","minLength":1,"description":"Working directory of the daemon; successors and restarts start there, so relative paths in its configs keep their meaning."},"mountpoint":{"type":"string","minLength":1,"description":"Host path of the FUSE mount."},"mounts":{"type":"array","description":"Filesystems attached inside the daemon (a blob cache daemon lists its entries here: mountpoint = <domain_id>/<id>, source = the bootstrap), so `nydus failover` saves the state again when they change.","items":{"type":"object","description":"One attached filesystem.","properties":{"mountpoint":{"type":"string","description":"Virtual mountpoint inside the daemon's tree."},"source":{"type":"string","description":"Bootstrap path (RAFS) or host directory (passthrough)."}},"required":["mountpoint","source"],"additionalProperties":false}},"state":{"type":"string","description":"Last known reported state (INIT, READY, RUNNING, STOPPED, ...)."},"startedAt":{"type":"string","description":"When the current daemon process started (ISO 8601)."},"updatedAt":{"type":"string","description":"When the record was last written (ISO 8601)."},"failover":{"type":"object","description":"Set while `nydus failover` supervises the daemon.","properties":{"supervisorPid":{"type":"integer","minimum":1,"description":"Process id of the `nydus failover` supervisor."},"since":{"type":"string","description":"When supervision started (ISO 8601)."},"recoveries":{"type":"integer","minimum":0,"description":"Crash recoveries performed so far."},"lastRecoveryMs":{"type":"number","minimum":0,"description":"Duration of the last recovery (crash noticed to RUNNING), in milliseconds."}},"required":["supervisorPid"],"additionalProperties":false},"upgrades":{"type":"integer","minimum":0,"description":"Hot upgrades performed on this daemon id."}},"required":["id","pid","apiSock","supervisor","argv","mountpoint","mounts","state","startedAt","updatedAt"],"additionalProperties":false};
const pattern3 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]*$", "u");

function validate120(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://nydus-service.invalid/schema/daemon/record.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate120.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema52.required,parentSchema:schema52,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.pid === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "pid"},message:"must have required property '"+"pid"+"'",schema:schema52.required,parentSchema:schema52,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.apiSock === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiSock"},message:"must have required property '"+"apiSock"+"'",schema:schema52.required,parentSchema:schema52,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.supervisor === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "supervisor"},message:"must have required property '"+"supervisor"+"'",schema:schema52.required,parentSchema:schema52,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.argv === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "argv"},message:"must have required property '"+"argv"+"'",schema:schema52.required,parentSchema:schema52,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.mountpoint === undefined){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "mountpoint"},message:"must have required property '"+"mountpoint"+"'",schema:schema52.required,parentSchema:schema52,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data.mounts === undefined){
const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "mounts"},message:"must have required property '"+"mounts"+"'",schema:schema52.required,parentSchema:schema52,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data.state === undefined){
const err7 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "state"},message:"must have required property '"+"state"+"'",schema:schema52.required,parentSchema:schema52,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data.startedAt === undefined){
const err8 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "startedAt"},message:"must have required property '"+"startedAt"+"'",schema:schema52.required,parentSchema:schema52,data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data.updatedAt === undefined){
const err9 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "updatedAt"},message:"must have required property '"+"updatedAt"+"'",schema:schema52.required,parentSchema:schema52,data};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
for(const key0 in data){
if(!(func3.call(schema52.properties, key0))){
const err10 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema52,data};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.id !== undefined){
let data0 = data.id;
if(typeof data0 === "string"){
if(func1(data0) < 1){
const err11 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema52.properties.id,data:data0};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(!pattern3.test(data0)){
const err12 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._-]*$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9._-]*$",parentSchema:schema52.properties.id,data:data0};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema52.properties.id.type,parentSchema:schema52.properties.id,data:data0};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.kind !== undefined){
let data1 = data.kind;
if(!(((data1 === "fuse") || (data1 === "blobcache")) || (data1 === "virtiofs"))){
const err14 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/enum",keyword:"enum",params:{allowedValues: schema52.properties.kind.enum},message:"must be equal to one of the allowed values",schema:schema52.properties.kind.enum,parentSchema:schema52.properties.kind,data:data1};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.pid !== undefined){
let data2 = data.pid;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err15 = {instancePath:instancePath+"/pid",schemaPath:"#/properties/pid/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema52.properties.pid.type,parentSchema:schema52.properties.pid,data:data2};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 1 || isNaN(data2)){
const err16 = {instancePath:instancePath+"/pid",schemaPath:"#/properties/pid/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema52.properties.pid,data:data2};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
if(data.apiSock !== undefined){
let data3 = data.apiSock;
const _errs8 = errors;
let valid1 = false;
const _errs9 = errors;
if(typeof data3 === "string"){
if(func1(data3) < 1){
const err17 = {instancePath:instancePath+"/apiSock",schemaPath:"#/properties/apiSock/anyOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema52.properties.apiSock.anyOf[0],data:data3};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {instancePath:instancePath+"/apiSock",schemaPath:"#/properties/apiSock/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema52.properties.apiSock.anyOf[0].type,parentSchema:schema52.properties.apiSock.anyOf[0],data:data3};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
var _valid0 = _errs9 === errors;
valid1 = valid1 || _valid0;
const _errs11 = errors;
if(data3 !== null){
const err19 = {instancePath:instancePath+"/apiSock",schemaPath:"#/properties/apiSock/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema52.properties.apiSock.anyOf[1].type,parentSchema:schema52.properties.apiSock.anyOf[1],data:data3};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
var _valid0 = _errs11 === errors;
valid1 = valid1 || _valid0;
if(!valid1){
const err20 = {instancePath:instancePath+"/apiSock",schemaPath:"#/properties/apiSock/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema52.properties.apiSock.anyOf,parentSchema:schema52.properties.apiSock,data:data3};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
else {
errors = _errs8;
if(vErrors !== null){
if(_errs8){
vErrors.length = _errs8;
}
else {
vErrors = null;
}
}
}
}
if(data.supervisor !== undefined){
let data4 = data.supervisor;
if(typeof data4 === "string"){
if(func1(data4) < 1){
const err21 = {instancePath:instancePath+"/supervisor",schemaPath:"#/properties/supervisor/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema52.properties.supervisor,data:data4};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
else {
const err22 = {instancePath:instancePath+"/supervisor",schemaPath:"#/properties/supervisor/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema52.properties.supervisor.type,parentSchema:schema52.properties.supervisor,data:data4};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.argv !== undefined){
let data5 = data.argv;
if(Array.isArray(data5)){
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
if(typeof data6 !== "string"){
const err23 = {instancePath:instancePath+"/argv/" + i0,schemaPath:"#/properties/argv/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema52.properties.argv.items.type,parentSchema:schema52.properties.argv.items,data:data6};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
else {
const err24 = {instancePath:instancePath+"/argv",schemaPath:"#/properties/argv/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema52.properties.argv.type,parentSchema:schema52.properties.argv,data:data5};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.cwd !== undefined){
let data7 = data.cwd;
if(typeof data7 === "string"){
if(func1(data7) < 1){
const err25 = {instancePath:instancePath+"/cwd",schemaPath:"#/properties/cwd/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema52.properties.cwd,data:data7};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
else {
const err26 = {instancePath:instancePath+"/cwd",schemaPath:"#/properties/cwd/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema52.properties.cwd.type,parentSchema:schema52.properties.cwd,data:data7};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.mountpoint !== undefined){
let data8 = data.mountpoint;
if(typeof data8 === "string"){
if(func1(data8) < 1){
const err27 = {instancePath:instancePath+"/mountpoint",schemaPath:"#/properties/mountpoint/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema52.properties.mountpoint,data:data8};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
else {
const err28 = {instancePath:instancePath+"/mountpoint",schemaPath:"#/properties/mountpoint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema52.properties.mountpoint.type,parentSchema:schema52.properties.mountpoint,data:data8};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data.mounts !== undefined){
let data9 = data.mounts;
if(Array.isArray(data9)){
const len1 = data9.length;
for(let i1=0; i1<len1; i1++){
let data10 = data9[i1];
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
if(data10.mountpoint === undefined){
const err29 = {instancePath:instancePath+"/mounts/" + i1,schemaPath:"#/properties/mounts/items/required",keyword:"required",params:{missingProperty: "mountpoint"},message:"must have required property '"+"mountpoint"+"'",schema:schema52.properties.mounts.items.required,parentSchema:schema52.properties.mounts.items,data:data10};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(data10.source === undefined){
const err30 = {instancePath:instancePath+"/mounts/" + i1,schemaPath:"#/properties/mounts/items/required",keyword:"required",params:{missingProperty: "source"},message:"must have required property '"+"source"+"'",schema:schema52.properties.mounts.items.required,parentSchema:schema52.properties.mounts.items,data:data10};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
for(const key1 in data10){
if(!((key1 === "mountpoint") || (key1 === "source"))){
const err31 = {instancePath:instancePath+"/mounts/" + i1,schemaPath:"#/properties/mounts/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema52.properties.mounts.items,data:data10};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data10.mountpoint !== undefined){
let data11 = data10.mountpoint;
if(typeof data11 !== "string"){
const err32 = {instancePath:instancePath+"/mounts/" + i1+"/mountpoint",schemaPath:"#/properties/mounts/items/properties/mountpoint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema52.properties.mounts.items.properties.mountpoint.type,parentSchema:schema52.properties.mounts.items.properties.mountpoint,data:data11};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data10.source !== undefined){
let data12 = data10.source;
if(typeof data12 !== "string"){
const err33 = {instancePath:instancePath+"/mounts/" + i1+"/source",schemaPath:"#/properties/mounts/items/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema52.properties.mounts.items.properties.source.type,parentSchema:schema52.properties.mounts.items.properties.source,data:data12};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
}
else {
const err34 = {instancePath:instancePath+"/mounts/" + i1,schemaPath:"#/properties/mounts/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema52.properties.mounts.items.type,parentSchema:schema52.properties.mounts.items,data:data10};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
else {
const err35 = {instancePath:instancePath+"/mounts",schemaPath:"#/properties/mounts/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema52.properties.mounts.type,parentSchema:schema52.properties.mounts,data:data9};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data.state !== undefined){
let data13 = data.state;
if(typeof data13 !== "string"){
const err36 = {instancePath:instancePath+"/state",schemaPath:"#/properties/state/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema52.properties.state.type,parentSchema:schema52.properties.state,data:data13};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data.startedAt !== undefined){
let data14 = data.startedAt;
if(typeof data14 !== "string"){
const err37 = {instancePath:instancePath+"/startedAt",schemaPath:"#/properties/startedAt/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema52.properties.startedAt.type,parentSchema:schema52.properties.startedAt,data:data14};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data.updatedAt !== undefined){
let data15 = data.updatedAt;
if(typeof data15 !== "string"){
const err38 = {instancePath:instancePath+"/updatedAt",schemaPath:"#/properties/updatedAt/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema52.properties.updatedAt.type,parentSchema:schema52.properties.updatedAt,data:data15};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data.failover !== undefined){
let data16 = data.failover;
if(data16 && typeof data16 == "object" && !Array.isArray(data16)){
if(data16.supervisorPid === undefined){
const err39 = {instancePath:instancePath+"/failover",schemaPath:"#/properties/failover/required",keyword:"required",params:{missingProperty: "supervisorPid"},message:"must have required property '"+"supervisorPid"+"'",schema:schema52.properties.failover.required,parentSchema:schema52.properties.failover,data:data16};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
for(const key2 in data16){
if(!((((key2 === "supervisorPid") || (key2 === "since")) || (key2 === "recoveries")) || (key2 === "lastRecoveryMs"))){
const err40 = {instancePath:instancePath+"/failover",schemaPath:"#/properties/failover/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema52.properties.failover,data:data16};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data16.supervisorPid !== undefined){
let data17 = data16.supervisorPid;
if(!(((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17))) && (isFinite(data17)))){
const err41 = {instancePath:instancePath+"/failover/supervisorPid",schemaPath:"#/properties/failover/properties/supervisorPid/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema52.properties.failover.properties.supervisorPid.type,parentSchema:schema52.properties.failover.properties.supervisorPid,data:data17};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
if((typeof data17 == "number") && (isFinite(data17))){
if(data17 < 1 || isNaN(data17)){
const err42 = {instancePath:instancePath+"/failover/supervisorPid",schemaPath:"#/properties/failover/properties/supervisorPid/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema52.properties.failover.properties.supervisorPid,data:data17};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
}
if(data16.since !== undefined){
let data18 = data16.since;
if(typeof data18 !== "string"){
const err43 = {instancePath:instancePath+"/failover/since",schemaPath:"#/properties/failover/properties/since/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema52.properties.failover.properties.since.type,parentSchema:schema52.properties.failover.properties.since,data:data18};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data16.recoveries !== undefined){
let data19 = data16.recoveries;
if(!(((typeof data19 == "number") && (!(data19 % 1) && !isNaN(data19))) && (isFinite(data19)))){
const err44 = {instancePath:instancePath+"/failover/recoveries",schemaPath:"#/properties/failover/properties/recoveries/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema52.properties.failover.properties.recoveries.type,parentSchema:schema52.properties.failover.properties.recoveries,data:data19};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
if((typeof data19 == "number") && (isFinite(data19))){
if(data19 < 0 || isNaN(data19)){
const err45 = {instancePath:instancePath+"/failover/recoveries",schemaPath:"#/properties/failover/properties/recoveries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema52.properties.failover.properties.recoveries,data:data19};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
}
if(data16.lastRecoveryMs !== undefined){
let data20 = data16.lastRecoveryMs;
if((typeof data20 == "number") && (isFinite(data20))){
if(data20 < 0 || isNaN(data20)){
const err46 = {instancePath:instancePath+"/failover/lastRecoveryMs",schemaPath:"#/properties/failover/properties/lastRecoveryMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema52.properties.failover.properties.lastRecoveryMs,data:data20};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
else {
const err47 = {instancePath:instancePath+"/failover/lastRecoveryMs",schemaPath:"#/properties/failover/properties/lastRecoveryMs/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema52.properties.failover.properties.lastRecoveryMs.type,parentSchema:schema52.properties.failover.properties.lastRecoveryMs,data:data20};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
}
else {
const err48 = {instancePath:instancePath+"/failover",schemaPath:"#/properties/failover/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema52.properties.failover.type,parentSchema:schema52.properties.failover,data:data16};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
if(data.upgrades !== undefined){
let data21 = data.upgrades;
if(!(((typeof data21 == "number") && (!(data21 % 1) && !isNaN(data21))) && (isFinite(data21)))){
const err49 = {instancePath:instancePath+"/upgrades",schemaPath:"#/properties/upgrades/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema52.properties.upgrades.type,parentSchema:schema52.properties.upgrades,data:data21};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
if((typeof data21 == "number") && (isFinite(data21))){
if(data21 < 0 || isNaN(data21)){
const err50 = {instancePath:instancePath+"/upgrades",schemaPath:"#/properties/upgrades/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema52.properties.upgrades,data:data21};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
}
}
else {
const err51 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema52.type,parentSchema:schema52,data};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
validate120.errors = vErrors;
return errors === 0;
}
validate120.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const validateBlobCacheEntry = validate121;
const schema53 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://nydus-service.invalid/schema/blob-cache-entry.schema.json","title":"BlobCacheEntry","description":"A blob registered with the blob cache manager (spec daemon.md §2.6): PUT /api/v2/blobs, singleton --config \"blobs\", nbd --config.","type":"object","$defs":{"legacyPrefetch":{"title":"BlobPrefetchConfigV1","description":"Legacy blob prefetch settings; every key is required when the object is present.","type":"object","properties":{"enable":{"type":"boolean","description":"Whether prefetch runs."},"threads_count":{"type":"integer","minimum":0,"description":"Number of prefetch worker threads."},"merging_size":{"type":"integer","minimum":0,"description":"Merge size in bytes of prefetch requests."},"bandwidth_rate":{"type":"integer","minimum":0,"maximum":4294967295,"description":"Bandwidth limit in bytes per second, 0 unlimited."}},"required":["enable","threads_count","merging_size","bandwidth_rate"]},"legacyConfig":{"title":"BlobCacheEntryConfigV1","description":"Legacy entry configuration (what nydus-snapshotter's fscache driver sends).","type":"object","properties":{"id":{"type":"string","default":"","description":"Instance id."},"backend_type":{"type":"string","enum":["localfs","localdisk","oss","s3","registry"],"description":"Backend kind."},"backend_config":{"description":"Backend settings, decoded as the v2 object of backend_type."},"external_backends":{"type":"array","items":{"$ref":"common.schema.json#/$defs/externalBackend"},"default":[],"description":"Patches for backends described inside the image."},"cache_type":{"type":"string","enum":["blobcache","filecache","fscache","dummycache","dummy",""],"description":"Cache kind."},"cache_config":{"description":"Cache settings, decoded as v2 filecache or fscache by cache_type."},"prefetch_config":{"$ref":"#/$defs/legacyPrefetch","description":"Blob prefetch settings; none when absent."},"metadata_path":{"type":["string","null"],"default":null,"description":"Bootstrap path (type bootstrap)."}},"required":["backend_type","backend_config","cache_type","cache_config"],"allOf":[{"if":{"properties":{"backend_type":{"const":"localfs"}},"required":["backend_type"]},"then":{"properties":{"backend_config":{"$ref":"common.schema.json#/$defs/localfs"}}}},{"if":{"properties":{"backend_type":{"const":"localdisk"}},"required":["backend_type"]},"then":{"properties":{"backend_config":{"$ref":"common.schema.json#/$defs/localdisk"}}}},{"if":{"properties":{"backend_type":{"const":"oss"}},"required":["backend_type"]},"then":{"properties":{"backend_config":{"$ref":"common.schema.json#/$defs/oss"}}}},{"if":{"properties":{"backend_type":{"const":"s3"}},"required":["backend_type"]},"then":{"properties":{"backend_config":{"$ref":"common.schema.json#/$defs/s3"}}}},{"if":{"properties":{"backend_type":{"const":"registry"}},"required":["backend_type"]},"then":{"properties":{"backend_config":{"$ref":"common.schema.json#/$defs/registry"}}}},{"if":{"properties":{"cache_type":{"enum":["blobcache","filecache"]}},"required":["cache_type"]},"then":{"properties":{"cache_config":{"$ref":"common.schema.json#/$defs/filecache"}}}},{"if":{"properties":{"cache_type":{"const":"fscache"}},"required":["cache_type"]},"then":{"properties":{"cache_config":{"$ref":"common.schema.json#/$defs/fscache"}}}}]},"configV2":{"title":"BlobCacheEntryConfigV2","description":"Version 2 entry configuration; wins over config when both are present.","type":"object","properties":{"version":{"type":"integer","const":2,"description":"Must be 2."},"id":{"type":"string","default":"","description":"Instance id."},"backend":{"$ref":"common.schema.json#/$defs/backend","description":"Storage backend of the blob."},"external_backends":{"type":"array","items":{"$ref":"common.schema.json#/$defs/externalBackend"},"default":[],"description":"Patches for backends described inside the image."},"cache":{"$ref":"common.schema.json#/$defs/cache","description":"Cache of the blob."},"metadata_path":{"type":["string","null"],"default":null,"description":"Bootstrap path (type bootstrap)."}},"required":["version","backend","cache"]}},"properties":{"type":{"type":"string","enum":["bootstrap","datablob"],"description":"bootstrap (an image; its data blobs follow) or datablob (refused when adding)."},"id":{"type":"string","pattern":"^[^/]*$","description":"Blob id, or for a bootstrap the EROFS fsid; no \"/\"."},"domain_id":{"type":"string","pattern":"^[^/]*$","default":"","description":"Domain sharing blobs between images; no \"/\"."},"config":{"$ref":"#/$defs/legacyConfig","description":"Legacy entry configuration."},"config_v2":{"$ref":"#/$defs/configV2","description":"Version 2 entry configuration; wins over config."}},"required":["type","id"]};
const pattern4 = new RegExp("^[^/]*$", "u");
const schema54 = {"title":"BlobCacheEntryConfigV1","description":"Legacy entry configuration (what nydus-snapshotter's fscache driver sends).","type":"object","properties":{"id":{"type":"string","default":"","description":"Instance id."},"backend_type":{"type":"string","enum":["localfs","localdisk","oss","s3","registry"],"description":"Backend kind."},"backend_config":{"description":"Backend settings, decoded as the v2 object of backend_type."},"external_backends":{"type":"array","items":{"$ref":"common.schema.json#/$defs/externalBackend"},"default":[],"description":"Patches for backends described inside the image."},"cache_type":{"type":"string","enum":["blobcache","filecache","fscache","dummycache","dummy",""],"description":"Cache kind."},"cache_config":{"description":"Cache settings, decoded as v2 filecache or fscache by cache_type."},"prefetch_config":{"$ref":"#/$defs/legacyPrefetch","description":"Blob prefetch settings; none when absent."},"metadata_path":{"type":["string","null"],"default":null,"description":"Bootstrap path (type bootstrap)."}},"required":["backend_type","backend_config","cache_type","cache_config"],"allOf":[{"if":{"properties":{"backend_type":{"const":"localfs"}},"required":["backend_type"]},"then":{"properties":{"backend_config":{"$ref":"common.schema.json#/$defs/localfs"}}}},{"if":{"properties":{"backend_type":{"const":"localdisk"}},"required":["backend_type"]},"then":{"properties":{"backend_config":{"$ref":"common.schema.json#/$defs/localdisk"}}}},{"if":{"properties":{"backend_type":{"const":"oss"}},"required":["backend_type"]},"then":{"properties":{"backend_config":{"$ref":"common.schema.json#/$defs/oss"}}}},{"if":{"properties":{"backend_type":{"const":"s3"}},"required":["backend_type"]},"then":{"properties":{"backend_config":{"$ref":"common.schema.json#/$defs/s3"}}}},{"if":{"properties":{"backend_type":{"const":"registry"}},"required":["backend_type"]},"then":{"properties":{"backend_config":{"$ref":"common.schema.json#/$defs/registry"}}}},{"if":{"properties":{"cache_type":{"enum":["blobcache","filecache"]}},"required":["cache_type"]},"then":{"properties":{"cache_config":{"$ref":"common.schema.json#/$defs/filecache"}}}},{"if":{"properties":{"cache_type":{"const":"fscache"}},"required":["cache_type"]},"then":{"properties":{"cache_config":{"$ref":"common.schema.json#/$defs/fscache"}}}}]};

function validate123(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate123.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.blob_file !== undefined){
let data0 = data.blob_file;
if(typeof data0 !== "string"){
const err0 = {instancePath:instancePath+"/blob_file",schemaPath:"#/properties/blob_file/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.blob_file.type,parentSchema:schema22.properties.blob_file,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.dir !== undefined){
let data1 = data.dir;
if(typeof data1 !== "string"){
const err1 = {instancePath:instancePath+"/dir",schemaPath:"#/properties/dir/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.dir.type,parentSchema:schema22.properties.dir,data:data1};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.alt_dirs !== undefined){
let data2 = data.alt_dirs;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
if(typeof data3 !== "string"){
const err2 = {instancePath:instancePath+"/alt_dirs/" + i0,schemaPath:"#/properties/alt_dirs/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.alt_dirs.items.type,parentSchema:schema22.properties.alt_dirs.items,data:data3};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
}
else {
const err3 = {instancePath:instancePath+"/alt_dirs",schemaPath:"#/properties/alt_dirs/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema22.properties.alt_dirs.type,parentSchema:schema22.properties.alt_dirs,data:data2};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
else {
const err4 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema22.type,parentSchema:schema22,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
validate123.errors = vErrors;
return errors === 0;
}
validate123.evaluated = {"props":{"blob_file":true,"dir":true,"alt_dirs":true},"dynamicProps":false,"dynamicItems":false};


function validate125(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate125.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.device_path !== undefined){
let data0 = data.device_path;
if(typeof data0 !== "string"){
const err0 = {instancePath:instancePath+"/device_path",schemaPath:"#/properties/device_path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.device_path.type,parentSchema:schema23.properties.device_path,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.disable_gpt !== undefined){
let data1 = data.disable_gpt;
if(typeof data1 !== "boolean"){
const err1 = {instancePath:instancePath+"/disable_gpt",schemaPath:"#/properties/disable_gpt/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema23.properties.disable_gpt.type,parentSchema:schema23.properties.disable_gpt,data:data1};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
else {
const err2 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema23.type,parentSchema:schema23,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
validate125.errors = vErrors;
return errors === 0;
}
validate125.evaluated = {"props":{"device_path":true,"disable_gpt":true},"dynamicProps":false,"dynamicItems":false};


function validate127(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate127.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.endpoint === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "endpoint"},message:"must have required property '"+"endpoint"+"'",schema:schema24.required,parentSchema:schema24,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.bucket_name === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "bucket_name"},message:"must have required property '"+"bucket_name"+"'",schema:schema24.required,parentSchema:schema24,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.scheme !== undefined){
let data0 = data.scheme;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/scheme",schemaPath:"#/properties/scheme/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.scheme.type,parentSchema:schema24.properties.scheme,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.endpoint !== undefined){
let data1 = data.endpoint;
if(typeof data1 !== "string"){
const err3 = {instancePath:instancePath+"/endpoint",schemaPath:"#/properties/endpoint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.endpoint.type,parentSchema:schema24.properties.endpoint,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.bucket_name !== undefined){
let data2 = data.bucket_name;
if(typeof data2 !== "string"){
const err4 = {instancePath:instancePath+"/bucket_name",schemaPath:"#/properties/bucket_name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.bucket_name.type,parentSchema:schema24.properties.bucket_name,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.object_prefix !== undefined){
let data3 = data.object_prefix;
if(typeof data3 !== "string"){
const err5 = {instancePath:instancePath+"/object_prefix",schemaPath:"#/properties/object_prefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.object_prefix.type,parentSchema:schema24.properties.object_prefix,data:data3};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.access_key_id !== undefined){
let data4 = data.access_key_id;
if(typeof data4 !== "string"){
const err6 = {instancePath:instancePath+"/access_key_id",schemaPath:"#/properties/access_key_id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.access_key_id.type,parentSchema:schema24.properties.access_key_id,data:data4};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.access_key_secret !== undefined){
let data5 = data.access_key_secret;
if(typeof data5 !== "string"){
const err7 = {instancePath:instancePath+"/access_key_secret",schemaPath:"#/properties/access_key_secret/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.access_key_secret.type,parentSchema:schema24.properties.access_key_secret,data:data5};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.skip_verify !== undefined){
let data6 = data.skip_verify;
if(typeof data6 !== "boolean"){
const err8 = {instancePath:instancePath+"/skip_verify",schemaPath:"#/properties/skip_verify/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema24.properties.skip_verify.type,parentSchema:schema24.properties.skip_verify,data:data6};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.ca_cert_files !== undefined){
let data7 = data.ca_cert_files;
if(Array.isArray(data7)){
const len0 = data7.length;
for(let i0=0; i0<len0; i0++){
let data8 = data7[i0];
if(typeof data8 !== "string"){
const err9 = {instancePath:instancePath+"/ca_cert_files/" + i0,schemaPath:"#/properties/ca_cert_files/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.ca_cert_files.items.type,parentSchema:schema24.properties.ca_cert_files.items,data:data8};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/ca_cert_files",schemaPath:"#/properties/ca_cert_files/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema24.properties.ca_cert_files.type,parentSchema:schema24.properties.ca_cert_files,data:data7};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.timeout !== undefined){
let data9 = data.timeout;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err11 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema24.properties.timeout.type,parentSchema:schema24.properties.timeout,data:data9};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 > 4294967295 || isNaN(data9)){
const err12 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295",schema:4294967295,parentSchema:schema24.properties.timeout,data:data9};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data9 < 0 || isNaN(data9)){
const err13 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema24.properties.timeout,data:data9};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
if(data.connect_timeout !== undefined){
let data10 = data.connect_timeout;
if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
const err14 = {instancePath:instancePath+"/connect_timeout",schemaPath:"#/properties/connect_timeout/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema24.properties.connect_timeout.type,parentSchema:schema24.properties.connect_timeout,data:data10};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 > 4294967295 || isNaN(data10)){
const err15 = {instancePath:instancePath+"/connect_timeout",schemaPath:"#/properties/connect_timeout/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295",schema:4294967295,parentSchema:schema24.properties.connect_timeout,data:data10};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data10 < 0 || isNaN(data10)){
const err16 = {instancePath:instancePath+"/connect_timeout",schemaPath:"#/properties/connect_timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema24.properties.connect_timeout,data:data10};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
if(data.retry_limit !== undefined){
let data11 = data.retry_limit;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
const err17 = {instancePath:instancePath+"/retry_limit",schemaPath:"#/properties/retry_limit/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema24.properties.retry_limit.type,parentSchema:schema24.properties.retry_limit,data:data11};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 > 255 || isNaN(data11)){
const err18 = {instancePath:instancePath+"/retry_limit",schemaPath:"#/properties/retry_limit/maximum",keyword:"maximum",params:{comparison: "<=", limit: 255},message:"must be <= 255",schema:255,parentSchema:schema24.properties.retry_limit,data:data11};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(data11 < 0 || isNaN(data11)){
const err19 = {instancePath:instancePath+"/retry_limit",schemaPath:"#/properties/retry_limit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema24.properties.retry_limit,data:data11};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
if(data.proxy !== undefined){
if(!(validate60(data.proxy, {instancePath:instancePath+"/proxy",parentData:data,parentDataProperty:"proxy",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate60.errors : vErrors.concat(validate60.errors);
errors = vErrors.length;
}
}
}
else {
const err20 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema24.type,parentSchema:schema24,data};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
validate127.errors = vErrors;
return errors === 0;
}
validate127.evaluated = {"props":{"scheme":true,"endpoint":true,"bucket_name":true,"object_prefix":true,"access_key_id":true,"access_key_secret":true,"skip_verify":true,"ca_cert_files":true,"timeout":true,"connect_timeout":true,"retry_limit":true,"proxy":true},"dynamicProps":false,"dynamicItems":false};


function validate130(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate130.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.endpoint === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "endpoint"},message:"must have required property '"+"endpoint"+"'",schema:schema26.required,parentSchema:schema26,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.region === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "region"},message:"must have required property '"+"region"+"'",schema:schema26.required,parentSchema:schema26,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.bucket_name === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "bucket_name"},message:"must have required property '"+"bucket_name"+"'",schema:schema26.required,parentSchema:schema26,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.scheme !== undefined){
let data0 = data.scheme;
if(typeof data0 !== "string"){
const err3 = {instancePath:instancePath+"/scheme",schemaPath:"#/properties/scheme/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.scheme.type,parentSchema:schema26.properties.scheme,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.endpoint !== undefined){
let data1 = data.endpoint;
if(typeof data1 !== "string"){
const err4 = {instancePath:instancePath+"/endpoint",schemaPath:"#/properties/endpoint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.endpoint.type,parentSchema:schema26.properties.endpoint,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.region !== undefined){
let data2 = data.region;
if(typeof data2 !== "string"){
const err5 = {instancePath:instancePath+"/region",schemaPath:"#/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.region.type,parentSchema:schema26.properties.region,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.bucket_name !== undefined){
let data3 = data.bucket_name;
if(typeof data3 !== "string"){
const err6 = {instancePath:instancePath+"/bucket_name",schemaPath:"#/properties/bucket_name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.bucket_name.type,parentSchema:schema26.properties.bucket_name,data:data3};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.object_prefix !== undefined){
let data4 = data.object_prefix;
if(typeof data4 !== "string"){
const err7 = {instancePath:instancePath+"/object_prefix",schemaPath:"#/properties/object_prefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.object_prefix.type,parentSchema:schema26.properties.object_prefix,data:data4};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.access_key_id !== undefined){
let data5 = data.access_key_id;
if(typeof data5 !== "string"){
const err8 = {instancePath:instancePath+"/access_key_id",schemaPath:"#/properties/access_key_id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.access_key_id.type,parentSchema:schema26.properties.access_key_id,data:data5};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.access_key_secret !== undefined){
let data6 = data.access_key_secret;
if(typeof data6 !== "string"){
const err9 = {instancePath:instancePath+"/access_key_secret",schemaPath:"#/properties/access_key_secret/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.access_key_secret.type,parentSchema:schema26.properties.access_key_secret,data:data6};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.skip_verify !== undefined){
let data7 = data.skip_verify;
if(typeof data7 !== "boolean"){
const err10 = {instancePath:instancePath+"/skip_verify",schemaPath:"#/properties/skip_verify/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema26.properties.skip_verify.type,parentSchema:schema26.properties.skip_verify,data:data7};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.ca_cert_files !== undefined){
let data8 = data.ca_cert_files;
if(Array.isArray(data8)){
const len0 = data8.length;
for(let i0=0; i0<len0; i0++){
let data9 = data8[i0];
if(typeof data9 !== "string"){
const err11 = {instancePath:instancePath+"/ca_cert_files/" + i0,schemaPath:"#/properties/ca_cert_files/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.ca_cert_files.items.type,parentSchema:schema26.properties.ca_cert_files.items,data:data9};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath:instancePath+"/ca_cert_files",schemaPath:"#/properties/ca_cert_files/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema26.properties.ca_cert_files.type,parentSchema:schema26.properties.ca_cert_files,data:data8};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.timeout !== undefined){
let data10 = data.timeout;
if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
const err13 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema26.properties.timeout.type,parentSchema:schema26.properties.timeout,data:data10};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 > 4294967295 || isNaN(data10)){
const err14 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295",schema:4294967295,parentSchema:schema26.properties.timeout,data:data10};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data10 < 0 || isNaN(data10)){
const err15 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema26.properties.timeout,data:data10};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
if(data.connect_timeout !== undefined){
let data11 = data.connect_timeout;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
const err16 = {instancePath:instancePath+"/connect_timeout",schemaPath:"#/properties/connect_timeout/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema26.properties.connect_timeout.type,parentSchema:schema26.properties.connect_timeout,data:data11};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 > 4294967295 || isNaN(data11)){
const err17 = {instancePath:instancePath+"/connect_timeout",schemaPath:"#/properties/connect_timeout/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295",schema:4294967295,parentSchema:schema26.properties.connect_timeout,data:data11};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(data11 < 0 || isNaN(data11)){
const err18 = {instancePath:instancePath+"/connect_timeout",schemaPath:"#/properties/connect_timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema26.properties.connect_timeout,data:data11};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
if(data.retry_limit !== undefined){
let data12 = data.retry_limit;
if(!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))){
const err19 = {instancePath:instancePath+"/retry_limit",schemaPath:"#/properties/retry_limit/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema26.properties.retry_limit.type,parentSchema:schema26.properties.retry_limit,data:data12};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if((typeof data12 == "number") && (isFinite(data12))){
if(data12 > 255 || isNaN(data12)){
const err20 = {instancePath:instancePath+"/retry_limit",schemaPath:"#/properties/retry_limit/maximum",keyword:"maximum",params:{comparison: "<=", limit: 255},message:"must be <= 255",schema:255,parentSchema:schema26.properties.retry_limit,data:data12};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(data12 < 0 || isNaN(data12)){
const err21 = {instancePath:instancePath+"/retry_limit",schemaPath:"#/properties/retry_limit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema26.properties.retry_limit,data:data12};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
if(data.proxy !== undefined){
if(!(validate60(data.proxy, {instancePath:instancePath+"/proxy",parentData:data,parentDataProperty:"proxy",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate60.errors : vErrors.concat(validate60.errors);
errors = vErrors.length;
}
}
}
else {
const err22 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema26.type,parentSchema:schema26,data};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
validate130.errors = vErrors;
return errors === 0;
}
validate130.evaluated = {"props":{"scheme":true,"endpoint":true,"region":true,"bucket_name":true,"object_prefix":true,"access_key_id":true,"access_key_secret":true,"skip_verify":true,"ca_cert_files":true,"timeout":true,"connect_timeout":true,"retry_limit":true,"proxy":true},"dynamicProps":false,"dynamicItems":false};


function validate133(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate133.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.scheme !== undefined){
let data0 = data.scheme;
if(typeof data0 !== "string"){
const err0 = {instancePath:instancePath+"/scheme",schemaPath:"#/properties/scheme/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.scheme.type,parentSchema:schema27.properties.scheme,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.host !== undefined){
let data1 = data.host;
if(typeof data1 !== "string"){
const err1 = {instancePath:instancePath+"/host",schemaPath:"#/properties/host/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.host.type,parentSchema:schema27.properties.host,data:data1};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.repo !== undefined){
let data2 = data.repo;
if(typeof data2 !== "string"){
const err2 = {instancePath:instancePath+"/repo",schemaPath:"#/properties/repo/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.repo.type,parentSchema:schema27.properties.repo,data:data2};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.auth !== undefined){
let data3 = data.auth;
if((typeof data3 !== "string") && (data3 !== null)){
const err3 = {instancePath:instancePath+"/auth",schemaPath:"#/properties/auth/type",keyword:"type",params:{type: schema27.properties.auth.type},message:"must be string,null",schema:schema27.properties.auth.type,parentSchema:schema27.properties.auth,data:data3};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.skip_verify !== undefined){
let data4 = data.skip_verify;
if(typeof data4 !== "boolean"){
const err4 = {instancePath:instancePath+"/skip_verify",schemaPath:"#/properties/skip_verify/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema27.properties.skip_verify.type,parentSchema:schema27.properties.skip_verify,data:data4};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.ca_cert_files !== undefined){
let data5 = data.ca_cert_files;
if(Array.isArray(data5)){
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
if(typeof data6 !== "string"){
const err5 = {instancePath:instancePath+"/ca_cert_files/" + i0,schemaPath:"#/properties/ca_cert_files/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.ca_cert_files.items.type,parentSchema:schema27.properties.ca_cert_files.items,data:data6};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
else {
const err6 = {instancePath:instancePath+"/ca_cert_files",schemaPath:"#/properties/ca_cert_files/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema27.properties.ca_cert_files.type,parentSchema:schema27.properties.ca_cert_files,data:data5};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.timeout !== undefined){
let data7 = data.timeout;
if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
const err7 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema27.properties.timeout.type,parentSchema:schema27.properties.timeout,data:data7};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 > 4294967295 || isNaN(data7)){
const err8 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295",schema:4294967295,parentSchema:schema27.properties.timeout,data:data7};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data7 < 0 || isNaN(data7)){
const err9 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema27.properties.timeout,data:data7};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
if(data.connect_timeout !== undefined){
let data8 = data.connect_timeout;
if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
const err10 = {instancePath:instancePath+"/connect_timeout",schemaPath:"#/properties/connect_timeout/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema27.properties.connect_timeout.type,parentSchema:schema27.properties.connect_timeout,data:data8};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 > 4294967295 || isNaN(data8)){
const err11 = {instancePath:instancePath+"/connect_timeout",schemaPath:"#/properties/connect_timeout/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295",schema:4294967295,parentSchema:schema27.properties.connect_timeout,data:data8};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data8 < 0 || isNaN(data8)){
const err12 = {instancePath:instancePath+"/connect_timeout",schemaPath:"#/properties/connect_timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema27.properties.connect_timeout,data:data8};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
if(data.retry_limit !== undefined){
let data9 = data.retry_limit;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err13 = {instancePath:instancePath+"/retry_limit",schemaPath:"#/properties/retry_limit/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema27.properties.retry_limit.type,parentSchema:schema27.properties.retry_limit,data:data9};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 > 255 || isNaN(data9)){
const err14 = {instancePath:instancePath+"/retry_limit",schemaPath:"#/properties/retry_limit/maximum",keyword:"maximum",params:{comparison: "<=", limit: 255},message:"must be <= 255",schema:255,parentSchema:schema27.properties.retry_limit,data:data9};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data9 < 0 || isNaN(data9)){
const err15 = {instancePath:instancePath+"/retry_limit",schemaPath:"#/properties/retry_limit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema27.properties.retry_limit,data:data9};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
if(data.registry_token !== undefined){
let data10 = data.registry_token;
if((typeof data10 !== "string") && (data10 !== null)){
const err16 = {instancePath:instancePath+"/registry_token",schemaPath:"#/properties/registry_token/type",keyword:"type",params:{type: schema27.properties.registry_token.type},message:"must be string,null",schema:schema27.properties.registry_token.type,parentSchema:schema27.properties.registry_token,data:data10};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.blob_url_scheme !== undefined){
let data11 = data.blob_url_scheme;
if(typeof data11 !== "string"){
const err17 = {instancePath:instancePath+"/blob_url_scheme",schemaPath:"#/properties/blob_url_scheme/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.blob_url_scheme.type,parentSchema:schema27.properties.blob_url_scheme,data:data11};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.blob_redirected_host !== undefined){
let data12 = data.blob_redirected_host;
if(typeof data12 !== "string"){
const err18 = {instancePath:instancePath+"/blob_redirected_host",schemaPath:"#/properties/blob_redirected_host/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.blob_redirected_host.type,parentSchema:schema27.properties.blob_redirected_host,data:data12};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.proxy !== undefined){
if(!(validate60(data.proxy, {instancePath:instancePath+"/proxy",parentData:data,parentDataProperty:"proxy",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate60.errors : vErrors.concat(validate60.errors);
errors = vErrors.length;
}
}
}
else {
const err19 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema27.type,parentSchema:schema27,data};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
validate133.errors = vErrors;
return errors === 0;
}
validate133.evaluated = {"props":{"scheme":true,"host":true,"repo":true,"auth":true,"skip_verify":true,"ca_cert_files":true,"timeout":true,"connect_timeout":true,"retry_limit":true,"registry_token":true,"blob_url_scheme":true,"blob_redirected_host":true,"proxy":true},"dynamicProps":false,"dynamicItems":false};


function validate136(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate136.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.work_dir !== undefined){
let data0 = data.work_dir;
if(typeof data0 !== "string"){
const err0 = {instancePath:instancePath+"/work_dir",schemaPath:"#/properties/work_dir/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.work_dir.type,parentSchema:schema32.properties.work_dir,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.disable_indexed_map !== undefined){
let data1 = data.disable_indexed_map;
if(typeof data1 !== "boolean"){
const err1 = {instancePath:instancePath+"/disable_indexed_map",schemaPath:"#/properties/disable_indexed_map/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema32.properties.disable_indexed_map.type,parentSchema:schema32.properties.disable_indexed_map,data:data1};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.enable_encryption !== undefined){
let data2 = data.enable_encryption;
if(typeof data2 !== "boolean"){
const err2 = {instancePath:instancePath+"/enable_encryption",schemaPath:"#/properties/enable_encryption/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema32.properties.enable_encryption.type,parentSchema:schema32.properties.enable_encryption,data:data2};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.enable_convergent_encryption !== undefined){
let data3 = data.enable_convergent_encryption;
if(typeof data3 !== "boolean"){
const err3 = {instancePath:instancePath+"/enable_convergent_encryption",schemaPath:"#/properties/enable_convergent_encryption/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema32.properties.enable_convergent_encryption.type,parentSchema:schema32.properties.enable_convergent_encryption,data:data3};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.encryption_key !== undefined){
let data4 = data.encryption_key;
if(typeof data4 !== "string"){
const err4 = {instancePath:instancePath+"/encryption_key",schemaPath:"#/properties/encryption_key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.encryption_key.type,parentSchema:schema32.properties.encryption_key,data:data4};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
else {
const err5 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema32.type,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
validate136.errors = vErrors;
return errors === 0;
}
validate136.evaluated = {"props":{"work_dir":true,"disable_indexed_map":true,"enable_encryption":true,"enable_convergent_encryption":true,"encryption_key":true},"dynamicProps":false,"dynamicItems":false};


function validate138(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate138.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.work_dir !== undefined){
let data0 = data.work_dir;
if(typeof data0 !== "string"){
const err0 = {instancePath:instancePath+"/work_dir",schemaPath:"#/properties/work_dir/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.work_dir.type,parentSchema:schema33.properties.work_dir,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
}
else {
const err1 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.type,parentSchema:schema33,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
validate138.errors = vErrors;
return errors === 0;
}
validate138.evaluated = {"props":{"work_dir":true},"dynamicProps":false,"dynamicItems":false};


function validate140(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate140.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema29.required,parentSchema:schema29,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.patch === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "patch"},message:"must have required property '"+"patch"+"'",schema:schema29.required,parentSchema:schema29,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.config === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "config"},message:"must have required property '"+"config"+"'",schema:schema29.required,parentSchema:schema29,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.type !== undefined){
let data0 = data.type;
if(typeof data0 !== "string"){
const err3 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema29.properties.type.type,parentSchema:schema29.properties.type,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.patch !== undefined){
let data1 = data.patch;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key0 in data1){
let data2 = data1[key0];
if(typeof data2 !== "string"){
const err4 = {instancePath:instancePath+"/patch/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/patch/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema29.properties.patch.additionalProperties.type,parentSchema:schema29.properties.patch.additionalProperties,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
else {
const err5 = {instancePath:instancePath+"/patch",schemaPath:"#/properties/patch/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema29.properties.patch.type,parentSchema:schema29.properties.patch,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.config !== undefined){
let data3 = data.config;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
for(const key1 in data3){
let data4 = data3[key1];
if(typeof data4 !== "string"){
const err6 = {instancePath:instancePath+"/config/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/config/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema29.properties.config.additionalProperties.type,parentSchema:schema29.properties.config.additionalProperties,data:data4};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath:instancePath+"/config",schemaPath:"#/properties/config/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema29.properties.config.type,parentSchema:schema29.properties.config,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema29.type,parentSchema:schema29,data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
validate140.errors = vErrors;
return errors === 0;
}
validate140.evaluated = {"props":{"type":true,"patch":true,"config":true},"dynamicProps":false,"dynamicItems":false};

const schema63 = {"title":"BlobPrefetchConfigV1","description":"Legacy blob prefetch settings; every key is required when the object is present.","type":"object","properties":{"enable":{"type":"boolean","description":"Whether prefetch runs."},"threads_count":{"type":"integer","minimum":0,"description":"Number of prefetch worker threads."},"merging_size":{"type":"integer","minimum":0,"description":"Merge size in bytes of prefetch requests."},"bandwidth_rate":{"type":"integer","minimum":0,"maximum":4294967295,"description":"Bandwidth limit in bytes per second, 0 unlimited."}},"required":["enable","threads_count","merging_size","bandwidth_rate"]};

function validate142(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate142.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.enable === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "enable"},message:"must have required property '"+"enable"+"'",schema:schema63.required,parentSchema:schema63,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.threads_count === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "threads_count"},message:"must have required property '"+"threads_count"+"'",schema:schema63.required,parentSchema:schema63,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.merging_size === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "merging_size"},message:"must have required property '"+"merging_size"+"'",schema:schema63.required,parentSchema:schema63,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.bandwidth_rate === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "bandwidth_rate"},message:"must have required property '"+"bandwidth_rate"+"'",schema:schema63.required,parentSchema:schema63,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.enable !== undefined){
let data0 = data.enable;
if(typeof data0 !== "boolean"){
const err4 = {instancePath:instancePath+"/enable",schemaPath:"#/properties/enable/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema63.properties.enable.type,parentSchema:schema63.properties.enable,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.threads_count !== undefined){
let data1 = data.threads_count;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err5 = {instancePath:instancePath+"/threads_count",schemaPath:"#/properties/threads_count/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema63.properties.threads_count.type,parentSchema:schema63.properties.threads_count,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 < 0 || isNaN(data1)){
const err6 = {instancePath:instancePath+"/threads_count",schemaPath:"#/properties/threads_count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema63.properties.threads_count,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
if(data.merging_size !== undefined){
let data2 = data.merging_size;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err7 = {instancePath:instancePath+"/merging_size",schemaPath:"#/properties/merging_size/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema63.properties.merging_size.type,parentSchema:schema63.properties.merging_size,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 0 || isNaN(data2)){
const err8 = {instancePath:instancePath+"/merging_size",schemaPath:"#/properties/merging_size/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema63.properties.merging_size,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
if(data.bandwidth_rate !== undefined){
let data3 = data.bandwidth_rate;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err9 = {instancePath:instancePath+"/bandwidth_rate",schemaPath:"#/properties/bandwidth_rate/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema63.properties.bandwidth_rate.type,parentSchema:schema63.properties.bandwidth_rate,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 > 4294967295 || isNaN(data3)){
const err10 = {instancePath:instancePath+"/bandwidth_rate",schemaPath:"#/properties/bandwidth_rate/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295",schema:4294967295,parentSchema:schema63.properties.bandwidth_rate,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data3 < 0 || isNaN(data3)){
const err11 = {instancePath:instancePath+"/bandwidth_rate",schemaPath:"#/properties/bandwidth_rate/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema63.properties.bandwidth_rate,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
}
else {
const err12 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema63.type,parentSchema:schema63,data};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
validate142.errors = vErrors;
return errors === 0;
}
validate142.evaluated = {"props":{"enable":true,"threads_count":true,"merging_size":true,"bandwidth_rate":true},"dynamicProps":false,"dynamicItems":false};


function validate122(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate122.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs2 = errors;
let valid1 = true;
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.backend_type === undefined) && (missing0 = "backend_type")){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(data.backend_type !== undefined){
if("localfs" !== data.backend_type){
const err1 = {};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
}
var _valid0 = _errs3 === errors;
errors = _errs2;
if(vErrors !== null){
if(_errs2){
vErrors.length = _errs2;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs5 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.backend_config !== undefined){
if(!(validate123(data.backend_config, {instancePath:instancePath+"/backend_config",parentData:data,parentDataProperty:"backend_config",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate123.errors : vErrors.concat(validate123.errors);
errors = vErrors.length;
}
}
}
var _valid0 = _errs5 === errors;
valid1 = _valid0;
if(valid1){
var props0 = {};
props0.backend_config = true;
props0.backend_type = true;
}
}
if(!valid1){
const err2 = {instancePath,schemaPath:"#/allOf/0/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema54.allOf[0].if,parentSchema:schema54.allOf[0],data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
const _errs8 = errors;
let valid4 = true;
const _errs9 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if((data.backend_type === undefined) && (missing1 = "backend_type")){
const err3 = {};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
else {
if(data.backend_type !== undefined){
if("localdisk" !== data.backend_type){
const err4 = {};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
}
var _valid1 = _errs9 === errors;
errors = _errs8;
if(vErrors !== null){
if(_errs8){
vErrors.length = _errs8;
}
else {
vErrors = null;
}
}
if(_valid1){
const _errs11 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.backend_config !== undefined){
if(!(validate125(data.backend_config, {instancePath:instancePath+"/backend_config",parentData:data,parentDataProperty:"backend_config",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate125.errors : vErrors.concat(validate125.errors);
errors = vErrors.length;
}
}
}
var _valid1 = _errs11 === errors;
valid4 = _valid1;
if(valid4){
var props1 = {};
props1.backend_config = true;
props1.backend_type = true;
}
}
if(!valid4){
const err5 = {instancePath,schemaPath:"#/allOf/1/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema54.allOf[1].if,parentSchema:schema54.allOf[1],data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(props0 !== true && props1 !== undefined){
if(props1 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props1);
}
}
const _errs14 = errors;
let valid7 = true;
const _errs15 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing2;
if((data.backend_type === undefined) && (missing2 = "backend_type")){
const err6 = {};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
else {
if(data.backend_type !== undefined){
if("oss" !== data.backend_type){
const err7 = {};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
}
var _valid2 = _errs15 === errors;
errors = _errs14;
if(vErrors !== null){
if(_errs14){
vErrors.length = _errs14;
}
else {
vErrors = null;
}
}
if(_valid2){
const _errs17 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.backend_config !== undefined){
if(!(validate127(data.backend_config, {instancePath:instancePath+"/backend_config",parentData:data,parentDataProperty:"backend_config",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate127.errors : vErrors.concat(validate127.errors);
errors = vErrors.length;
}
}
}
var _valid2 = _errs17 === errors;
valid7 = _valid2;
if(valid7){
var props2 = {};
props2.backend_config = true;
props2.backend_type = true;
}
}
if(!valid7){
const err8 = {instancePath,schemaPath:"#/allOf/2/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema54.allOf[2].if,parentSchema:schema54.allOf[2],data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(props0 !== true && props2 !== undefined){
if(props2 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props2);
}
}
const _errs20 = errors;
let valid10 = true;
const _errs21 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing3;
if((data.backend_type === undefined) && (missing3 = "backend_type")){
const err9 = {};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
else {
if(data.backend_type !== undefined){
if("s3" !== data.backend_type){
const err10 = {};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
}
var _valid3 = _errs21 === errors;
errors = _errs20;
if(vErrors !== null){
if(_errs20){
vErrors.length = _errs20;
}
else {
vErrors = null;
}
}
if(_valid3){
const _errs23 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.backend_config !== undefined){
if(!(validate130(data.backend_config, {instancePath:instancePath+"/backend_config",parentData:data,parentDataProperty:"backend_config",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate130.errors : vErrors.concat(validate130.errors);
errors = vErrors.length;
}
}
}
var _valid3 = _errs23 === errors;
valid10 = _valid3;
if(valid10){
var props3 = {};
props3.backend_config = true;
props3.backend_type = true;
}
}
if(!valid10){
const err11 = {instancePath,schemaPath:"#/allOf/3/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema54.allOf[3].if,parentSchema:schema54.allOf[3],data};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(props0 !== true && props3 !== undefined){
if(props3 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props3);
}
}
const _errs26 = errors;
let valid13 = true;
const _errs27 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing4;
if((data.backend_type === undefined) && (missing4 = "backend_type")){
const err12 = {};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
else {
if(data.backend_type !== undefined){
if("registry" !== data.backend_type){
const err13 = {};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
}
var _valid4 = _errs27 === errors;
errors = _errs26;
if(vErrors !== null){
if(_errs26){
vErrors.length = _errs26;
}
else {
vErrors = null;
}
}
if(_valid4){
const _errs29 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.backend_config !== undefined){
if(!(validate133(data.backend_config, {instancePath:instancePath+"/backend_config",parentData:data,parentDataProperty:"backend_config",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate133.errors : vErrors.concat(validate133.errors);
errors = vErrors.length;
}
}
}
var _valid4 = _errs29 === errors;
valid13 = _valid4;
if(valid13){
var props4 = {};
props4.backend_config = true;
props4.backend_type = true;
}
}
if(!valid13){
const err14 = {instancePath,schemaPath:"#/allOf/4/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema54.allOf[4].if,parentSchema:schema54.allOf[4],data};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(props0 !== true && props4 !== undefined){
if(props4 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props4);
}
}
const _errs32 = errors;
let valid16 = true;
const _errs33 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing5;
if((data.cache_type === undefined) && (missing5 = "cache_type")){
const err15 = {};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
else {
if(data.cache_type !== undefined){
let data10 = data.cache_type;
if(!((data10 === "blobcache") || (data10 === "filecache"))){
const err16 = {};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
}
var _valid5 = _errs33 === errors;
errors = _errs32;
if(vErrors !== null){
if(_errs32){
vErrors.length = _errs32;
}
else {
vErrors = null;
}
}
if(_valid5){
const _errs35 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.cache_config !== undefined){
if(!(validate136(data.cache_config, {instancePath:instancePath+"/cache_config",parentData:data,parentDataProperty:"cache_config",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate136.errors : vErrors.concat(validate136.errors);
errors = vErrors.length;
}
}
}
var _valid5 = _errs35 === errors;
valid16 = _valid5;
if(valid16){
var props5 = {};
props5.cache_config = true;
props5.cache_type = true;
}
}
if(!valid16){
const err17 = {instancePath,schemaPath:"#/allOf/5/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema54.allOf[5].if,parentSchema:schema54.allOf[5],data};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(props0 !== true && props5 !== undefined){
if(props5 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props5);
}
}
const _errs38 = errors;
let valid19 = true;
const _errs39 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing6;
if((data.cache_type === undefined) && (missing6 = "cache_type")){
const err18 = {};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
else {
if(data.cache_type !== undefined){
if("fscache" !== data.cache_type){
const err19 = {};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
}
var _valid6 = _errs39 === errors;
errors = _errs38;
if(vErrors !== null){
if(_errs38){
vErrors.length = _errs38;
}
else {
vErrors = null;
}
}
if(_valid6){
const _errs41 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.cache_config !== undefined){
if(!(validate138(data.cache_config, {instancePath:instancePath+"/cache_config",parentData:data,parentDataProperty:"cache_config",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate138.errors : vErrors.concat(validate138.errors);
errors = vErrors.length;
}
}
}
var _valid6 = _errs41 === errors;
valid19 = _valid6;
if(valid19){
var props6 = {};
props6.cache_config = true;
props6.cache_type = true;
}
}
if(!valid19){
const err20 = {instancePath,schemaPath:"#/allOf/6/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema54.allOf[6].if,parentSchema:schema54.allOf[6],data};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(props0 !== true && props6 !== undefined){
if(props6 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props6);
}
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.backend_type === undefined){
const err21 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "backend_type"},message:"must have required property '"+"backend_type"+"'",schema:schema54.required,parentSchema:schema54,data};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(data.backend_config === undefined){
const err22 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "backend_config"},message:"must have required property '"+"backend_config"+"'",schema:schema54.required,parentSchema:schema54,data};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data.cache_type === undefined){
const err23 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "cache_type"},message:"must have required property '"+"cache_type"+"'",schema:schema54.required,parentSchema:schema54,data};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(data.cache_config === undefined){
const err24 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "cache_config"},message:"must have required property '"+"cache_config"+"'",schema:schema54.required,parentSchema:schema54,data};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(props0 !== true){
props0 = props0 || {};
props0.id = true;
props0.backend_type = true;
props0.backend_config = true;
props0.external_backends = true;
props0.cache_type = true;
props0.cache_config = true;
props0.prefetch_config = true;
props0.metadata_path = true;
}
if(data.id !== undefined){
let data14 = data.id;
if(typeof data14 !== "string"){
const err25 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema54.properties.id.type,parentSchema:schema54.properties.id,data:data14};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.backend_type !== undefined){
let data15 = data.backend_type;
if(typeof data15 !== "string"){
const err26 = {instancePath:instancePath+"/backend_type",schemaPath:"#/properties/backend_type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema54.properties.backend_type.type,parentSchema:schema54.properties.backend_type,data:data15};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(!(((((data15 === "localfs") || (data15 === "localdisk")) || (data15 === "oss")) || (data15 === "s3")) || (data15 === "registry"))){
const err27 = {instancePath:instancePath+"/backend_type",schemaPath:"#/properties/backend_type/enum",keyword:"enum",params:{allowedValues: schema54.properties.backend_type.enum},message:"must be equal to one of the allowed values",schema:schema54.properties.backend_type.enum,parentSchema:schema54.properties.backend_type,data:data15};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data.external_backends !== undefined){
let data16 = data.external_backends;
if(Array.isArray(data16)){
const len0 = data16.length;
for(let i0=0; i0<len0; i0++){
if(!(validate140(data16[i0], {instancePath:instancePath+"/external_backends/" + i0,parentData:data16,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate140.errors : vErrors.concat(validate140.errors);
errors = vErrors.length;
}
}
}
else {
const err28 = {instancePath:instancePath+"/external_backends",schemaPath:"#/properties/external_backends/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema54.properties.external_backends.type,parentSchema:schema54.properties.external_backends,data:data16};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data.cache_type !== undefined){
let data18 = data.cache_type;
if(typeof data18 !== "string"){
const err29 = {instancePath:instancePath+"/cache_type",schemaPath:"#/properties/cache_type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema54.properties.cache_type.type,parentSchema:schema54.properties.cache_type,data:data18};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(!((((((data18 === "blobcache") || (data18 === "filecache")) || (data18 === "fscache")) || (data18 === "dummycache")) || (data18 === "dummy")) || (data18 === ""))){
const err30 = {instancePath:instancePath+"/cache_type",schemaPath:"#/properties/cache_type/enum",keyword:"enum",params:{allowedValues: schema54.properties.cache_type.enum},message:"must be equal to one of the allowed values",schema:schema54.properties.cache_type.enum,parentSchema:schema54.properties.cache_type,data:data18};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data.prefetch_config !== undefined){
if(!(validate142(data.prefetch_config, {instancePath:instancePath+"/prefetch_config",parentData:data,parentDataProperty:"prefetch_config",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate142.errors : vErrors.concat(validate142.errors);
errors = vErrors.length;
}
}
if(data.metadata_path !== undefined){
let data20 = data.metadata_path;
if((typeof data20 !== "string") && (data20 !== null)){
const err31 = {instancePath:instancePath+"/metadata_path",schemaPath:"#/properties/metadata_path/type",keyword:"type",params:{type: schema54.properties.metadata_path.type},message:"must be string,null",schema:schema54.properties.metadata_path.type,parentSchema:schema54.properties.metadata_path,data:data20};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
else {
const err32 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema54.type,parentSchema:schema54,data};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
validate122.errors = vErrors;
evaluated0.props = props0;
return errors === 0;
}
validate122.evaluated = {"dynamicProps":true,"dynamicItems":false};

const schema64 = {"title":"BlobCacheEntryConfigV2","description":"Version 2 entry configuration; wins over config when both are present.","type":"object","properties":{"version":{"type":"integer","const":2,"description":"Must be 2."},"id":{"type":"string","default":"","description":"Instance id."},"backend":{"$ref":"common.schema.json#/$defs/backend","description":"Storage backend of the blob."},"external_backends":{"type":"array","items":{"$ref":"common.schema.json#/$defs/externalBackend"},"default":[],"description":"Patches for backends described inside the image."},"cache":{"$ref":"common.schema.json#/$defs/cache","description":"Cache of the blob."},"metadata_path":{"type":["string","null"],"default":null,"description":"Bootstrap path (type bootstrap)."}},"required":["version","backend","cache"]};

function validate146(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate146.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs2 = errors;
let valid1 = true;
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.type === undefined) && (missing0 = "type")){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(data.type !== undefined){
if("localfs" !== data.type){
const err1 = {};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
}
var _valid0 = _errs3 === errors;
errors = _errs2;
if(vErrors !== null){
if(_errs2){
vErrors.length = _errs2;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs5 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.localfs === undefined){
const err2 = {instancePath,schemaPath:"#/allOf/0/then/required",keyword:"required",params:{missingProperty: "localfs"},message:"must have required property '"+"localfs"+"'",schema:schema21.allOf[0].then.required,parentSchema:schema21.allOf[0].then,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.localfs !== undefined){
let data1 = data.localfs;
if(!(data1 && typeof data1 == "object" && !Array.isArray(data1))){
const err3 = {instancePath:instancePath+"/localfs",schemaPath:"#/allOf/0/then/properties/localfs/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema21.allOf[0].then.properties.localfs.type,parentSchema:schema21.allOf[0].then.properties.localfs,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
var _valid0 = _errs5 === errors;
valid1 = _valid0;
if(valid1){
var props0 = {};
props0.localfs = true;
props0.type = true;
}
}
if(!valid1){
const err4 = {instancePath,schemaPath:"#/allOf/0/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema21.allOf[0].if,parentSchema:schema21.allOf[0],data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
const _errs9 = errors;
let valid4 = true;
const _errs10 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if((data.type === undefined) && (missing1 = "type")){
const err5 = {};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
else {
if(data.type !== undefined){
if("localdisk" !== data.type){
const err6 = {};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
}
var _valid1 = _errs10 === errors;
errors = _errs9;
if(vErrors !== null){
if(_errs9){
vErrors.length = _errs9;
}
else {
vErrors = null;
}
}
if(_valid1){
const _errs12 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.localdisk === undefined){
const err7 = {instancePath,schemaPath:"#/allOf/1/then/required",keyword:"required",params:{missingProperty: "localdisk"},message:"must have required property '"+"localdisk"+"'",schema:schema21.allOf[1].then.required,parentSchema:schema21.allOf[1].then,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data.localdisk !== undefined){
let data3 = data.localdisk;
if(!(data3 && typeof data3 == "object" && !Array.isArray(data3))){
const err8 = {instancePath:instancePath+"/localdisk",schemaPath:"#/allOf/1/then/properties/localdisk/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema21.allOf[1].then.properties.localdisk.type,parentSchema:schema21.allOf[1].then.properties.localdisk,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
var _valid1 = _errs12 === errors;
valid4 = _valid1;
if(valid4){
var props1 = {};
props1.localdisk = true;
props1.type = true;
}
}
if(!valid4){
const err9 = {instancePath,schemaPath:"#/allOf/1/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema21.allOf[1].if,parentSchema:schema21.allOf[1],data};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(props0 !== true && props1 !== undefined){
if(props1 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props1);
}
}
const _errs16 = errors;
let valid7 = true;
const _errs17 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing2;
if((data.type === undefined) && (missing2 = "type")){
const err10 = {};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
else {
if(data.type !== undefined){
if("oss" !== data.type){
const err11 = {};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
}
var _valid2 = _errs17 === errors;
errors = _errs16;
if(vErrors !== null){
if(_errs16){
vErrors.length = _errs16;
}
else {
vErrors = null;
}
}
if(_valid2){
const _errs19 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.oss === undefined){
const err12 = {instancePath,schemaPath:"#/allOf/2/then/required",keyword:"required",params:{missingProperty: "oss"},message:"must have required property '"+"oss"+"'",schema:schema21.allOf[2].then.required,parentSchema:schema21.allOf[2].then,data};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data.oss !== undefined){
let data5 = data.oss;
if(!(data5 && typeof data5 == "object" && !Array.isArray(data5))){
const err13 = {instancePath:instancePath+"/oss",schemaPath:"#/allOf/2/then/properties/oss/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema21.allOf[2].then.properties.oss.type,parentSchema:schema21.allOf[2].then.properties.oss,data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
var _valid2 = _errs19 === errors;
valid7 = _valid2;
if(valid7){
var props2 = {};
props2.oss = true;
props2.type = true;
}
}
if(!valid7){
const err14 = {instancePath,schemaPath:"#/allOf/2/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema21.allOf[2].if,parentSchema:schema21.allOf[2],data};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(props0 !== true && props2 !== undefined){
if(props2 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props2);
}
}
const _errs23 = errors;
let valid10 = true;
const _errs24 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing3;
if((data.type === undefined) && (missing3 = "type")){
const err15 = {};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
else {
if(data.type !== undefined){
if("s3" !== data.type){
const err16 = {};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
}
var _valid3 = _errs24 === errors;
errors = _errs23;
if(vErrors !== null){
if(_errs23){
vErrors.length = _errs23;
}
else {
vErrors = null;
}
}
if(_valid3){
const _errs26 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.s3 === undefined){
const err17 = {instancePath,schemaPath:"#/allOf/3/then/required",keyword:"required",params:{missingProperty: "s3"},message:"must have required property '"+"s3"+"'",schema:schema21.allOf[3].then.required,parentSchema:schema21.allOf[3].then,data};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(data.s3 !== undefined){
let data7 = data.s3;
if(!(data7 && typeof data7 == "object" && !Array.isArray(data7))){
const err18 = {instancePath:instancePath+"/s3",schemaPath:"#/allOf/3/then/properties/s3/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema21.allOf[3].then.properties.s3.type,parentSchema:schema21.allOf[3].then.properties.s3,data:data7};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
var _valid3 = _errs26 === errors;
valid10 = _valid3;
if(valid10){
var props3 = {};
props3.s3 = true;
props3.type = true;
}
}
if(!valid10){
const err19 = {instancePath,schemaPath:"#/allOf/3/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema21.allOf[3].if,parentSchema:schema21.allOf[3],data};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(props0 !== true && props3 !== undefined){
if(props3 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props3);
}
}
const _errs30 = errors;
let valid13 = true;
const _errs31 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing4;
if((data.type === undefined) && (missing4 = "type")){
const err20 = {};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
else {
if(data.type !== undefined){
if("registry" !== data.type){
const err21 = {};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
}
var _valid4 = _errs31 === errors;
errors = _errs30;
if(vErrors !== null){
if(_errs30){
vErrors.length = _errs30;
}
else {
vErrors = null;
}
}
if(_valid4){
const _errs33 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.registry === undefined){
const err22 = {instancePath,schemaPath:"#/allOf/4/then/required",keyword:"required",params:{missingProperty: "registry"},message:"must have required property '"+"registry"+"'",schema:schema21.allOf[4].then.required,parentSchema:schema21.allOf[4].then,data};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data.registry !== undefined){
let data9 = data.registry;
if(!(data9 && typeof data9 == "object" && !Array.isArray(data9))){
const err23 = {instancePath:instancePath+"/registry",schemaPath:"#/allOf/4/then/properties/registry/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema21.allOf[4].then.properties.registry.type,parentSchema:schema21.allOf[4].then.properties.registry,data:data9};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
var _valid4 = _errs33 === errors;
valid13 = _valid4;
if(valid13){
var props4 = {};
props4.registry = true;
props4.type = true;
}
}
if(!valid13){
const err24 = {instancePath,schemaPath:"#/allOf/4/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema21.allOf[4].if,parentSchema:schema21.allOf[4],data};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(props0 !== true && props4 !== undefined){
if(props4 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props4);
}
}
const _errs37 = errors;
let valid16 = true;
const _errs38 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing5;
if((data.type === undefined) && (missing5 = "type")){
const err25 = {};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
else {
if(data.type !== undefined){
if("http-proxy" !== data.type){
const err26 = {};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
}
var _valid5 = _errs38 === errors;
errors = _errs37;
if(vErrors !== null){
if(_errs37){
vErrors.length = _errs37;
}
else {
vErrors = null;
}
}
if(_valid5){
const _errs40 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data["http-proxy"] === undefined){
const err27 = {instancePath,schemaPath:"#/allOf/5/then/required",keyword:"required",params:{missingProperty: "http-proxy"},message:"must have required property '"+"http-proxy"+"'",schema:schema21.allOf[5].then.required,parentSchema:schema21.allOf[5].then,data};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if(data["http-proxy"] !== undefined){
let data11 = data["http-proxy"];
if(!(data11 && typeof data11 == "object" && !Array.isArray(data11))){
const err28 = {instancePath:instancePath+"/http-proxy",schemaPath:"#/allOf/5/then/properties/http-proxy/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema21.allOf[5].then.properties["http-proxy"].type,parentSchema:schema21.allOf[5].then.properties["http-proxy"],data:data11};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
var _valid5 = _errs40 === errors;
valid16 = _valid5;
if(valid16){
var props5 = {};
props5["http-proxy"] = true;
props5.type = true;
}
}
if(!valid16){
const err29 = {instancePath,schemaPath:"#/allOf/5/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema21.allOf[5].if,parentSchema:schema21.allOf[5],data};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(props0 !== true && props5 !== undefined){
if(props5 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props5);
}
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err30 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema21.required,parentSchema:schema21,data};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(props0 !== true){
props0 = props0 || {};
props0.type = true;
props0.localfs = true;
props0.localdisk = true;
props0.oss = true;
props0.s3 = true;
props0.registry = true;
props0["http-proxy"] = true;
}
if(data.type !== undefined){
let data12 = data.type;
if(typeof data12 !== "string"){
const err31 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.type.type,parentSchema:schema21.properties.type,data:data12};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if(!((((((data12 === "localfs") || (data12 === "localdisk")) || (data12 === "oss")) || (data12 === "s3")) || (data12 === "registry")) || (data12 === "http-proxy"))){
const err32 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/enum",keyword:"enum",params:{allowedValues: schema21.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema21.properties.type.enum,parentSchema:schema21.properties.type,data:data12};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data.localfs !== undefined){
let data13 = data.localfs;
const _errs46 = errors;
let valid20 = false;
const _errs47 = errors;
if(!(validate55(data13, {instancePath:instancePath+"/localfs",parentData:data,parentDataProperty:"localfs",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate55.errors : vErrors.concat(validate55.errors);
errors = vErrors.length;
}
var _valid6 = _errs47 === errors;
valid20 = valid20 || _valid6;
if(_valid6){
var props6 = {};
props6.blob_file = true;
props6.dir = true;
props6.alt_dirs = true;
}
const _errs48 = errors;
if(data13 !== null){
const err33 = {instancePath:instancePath+"/localfs",schemaPath:"#/properties/localfs/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema21.properties.localfs.anyOf[1].type,parentSchema:schema21.properties.localfs.anyOf[1],data:data13};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
var _valid6 = _errs48 === errors;
valid20 = valid20 || _valid6;
if(!valid20){
const err34 = {instancePath:instancePath+"/localfs",schemaPath:"#/properties/localfs/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema21.properties.localfs.anyOf,parentSchema:schema21.properties.localfs,data:data13};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
else {
errors = _errs46;
if(vErrors !== null){
if(_errs46){
vErrors.length = _errs46;
}
else {
vErrors = null;
}
}
}
}
if(data.localdisk !== undefined){
let data14 = data.localdisk;
const _errs51 = errors;
let valid21 = false;
const _errs52 = errors;
if(!(validate57(data14, {instancePath:instancePath+"/localdisk",parentData:data,parentDataProperty:"localdisk",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate57.errors : vErrors.concat(validate57.errors);
errors = vErrors.length;
}
var _valid7 = _errs52 === errors;
valid21 = valid21 || _valid7;
if(_valid7){
var props7 = {};
props7.device_path = true;
props7.disable_gpt = true;
}
const _errs53 = errors;
if(data14 !== null){
const err35 = {instancePath:instancePath+"/localdisk",schemaPath:"#/properties/localdisk/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema21.properties.localdisk.anyOf[1].type,parentSchema:schema21.properties.localdisk.anyOf[1],data:data14};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
var _valid7 = _errs53 === errors;
valid21 = valid21 || _valid7;
if(!valid21){
const err36 = {instancePath:instancePath+"/localdisk",schemaPath:"#/properties/localdisk/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema21.properties.localdisk.anyOf,parentSchema:schema21.properties.localdisk,data:data14};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
else {
errors = _errs51;
if(vErrors !== null){
if(_errs51){
vErrors.length = _errs51;
}
else {
vErrors = null;
}
}
}
}
if(data.oss !== undefined){
let data15 = data.oss;
const _errs56 = errors;
let valid22 = false;
const _errs57 = errors;
if(!(validate59(data15, {instancePath:instancePath+"/oss",parentData:data,parentDataProperty:"oss",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate59.errors : vErrors.concat(validate59.errors);
errors = vErrors.length;
}
var _valid8 = _errs57 === errors;
valid22 = valid22 || _valid8;
if(_valid8){
var props8 = {};
props8.scheme = true;
props8.endpoint = true;
props8.bucket_name = true;
props8.object_prefix = true;
props8.access_key_id = true;
props8.access_key_secret = true;
props8.skip_verify = true;
props8.ca_cert_files = true;
props8.timeout = true;
props8.connect_timeout = true;
props8.retry_limit = true;
props8.proxy = true;
}
const _errs58 = errors;
if(data15 !== null){
const err37 = {instancePath:instancePath+"/oss",schemaPath:"#/properties/oss/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema21.properties.oss.anyOf[1].type,parentSchema:schema21.properties.oss.anyOf[1],data:data15};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
var _valid8 = _errs58 === errors;
valid22 = valid22 || _valid8;
if(!valid22){
const err38 = {instancePath:instancePath+"/oss",schemaPath:"#/properties/oss/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema21.properties.oss.anyOf,parentSchema:schema21.properties.oss,data:data15};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
else {
errors = _errs56;
if(vErrors !== null){
if(_errs56){
vErrors.length = _errs56;
}
else {
vErrors = null;
}
}
}
}
if(data.s3 !== undefined){
let data16 = data.s3;
const _errs61 = errors;
let valid23 = false;
const _errs62 = errors;
if(!(validate63(data16, {instancePath:instancePath+"/s3",parentData:data,parentDataProperty:"s3",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate63.errors : vErrors.concat(validate63.errors);
errors = vErrors.length;
}
var _valid9 = _errs62 === errors;
valid23 = valid23 || _valid9;
if(_valid9){
var props9 = {};
props9.scheme = true;
props9.endpoint = true;
props9.region = true;
props9.bucket_name = true;
props9.object_prefix = true;
props9.access_key_id = true;
props9.access_key_secret = true;
props9.skip_verify = true;
props9.ca_cert_files = true;
props9.timeout = true;
props9.connect_timeout = true;
props9.retry_limit = true;
props9.proxy = true;
}
const _errs63 = errors;
if(data16 !== null){
const err39 = {instancePath:instancePath+"/s3",schemaPath:"#/properties/s3/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema21.properties.s3.anyOf[1].type,parentSchema:schema21.properties.s3.anyOf[1],data:data16};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
var _valid9 = _errs63 === errors;
valid23 = valid23 || _valid9;
if(!valid23){
const err40 = {instancePath:instancePath+"/s3",schemaPath:"#/properties/s3/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema21.properties.s3.anyOf,parentSchema:schema21.properties.s3,data:data16};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
else {
errors = _errs61;
if(vErrors !== null){
if(_errs61){
vErrors.length = _errs61;
}
else {
vErrors = null;
}
}
}
}
if(data.registry !== undefined){
let data17 = data.registry;
const _errs66 = errors;
let valid24 = false;
const _errs67 = errors;
if(!(validate66(data17, {instancePath:instancePath+"/registry",parentData:data,parentDataProperty:"registry",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate66.errors : vErrors.concat(validate66.errors);
errors = vErrors.length;
}
var _valid10 = _errs67 === errors;
valid24 = valid24 || _valid10;
if(_valid10){
var props10 = {};
props10.scheme = true;
props10.host = true;
props10.repo = true;
props10.auth = true;
props10.skip_verify = true;
props10.ca_cert_files = true;
props10.timeout = true;
props10.connect_timeout = true;
props10.retry_limit = true;
props10.registry_token = true;
props10.blob_url_scheme = true;
props10.blob_redirected_host = true;
props10.proxy = true;
}
const _errs68 = errors;
if(data17 !== null){
const err41 = {instancePath:instancePath+"/registry",schemaPath:"#/properties/registry/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema21.properties.registry.anyOf[1].type,parentSchema:schema21.properties.registry.anyOf[1],data:data17};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
var _valid10 = _errs68 === errors;
valid24 = valid24 || _valid10;
if(!valid24){
const err42 = {instancePath:instancePath+"/registry",schemaPath:"#/properties/registry/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema21.properties.registry.anyOf,parentSchema:schema21.properties.registry,data:data17};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
else {
errors = _errs66;
if(vErrors !== null){
if(_errs66){
vErrors.length = _errs66;
}
else {
vErrors = null;
}
}
}
}
if(data["http-proxy"] !== undefined){
let data18 = data["http-proxy"];
const _errs71 = errors;
let valid25 = false;
const _errs72 = errors;
if(!(validate69(data18, {instancePath:instancePath+"/http-proxy",parentData:data,parentDataProperty:"http-proxy",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate69.errors : vErrors.concat(validate69.errors);
errors = vErrors.length;
}
var _valid11 = _errs72 === errors;
valid25 = valid25 || _valid11;
if(_valid11){
var props11 = {};
props11.addr = true;
props11.path = true;
props11.skip_verify = true;
props11.ca_cert_files = true;
props11.timeout = true;
props11.connect_timeout = true;
props11.retry_limit = true;
props11.proxy = true;
}
const _errs73 = errors;
if(data18 !== null){
const err43 = {instancePath:instancePath+"/http-proxy",schemaPath:"#/properties/http-proxy/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema21.properties["http-proxy"].anyOf[1].type,parentSchema:schema21.properties["http-proxy"].anyOf[1],data:data18};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
var _valid11 = _errs73 === errors;
valid25 = valid25 || _valid11;
if(!valid25){
const err44 = {instancePath:instancePath+"/http-proxy",schemaPath:"#/properties/http-proxy/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema21.properties["http-proxy"].anyOf,parentSchema:schema21.properties["http-proxy"],data:data18};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
else {
errors = _errs71;
if(vErrors !== null){
if(_errs71){
vErrors.length = _errs71;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err45 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema21.type,parentSchema:schema21,data};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
validate146.errors = vErrors;
evaluated0.props = props0;
return errors === 0;
}
validate146.evaluated = {"dynamicProps":true,"dynamicItems":false};


function validate155(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate155.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs2 = errors;
let valid1 = true;
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.type === undefined) && (missing0 = "type")){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(data.type !== undefined){
let data0 = data.type;
if(!((data0 === "blobcache") || (data0 === "filecache"))){
const err1 = {};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
}
var _valid0 = _errs3 === errors;
errors = _errs2;
if(vErrors !== null){
if(_errs2){
vErrors.length = _errs2;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs5 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.filecache === undefined){
const err2 = {instancePath,schemaPath:"#/allOf/0/then/required",keyword:"required",params:{missingProperty: "filecache"},message:"must have required property '"+"filecache"+"'",schema:schema30.allOf[0].then.required,parentSchema:schema30.allOf[0].then,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.filecache !== undefined){
let data1 = data.filecache;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.work_dir !== undefined){
let data2 = data1.work_dir;
if(typeof data2 === "string"){
if(func1(data2) < 1){
const err3 = {instancePath:instancePath+"/filecache/work_dir",schemaPath:"#/allOf/0/then/properties/filecache/properties/work_dir/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema30.allOf[0].then.properties.filecache.properties.work_dir,data:data2};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/filecache/work_dir",schemaPath:"#/allOf/0/then/properties/filecache/properties/work_dir/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema30.allOf[0].then.properties.filecache.properties.work_dir.type,parentSchema:schema30.allOf[0].then.properties.filecache.properties.work_dir,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
else {
const err5 = {instancePath:instancePath+"/filecache",schemaPath:"#/allOf/0/then/properties/filecache/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema30.allOf[0].then.properties.filecache.type,parentSchema:schema30.allOf[0].then.properties.filecache,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
var _valid0 = _errs5 === errors;
valid1 = _valid0;
if(valid1){
var props0 = {};
props0.filecache = true;
props0.type = true;
}
}
if(!valid1){
const err6 = {instancePath,schemaPath:"#/allOf/0/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema30.allOf[0].if,parentSchema:schema30.allOf[0],data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
const _errs11 = errors;
let valid5 = true;
const _errs12 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if((data.type === undefined) && (missing1 = "type")){
const err7 = {};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
else {
if(data.type !== undefined){
if("fscache" !== data.type){
const err8 = {};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
}
var _valid1 = _errs12 === errors;
errors = _errs11;
if(vErrors !== null){
if(_errs11){
vErrors.length = _errs11;
}
else {
vErrors = null;
}
}
if(_valid1){
const _errs14 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.fscache === undefined){
const err9 = {instancePath,schemaPath:"#/allOf/1/then/required",keyword:"required",params:{missingProperty: "fscache"},message:"must have required property '"+"fscache"+"'",schema:schema30.allOf[1].then.required,parentSchema:schema30.allOf[1].then,data};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data.fscache !== undefined){
let data4 = data.fscache;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(data4.work_dir !== undefined){
let data5 = data4.work_dir;
if(typeof data5 === "string"){
if(func1(data5) < 1){
const err10 = {instancePath:instancePath+"/fscache/work_dir",schemaPath:"#/allOf/1/then/properties/fscache/properties/work_dir/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema30.allOf[1].then.properties.fscache.properties.work_dir,data:data5};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/fscache/work_dir",schemaPath:"#/allOf/1/then/properties/fscache/properties/work_dir/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema30.allOf[1].then.properties.fscache.properties.work_dir.type,parentSchema:schema30.allOf[1].then.properties.fscache.properties.work_dir,data:data5};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath:instancePath+"/fscache",schemaPath:"#/allOf/1/then/properties/fscache/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema30.allOf[1].then.properties.fscache.type,parentSchema:schema30.allOf[1].then.properties.fscache,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
var _valid1 = _errs14 === errors;
valid5 = _valid1;
if(valid5){
var props1 = {};
props1.fscache = true;
props1.type = true;
}
}
if(!valid5){
const err13 = {instancePath,schemaPath:"#/allOf/1/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema30.allOf[1].if,parentSchema:schema30.allOf[1],data};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(props0 !== true && props1 !== undefined){
if(props1 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props1);
}
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(props0 !== true){
props0 = props0 || {};
props0.type = true;
props0.compressed = true;
props0.validate = true;
props0.prefetch = true;
props0.filecache = true;
props0.fscache = true;
}
if(data.type !== undefined){
let data6 = data.type;
if(typeof data6 !== "string"){
const err14 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema30.properties.type.type,parentSchema:schema30.properties.type,data:data6};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(!((((((data6 === "blobcache") || (data6 === "filecache")) || (data6 === "fscache")) || (data6 === "dummycache")) || (data6 === "dummy")) || (data6 === ""))){
const err15 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/enum",keyword:"enum",params:{allowedValues: schema30.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema30.properties.type.enum,parentSchema:schema30.properties.type,data:data6};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.compressed !== undefined){
let data7 = data.compressed;
if(typeof data7 !== "boolean"){
const err16 = {instancePath:instancePath+"/compressed",schemaPath:"#/properties/compressed/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema30.properties.compressed.type,parentSchema:schema30.properties.compressed,data:data7};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.validate !== undefined){
let data8 = data.validate;
if(typeof data8 !== "boolean"){
const err17 = {instancePath:instancePath+"/validate",schemaPath:"#/properties/validate/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema30.properties.validate.type,parentSchema:schema30.properties.validate,data:data8};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.prefetch !== undefined){
if(!(validate76(data.prefetch, {instancePath:instancePath+"/prefetch",parentData:data,parentDataProperty:"prefetch",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate76.errors : vErrors.concat(validate76.errors);
errors = vErrors.length;
}
}
if(data.filecache !== undefined){
let data10 = data.filecache;
const _errs27 = errors;
let valid10 = false;
const _errs28 = errors;
if(!(validate78(data10, {instancePath:instancePath+"/filecache",parentData:data,parentDataProperty:"filecache",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate78.errors : vErrors.concat(validate78.errors);
errors = vErrors.length;
}
var _valid2 = _errs28 === errors;
valid10 = valid10 || _valid2;
if(_valid2){
var props3 = {};
props3.work_dir = true;
props3.disable_indexed_map = true;
props3.enable_encryption = true;
props3.enable_convergent_encryption = true;
props3.encryption_key = true;
}
const _errs29 = errors;
if(data10 !== null){
const err18 = {instancePath:instancePath+"/filecache",schemaPath:"#/properties/filecache/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema30.properties.filecache.anyOf[1].type,parentSchema:schema30.properties.filecache.anyOf[1],data:data10};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
var _valid2 = _errs29 === errors;
valid10 = valid10 || _valid2;
if(!valid10){
const err19 = {instancePath:instancePath+"/filecache",schemaPath:"#/properties/filecache/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema30.properties.filecache.anyOf,parentSchema:schema30.properties.filecache,data:data10};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
else {
errors = _errs27;
if(vErrors !== null){
if(_errs27){
vErrors.length = _errs27;
}
else {
vErrors = null;
}
}
}
}
if(data.fscache !== undefined){
let data11 = data.fscache;
const _errs32 = errors;
let valid11 = false;
const _errs33 = errors;
if(!(validate80(data11, {instancePath:instancePath+"/fscache",parentData:data,parentDataProperty:"fscache",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate80.errors : vErrors.concat(validate80.errors);
errors = vErrors.length;
}
var _valid3 = _errs33 === errors;
valid11 = valid11 || _valid3;
if(_valid3){
var props4 = {};
props4.work_dir = true;
}
const _errs34 = errors;
if(data11 !== null){
const err20 = {instancePath:instancePath+"/fscache",schemaPath:"#/properties/fscache/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema30.properties.fscache.anyOf[1].type,parentSchema:schema30.properties.fscache.anyOf[1],data:data11};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
var _valid3 = _errs34 === errors;
valid11 = valid11 || _valid3;
if(!valid11){
const err21 = {instancePath:instancePath+"/fscache",schemaPath:"#/properties/fscache/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema30.properties.fscache.anyOf,parentSchema:schema30.properties.fscache,data:data11};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
else {
errors = _errs32;
if(vErrors !== null){
if(_errs32){
vErrors.length = _errs32;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err22 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema30.type,parentSchema:schema30,data};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
validate155.errors = vErrors;
evaluated0.props = props0;
return errors === 0;
}
validate155.evaluated = {"dynamicProps":true,"dynamicItems":false};


function validate145(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate145.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.version === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema64.required,parentSchema:schema64,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.backend === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "backend"},message:"must have required property '"+"backend"+"'",schema:schema64.required,parentSchema:schema64,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.cache === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "cache"},message:"must have required property '"+"cache"+"'",schema:schema64.required,parentSchema:schema64,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.version !== undefined){
let data0 = data.version;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err3 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema64.properties.version.type,parentSchema:schema64.properties.version,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(2 !== data0){
const err4 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/const",keyword:"const",params:{allowedValue: 2},message:"must be equal to constant",schema:2,parentSchema:schema64.properties.version,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.id !== undefined){
let data1 = data.id;
if(typeof data1 !== "string"){
const err5 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema64.properties.id.type,parentSchema:schema64.properties.id,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.backend !== undefined){
if(!(validate146(data.backend, {instancePath:instancePath+"/backend",parentData:data,parentDataProperty:"backend",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate146.errors : vErrors.concat(validate146.errors);
errors = vErrors.length;
}
}
if(data.external_backends !== undefined){
let data3 = data.external_backends;
if(Array.isArray(data3)){
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
if(!(validate140(data3[i0], {instancePath:instancePath+"/external_backends/" + i0,parentData:data3,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate140.errors : vErrors.concat(validate140.errors);
errors = vErrors.length;
}
}
}
else {
const err6 = {instancePath:instancePath+"/external_backends",schemaPath:"#/properties/external_backends/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema64.properties.external_backends.type,parentSchema:schema64.properties.external_backends,data:data3};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.cache !== undefined){
if(!(validate155(data.cache, {instancePath:instancePath+"/cache",parentData:data,parentDataProperty:"cache",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate155.errors : vErrors.concat(validate155.errors);
errors = vErrors.length;
}
}
if(data.metadata_path !== undefined){
let data6 = data.metadata_path;
if((typeof data6 !== "string") && (data6 !== null)){
const err7 = {instancePath:instancePath+"/metadata_path",schemaPath:"#/properties/metadata_path/type",keyword:"type",params:{type: schema64.properties.metadata_path.type},message:"must be string,null",schema:schema64.properties.metadata_path.type,parentSchema:schema64.properties.metadata_path,data:data6};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema64.type,parentSchema:schema64,data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
validate145.errors = vErrors;
return errors === 0;
}
validate145.evaluated = {"props":{"version":true,"id":true,"backend":true,"external_backends":true,"cache":true,"metadata_path":true},"dynamicProps":false,"dynamicItems":false};


function validate121(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://nydus-service.invalid/schema/blob-cache-entry.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate121.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema53.required,parentSchema:schema53,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.id === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema53.required,parentSchema:schema53,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.type !== undefined){
let data0 = data.type;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema53.properties.type.type,parentSchema:schema53.properties.type,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(!((data0 === "bootstrap") || (data0 === "datablob"))){
const err3 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/enum",keyword:"enum",params:{allowedValues: schema53.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema53.properties.type.enum,parentSchema:schema53.properties.type,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.id !== undefined){
let data1 = data.id;
if(typeof data1 === "string"){
if(!pattern4.test(data1)){
const err4 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/pattern",keyword:"pattern",params:{pattern: "^[^/]*$"},message:"must match pattern \""+"^[^/]*$"+"\"",schema:"^[^/]*$",parentSchema:schema53.properties.id,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema53.properties.id.type,parentSchema:schema53.properties.id,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.domain_id !== undefined){
let data2 = data.domain_id;
if(typeof data2 === "string"){
if(!pattern4.test(data2)){
const err6 = {instancePath:instancePath+"/domain_id",schemaPath:"#/properties/domain_id/pattern",keyword:"pattern",params:{pattern: "^[^/]*$"},message:"must match pattern \""+"^[^/]*$"+"\"",schema:"^[^/]*$",parentSchema:schema53.properties.domain_id,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/domain_id",schemaPath:"#/properties/domain_id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema53.properties.domain_id.type,parentSchema:schema53.properties.domain_id,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.config !== undefined){
if(!(validate122(data.config, {instancePath:instancePath+"/config",parentData:data,parentDataProperty:"config",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate122.errors : vErrors.concat(validate122.errors);
errors = vErrors.length;
}
}
if(data.config_v2 !== undefined){
if(!(validate145(data.config_v2, {instancePath:instancePath+"/config_v2",parentData:data,parentDataProperty:"config_v2",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate145.errors : vErrors.concat(validate145.errors);
errors = vErrors.length;
}
}
}
else {
const err8 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema53.type,parentSchema:schema53,data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
validate121.errors = vErrors;
return errors === 0;
}
validate121.evaluated = {"props":{"type":true,"id":true,"domain_id":true,"config":true,"config_v2":true},"dynamicProps":false,"dynamicItems":false};

export const validateBlobCacheList = validate161;
const schema67 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://nydus-service.invalid/schema/blob-cache-list.schema.json","title":"BlobCacheList","description":"A list of blob cache entries, as read from singleton --config (key \"blobs\").","type":"object","properties":{"blobs":{"type":"array","items":{"$ref":"blob-cache-entry.schema.json"},"description":"Entries registered at start, in order."}},"required":["blobs"]};

function validate161(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://nydus-service.invalid/schema/blob-cache-list.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate161.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.blobs === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "blobs"},message:"must have required property '"+"blobs"+"'",schema:schema67.required,parentSchema:schema67,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.blobs !== undefined){
let data0 = data.blobs;
if(Array.isArray(data0)){
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
if(!(validate121(data0[i0], {instancePath:instancePath+"/blobs/" + i0,parentData:data0,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate121.errors : vErrors.concat(validate121.errors);
errors = vErrors.length;
}
}
}
else {
const err1 = {instancePath:instancePath+"/blobs",schemaPath:"#/properties/blobs/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema67.properties.blobs.type,parentSchema:schema67.properties.blobs,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
else {
const err2 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema67.type,parentSchema:schema67,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
validate161.errors = vErrors;
return errors === 0;
}
validate161.evaluated = {"props":{"blobs":true},"dynamicProps":false,"dynamicItems":false};

export const validateConfigValidateResult = validate163;
const schema68 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://nydus-service.invalid/schema/cli/config-validate.schema.json","title":"ConfigValidateResult","description":"Output of `nydus config validate --json`.","type":"object","$defs":{"problem":{"title":"ConfigProblemReport","description":"One problem in a configuration.","type":"object","properties":{"pointer":{"type":"string","description":"JSON pointer of the offending value (\"\" is the document)."},"message":{"type":"string","description":"What was expected and what was found."}},"required":["pointer","message"]},"file":{"title":"ConfigFileReport","description":"The verdict on one file.","type":"object","properties":{"file":{"type":"string","description":"Path as given on the command line."},"valid":{"type":"boolean","description":"Whether the file is a usable configuration."},"format":{"type":["string","null"],"enum":["v1","v2",null],"description":"Configuration version detected, null when unreadable or invalid."},"syntax":{"type":["string","null"],"enum":["json","toml",null],"description":"Syntax detected, null when unreadable or invalid."},"problems":{"type":"array","items":{"$ref":"#/$defs/problem"},"description":"Every error found."},"warnings":{"type":"array","items":{"$ref":"#/$defs/problem"},"description":"What a mount would reject (errors with --strict)."}},"required":["file","valid","format","syntax","problems","warnings"]}},"properties":{"valid":{"type":"boolean","description":"Whether every file is valid."},"files":{"type":"array","items":{"$ref":"#/$defs/file"},"description":"One report per file, in command-line order."}},"required":["valid","files"]};
const schema69 = {"title":"ConfigFileReport","description":"The verdict on one file.","type":"object","properties":{"file":{"type":"string","description":"Path as given on the command line."},"valid":{"type":"boolean","description":"Whether the file is a usable configuration."},"format":{"type":["string","null"],"enum":["v1","v2",null],"description":"Configuration version detected, null when unreadable or invalid."},"syntax":{"type":["string","null"],"enum":["json","toml",null],"description":"Syntax detected, null when unreadable or invalid."},"problems":{"type":"array","items":{"$ref":"#/$defs/problem"},"description":"Every error found."},"warnings":{"type":"array","items":{"$ref":"#/$defs/problem"},"description":"What a mount would reject (errors with --strict)."}},"required":["file","valid","format","syntax","problems","warnings"]};
const schema70 = {"title":"ConfigProblemReport","description":"One problem in a configuration.","type":"object","properties":{"pointer":{"type":"string","description":"JSON pointer of the offending value (\"\" is the document)."},"message":{"type":"string","description":"What was expected and what was found."}},"required":["pointer","message"]};

function validate165(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate165.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.pointer === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "pointer"},message:"must have required property '"+"pointer"+"'",schema:schema70.required,parentSchema:schema70,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.message === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "message"},message:"must have required property '"+"message"+"'",schema:schema70.required,parentSchema:schema70,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.pointer !== undefined){
let data0 = data.pointer;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/pointer",schemaPath:"#/properties/pointer/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema70.properties.pointer.type,parentSchema:schema70.properties.pointer,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.message !== undefined){
let data1 = data.message;
if(typeof data1 !== "string"){
const err3 = {instancePath:instancePath+"/message",schemaPath:"#/properties/message/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema70.properties.message.type,parentSchema:schema70.properties.message,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
else {
const err4 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema70.type,parentSchema:schema70,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
validate165.errors = vErrors;
return errors === 0;
}
validate165.evaluated = {"props":{"pointer":true,"message":true},"dynamicProps":false,"dynamicItems":false};


function validate164(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate164.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.file === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "file"},message:"must have required property '"+"file"+"'",schema:schema69.required,parentSchema:schema69,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.valid === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "valid"},message:"must have required property '"+"valid"+"'",schema:schema69.required,parentSchema:schema69,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.format === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "format"},message:"must have required property '"+"format"+"'",schema:schema69.required,parentSchema:schema69,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.syntax === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "syntax"},message:"must have required property '"+"syntax"+"'",schema:schema69.required,parentSchema:schema69,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.problems === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "problems"},message:"must have required property '"+"problems"+"'",schema:schema69.required,parentSchema:schema69,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.warnings === undefined){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "warnings"},message:"must have required property '"+"warnings"+"'",schema:schema69.required,parentSchema:schema69,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data.file !== undefined){
let data0 = data.file;
if(typeof data0 !== "string"){
const err6 = {instancePath:instancePath+"/file",schemaPath:"#/properties/file/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema69.properties.file.type,parentSchema:schema69.properties.file,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.valid !== undefined){
let data1 = data.valid;
if(typeof data1 !== "boolean"){
const err7 = {instancePath:instancePath+"/valid",schemaPath:"#/properties/valid/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema69.properties.valid.type,parentSchema:schema69.properties.valid,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.format !== undefined){
let data2 = data.format;
if((typeof data2 !== "string") && (data2 !== null)){
const err8 = {instancePath:instancePath+"/format",schemaPath:"#/properties/format/type",keyword:"type",params:{type: schema69.properties.format.type},message:"must be string,null",schema:schema69.properties.format.type,parentSchema:schema69.properties.format,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(!(((data2 === "v1") || (data2 === "v2")) || (data2 === null))){
const err9 = {instancePath:instancePath+"/format",schemaPath:"#/properties/format/enum",keyword:"enum",params:{allowedValues: schema69.properties.format.enum},message:"must be equal to one of the allowed values",schema:schema69.properties.format.enum,parentSchema:schema69.properties.format,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.syntax !== undefined){
let data3 = data.syntax;
if((typeof data3 !== "string") && (data3 !== null)){
const err10 = {instancePath:instancePath+"/syntax",schemaPath:"#/properties/syntax/type",keyword:"type",params:{type: schema69.properties.syntax.type},message:"must be string,null",schema:schema69.properties.syntax.type,parentSchema:schema69.properties.syntax,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(!(((data3 === "json") || (data3 === "toml")) || (data3 === null))){
const err11 = {instancePath:instancePath+"/syntax",schemaPath:"#/properties/syntax/enum",keyword:"enum",params:{allowedValues: schema69.properties.syntax.enum},message:"must be equal to one of the allowed values",schema:schema69.properties.syntax.enum,parentSchema:schema69.properties.syntax,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.problems !== undefined){
let data4 = data.problems;
if(Array.isArray(data4)){
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
if(!(validate165(data4[i0], {instancePath:instancePath+"/problems/" + i0,parentData:data4,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate165.errors : vErrors.concat(validate165.errors);
errors = vErrors.length;
}
}
}
else {
const err12 = {instancePath:instancePath+"/problems",schemaPath:"#/properties/problems/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema69.properties.problems.type,parentSchema:schema69.properties.problems,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.warnings !== undefined){
let data6 = data.warnings;
if(Array.isArray(data6)){
const len1 = data6.length;
for(let i1=0; i1<len1; i1++){
if(!(validate165(data6[i1], {instancePath:instancePath+"/warnings/" + i1,parentData:data6,parentDataProperty:i1,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate165.errors : vErrors.concat(validate165.errors);
errors = vErrors.length;
}
}
}
else {
const err13 = {instancePath:instancePath+"/warnings",schemaPath:"#/properties/warnings/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema69.properties.warnings.type,parentSchema:schema69.properties.warnings,data:data6};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema69.type,parentSchema:schema69,data};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
validate164.errors = vErrors;
return errors === 0;
}
validate164.evaluated = {"props":{"file":true,"valid":true,"format":true,"syntax":true,"problems":true,"warnings":true},"dynamicProps":false,"dynamicItems":false};


function validate163(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://nydus-service.invalid/schema/cli/config-validate.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate163.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.valid === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "valid"},message:"must have required property '"+"valid"+"'",schema:schema68.required,parentSchema:schema68,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.files === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "files"},message:"must have required property '"+"files"+"'",schema:schema68.required,parentSchema:schema68,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.valid !== undefined){
let data0 = data.valid;
if(typeof data0 !== "boolean"){
const err2 = {instancePath:instancePath+"/valid",schemaPath:"#/properties/valid/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema68.properties.valid.type,parentSchema:schema68.properties.valid,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.files !== undefined){
let data1 = data.files;
if(Array.isArray(data1)){
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
if(!(validate164(data1[i0], {instancePath:instancePath+"/files/" + i0,parentData:data1,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate164.errors : vErrors.concat(validate164.errors);
errors = vErrors.length;
}
}
}
else {
const err3 = {instancePath:instancePath+"/files",schemaPath:"#/properties/files/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema68.properties.files.type,parentSchema:schema68.properties.files,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
else {
const err4 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema68.type,parentSchema:schema68,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
validate163.errors = vErrors;
return errors === 0;
}
validate163.evaluated = {"props":{"valid":true,"files":true},"dynamicProps":false,"dynamicItems":false};

export const validateInspectSuperblock = validate169;
const schema71 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://nydus-service.invalid/schema/cli/inspect-superblock.schema.json","title":"InspectSuperblock","description":"Output of `nydus inspect superblock --json`.","type":"object","properties":{"bootstrap":{"type":"string","description":"Bootstrap path as given."},"version":{"type":"integer","enum":[5,6],"description":"RAFS version."},"flags":{"type":"integer","description":"Superblock feature flags (rafs-format §2.1)."},"flag_names":{"type":"array","items":{"type":"string"},"description":"Names of the set flags."},"compressor":{"type":"string","description":"Chunk compressor: none, lz4_block, gzip or zstd."},"digester":{"type":"string","description":"Chunk digest: blake3 or sha256."},"chunk_size":{"type":"integer","description":"Chunk size in bytes."},"block_size":{"type":"integer","description":"EROFS block size (v6), 0 for v5."},"inodes_count":{"type":"integer","description":"Inode count recorded in the superblock."},"root_ino":{"type":"integer","description":"Inode number (v5) or nid (v6) of the root."},"bootstrap_size":{"type":"integer","description":"Size of the bootstrap in bytes."},"inlined_bootstrap":{"type":"boolean","description":"The bootstrap was read from a data blob's ToC."},"fields":{"type":"object","additionalProperties":{"type":"integer"},"description":"Version-specific superblock fields."},"counts":{"type":"object","description":"Counts from a walk of the tree.","properties":{"directories":{"type":"integer","description":"Directories, root included."},"files":{"type":"integer","description":"Regular file entries (hard links counted per entry)."},"symlinks":{"type":"integer","description":"Symbolic links."},"others":{"type":"integer","description":"Devices, fifos and sockets."},"inodes":{"type":"integer","description":"Distinct inodes."}},"required":["directories","files","symlinks","others","inodes"]},"blobs":{"type":"array","items":{"type":"object"},"description":"The blob table (every field, camelCase as the library reports it)."},"prefetch":{"type":"array","items":{"type":"integer"},"description":"Prefetch table: inode numbers (v5) or nids (v6)."}},"required":["bootstrap","version","flags","flag_names","compressor","digester","chunk_size","block_size","inodes_count","root_ino","bootstrap_size","inlined_bootstrap","fields","counts","blobs","prefetch"]};

function validate169(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://nydus-service.invalid/schema/cli/inspect-superblock.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate169.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.bootstrap === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "bootstrap"},message:"must have required property '"+"bootstrap"+"'",schema:schema71.required,parentSchema:schema71,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.version === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema71.required,parentSchema:schema71,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.flags === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "flags"},message:"must have required property '"+"flags"+"'",schema:schema71.required,parentSchema:schema71,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.flag_names === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "flag_names"},message:"must have required property '"+"flag_names"+"'",schema:schema71.required,parentSchema:schema71,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.compressor === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "compressor"},message:"must have required property '"+"compressor"+"'",schema:schema71.required,parentSchema:schema71,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.digester === undefined){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "digester"},message:"must have required property '"+"digester"+"'",schema:schema71.required,parentSchema:schema71,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data.chunk_size === undefined){
const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "chunk_size"},message:"must have required property '"+"chunk_size"+"'",schema:schema71.required,parentSchema:schema71,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data.block_size === undefined){
const err7 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "block_size"},message:"must have required property '"+"block_size"+"'",schema:schema71.required,parentSchema:schema71,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data.inodes_count === undefined){
const err8 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "inodes_count"},message:"must have required property '"+"inodes_count"+"'",schema:schema71.required,parentSchema:schema71,data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data.root_ino === undefined){
const err9 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "root_ino"},message:"must have required property '"+"root_ino"+"'",schema:schema71.required,parentSchema:schema71,data};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data.bootstrap_size === undefined){
const err10 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "bootstrap_size"},message:"must have required property '"+"bootstrap_size"+"'",schema:schema71.required,parentSchema:schema71,data};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data.inlined_bootstrap === undefined){
const err11 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "inlined_bootstrap"},message:"must have required property '"+"inlined_bootstrap"+"'",schema:schema71.required,parentSchema:schema71,data};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data.fields === undefined){
const err12 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "fields"},message:"must have required property '"+"fields"+"'",schema:schema71.required,parentSchema:schema71,data};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data.counts === undefined){
const err13 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "counts"},message:"must have required property '"+"counts"+"'",schema:schema71.required,parentSchema:schema71,data};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(data.blobs === undefined){
const err14 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "blobs"},message:"must have required property '"+"blobs"+"'",schema:schema71.required,parentSchema:schema71,data};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data.prefetch === undefined){
const err15 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "prefetch"},message:"must have required property '"+"prefetch"+"'",schema:schema71.required,parentSchema:schema71,data};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data.bootstrap !== undefined){
let data0 = data.bootstrap;
if(typeof data0 !== "string"){
const err16 = {instancePath:instancePath+"/bootstrap",schemaPath:"#/properties/bootstrap/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema71.properties.bootstrap.type,parentSchema:schema71.properties.bootstrap,data:data0};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.version !== undefined){
let data1 = data.version;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err17 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema71.properties.version.type,parentSchema:schema71.properties.version,data:data1};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(!((data1 === 5) || (data1 === 6))){
const err18 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/enum",keyword:"enum",params:{allowedValues: schema71.properties.version.enum},message:"must be equal to one of the allowed values",schema:schema71.properties.version.enum,parentSchema:schema71.properties.version,data:data1};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.flags !== undefined){
let data2 = data.flags;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err19 = {instancePath:instancePath+"/flags",schemaPath:"#/properties/flags/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema71.properties.flags.type,parentSchema:schema71.properties.flags,data:data2};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.flag_names !== undefined){
let data3 = data.flag_names;
if(Array.isArray(data3)){
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
let data4 = data3[i0];
if(typeof data4 !== "string"){
const err20 = {instancePath:instancePath+"/flag_names/" + i0,schemaPath:"#/properties/flag_names/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema71.properties.flag_names.items.type,parentSchema:schema71.properties.flag_names.items,data:data4};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath:instancePath+"/flag_names",schemaPath:"#/properties/flag_names/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema71.properties.flag_names.type,parentSchema:schema71.properties.flag_names,data:data3};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.compressor !== undefined){
let data5 = data.compressor;
if(typeof data5 !== "string"){
const err22 = {instancePath:instancePath+"/compressor",schemaPath:"#/properties/compressor/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema71.properties.compressor.type,parentSchema:schema71.properties.compressor,data:data5};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.digester !== undefined){
let data6 = data.digester;
if(typeof data6 !== "string"){
const err23 = {instancePath:instancePath+"/digester",schemaPath:"#/properties/digester/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema71.properties.digester.type,parentSchema:schema71.properties.digester,data:data6};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data.chunk_size !== undefined){
let data7 = data.chunk_size;
if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
const err24 = {instancePath:instancePath+"/chunk_size",schemaPath:"#/properties/chunk_size/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema71.properties.chunk_size.type,parentSchema:schema71.properties.chunk_size,data:data7};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.block_size !== undefined){
let data8 = data.block_size;
if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
const err25 = {instancePath:instancePath+"/block_size",schemaPath:"#/properties/block_size/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema71.properties.block_size.type,parentSchema:schema71.properties.block_size,data:data8};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.inodes_count !== undefined){
let data9 = data.inodes_count;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err26 = {instancePath:instancePath+"/inodes_count",schemaPath:"#/properties/inodes_count/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema71.properties.inodes_count.type,parentSchema:schema71.properties.inodes_count,data:data9};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.root_ino !== undefined){
let data10 = data.root_ino;
if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
const err27 = {instancePath:instancePath+"/root_ino",schemaPath:"#/properties/root_ino/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema71.properties.root_ino.type,parentSchema:schema71.properties.root_ino,data:data10};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data.bootstrap_size !== undefined){
let data11 = data.bootstrap_size;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
const err28 = {instancePath:instancePath+"/bootstrap_size",schemaPath:"#/properties/bootstrap_size/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema71.properties.bootstrap_size.type,parentSchema:schema71.properties.bootstrap_size,data:data11};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data.inlined_bootstrap !== undefined){
let data12 = data.inlined_bootstrap;
if(typeof data12 !== "boolean"){
const err29 = {instancePath:instancePath+"/inlined_bootstrap",schemaPath:"#/properties/inlined_bootstrap/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema71.properties.inlined_bootstrap.type,parentSchema:schema71.properties.inlined_bootstrap,data:data12};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data.fields !== undefined){
let data13 = data.fields;
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
for(const key0 in data13){
let data14 = data13[key0];
if(!(((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14))) && (isFinite(data14)))){
const err30 = {instancePath:instancePath+"/fields/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/fields/additionalProperties/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema71.properties.fields.additionalProperties.type,parentSchema:schema71.properties.fields.additionalProperties,data:data14};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
else {
const err31 = {instancePath:instancePath+"/fields",schemaPath:"#/properties/fields/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema71.properties.fields.type,parentSchema:schema71.properties.fields,data:data13};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data.counts !== undefined){
let data15 = data.counts;
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
if(data15.directories === undefined){
const err32 = {instancePath:instancePath+"/counts",schemaPath:"#/properties/counts/required",keyword:"required",params:{missingProperty: "directories"},message:"must have required property '"+"directories"+"'",schema:schema71.properties.counts.required,parentSchema:schema71.properties.counts,data:data15};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if(data15.files === undefined){
const err33 = {instancePath:instancePath+"/counts",schemaPath:"#/properties/counts/required",keyword:"required",params:{missingProperty: "files"},message:"must have required property '"+"files"+"'",schema:schema71.properties.counts.required,parentSchema:schema71.properties.counts,data:data15};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
if(data15.symlinks === undefined){
const err34 = {instancePath:instancePath+"/counts",schemaPath:"#/properties/counts/required",keyword:"required",params:{missingProperty: "symlinks"},message:"must have required property '"+"symlinks"+"'",schema:schema71.properties.counts.required,parentSchema:schema71.properties.counts,data:data15};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if(data15.others === undefined){
const err35 = {instancePath:instancePath+"/counts",schemaPath:"#/properties/counts/required",keyword:"required",params:{missingProperty: "others"},message:"must have required property '"+"others"+"'",schema:schema71.properties.counts.required,parentSchema:schema71.properties.counts,data:data15};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if(data15.inodes === undefined){
const err36 = {instancePath:instancePath+"/counts",schemaPath:"#/properties/counts/required",keyword:"required",params:{missingProperty: "inodes"},message:"must have required property '"+"inodes"+"'",schema:schema71.properties.counts.required,parentSchema:schema71.properties.counts,data:data15};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
if(data15.directories !== undefined){
let data16 = data15.directories;
if(!(((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16))) && (isFinite(data16)))){
const err37 = {instancePath:instancePath+"/counts/directories",schemaPath:"#/properties/counts/properties/directories/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema71.properties.counts.properties.directories.type,parentSchema:schema71.properties.counts.properties.directories,data:data16};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data15.files !== undefined){
let data17 = data15.files;
if(!(((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17))) && (isFinite(data17)))){
const err38 = {instancePath:instancePath+"/counts/files",schemaPath:"#/properties/counts/properties/files/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema71.properties.counts.properties.files.type,parentSchema:schema71.properties.counts.properties.files,data:data17};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data15.symlinks !== undefined){
let data18 = data15.symlinks;
if(!(((typeof data18 == "number") && (!(data18 % 1) && !isNaN(data18))) && (isFinite(data18)))){
const err39 = {instancePath:instancePath+"/counts/symlinks",schemaPath:"#/properties/counts/properties/symlinks/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema71.properties.counts.properties.symlinks.type,parentSchema:schema71.properties.counts.properties.symlinks,data:data18};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data15.others !== undefined){
let data19 = data15.others;
if(!(((typeof data19 == "number") && (!(data19 % 1) && !isNaN(data19))) && (isFinite(data19)))){
const err40 = {instancePath:instancePath+"/counts/others",schemaPath:"#/properties/counts/properties/others/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema71.properties.counts.properties.others.type,parentSchema:schema71.properties.counts.properties.others,data:data19};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data15.inodes !== undefined){
let data20 = data15.inodes;
if(!(((typeof data20 == "number") && (!(data20 % 1) && !isNaN(data20))) && (isFinite(data20)))){
const err41 = {instancePath:instancePath+"/counts/inodes",schemaPath:"#/properties/counts/properties/inodes/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema71.properties.counts.properties.inodes.type,parentSchema:schema71.properties.counts.properties.inodes,data:data20};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
}
else {
const err42 = {instancePath:instancePath+"/counts",schemaPath:"#/properties/counts/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema71.properties.counts.type,parentSchema:schema71.properties.counts,data:data15};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data.blobs !== undefined){
let data21 = data.blobs;
if(Array.isArray(data21)){
const len1 = data21.length;
for(let i1=0; i1<len1; i1++){
let data22 = data21[i1];
if(!(data22 && typeof data22 == "object" && !Array.isArray(data22))){
const err43 = {instancePath:instancePath+"/blobs/" + i1,schemaPath:"#/properties/blobs/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema71.properties.blobs.items.type,parentSchema:schema71.properties.blobs.items,data:data22};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
}
else {
const err44 = {instancePath:instancePath+"/blobs",schemaPath:"#/properties/blobs/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema71.properties.blobs.type,parentSchema:schema71.properties.blobs,data:data21};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
if(data.prefetch !== undefined){
let data23 = data.prefetch;
if(Array.isArray(data23)){
const len2 = data23.length;
for(let i2=0; i2<len2; i2++){
let data24 = data23[i2];
if(!(((typeof data24 == "number") && (!(data24 % 1) && !isNaN(data24))) && (isFinite(data24)))){
const err45 = {instancePath:instancePath+"/prefetch/" + i2,schemaPath:"#/properties/prefetch/items/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema71.properties.prefetch.items.type,parentSchema:schema71.properties.prefetch.items,data:data24};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
}
else {
const err46 = {instancePath:instancePath+"/prefetch",schemaPath:"#/properties/prefetch/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema71.properties.prefetch.type,parentSchema:schema71.properties.prefetch,data:data23};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
}
else {
const err47 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema71.type,parentSchema:schema71,data};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
validate169.errors = vErrors;
return errors === 0;
}
validate169.evaluated = {"props":{"bootstrap":true,"version":true,"flags":true,"flag_names":true,"compressor":true,"digester":true,"chunk_size":true,"block_size":true,"inodes_count":true,"root_ino":true,"bootstrap_size":true,"inlined_bootstrap":true,"fields":true,"counts":true,"blobs":true,"prefetch":true},"dynamicProps":false,"dynamicItems":false};

export const validateInspectStat = validate170;
const schema72 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://nydus-service.invalid/schema/cli/inspect-stat.schema.json","title":"InspectStat","description":"Output of `nydus inspect stat --json`.","type":"object","properties":{"path":{"type":"string","description":"Path inside the image."},"ino":{"type":"integer","description":"Inode number (v5) or nid (v6)."},"type":{"type":"string","enum":["file","directory","link","char","block","fifo","socket","unknown"],"description":"File type."},"mode":{"type":"integer","description":"Full st_mode."},"permissions":{"type":"string","description":"Permission bits in octal, e.g. 0755."},"uid":{"type":"integer","description":"Owner uid as stored."},"gid":{"type":"integer","description":"Owner gid as stored."},"size":{"type":"integer","description":"Size in bytes."},"blocks":{"type":"integer","description":"512-byte blocks."},"nlink":{"type":"integer","description":"Link count."},"rdev":{"type":"integer","description":"Device number (char/block devices)."},"mtime":{"type":"integer","description":"Modification time, seconds (0 when not recorded)."},"mtime_nsec":{"type":"integer","description":"Nanoseconds of the modification time."},"target":{"type":["string","null"],"description":"Symlink target."},"xattrs":{"type":"object","additionalProperties":{"type":"string"},"description":"Extended attributes: value as UTF-8 text, or base64: prefixed when not printable."},"chunks":{"type":"array","description":"The file's data as segments: holes or pieces of chunks.","items":{"type":"object","properties":{"file_offset":{"type":"integer","description":"Offset in the file."},"length":{"type":"integer","description":"Bytes of the file this segment serves."},"hole":{"type":"boolean","description":"Zeros, not stored."},"blob_id":{"type":["string","null"],"description":"Blob holding the chunk."},"chunk_index":{"type":["integer","null"],"description":"Chunk index in the blob."},"compressed_offset":{"type":["integer","null"],"description":"Offset of the stored bytes in the blob (null when only the blob meta knows it)."},"compressed_size":{"type":["integer","null"],"description":"Stored size."},"uncompressed_offset":{"type":["integer","null"],"description":"Offset in the blob's uncompressed image."},"uncompressed_size":{"type":["integer","null"],"description":"Plain size of the chunk."},"compressed":{"type":["boolean","null"],"description":"Stored compressed."},"digest":{"type":["string","null"],"description":"Hex digest of the plain chunk, null when unknown."}},"required":["file_offset","length","hole"]}}},"required":["path","ino","type","mode","permissions","uid","gid","size","blocks","nlink","rdev","mtime","mtime_nsec","target","xattrs","chunks"]};

function validate170(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://nydus-service.invalid/schema/cli/inspect-stat.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate170.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.path === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'",schema:schema72.required,parentSchema:schema72,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.ino === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "ino"},message:"must have required property '"+"ino"+"'",schema:schema72.required,parentSchema:schema72,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.type === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema72.required,parentSchema:schema72,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.mode === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "mode"},message:"must have required property '"+"mode"+"'",schema:schema72.required,parentSchema:schema72,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.permissions === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "permissions"},message:"must have required property '"+"permissions"+"'",schema:schema72.required,parentSchema:schema72,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.uid === undefined){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "uid"},message:"must have required property '"+"uid"+"'",schema:schema72.required,parentSchema:schema72,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data.gid === undefined){
const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "gid"},message:"must have required property '"+"gid"+"'",schema:schema72.required,parentSchema:schema72,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data.size === undefined){
const err7 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "size"},message:"must have required property '"+"size"+"'",schema:schema72.required,parentSchema:schema72,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data.blocks === undefined){
const err8 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "blocks"},message:"must have required property '"+"blocks"+"'",schema:schema72.required,parentSchema:schema72,data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data.nlink === undefined){
const err9 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "nlink"},message:"must have required property '"+"nlink"+"'",schema:schema72.required,parentSchema:schema72,data};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data.rdev === undefined){
const err10 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "rdev"},message:"must have required property '"+"rdev"+"'",schema:schema72.required,parentSchema:schema72,data};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data.mtime === undefined){
const err11 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "mtime"},message:"must have required property '"+"mtime"+"'",schema:schema72.required,parentSchema:schema72,data};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data.mtime_nsec === undefined){
const err12 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "mtime_nsec"},message:"must have required property '"+"mtime_nsec"+"'",schema:schema72.required,parentSchema:schema72,data};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data.target === undefined){
const err13 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "target"},message:"must have required property '"+"target"+"'",schema:schema72.required,parentSchema:schema72,data};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(data.xattrs === undefined){
const err14 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "xattrs"},message:"must have required property '"+"xattrs"+"'",schema:schema72.required,parentSchema:schema72,data};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data.chunks === undefined){
const err15 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "chunks"},message:"must have required property '"+"chunks"+"'",schema:schema72.required,parentSchema:schema72,data};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data.path !== undefined){
let data0 = data.path;
if(typeof data0 !== "string"){
const err16 = {instancePath:instancePath+"/path",schemaPath:"#/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema72.properties.path.type,parentSchema:schema72.properties.path,data:data0};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.ino !== undefined){
let data1 = data.ino;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err17 = {instancePath:instancePath+"/ino",schemaPath:"#/properties/ino/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema72.properties.ino.type,parentSchema:schema72.properties.ino,data:data1};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.type !== undefined){
let data2 = data.type;
if(typeof data2 !== "string"){
const err18 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema72.properties.type.type,parentSchema:schema72.properties.type,data:data2};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(!((((((((data2 === "file") || (data2 === "directory")) || (data2 === "link")) || (data2 === "char")) || (data2 === "block")) || (data2 === "fifo")) || (data2 === "socket")) || (data2 === "unknown"))){
const err19 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/enum",keyword:"enum",params:{allowedValues: schema72.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema72.properties.type.enum,parentSchema:schema72.properties.type,data:data2};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.mode !== undefined){
let data3 = data.mode;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err20 = {instancePath:instancePath+"/mode",schemaPath:"#/properties/mode/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema72.properties.mode.type,parentSchema:schema72.properties.mode,data:data3};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.permissions !== undefined){
let data4 = data.permissions;
if(typeof data4 !== "string"){
const err21 = {instancePath:instancePath+"/permissions",schemaPath:"#/properties/permissions/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema72.properties.permissions.type,parentSchema:schema72.properties.permissions,data:data4};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.uid !== undefined){
let data5 = data.uid;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err22 = {instancePath:instancePath+"/uid",schemaPath:"#/properties/uid/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema72.properties.uid.type,parentSchema:schema72.properties.uid,data:data5};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.gid !== undefined){
let data6 = data.gid;
if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){
const err23 = {instancePath:instancePath+"/gid",schemaPath:"#/properties/gid/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema72.properties.gid.type,parentSchema:schema72.properties.gid,data:data6};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data.size !== undefined){
let data7 = data.size;
if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
const err24 = {instancePath:instancePath+"/size",schemaPath:"#/properties/size/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema72.properties.size.type,parentSchema:schema72.properties.size,data:data7};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.blocks !== undefined){
let data8 = data.blocks;
if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
const err25 = {instancePath:instancePath+"/blocks",schemaPath:"#/properties/blocks/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema72.properties.blocks.type,parentSchema:schema72.properties.blocks,data:data8};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.nlink !== undefined){
let data9 = data.nlink;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err26 = {instancePath:instancePath+"/nlink",schemaPath:"#/properties/nlink/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema72.properties.nlink.type,parentSchema:schema72.properties.nlink,data:data9};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.rdev !== undefined){
let data10 = data.rdev;
if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
const err27 = {instancePath:instancePath+"/rdev",schemaPath:"#/properties/rdev/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema72.properties.rdev.type,parentSchema:schema72.properties.rdev,data:data10};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data.mtime !== undefined){
let data11 = data.mtime;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
const err28 = {instancePath:instancePath+"/mtime",schemaPath:"#/properties/mtime/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema72.properties.mtime.type,parentSchema:schema72.properties.mtime,data:data11};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data.mtime_nsec !== undefined){
let data12 = data.mtime_nsec;
if(!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))){
const err29 = {instancePath:instancePath+"/mtime_nsec",schemaPath:"#/properties/mtime_nsec/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema72.properties.mtime_nsec.type,parentSchema:schema72.properties.mtime_nsec,data:data12};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data.target !== undefined){
let data13 = data.target;
if((typeof data13 !== "string") && (data13 !== null)){
const err30 = {instancePath:instancePath+"/target",schemaPath:"#/properties/target/type",keyword:"type",params:{type: schema72.properties.target.type},message:"must be string,null",schema:schema72.properties.target.type,parentSchema:schema72.properties.target,data:data13};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data.xattrs !== undefined){
let data14 = data.xattrs;
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
for(const key0 in data14){
let data15 = data14[key0];
if(typeof data15 !== "string"){
const err31 = {instancePath:instancePath+"/xattrs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/xattrs/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema72.properties.xattrs.additionalProperties.type,parentSchema:schema72.properties.xattrs.additionalProperties,data:data15};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
else {
const err32 = {instancePath:instancePath+"/xattrs",schemaPath:"#/properties/xattrs/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema72.properties.xattrs.type,parentSchema:schema72.properties.xattrs,data:data14};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data.chunks !== undefined){
let data16 = data.chunks;
if(Array.isArray(data16)){
const len0 = data16.length;
for(let i0=0; i0<len0; i0++){
let data17 = data16[i0];
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
if(data17.file_offset === undefined){
const err33 = {instancePath:instancePath+"/chunks/" + i0,schemaPath:"#/properties/chunks/items/required",keyword:"required",params:{missingProperty: "file_offset"},message:"must have required property '"+"file_offset"+"'",schema:schema72.properties.chunks.items.required,parentSchema:schema72.properties.chunks.items,data:data17};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
if(data17.length === undefined){
const err34 = {instancePath:instancePath+"/chunks/" + i0,schemaPath:"#/properties/chunks/items/required",keyword:"required",params:{missingProperty: "length"},message:"must have required property '"+"length"+"'",schema:schema72.properties.chunks.items.required,parentSchema:schema72.properties.chunks.items,data:data17};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if(data17.hole === undefined){
const err35 = {instancePath:instancePath+"/chunks/" + i0,schemaPath:"#/properties/chunks/items/required",keyword:"required",params:{missingProperty: "hole"},message:"must have required property '"+"hole"+"'",schema:schema72.properties.chunks.items.required,parentSchema:schema72.properties.chunks.items,data:data17};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if(data17.file_offset !== undefined){
let data18 = data17.file_offset;
if(!(((typeof data18 == "number") && (!(data18 % 1) && !isNaN(data18))) && (isFinite(data18)))){
const err36 = {instancePath:instancePath+"/chunks/" + i0+"/file_offset",schemaPath:"#/properties/chunks/items/properties/file_offset/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema72.properties.chunks.items.properties.file_offset.type,parentSchema:schema72.properties.chunks.items.properties.file_offset,data:data18};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data17.length !== undefined){
let data19 = data17.length;
if(!(((typeof data19 == "number") && (!(data19 % 1) && !isNaN(data19))) && (isFinite(data19)))){
const err37 = {instancePath:instancePath+"/chunks/" + i0+"/length",schemaPath:"#/properties/chunks/items/properties/length/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema72.properties.chunks.items.properties.length.type,parentSchema:schema72.properties.chunks.items.properties.length,data:data19};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data17.hole !== undefined){
let data20 = data17.hole;
if(typeof data20 !== "boolean"){
const err38 = {instancePath:instancePath+"/chunks/" + i0+"/hole",schemaPath:"#/properties/chunks/items/properties/hole/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema72.properties.chunks.items.properties.hole.type,parentSchema:schema72.properties.chunks.items.properties.hole,data:data20};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data17.blob_id !== undefined){
let data21 = data17.blob_id;
if((typeof data21 !== "string") && (data21 !== null)){
const err39 = {instancePath:instancePath+"/chunks/" + i0+"/blob_id",schemaPath:"#/properties/chunks/items/properties/blob_id/type",keyword:"type",params:{type: schema72.properties.chunks.items.properties.blob_id.type},message:"must be string,null",schema:schema72.properties.chunks.items.properties.blob_id.type,parentSchema:schema72.properties.chunks.items.properties.blob_id,data:data21};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data17.chunk_index !== undefined){
let data22 = data17.chunk_index;
if((!(((typeof data22 == "number") && (!(data22 % 1) && !isNaN(data22))) && (isFinite(data22)))) && (data22 !== null)){
const err40 = {instancePath:instancePath+"/chunks/" + i0+"/chunk_index",schemaPath:"#/properties/chunks/items/properties/chunk_index/type",keyword:"type",params:{type: schema72.properties.chunks.items.properties.chunk_index.type},message:"must be integer,null",schema:schema72.properties.chunks.items.properties.chunk_index.type,parentSchema:schema72.properties.chunks.items.properties.chunk_index,data:data22};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data17.compressed_offset !== undefined){
let data23 = data17.compressed_offset;
if((!(((typeof data23 == "number") && (!(data23 % 1) && !isNaN(data23))) && (isFinite(data23)))) && (data23 !== null)){
const err41 = {instancePath:instancePath+"/chunks/" + i0+"/compressed_offset",schemaPath:"#/properties/chunks/items/properties/compressed_offset/type",keyword:"type",params:{type: schema72.properties.chunks.items.properties.compressed_offset.type},message:"must be integer,null",schema:schema72.properties.chunks.items.properties.compressed_offset.type,parentSchema:schema72.properties.chunks.items.properties.compressed_offset,data:data23};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data17.compressed_size !== undefined){
let data24 = data17.compressed_size;
if((!(((typeof data24 == "number") && (!(data24 % 1) && !isNaN(data24))) && (isFinite(data24)))) && (data24 !== null)){
const err42 = {instancePath:instancePath+"/chunks/" + i0+"/compressed_size",schemaPath:"#/properties/chunks/items/properties/compressed_size/type",keyword:"type",params:{type: schema72.properties.chunks.items.properties.compressed_size.type},message:"must be integer,null",schema:schema72.properties.chunks.items.properties.compressed_size.type,parentSchema:schema72.properties.chunks.items.properties.compressed_size,data:data24};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data17.uncompressed_offset !== undefined){
let data25 = data17.uncompressed_offset;
if((!(((typeof data25 == "number") && (!(data25 % 1) && !isNaN(data25))) && (isFinite(data25)))) && (data25 !== null)){
const err43 = {instancePath:instancePath+"/chunks/" + i0+"/uncompressed_offset",schemaPath:"#/properties/chunks/items/properties/uncompressed_offset/type",keyword:"type",params:{type: schema72.properties.chunks.items.properties.uncompressed_offset.type},message:"must be integer,null",schema:schema72.properties.chunks.items.properties.uncompressed_offset.type,parentSchema:schema72.properties.chunks.items.properties.uncompressed_offset,data:data25};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data17.uncompressed_size !== undefined){
let data26 = data17.uncompressed_size;
if((!(((typeof data26 == "number") && (!(data26 % 1) && !isNaN(data26))) && (isFinite(data26)))) && (data26 !== null)){
const err44 = {instancePath:instancePath+"/chunks/" + i0+"/uncompressed_size",schemaPath:"#/properties/chunks/items/properties/uncompressed_size/type",keyword:"type",params:{type: schema72.properties.chunks.items.properties.uncompressed_size.type},message:"must be integer,null",schema:schema72.properties.chunks.items.properties.uncompressed_size.type,parentSchema:schema72.properties.chunks.items.properties.uncompressed_size,data:data26};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
if(data17.compressed !== undefined){
let data27 = data17.compressed;
if((typeof data27 !== "boolean") && (data27 !== null)){
const err45 = {instancePath:instancePath+"/chunks/" + i0+"/compressed",schemaPath:"#/properties/chunks/items/properties/compressed/type",keyword:"type",params:{type: schema72.properties.chunks.items.properties.compressed.type},message:"must be boolean,null",schema:schema72.properties.chunks.items.properties.compressed.type,parentSchema:schema72.properties.chunks.items.properties.compressed,data:data27};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data17.digest !== undefined){
let data28 = data17.digest;
if((typeof data28 !== "string") && (data28 !== null)){
const err46 = {instancePath:instancePath+"/chunks/" + i0+"/digest",schemaPath:"#/properties/chunks/items/properties/digest/type",keyword:"type",params:{type: schema72.properties.chunks.items.properties.digest.type},message:"must be string,null",schema:schema72.properties.chunks.items.properties.digest.type,parentSchema:schema72.properties.chunks.items.properties.digest,data:data28};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
}
else {
const err47 = {instancePath:instancePath+"/chunks/" + i0,schemaPath:"#/properties/chunks/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema72.properties.chunks.items.type,parentSchema:schema72.properties.chunks.items,data:data17};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
}
else {
const err48 = {instancePath:instancePath+"/chunks",schemaPath:"#/properties/chunks/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema72.properties.chunks.type,parentSchema:schema72.properties.chunks,data:data16};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
}
else {
const err49 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema72.type,parentSchema:schema72,data};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
validate170.errors = vErrors;
return errors === 0;
}
validate170.evaluated = {"props":{"path":true,"ino":true,"type":true,"mode":true,"permissions":true,"uid":true,"gid":true,"size":true,"blocks":true,"nlink":true,"rdev":true,"mtime":true,"mtime_nsec":true,"target":true,"xattrs":true,"chunks":true},"dynamicProps":false,"dynamicItems":false};

export const validateInspectCheck = validate171;
const schema73 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://nydus-service.invalid/schema/cli/inspect-check.schema.json","title":"InspectCheck","description":"Output of `nydus inspect check --json`.","type":"object","properties":{"ok":{"type":"boolean","description":"No corrupt or unreadable chunk was found."},"files":{"type":"integer","description":"Regular files (distinct inodes) read."},"chunks":{"type":"integer","description":"Chunk pieces read."},"digest_checked":{"type":"integer","description":"Chunk pieces whose digest was compared."},"crc_checked":{"type":"integer","description":"Chunk pieces whose CRC-32C was compared."},"bytes":{"type":"integer","description":"File bytes covered."},"problems":{"type":"array","description":"Each corrupt or unreadable chunk, by file.","items":{"type":"object","properties":{"path":{"type":"string","description":"A path of the file (the first found for hard links)."},"ino":{"type":"integer","description":"Its inode number."},"file_offset":{"type":"integer","description":"Offset in the file served by the chunk."},"length":{"type":"integer","description":"Bytes of the file served by the chunk."},"blob_id":{"type":"string","description":"Blob holding the chunk."},"chunk_index":{"type":"integer","description":"Chunk index in the blob."},"code":{"type":"string","description":"errno name (EIO, ENOENT ...)."},"message":{"type":"string","description":"What was wrong."}},"required":["path","ino","file_offset","length","blob_id","chunk_index","code","message"]}}},"required":["ok","files","chunks","digest_checked","crc_checked","bytes","problems"]};

function validate171(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://nydus-service.invalid/schema/cli/inspect-check.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate171.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.ok === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "ok"},message:"must have required property '"+"ok"+"'",schema:schema73.required,parentSchema:schema73,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.files === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "files"},message:"must have required property '"+"files"+"'",schema:schema73.required,parentSchema:schema73,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.chunks === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "chunks"},message:"must have required property '"+"chunks"+"'",schema:schema73.required,parentSchema:schema73,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.digest_checked === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "digest_checked"},message:"must have required property '"+"digest_checked"+"'",schema:schema73.required,parentSchema:schema73,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.crc_checked === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "crc_checked"},message:"must have required property '"+"crc_checked"+"'",schema:schema73.required,parentSchema:schema73,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.bytes === undefined){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "bytes"},message:"must have required property '"+"bytes"+"'",schema:schema73.required,parentSchema:schema73,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data.problems === undefined){
const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "problems"},message:"must have required property '"+"problems"+"'",schema:schema73.required,parentSchema:schema73,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data.ok !== undefined){
let data0 = data.ok;
if(typeof data0 !== "boolean"){
const err7 = {instancePath:instancePath+"/ok",schemaPath:"#/properties/ok/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema73.properties.ok.type,parentSchema:schema73.properties.ok,data:data0};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.files !== undefined){
let data1 = data.files;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err8 = {instancePath:instancePath+"/files",schemaPath:"#/properties/files/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema73.properties.files.type,parentSchema:schema73.properties.files,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.chunks !== undefined){
let data2 = data.chunks;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err9 = {instancePath:instancePath+"/chunks",schemaPath:"#/properties/chunks/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema73.properties.chunks.type,parentSchema:schema73.properties.chunks,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.digest_checked !== undefined){
let data3 = data.digest_checked;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err10 = {instancePath:instancePath+"/digest_checked",schemaPath:"#/properties/digest_checked/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema73.properties.digest_checked.type,parentSchema:schema73.properties.digest_checked,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.crc_checked !== undefined){
let data4 = data.crc_checked;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err11 = {instancePath:instancePath+"/crc_checked",schemaPath:"#/properties/crc_checked/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema73.properties.crc_checked.type,parentSchema:schema73.properties.crc_checked,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.bytes !== undefined){
let data5 = data.bytes;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err12 = {instancePath:instancePath+"/bytes",schemaPath:"#/properties/bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema73.properties.bytes.type,parentSchema:schema73.properties.bytes,data:data5};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.problems !== undefined){
let data6 = data.problems;
if(Array.isArray(data6)){
const len0 = data6.length;
for(let i0=0; i0<len0; i0++){
let data7 = data6[i0];
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.path === undefined){
const err13 = {instancePath:instancePath+"/problems/" + i0,schemaPath:"#/properties/problems/items/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'",schema:schema73.properties.problems.items.required,parentSchema:schema73.properties.problems.items,data:data7};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(data7.ino === undefined){
const err14 = {instancePath:instancePath+"/problems/" + i0,schemaPath:"#/properties/problems/items/required",keyword:"required",params:{missingProperty: "ino"},message:"must have required property '"+"ino"+"'",schema:schema73.properties.problems.items.required,parentSchema:schema73.properties.problems.items,data:data7};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data7.file_offset === undefined){
const err15 = {instancePath:instancePath+"/problems/" + i0,schemaPath:"#/properties/problems/items/required",keyword:"required",params:{missingProperty: "file_offset"},message:"must have required property '"+"file_offset"+"'",schema:schema73.properties.problems.items.required,parentSchema:schema73.properties.problems.items,data:data7};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data7.length === undefined){
const err16 = {instancePath:instancePath+"/problems/" + i0,schemaPath:"#/properties/problems/items/required",keyword:"required",params:{missingProperty: "length"},message:"must have required property '"+"length"+"'",schema:schema73.properties.problems.items.required,parentSchema:schema73.properties.problems.items,data:data7};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(data7.blob_id === undefined){
const err17 = {instancePath:instancePath+"/problems/" + i0,schemaPath:"#/properties/problems/items/required",keyword:"required",params:{missingProperty: "blob_id"},message:"must have required property '"+"blob_id"+"'",schema:schema73.properties.problems.items.required,parentSchema:schema73.properties.problems.items,data:data7};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(data7.chunk_index === undefined){
const err18 = {instancePath:instancePath+"/problems/" + i0,schemaPath:"#/properties/problems/items/required",keyword:"required",params:{missingProperty: "chunk_index"},message:"must have required property '"+"chunk_index"+"'",schema:schema73.properties.problems.items.required,parentSchema:schema73.properties.problems.items,data:data7};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(data7.code === undefined){
const err19 = {instancePath:instancePath+"/problems/" + i0,schemaPath:"#/properties/problems/items/required",keyword:"required",params:{missingProperty: "code"},message:"must have required property '"+"code"+"'",schema:schema73.properties.problems.items.required,parentSchema:schema73.properties.problems.items,data:data7};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data7.message === undefined){
const err20 = {instancePath:instancePath+"/problems/" + i0,schemaPath:"#/properties/problems/items/required",keyword:"required",params:{missingProperty: "message"},message:"must have required property '"+"message"+"'",schema:schema73.properties.problems.items.required,parentSchema:schema73.properties.problems.items,data:data7};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(data7.path !== undefined){
let data8 = data7.path;
if(typeof data8 !== "string"){
const err21 = {instancePath:instancePath+"/problems/" + i0+"/path",schemaPath:"#/properties/problems/items/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema73.properties.problems.items.properties.path.type,parentSchema:schema73.properties.problems.items.properties.path,data:data8};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data7.ino !== undefined){
let data9 = data7.ino;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err22 = {instancePath:instancePath+"/problems/" + i0+"/ino",schemaPath:"#/properties/problems/items/properties/ino/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema73.properties.problems.items.properties.ino.type,parentSchema:schema73.properties.problems.items.properties.ino,data:data9};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data7.file_offset !== undefined){
let data10 = data7.file_offset;
if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
const err23 = {instancePath:instancePath+"/problems/" + i0+"/file_offset",schemaPath:"#/properties/problems/items/properties/file_offset/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema73.properties.problems.items.properties.file_offset.type,parentSchema:schema73.properties.problems.items.properties.file_offset,data:data10};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data7.length !== undefined){
let data11 = data7.length;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
const err24 = {instancePath:instancePath+"/problems/" + i0+"/length",schemaPath:"#/properties/problems/items/properties/length/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema73.properties.problems.items.properties.length.type,parentSchema:schema73.properties.problems.items.properties.length,data:data11};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data7.blob_id !== undefined){
let data12 = data7.blob_id;
if(typeof data12 !== "string"){
const err25 = {instancePath:instancePath+"/problems/" + i0+"/blob_id",schemaPath:"#/properties/problems/items/properties/blob_id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema73.properties.problems.items.properties.blob_id.type,parentSchema:schema73.properties.problems.items.properties.blob_id,data:data12};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data7.chunk_index !== undefined){
let data13 = data7.chunk_index;
if(!(((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13))) && (isFinite(data13)))){
const err26 = {instancePath:instancePath+"/problems/" + i0+"/chunk_index",schemaPath:"#/properties/problems/items/properties/chunk_index/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema73.properties.problems.items.properties.chunk_index.type,parentSchema:schema73.properties.problems.items.properties.chunk_index,data:data13};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data7.code !== undefined){
let data14 = data7.code;
if(typeof data14 !== "string"){
const err27 = {instancePath:instancePath+"/problems/" + i0+"/code",schemaPath:"#/properties/problems/items/properties/code/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema73.properties.problems.items.properties.code.type,parentSchema:schema73.properties.problems.items.properties.code,data:data14};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data7.message !== undefined){
let data15 = data7.message;
if(typeof data15 !== "string"){
const err28 = {instancePath:instancePath+"/problems/" + i0+"/message",schemaPath:"#/properties/problems/items/properties/message/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema73.properties.problems.items.properties.message.type,parentSchema:schema73.properties.problems.items.properties.message,data:data15};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
else {
const err29 = {instancePath:instancePath+"/problems/" + i0,schemaPath:"#/properties/problems/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema73.properties.problems.items.type,parentSchema:schema73.properties.problems.items,data:data7};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
}
else {
const err30 = {instancePath:instancePath+"/problems",schemaPath:"#/properties/problems/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema73.properties.problems.type,parentSchema:schema73.properties.problems,data:data6};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
else {
const err31 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema73.type,parentSchema:schema73,data};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
validate171.errors = vErrors;
return errors === 0;
}
validate171.evaluated = {"props":{"ok":true,"files":true,"chunks":true,"digest_checked":true,"crc_checked":true,"bytes":true,"problems":true},"dynamicProps":false,"dynamicItems":false};

export const validateInspectTree = validate172;
const schema74 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://nydus-service.invalid/schema/cli/inspect-tree.schema.json","title":"InspectTree","description":"Output of `nydus inspect tree --json`: the shape of `tree -J`, a root node then a report.","type":"array","$defs":{"node":{"title":"TreeNode","description":"One entry of the tree.","type":"object","properties":{"type":{"type":"string","enum":["directory","file","link","char","block","fifo","socket","report"],"description":"Entry type as tree names it."},"name":{"type":"string","description":"Entry name (the root's is the --root-name flag)."},"target":{"type":"string","description":"Symlink target."},"contents":{"type":"array","items":{"$ref":"#/$defs/node"},"description":"Children (directories), empty for links."},"directories":{"type":"integer","description":"Report: directories below the root (and links to directories)."},"files":{"type":"integer","description":"Report: other entries."}},"required":["type"]}},"items":{"$ref":"#/$defs/node"}};
const schema75 = {"title":"TreeNode","description":"One entry of the tree.","type":"object","properties":{"type":{"type":"string","enum":["directory","file","link","char","block","fifo","socket","report"],"description":"Entry type as tree names it."},"name":{"type":"string","description":"Entry name (the root's is the --root-name flag)."},"target":{"type":"string","description":"Symlink target."},"contents":{"type":"array","items":{"$ref":"#/$defs/node"},"description":"Children (directories), empty for links."},"directories":{"type":"integer","description":"Report: directories below the root (and links to directories)."},"files":{"type":"integer","description":"Report: other entries."}},"required":["type"]};
const wrapper0 = {validate: validate173};

function validate173(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate173.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema75.required,parentSchema:schema75,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.type !== undefined){
let data0 = data.type;
if(typeof data0 !== "string"){
const err1 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema75.properties.type.type,parentSchema:schema75.properties.type,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(!((((((((data0 === "directory") || (data0 === "file")) || (data0 === "link")) || (data0 === "char")) || (data0 === "block")) || (data0 === "fifo")) || (data0 === "socket")) || (data0 === "report"))){
const err2 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/enum",keyword:"enum",params:{allowedValues: schema75.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema75.properties.type.enum,parentSchema:schema75.properties.type,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.name !== undefined){
let data1 = data.name;
if(typeof data1 !== "string"){
const err3 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema75.properties.name.type,parentSchema:schema75.properties.name,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.target !== undefined){
let data2 = data.target;
if(typeof data2 !== "string"){
const err4 = {instancePath:instancePath+"/target",schemaPath:"#/properties/target/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema75.properties.target.type,parentSchema:schema75.properties.target,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.contents !== undefined){
let data3 = data.contents;
if(Array.isArray(data3)){
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
if(!(wrapper0.validate(data3[i0], {instancePath:instancePath+"/contents/" + i0,parentData:data3,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? wrapper0.validate.errors : vErrors.concat(wrapper0.validate.errors);
errors = vErrors.length;
}
}
}
else {
const err5 = {instancePath:instancePath+"/contents",schemaPath:"#/properties/contents/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema75.properties.contents.type,parentSchema:schema75.properties.contents,data:data3};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.directories !== undefined){
let data5 = data.directories;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err6 = {instancePath:instancePath+"/directories",schemaPath:"#/properties/directories/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema75.properties.directories.type,parentSchema:schema75.properties.directories,data:data5};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.files !== undefined){
let data6 = data.files;
if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){
const err7 = {instancePath:instancePath+"/files",schemaPath:"#/properties/files/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema75.properties.files.type,parentSchema:schema75.properties.files,data:data6};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema75.type,parentSchema:schema75,data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
validate173.errors = vErrors;
return errors === 0;
}
validate173.evaluated = {"props":{"type":true,"name":true,"target":true,"contents":true,"directories":true,"files":true},"dynamicProps":false,"dynamicItems":false};


function validate172(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://nydus-service.invalid/schema/cli/inspect-tree.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate172.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(Array.isArray(data)){
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
if(!(validate173(data[i0], {instancePath:instancePath+"/" + i0,parentData:data,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate173.errors : vErrors.concat(validate173.errors);
errors = vErrors.length;
}
}
}
else {
const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema74.type,parentSchema:schema74,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
validate172.errors = vErrors;
return errors === 0;
}
validate172.evaluated = {"items":true,"dynamicProps":false,"dynamicItems":false};

export const validateDaemonInfo = validate175;
const schema76 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://nydus-service.invalid/schema/api/daemon-info.schema.json","title":"DaemonInfo","description":"Body of GET /api/v1/daemon and GET /api/v2/daemon (spec api.md §4.1). Member order as listed.","type":"object","$defs":{"version":{"title":"DaemonVersion","description":"Build information; git_commit equals the `Git Commit:` line of --version (daemon.md §1.11).","type":"object","properties":{"package_ver":{"type":"string","description":"Release tag or git describe output, e.g. v2.3.1."},"git_commit":{"type":"string","description":"Full commit hash of the build."},"build_time":{"type":"string","description":"Build timestamp."},"profile":{"type":"string","description":"Build profile, e.g. release."},"rustc":{"type":"string","description":"Toolchain string (the reference's rustc version; ours names the Node/compiler toolchain)."}},"required":["package_ver","git_commit","build_time","profile","rustc"],"additionalProperties":false},"backend":{"title":"BackendCollectionEntry","description":"One mounted filesystem of the daemon, keyed by its virtual mountpoint.","type":"object","properties":{"backend_type":{"type":"string","enum":["Rafs","PassthroughFs"],"description":"Kind of filesystem."},"mountpoint":{"type":"string","description":"Virtual mountpoint inside the daemon's tree."},"mounted_time":{"type":"string","description":"UTC time of the (re)mount: YYYY-MM-DD HH:MM:SS.<fraction> +00:00:00, fraction = nanoseconds without trailing zeros (at least one digit)."},"config":{"type":["object","null"],"additionalProperties":true,"description":"The full v2 configuration with secrets redacted; null for passthrough."}},"required":["backend_type","mountpoint","mounted_time","config"],"additionalProperties":false}},"properties":{"version":{"$ref":"#/$defs/version","description":"Build information."},"id":{"type":["string","null"],"description":"Daemon id (--id), null when not given."},"supervisor":{"type":["string","null"],"description":"Supervisor socket path (--supervisor), null when not given."},"state":{"type":"string","enum":["INIT","RUNNING","READY","STOPPED","UNKNOWN"],"description":"Reported daemon state (daemon.md §3.1)."},"backend_collection":{"anyOf":[{"type":"object","additionalProperties":{"$ref":"#/$defs/backend"}},{"type":"null"}],"description":"Mounted filesystems keyed by virtual mountpoint: {} when nothing is mounted; null for the v2 endpoint and for a daemon without a filesystem service."}},"required":["version","id","supervisor","state","backend_collection"],"additionalProperties":false};
const schema77 = {"title":"DaemonVersion","description":"Build information; git_commit equals the `Git Commit:` line of --version (daemon.md §1.11).","type":"object","properties":{"package_ver":{"type":"string","description":"Release tag or git describe output, e.g. v2.3.1."},"git_commit":{"type":"string","description":"Full commit hash of the build."},"build_time":{"type":"string","description":"Build timestamp."},"profile":{"type":"string","description":"Build profile, e.g. release."},"rustc":{"type":"string","description":"Toolchain string (the reference's rustc version; ours names the Node/compiler toolchain)."}},"required":["package_ver","git_commit","build_time","profile","rustc"],"additionalProperties":false};

function validate176(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate176.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.package_ver === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "package_ver"},message:"must have required property '"+"package_ver"+"'",schema:schema77.required,parentSchema:schema77,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.git_commit === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "git_commit"},message:"must have required property '"+"git_commit"+"'",schema:schema77.required,parentSchema:schema77,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.build_time === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "build_time"},message:"must have required property '"+"build_time"+"'",schema:schema77.required,parentSchema:schema77,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.profile === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "profile"},message:"must have required property '"+"profile"+"'",schema:schema77.required,parentSchema:schema77,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.rustc === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "rustc"},message:"must have required property '"+"rustc"+"'",schema:schema77.required,parentSchema:schema77,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "package_ver") || (key0 === "git_commit")) || (key0 === "build_time")) || (key0 === "profile")) || (key0 === "rustc"))){
const err5 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema77,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.package_ver !== undefined){
let data0 = data.package_ver;
if(typeof data0 !== "string"){
const err6 = {instancePath:instancePath+"/package_ver",schemaPath:"#/properties/package_ver/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema77.properties.package_ver.type,parentSchema:schema77.properties.package_ver,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.git_commit !== undefined){
let data1 = data.git_commit;
if(typeof data1 !== "string"){
const err7 = {instancePath:instancePath+"/git_commit",schemaPath:"#/properties/git_commit/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema77.properties.git_commit.type,parentSchema:schema77.properties.git_commit,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.build_time !== undefined){
let data2 = data.build_time;
if(typeof data2 !== "string"){
const err8 = {instancePath:instancePath+"/build_time",schemaPath:"#/properties/build_time/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema77.properties.build_time.type,parentSchema:schema77.properties.build_time,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.profile !== undefined){
let data3 = data.profile;
if(typeof data3 !== "string"){
const err9 = {instancePath:instancePath+"/profile",schemaPath:"#/properties/profile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema77.properties.profile.type,parentSchema:schema77.properties.profile,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.rustc !== undefined){
let data4 = data.rustc;
if(typeof data4 !== "string"){
const err10 = {instancePath:instancePath+"/rustc",schemaPath:"#/properties/rustc/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema77.properties.rustc.type,parentSchema:schema77.properties.rustc,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema77.type,parentSchema:schema77,data};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
validate176.errors = vErrors;
return errors === 0;
}
validate176.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema78 = {"title":"BackendCollectionEntry","description":"One mounted filesystem of the daemon, keyed by its virtual mountpoint.","type":"object","properties":{"backend_type":{"type":"string","enum":["Rafs","PassthroughFs"],"description":"Kind of filesystem."},"mountpoint":{"type":"string","description":"Virtual mountpoint inside the daemon's tree."},"mounted_time":{"type":"string","description":"UTC time of the (re)mount: YYYY-MM-DD HH:MM:SS.<fraction> +00:00:00, fraction = nanoseconds without trailing zeros (at least one digit)."},"config":{"type":["object","null"],"additionalProperties":true,"description":"The full v2 configuration with secrets redacted; null for passthrough."}},"required":["backend_type","mountpoint","mounted_time","config"],"additionalProperties":false};

function validate178(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate178.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.backend_type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "backend_type"},message:"must have required property '"+"backend_type"+"'",schema:schema78.required,parentSchema:schema78,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.mountpoint === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "mountpoint"},message:"must have required property '"+"mountpoint"+"'",schema:schema78.required,parentSchema:schema78,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.mounted_time === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "mounted_time"},message:"must have required property '"+"mounted_time"+"'",schema:schema78.required,parentSchema:schema78,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.config === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "config"},message:"must have required property '"+"config"+"'",schema:schema78.required,parentSchema:schema78,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "backend_type") || (key0 === "mountpoint")) || (key0 === "mounted_time")) || (key0 === "config"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema78,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.backend_type !== undefined){
let data0 = data.backend_type;
if(typeof data0 !== "string"){
const err5 = {instancePath:instancePath+"/backend_type",schemaPath:"#/properties/backend_type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema78.properties.backend_type.type,parentSchema:schema78.properties.backend_type,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(!((data0 === "Rafs") || (data0 === "PassthroughFs"))){
const err6 = {instancePath:instancePath+"/backend_type",schemaPath:"#/properties/backend_type/enum",keyword:"enum",params:{allowedValues: schema78.properties.backend_type.enum},message:"must be equal to one of the allowed values",schema:schema78.properties.backend_type.enum,parentSchema:schema78.properties.backend_type,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.mountpoint !== undefined){
let data1 = data.mountpoint;
if(typeof data1 !== "string"){
const err7 = {instancePath:instancePath+"/mountpoint",schemaPath:"#/properties/mountpoint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema78.properties.mountpoint.type,parentSchema:schema78.properties.mountpoint,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.mounted_time !== undefined){
let data2 = data.mounted_time;
if(typeof data2 !== "string"){
const err8 = {instancePath:instancePath+"/mounted_time",schemaPath:"#/properties/mounted_time/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema78.properties.mounted_time.type,parentSchema:schema78.properties.mounted_time,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.config !== undefined){
let data3 = data.config;
if((!(data3 && typeof data3 == "object" && !Array.isArray(data3))) && (data3 !== null)){
const err9 = {instancePath:instancePath+"/config",schemaPath:"#/properties/config/type",keyword:"type",params:{type: schema78.properties.config.type},message:"must be object,null",schema:schema78.properties.config.type,parentSchema:schema78.properties.config,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema78.type,parentSchema:schema78,data};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
validate178.errors = vErrors;
return errors === 0;
}
validate178.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate175(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://nydus-service.invalid/schema/api/daemon-info.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate175.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.version === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema76.required,parentSchema:schema76,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.id === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema76.required,parentSchema:schema76,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.supervisor === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "supervisor"},message:"must have required property '"+"supervisor"+"'",schema:schema76.required,parentSchema:schema76,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.state === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "state"},message:"must have required property '"+"state"+"'",schema:schema76.required,parentSchema:schema76,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.backend_collection === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "backend_collection"},message:"must have required property '"+"backend_collection"+"'",schema:schema76.required,parentSchema:schema76,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "version") || (key0 === "id")) || (key0 === "supervisor")) || (key0 === "state")) || (key0 === "backend_collection"))){
const err5 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema76,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.version !== undefined){
if(!(validate176(data.version, {instancePath:instancePath+"/version",parentData:data,parentDataProperty:"version",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate176.errors : vErrors.concat(validate176.errors);
errors = vErrors.length;
}
}
if(data.id !== undefined){
let data1 = data.id;
if((typeof data1 !== "string") && (data1 !== null)){
const err6 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: schema76.properties.id.type},message:"must be string,null",schema:schema76.properties.id.type,parentSchema:schema76.properties.id,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.supervisor !== undefined){
let data2 = data.supervisor;
if((typeof data2 !== "string") && (data2 !== null)){
const err7 = {instancePath:instancePath+"/supervisor",schemaPath:"#/properties/supervisor/type",keyword:"type",params:{type: schema76.properties.supervisor.type},message:"must be string,null",schema:schema76.properties.supervisor.type,parentSchema:schema76.properties.supervisor,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.state !== undefined){
let data3 = data.state;
if(typeof data3 !== "string"){
const err8 = {instancePath:instancePath+"/state",schemaPath:"#/properties/state/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema76.properties.state.type,parentSchema:schema76.properties.state,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(!(((((data3 === "INIT") || (data3 === "RUNNING")) || (data3 === "READY")) || (data3 === "STOPPED")) || (data3 === "UNKNOWN"))){
const err9 = {instancePath:instancePath+"/state",schemaPath:"#/properties/state/enum",keyword:"enum",params:{allowedValues: schema76.properties.state.enum},message:"must be equal to one of the allowed values",schema:schema76.properties.state.enum,parentSchema:schema76.properties.state,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.backend_collection !== undefined){
let data4 = data.backend_collection;
const _errs10 = errors;
let valid1 = false;
const _errs11 = errors;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
for(const key1 in data4){
if(!(validate178(data4[key1], {instancePath:instancePath+"/backend_collection/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data4,parentDataProperty:key1,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate178.errors : vErrors.concat(validate178.errors);
errors = vErrors.length;
}
}
}
else {
const err10 = {instancePath:instancePath+"/backend_collection",schemaPath:"#/properties/backend_collection/anyOf/0/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema76.properties.backend_collection.anyOf[0].type,parentSchema:schema76.properties.backend_collection.anyOf[0],data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
var _valid0 = _errs11 === errors;
valid1 = valid1 || _valid0;
const _errs15 = errors;
if(data4 !== null){
const err11 = {instancePath:instancePath+"/backend_collection",schemaPath:"#/properties/backend_collection/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema76.properties.backend_collection.anyOf[1].type,parentSchema:schema76.properties.backend_collection.anyOf[1],data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
var _valid0 = _errs15 === errors;
valid1 = valid1 || _valid0;
if(!valid1){
const err12 = {instancePath:instancePath+"/backend_collection",schemaPath:"#/properties/backend_collection/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema76.properties.backend_collection.anyOf,parentSchema:schema76.properties.backend_collection,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
else {
errors = _errs10;
if(vErrors !== null){
if(_errs10){
vErrors.length = _errs10;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err13 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema76.type,parentSchema:schema76,data};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
validate175.errors = vErrors;
return errors === 0;
}
validate175.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const validateLogLevelBody = validate180;
const schema79 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://nydus-service.invalid/schema/api/log-level.schema.json","title":"LogLevelBody","description":"Body of PUT /api/v1/daemon and PUT /api/v2/daemon (spec api.md §4.2); other keys are ignored.","type":"object","properties":{"log_level":{"type":"string","description":"off, error, warn, info, debug or trace, case-insensitive."}},"required":["log_level"]};

function validate180(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://nydus-service.invalid/schema/api/log-level.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate180.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.log_level === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "log_level"},message:"must have required property '"+"log_level"+"'",schema:schema79.required,parentSchema:schema79,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.log_level !== undefined){
let data0 = data.log_level;
if(typeof data0 !== "string"){
const err1 = {instancePath:instancePath+"/log_level",schemaPath:"#/properties/log_level/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema79.properties.log_level.type,parentSchema:schema79.properties.log_level,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
else {
const err2 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema79.type,parentSchema:schema79,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
validate180.errors = vErrors;
return errors === 0;
}
validate180.evaluated = {"props":{"log_level":true},"dynamicProps":false,"dynamicItems":false};

export const validateEventsBody = validate181;
const schema80 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://nydus-service.invalid/schema/api/events.schema.json","title":"EventsBody","description":"Body of GET /api/v1/daemon/events (spec api.md §4.9): a ring buffer of recent significant errors.","type":"object","properties":{"max_errors":{"type":"integer","minimum":0,"description":"Most entries kept."},"total_errors":{"type":"integer","minimum":0,"description":"Errors recorded since start, evicted ones included."},"max_size":{"type":"integer","minimum":0,"description":"Most bytes of entry text kept."},"total_size":{"type":"integer","minimum":0,"description":"Bytes of entry text recorded since start."},"errors":{"type":"array","items":{"type":"string"},"description":"Entries as `<IMF-fixdate> - <text>`, oldest first."}},"required":["max_errors","total_errors","max_size","total_size","errors"],"additionalProperties":false};

function validate181(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://nydus-service.invalid/schema/api/events.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate181.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.max_errors === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "max_errors"},message:"must have required property '"+"max_errors"+"'",schema:schema80.required,parentSchema:schema80,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.total_errors === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "total_errors"},message:"must have required property '"+"total_errors"+"'",schema:schema80.required,parentSchema:schema80,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.max_size === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "max_size"},message:"must have required property '"+"max_size"+"'",schema:schema80.required,parentSchema:schema80,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.total_size === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "total_size"},message:"must have required property '"+"total_size"+"'",schema:schema80.required,parentSchema:schema80,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.errors === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "errors"},message:"must have required property '"+"errors"+"'",schema:schema80.required,parentSchema:schema80,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "max_errors") || (key0 === "total_errors")) || (key0 === "max_size")) || (key0 === "total_size")) || (key0 === "errors"))){
const err5 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema80,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.max_errors !== undefined){
let data0 = data.max_errors;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err6 = {instancePath:instancePath+"/max_errors",schemaPath:"#/properties/max_errors/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema80.properties.max_errors.type,parentSchema:schema80.properties.max_errors,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 < 0 || isNaN(data0)){
const err7 = {instancePath:instancePath+"/max_errors",schemaPath:"#/properties/max_errors/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema80.properties.max_errors,data:data0};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
if(data.total_errors !== undefined){
let data1 = data.total_errors;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err8 = {instancePath:instancePath+"/total_errors",schemaPath:"#/properties/total_errors/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema80.properties.total_errors.type,parentSchema:schema80.properties.total_errors,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 < 0 || isNaN(data1)){
const err9 = {instancePath:instancePath+"/total_errors",schemaPath:"#/properties/total_errors/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema80.properties.total_errors,data:data1};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
if(data.max_size !== undefined){
let data2 = data.max_size;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err10 = {instancePath:instancePath+"/max_size",schemaPath:"#/properties/max_size/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema80.properties.max_size.type,parentSchema:schema80.properties.max_size,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 0 || isNaN(data2)){
const err11 = {instancePath:instancePath+"/max_size",schemaPath:"#/properties/max_size/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema80.properties.max_size,data:data2};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
if(data.total_size !== undefined){
let data3 = data.total_size;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err12 = {instancePath:instancePath+"/total_size",schemaPath:"#/properties/total_size/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema80.properties.total_size.type,parentSchema:schema80.properties.total_size,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 0 || isNaN(data3)){
const err13 = {instancePath:instancePath+"/total_size",schemaPath:"#/properties/total_size/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema80.properties.total_size,data:data3};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
if(data.errors !== undefined){
let data4 = data.errors;
if(Array.isArray(data4)){
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
let data5 = data4[i0];
if(typeof data5 !== "string"){
const err14 = {instancePath:instancePath+"/errors/" + i0,schemaPath:"#/properties/errors/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema80.properties.errors.items.type,parentSchema:schema80.properties.errors.items,data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath:instancePath+"/errors",schemaPath:"#/properties/errors/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema80.properties.errors.type,parentSchema:schema80.properties.errors,data:data4};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
else {
const err16 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema80.type,parentSchema:schema80,data};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
validate181.errors = vErrors;
return errors === 0;
}
validate181.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const validateRafsSuperInfo = validate182;
const schema81 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://nydus-service.invalid/schema/api/rafs-super-info.schema.json","title":"RafsSuperInfo","description":"Body of GET /api/v1/daemon/backend?mountpoint=/m (spec api.md §4.3): the loaded RAFS super block. Loose: no client depends on it.","type":"object","properties":{"magic":{"type":"integer","description":"Super block magic."},"version":{"type":"integer","description":"RAFS format version word."},"sb_size":{"type":"integer","description":"Super block size in bytes."},"root_inode":{"type":"integer","description":"Inode number of the root directory."},"chunk_size":{"type":"integer","description":"Chunk size in bytes."},"inodes_count":{"type":"integer","description":"Number of inodes."},"flags":{"type":"object","properties":{"bits":{"type":"integer","description":"Feature bit set (COMPRESSION_NONE 0x1, LZ4 0x2, ...)."}},"additionalProperties":true,"description":"Super block feature flags."}},"additionalProperties":true};

function validate182(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://nydus-service.invalid/schema/api/rafs-super-info.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate182.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.magic !== undefined){
let data0 = data.magic;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err0 = {instancePath:instancePath+"/magic",schemaPath:"#/properties/magic/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema81.properties.magic.type,parentSchema:schema81.properties.magic,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.version !== undefined){
let data1 = data.version;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err1 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema81.properties.version.type,parentSchema:schema81.properties.version,data:data1};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.sb_size !== undefined){
let data2 = data.sb_size;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err2 = {instancePath:instancePath+"/sb_size",schemaPath:"#/properties/sb_size/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema81.properties.sb_size.type,parentSchema:schema81.properties.sb_size,data:data2};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.root_inode !== undefined){
let data3 = data.root_inode;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err3 = {instancePath:instancePath+"/root_inode",schemaPath:"#/properties/root_inode/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema81.properties.root_inode.type,parentSchema:schema81.properties.root_inode,data:data3};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.chunk_size !== undefined){
let data4 = data.chunk_size;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err4 = {instancePath:instancePath+"/chunk_size",schemaPath:"#/properties/chunk_size/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema81.properties.chunk_size.type,parentSchema:schema81.properties.chunk_size,data:data4};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.inodes_count !== undefined){
let data5 = data.inodes_count;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err5 = {instancePath:instancePath+"/inodes_count",schemaPath:"#/properties/inodes_count/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema81.properties.inodes_count.type,parentSchema:schema81.properties.inodes_count,data:data5};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.flags !== undefined){
let data6 = data.flags;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(data6.bits !== undefined){
let data7 = data6.bits;
if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
const err6 = {instancePath:instancePath+"/flags/bits",schemaPath:"#/properties/flags/properties/bits/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema81.properties.flags.properties.bits.type,parentSchema:schema81.properties.flags.properties.bits,data:data7};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath:instancePath+"/flags",schemaPath:"#/properties/flags/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema81.properties.flags.type,parentSchema:schema81.properties.flags,data:data6};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema81.type,parentSchema:schema81,data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
validate182.errors = vErrors;
return errors === 0;
}
validate182.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const validateFsMetrics = validate183;
const schema82 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://nydus-service.invalid/schema/api/fs-metrics.schema.json","title":"FsMetrics","description":"Body of GET /api/v1/metrics[?id=] (spec api.md §4.5). Arrays of 15 are indexed by operation (0 GETATTR ... 4 READ ... 14 BATCH_FORGET); arrays of 8 are size or latency buckets.","type":"object","properties":{"files_account_enabled":{"type":"boolean","description":"rafs.iostats_files of the mount."},"access_pattern_enabled":{"type":"boolean","description":"rafs.access_pattern of the mount."},"record_latest_read_files_enabled":{"type":"boolean","description":"rafs.latest_read_files of the mount."},"measure_latency":{"type":"boolean","description":"Always true."},"id":{"type":"string","description":"Registry key: the virtual mountpoint."},"nr_opens":{"type":"integer","description":"Successful OPEN minus successful RELEASE."},"data_read":{"type":"integer","minimum":0,"description":"Bytes returned by successful READs."},"block_count_read":{"type":"array","items":{"type":"integer"},"description":"READ requests by size: [0,1K), [1K,4K), [4K,16K), [16K,64K), [64K,128K), [128K,512K), [512K,1M), >=1M."},"fop_hits":{"type":"array","items":{"type":"integer"},"description":"Successes per operation."},"fop_errors":{"type":"array","items":{"type":"integer"},"description":"Failures per operation."},"fop_cumulative_latency_total":{"type":"array","items":{"type":"integer"},"description":"Microseconds summed per measured operation."},"read_latency_dist":{"type":"array","items":{"type":"integer"},"description":"Measured operations by latency: <=200us, <=1ms, <=20ms, <=50ms, <=500ms, <=1s, <=2s, >2s."}},"required":["files_account_enabled","access_pattern_enabled","record_latest_read_files_enabled","measure_latency","id","nr_opens","data_read","block_count_read","fop_hits","fop_errors","fop_cumulative_latency_total","read_latency_dist"],"additionalProperties":false};

function validate183(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://nydus-service.invalid/schema/api/fs-metrics.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate183.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.files_account_enabled === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "files_account_enabled"},message:"must have required property '"+"files_account_enabled"+"'",schema:schema82.required,parentSchema:schema82,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.access_pattern_enabled === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "access_pattern_enabled"},message:"must have required property '"+"access_pattern_enabled"+"'",schema:schema82.required,parentSchema:schema82,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.record_latest_read_files_enabled === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "record_latest_read_files_enabled"},message:"must have required property '"+"record_latest_read_files_enabled"+"'",schema:schema82.required,parentSchema:schema82,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.measure_latency === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "measure_latency"},message:"must have required property '"+"measure_latency"+"'",schema:schema82.required,parentSchema:schema82,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.id === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema82.required,parentSchema:schema82,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.nr_opens === undefined){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "nr_opens"},message:"must have required property '"+"nr_opens"+"'",schema:schema82.required,parentSchema:schema82,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data.data_read === undefined){
const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "data_read"},message:"must have required property '"+"data_read"+"'",schema:schema82.required,parentSchema:schema82,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data.block_count_read === undefined){
const err7 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "block_count_read"},message:"must have required property '"+"block_count_read"+"'",schema:schema82.required,parentSchema:schema82,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data.fop_hits === undefined){
const err8 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "fop_hits"},message:"must have required property '"+"fop_hits"+"'",schema:schema82.required,parentSchema:schema82,data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data.fop_errors === undefined){
const err9 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "fop_errors"},message:"must have required property '"+"fop_errors"+"'",schema:schema82.required,parentSchema:schema82,data};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data.fop_cumulative_latency_total === undefined){
const err10 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "fop_cumulative_latency_total"},message:"must have required property '"+"fop_cumulative_latency_total"+"'",schema:schema82.required,parentSchema:schema82,data};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data.read_latency_dist === undefined){
const err11 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "read_latency_dist"},message:"must have required property '"+"read_latency_dist"+"'",schema:schema82.required,parentSchema:schema82,data};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
for(const key0 in data){
if(!(func3.call(schema82.properties, key0))){
const err12 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema82,data};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.files_account_enabled !== undefined){
let data0 = data.files_account_enabled;
if(typeof data0 !== "boolean"){
const err13 = {instancePath:instancePath+"/files_account_enabled",schemaPath:"#/properties/files_account_enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema82.properties.files_account_enabled.type,parentSchema:schema82.properties.files_account_enabled,data:data0};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.access_pattern_enabled !== undefined){
let data1 = data.access_pattern_enabled;
if(typeof data1 !== "boolean"){
const err14 = {instancePath:instancePath+"/access_pattern_enabled",schemaPath:"#/properties/access_pattern_enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema82.properties.access_pattern_enabled.type,parentSchema:schema82.properties.access_pattern_enabled,data:data1};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.record_latest_read_files_enabled !== undefined){
let data2 = data.record_latest_read_files_enabled;
if(typeof data2 !== "boolean"){
const err15 = {instancePath:instancePath+"/record_latest_read_files_enabled",schemaPath:"#/properties/record_latest_read_files_enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema82.properties.record_latest_read_files_enabled.type,parentSchema:schema82.properties.record_latest_read_files_enabled,data:data2};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.measure_latency !== undefined){
let data3 = data.measure_latency;
if(typeof data3 !== "boolean"){
const err16 = {instancePath:instancePath+"/measure_latency",schemaPath:"#/properties/measure_latency/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema82.properties.measure_latency.type,parentSchema:schema82.properties.measure_latency,data:data3};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.id !== undefined){
let data4 = data.id;
if(typeof data4 !== "string"){
const err17 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema82.properties.id.type,parentSchema:schema82.properties.id,data:data4};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.nr_opens !== undefined){
let data5 = data.nr_opens;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err18 = {instancePath:instancePath+"/nr_opens",schemaPath:"#/properties/nr_opens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema82.properties.nr_opens.type,parentSchema:schema82.properties.nr_opens,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.data_read !== undefined){
let data6 = data.data_read;
if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){
const err19 = {instancePath:instancePath+"/data_read",schemaPath:"#/properties/data_read/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema82.properties.data_read.type,parentSchema:schema82.properties.data_read,data:data6};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 < 0 || isNaN(data6)){
const err20 = {instancePath:instancePath+"/data_read",schemaPath:"#/properties/data_read/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema82.properties.data_read,data:data6};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
if(data.block_count_read !== undefined){
let data7 = data.block_count_read;
if(Array.isArray(data7)){
const len0 = data7.length;
for(let i0=0; i0<len0; i0++){
let data8 = data7[i0];
if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
const err21 = {instancePath:instancePath+"/block_count_read/" + i0,schemaPath:"#/properties/block_count_read/items/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema82.properties.block_count_read.items.type,parentSchema:schema82.properties.block_count_read.items,data:data8};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath:instancePath+"/block_count_read",schemaPath:"#/properties/block_count_read/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema82.properties.block_count_read.type,parentSchema:schema82.properties.block_count_read,data:data7};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.fop_hits !== undefined){
let data9 = data.fop_hits;
if(Array.isArray(data9)){
const len1 = data9.length;
for(let i1=0; i1<len1; i1++){
let data10 = data9[i1];
if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
const err23 = {instancePath:instancePath+"/fop_hits/" + i1,schemaPath:"#/properties/fop_hits/items/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema82.properties.fop_hits.items.type,parentSchema:schema82.properties.fop_hits.items,data:data10};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
else {
const err24 = {instancePath:instancePath+"/fop_hits",schemaPath:"#/properties/fop_hits/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema82.properties.fop_hits.type,parentSchema:schema82.properties.fop_hits,data:data9};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.fop_errors !== undefined){
let data11 = data.fop_errors;
if(Array.isArray(data11)){
const len2 = data11.length;
for(let i2=0; i2<len2; i2++){
let data12 = data11[i2];
if(!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))){
const err25 = {instancePath:instancePath+"/fop_errors/" + i2,schemaPath:"#/properties/fop_errors/items/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema82.properties.fop_errors.items.type,parentSchema:schema82.properties.fop_errors.items,data:data12};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath:instancePath+"/fop_errors",schemaPath:"#/properties/fop_errors/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema82.properties.fop_errors.type,parentSchema:schema82.properties.fop_errors,data:data11};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.fop_cumulative_latency_total !== undefined){
let data13 = data.fop_cumulative_latency_total;
if(Array.isArray(data13)){
const len3 = data13.length;
for(let i3=0; i3<len3; i3++){
let data14 = data13[i3];
if(!(((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14))) && (isFinite(data14)))){
const err27 = {instancePath:instancePath+"/fop_cumulative_latency_total/" + i3,schemaPath:"#/properties/fop_cumulative_latency_total/items/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema82.properties.fop_cumulative_latency_total.items.type,parentSchema:schema82.properties.fop_cumulative_latency_total.items,data:data14};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath:instancePath+"/fop_cumulative_latency_total",schemaPath:"#/properties/fop_cumulative_latency_total/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema82.properties.fop_cumulative_latency_total.type,parentSchema:schema82.properties.fop_cumulative_latency_total,data:data13};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data.read_latency_dist !== undefined){
let data15 = data.read_latency_dist;
if(Array.isArray(data15)){
const len4 = data15.length;
for(let i4=0; i4<len4; i4++){
let data16 = data15[i4];
if(!(((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16))) && (isFinite(data16)))){
const err29 = {instancePath:instancePath+"/read_latency_dist/" + i4,schemaPath:"#/properties/read_latency_dist/items/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema82.properties.read_latency_dist.items.type,parentSchema:schema82.properties.read_latency_dist.items,data:data16};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
}
else {
const err30 = {instancePath:instancePath+"/read_latency_dist",schemaPath:"#/properties/read_latency_dist/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema82.properties.read_latency_dist.type,parentSchema:schema82.properties.read_latency_dist,data:data15};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
else {
const err31 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema82.type,parentSchema:schema82,data};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
validate183.errors = vErrors;
return errors === 0;
}
validate183.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const validateFileMetrics = validate184;
const schema83 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://nydus-service.invalid/schema/api/file-metrics.schema.json","title":"FileMetrics","description":"Body of GET /api/v1/metrics/files[?id=] without latest=true (spec api.md §4.5): per-file counters keyed by inode number as a decimal string; {} unless rafs.iostats_files.","type":"object","$defs":{"entry":{"title":"FileMetricsEntry","description":"Counters of one file.","type":"object","properties":{"total_fops":{"type":"integer","minimum":0,"description":"Operations on the file."},"data_read":{"type":"integer","minimum":0,"description":"Bytes read from the file."},"block_count_read":{"type":"array","items":{"type":"integer"},"description":"READ requests by size bucket."},"fop_hits":{"type":"array","items":{"type":"integer"},"description":"Successes per operation."},"fop_errors":{"type":"array","items":{"type":"integer"},"description":"Failures per operation."}},"required":["total_fops","data_read","block_count_read","fop_hits","fop_errors"],"additionalProperties":false}},"propertyNames":{"pattern":"^[0-9]+$"},"additionalProperties":{"$ref":"#/$defs/entry"}};
const pattern6 = new RegExp("^[0-9]+$", "u");
const schema84 = {"title":"FileMetricsEntry","description":"Counters of one file.","type":"object","properties":{"total_fops":{"type":"integer","minimum":0,"description":"Operations on the file."},"data_read":{"type":"integer","minimum":0,"description":"Bytes read from the file."},"block_count_read":{"type":"array","items":{"type":"integer"},"description":"READ requests by size bucket."},"fop_hits":{"type":"array","items":{"type":"integer"},"description":"Successes per operation."},"fop_errors":{"type":"array","items":{"type":"integer"},"description":"Failures per operation."}},"required":["total_fops","data_read","block_count_read","fop_hits","fop_errors"],"additionalProperties":false};

function validate185(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate185.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.total_fops === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "total_fops"},message:"must have required property '"+"total_fops"+"'",schema:schema84.required,parentSchema:schema84,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.data_read === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "data_read"},message:"must have required property '"+"data_read"+"'",schema:schema84.required,parentSchema:schema84,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.block_count_read === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "block_count_read"},message:"must have required property '"+"block_count_read"+"'",schema:schema84.required,parentSchema:schema84,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.fop_hits === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "fop_hits"},message:"must have required property '"+"fop_hits"+"'",schema:schema84.required,parentSchema:schema84,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.fop_errors === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "fop_errors"},message:"must have required property '"+"fop_errors"+"'",schema:schema84.required,parentSchema:schema84,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "total_fops") || (key0 === "data_read")) || (key0 === "block_count_read")) || (key0 === "fop_hits")) || (key0 === "fop_errors"))){
const err5 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema84,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.total_fops !== undefined){
let data0 = data.total_fops;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err6 = {instancePath:instancePath+"/total_fops",schemaPath:"#/properties/total_fops/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema84.properties.total_fops.type,parentSchema:schema84.properties.total_fops,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 < 0 || isNaN(data0)){
const err7 = {instancePath:instancePath+"/total_fops",schemaPath:"#/properties/total_fops/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema84.properties.total_fops,data:data0};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
if(data.data_read !== undefined){
let data1 = data.data_read;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err8 = {instancePath:instancePath+"/data_read",schemaPath:"#/properties/data_read/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema84.properties.data_read.type,parentSchema:schema84.properties.data_read,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 < 0 || isNaN(data1)){
const err9 = {instancePath:instancePath+"/data_read",schemaPath:"#/properties/data_read/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema84.properties.data_read,data:data1};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
if(data.block_count_read !== undefined){
let data2 = data.block_count_read;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err10 = {instancePath:instancePath+"/block_count_read/" + i0,schemaPath:"#/properties/block_count_read/items/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema84.properties.block_count_read.items.type,parentSchema:schema84.properties.block_count_read.items,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath:instancePath+"/block_count_read",schemaPath:"#/properties/block_count_read/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema84.properties.block_count_read.type,parentSchema:schema84.properties.block_count_read,data:data2};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.fop_hits !== undefined){
let data4 = data.fop_hits;
if(Array.isArray(data4)){
const len1 = data4.length;
for(let i1=0; i1<len1; i1++){
let data5 = data4[i1];
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err12 = {instancePath:instancePath+"/fop_hits/" + i1,schemaPath:"#/properties/fop_hits/items/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema84.properties.fop_hits.items.type,parentSchema:schema84.properties.fop_hits.items,data:data5};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath:instancePath+"/fop_hits",schemaPath:"#/properties/fop_hits/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema84.properties.fop_hits.type,parentSchema:schema84.properties.fop_hits,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.fop_errors !== undefined){
let data6 = data.fop_errors;
if(Array.isArray(data6)){
const len2 = data6.length;
for(let i2=0; i2<len2; i2++){
let data7 = data6[i2];
if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
const err14 = {instancePath:instancePath+"/fop_errors/" + i2,schemaPath:"#/properties/fop_errors/items/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema84.properties.fop_errors.items.type,parentSchema:schema84.properties.fop_errors.items,data:data7};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath:instancePath+"/fop_errors",schemaPath:"#/properties/fop_errors/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema84.properties.fop_errors.type,parentSchema:schema84.properties.fop_errors,data:data6};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
else {
const err16 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema84.type,parentSchema:schema84,data};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
validate185.errors = vErrors;
return errors === 0;
}
validate185.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate184(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://nydus-service.invalid/schema/api/file-metrics.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate184.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
const _errs1 = errors;
if(typeof key0 === "string"){
if(!pattern6.test(key0)){
const err0 = {instancePath,schemaPath:"#/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[0-9]+$"},message:"must match pattern \""+"^[0-9]+$"+"\"",schema:"^[0-9]+$",parentSchema:schema83.propertyNames,data:key0,propertyName:key0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
var valid0 = _errs1 === errors;
if(!valid0){
const err1 = {instancePath,schemaPath:"#/propertyNames",keyword:"propertyNames",params:{propertyName: key0},message:"property name must be valid",schema:schema83.propertyNames,parentSchema:schema83,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
for(const key1 in data){
if(!(validate185(data[key1], {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data,parentDataProperty:key1,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate185.errors : vErrors.concat(validate185.errors);
errors = vErrors.length;
}
}
}
else {
const err2 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema83.type,parentSchema:schema83,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
validate184.errors = vErrors;
return errors === 0;
}
validate184.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const validateLatestFiles = validate187;
const schema85 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://nydus-service.invalid/schema/api/latest-files.schema.json","title":"LatestFiles","description":"Body of GET /api/v1/metrics/files?latest=true (spec api.md §4.5): inodes read since the previous such call, as ascending ranges ([n] one inode, [a, b] inclusive).","type":"array","items":{"type":"array","items":{"type":"integer","minimum":0}}};

function validate187(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://nydus-service.invalid/schema/api/latest-files.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate187.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(Array.isArray(data)){
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
let data0 = data[i0];
if(Array.isArray(data0)){
const len1 = data0.length;
for(let i1=0; i1<len1; i1++){
let data1 = data0[i1];
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err0 = {instancePath:instancePath+"/" + i0+"/" + i1,schemaPath:"#/items/items/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema85.items.items.type,parentSchema:schema85.items.items,data:data1};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 < 0 || isNaN(data1)){
const err1 = {instancePath:instancePath+"/" + i0+"/" + i1,schemaPath:"#/items/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema85.items.items,data:data1};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
}
else {
const err2 = {instancePath:instancePath+"/" + i0,schemaPath:"#/items/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema85.items.type,parentSchema:schema85.items,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
}
else {
const err3 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema85.type,parentSchema:schema85,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
validate187.errors = vErrors;
return errors === 0;
}
validate187.evaluated = {"items":true,"dynamicProps":false,"dynamicItems":false};

export const validateAccessPatterns = validate188;
const schema86 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://nydus-service.invalid/schema/api/access-patterns.schema.json","title":"AccessPatterns","description":"Body of GET /api/v1/metrics/pattern[?id=] (spec api.md §4.5): one item per file read at least once (only with rafs.access_pattern).","type":"array","$defs":{"pattern":{"title":"AccessPattern","description":"First access and read count of one file.","type":"object","properties":{"ino":{"type":"integer","minimum":0,"description":"RAFS inode number."},"nr_read":{"type":"integer","minimum":0,"description":"READ requests on the file."},"first_access_time_secs":{"type":"integer","minimum":0,"description":"Unix time of the first access, seconds."},"first_access_time_nanos":{"type":"integer","minimum":0,"description":"Nanoseconds part of the first access time."}},"required":["ino","nr_read","first_access_time_secs","first_access_time_nanos"],"additionalProperties":false}},"items":{"$ref":"#/$defs/pattern"}};
const schema87 = {"title":"AccessPattern","description":"First access and read count of one file.","type":"object","properties":{"ino":{"type":"integer","minimum":0,"description":"RAFS inode number."},"nr_read":{"type":"integer","minimum":0,"description":"READ requests on the file."},"first_access_time_secs":{"type":"integer","minimum":0,"description":"Unix time of the first access, seconds."},"first_access_time_nanos":{"type":"integer","minimum":0,"description":"Nanoseconds part of the first access time."}},"required":["ino","nr_read","first_access_time_secs","first_access_time_nanos"],"additionalProperties":false};

function validate189(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate189.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.ino === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "ino"},message:"must have required property '"+"ino"+"'",schema:schema87.required,parentSchema:schema87,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.nr_read === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "nr_read"},message:"must have required property '"+"nr_read"+"'",schema:schema87.required,parentSchema:schema87,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.first_access_time_secs === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "first_access_time_secs"},message:"must have required property '"+"first_access_time_secs"+"'",schema:schema87.required,parentSchema:schema87,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.first_access_time_nanos === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "first_access_time_nanos"},message:"must have required property '"+"first_access_time_nanos"+"'",schema:schema87.required,parentSchema:schema87,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "ino") || (key0 === "nr_read")) || (key0 === "first_access_time_secs")) || (key0 === "first_access_time_nanos"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema87,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.ino !== undefined){
let data0 = data.ino;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err5 = {instancePath:instancePath+"/ino",schemaPath:"#/properties/ino/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema87.properties.ino.type,parentSchema:schema87.properties.ino,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 < 0 || isNaN(data0)){
const err6 = {instancePath:instancePath+"/ino",schemaPath:"#/properties/ino/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema87.properties.ino,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
if(data.nr_read !== undefined){
let data1 = data.nr_read;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err7 = {instancePath:instancePath+"/nr_read",schemaPath:"#/properties/nr_read/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema87.properties.nr_read.type,parentSchema:schema87.properties.nr_read,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 < 0 || isNaN(data1)){
const err8 = {instancePath:instancePath+"/nr_read",schemaPath:"#/properties/nr_read/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema87.properties.nr_read,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
if(data.first_access_time_secs !== undefined){
let data2 = data.first_access_time_secs;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err9 = {instancePath:instancePath+"/first_access_time_secs",schemaPath:"#/properties/first_access_time_secs/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema87.properties.first_access_time_secs.type,parentSchema:schema87.properties.first_access_time_secs,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 0 || isNaN(data2)){
const err10 = {instancePath:instancePath+"/first_access_time_secs",schemaPath:"#/properties/first_access_time_secs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema87.properties.first_access_time_secs,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
if(data.first_access_time_nanos !== undefined){
let data3 = data.first_access_time_nanos;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err11 = {instancePath:instancePath+"/first_access_time_nanos",schemaPath:"#/properties/first_access_time_nanos/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema87.properties.first_access_time_nanos.type,parentSchema:schema87.properties.first_access_time_nanos,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 0 || isNaN(data3)){
const err12 = {instancePath:instancePath+"/first_access_time_nanos",schemaPath:"#/properties/first_access_time_nanos/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema87.properties.first_access_time_nanos,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
}
else {
const err13 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema87.type,parentSchema:schema87,data};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
validate189.errors = vErrors;
return errors === 0;
}
validate189.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate188(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://nydus-service.invalid/schema/api/access-patterns.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate188.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(Array.isArray(data)){
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
if(!(validate189(data[i0], {instancePath:instancePath+"/" + i0,parentData:data,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate189.errors : vErrors.concat(validate189.errors);
errors = vErrors.length;
}
}
}
else {
const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema86.type,parentSchema:schema86,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
validate188.errors = vErrors;
return errors === 0;
}
validate188.evaluated = {"items":true,"dynamicProps":false,"dynamicItems":false};

export const validateBackendMetrics = validate191;
const schema88 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://nydus-service.invalid/schema/api/backend-metrics.schema.json","title":"BackendMetrics","description":"Body of GET /api/v1/metrics/backend[?id=] (spec api.md §4.5). Size buckets as block_count_read; latency buckets in ms: <=1, <=20, <=50, <=100, <=500, <=1000, <=2000, >2000.","type":"object","properties":{"backend_type":{"type":"string","description":"Storage backend type, e.g. localfs, registry."},"read_count":{"type":"integer","minimum":0,"description":"Backend reads."},"read_errors":{"type":"integer","minimum":0,"description":"Failed backend reads."},"read_amount_total":{"type":"integer","minimum":0,"description":"Bytes read from the backend."},"read_cumulative_latency_millis_total":{"type":"integer","minimum":0,"description":"Milliseconds spent reading, summed."},"read_cumulative_latency_millis_dist":{"type":"array","items":{"type":"integer"},"description":"Milliseconds spent reading, per size bucket."},"read_count_block_size_dist":{"type":"array","items":{"type":"integer"},"description":"Reads per size bucket."},"read_latency_sizes_dist":{"type":"array","items":{"type":"array","items":{"type":"integer"}},"description":"Reads by [size bucket][latency bucket]."}},"required":["backend_type","read_count","read_errors","read_amount_total","read_cumulative_latency_millis_total","read_cumulative_latency_millis_dist","read_count_block_size_dist","read_latency_sizes_dist"],"additionalProperties":false};

function validate191(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://nydus-service.invalid/schema/api/backend-metrics.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate191.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.backend_type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "backend_type"},message:"must have required property '"+"backend_type"+"'",schema:schema88.required,parentSchema:schema88,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.read_count === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "read_count"},message:"must have required property '"+"read_count"+"'",schema:schema88.required,parentSchema:schema88,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.read_errors === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "read_errors"},message:"must have required property '"+"read_errors"+"'",schema:schema88.required,parentSchema:schema88,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.read_amount_total === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "read_amount_total"},message:"must have required property '"+"read_amount_total"+"'",schema:schema88.required,parentSchema:schema88,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.read_cumulative_latency_millis_total === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "read_cumulative_latency_millis_total"},message:"must have required property '"+"read_cumulative_latency_millis_total"+"'",schema:schema88.required,parentSchema:schema88,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.read_cumulative_latency_millis_dist === undefined){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "read_cumulative_latency_millis_dist"},message:"must have required property '"+"read_cumulative_latency_millis_dist"+"'",schema:schema88.required,parentSchema:schema88,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data.read_count_block_size_dist === undefined){
const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "read_count_block_size_dist"},message:"must have required property '"+"read_count_block_size_dist"+"'",schema:schema88.required,parentSchema:schema88,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data.read_latency_sizes_dist === undefined){
const err7 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "read_latency_sizes_dist"},message:"must have required property '"+"read_latency_sizes_dist"+"'",schema:schema88.required,parentSchema:schema88,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
for(const key0 in data){
if(!((((((((key0 === "backend_type") || (key0 === "read_count")) || (key0 === "read_errors")) || (key0 === "read_amount_total")) || (key0 === "read_cumulative_latency_millis_total")) || (key0 === "read_cumulative_latency_millis_dist")) || (key0 === "read_count_block_size_dist")) || (key0 === "read_latency_sizes_dist"))){
const err8 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema88,data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.backend_type !== undefined){
let data0 = data.backend_type;
if(typeof data0 !== "string"){
const err9 = {instancePath:instancePath+"/backend_type",schemaPath:"#/properties/backend_type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema88.properties.backend_type.type,parentSchema:schema88.properties.backend_type,data:data0};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.read_count !== undefined){
let data1 = data.read_count;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err10 = {instancePath:instancePath+"/read_count",schemaPath:"#/properties/read_count/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema88.properties.read_count.type,parentSchema:schema88.properties.read_count,data:data1};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 < 0 || isNaN(data1)){
const err11 = {instancePath:instancePath+"/read_count",schemaPath:"#/properties/read_count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema88.properties.read_count,data:data1};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
if(data.read_errors !== undefined){
let data2 = data.read_errors;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err12 = {instancePath:instancePath+"/read_errors",schemaPath:"#/properties/read_errors/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema88.properties.read_errors.type,parentSchema:schema88.properties.read_errors,data:data2};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 0 || isNaN(data2)){
const err13 = {instancePath:instancePath+"/read_errors",schemaPath:"#/properties/read_errors/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema88.properties.read_errors,data:data2};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
if(data.read_amount_total !== undefined){
let data3 = data.read_amount_total;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err14 = {instancePath:instancePath+"/read_amount_total",schemaPath:"#/properties/read_amount_total/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema88.properties.read_amount_total.type,parentSchema:schema88.properties.read_amount_total,data:data3};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 0 || isNaN(data3)){
const err15 = {instancePath:instancePath+"/read_amount_total",schemaPath:"#/properties/read_amount_total/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema88.properties.read_amount_total,data:data3};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
if(data.read_cumulative_latency_millis_total !== undefined){
let data4 = data.read_cumulative_latency_millis_total;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err16 = {instancePath:instancePath+"/read_cumulative_latency_millis_total",schemaPath:"#/properties/read_cumulative_latency_millis_total/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema88.properties.read_cumulative_latency_millis_total.type,parentSchema:schema88.properties.read_cumulative_latency_millis_total,data:data4};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 < 0 || isNaN(data4)){
const err17 = {instancePath:instancePath+"/read_cumulative_latency_millis_total",schemaPath:"#/properties/read_cumulative_latency_millis_total/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema88.properties.read_cumulative_latency_millis_total,data:data4};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
if(data.read_cumulative_latency_millis_dist !== undefined){
let data5 = data.read_cumulative_latency_millis_dist;
if(Array.isArray(data5)){
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){
const err18 = {instancePath:instancePath+"/read_cumulative_latency_millis_dist/" + i0,schemaPath:"#/properties/read_cumulative_latency_millis_dist/items/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema88.properties.read_cumulative_latency_millis_dist.items.type,parentSchema:schema88.properties.read_cumulative_latency_millis_dist.items,data:data6};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
else {
const err19 = {instancePath:instancePath+"/read_cumulative_latency_millis_dist",schemaPath:"#/properties/read_cumulative_latency_millis_dist/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema88.properties.read_cumulative_latency_millis_dist.type,parentSchema:schema88.properties.read_cumulative_latency_millis_dist,data:data5};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.read_count_block_size_dist !== undefined){
let data7 = data.read_count_block_size_dist;
if(Array.isArray(data7)){
const len1 = data7.length;
for(let i1=0; i1<len1; i1++){
let data8 = data7[i1];
if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
const err20 = {instancePath:instancePath+"/read_count_block_size_dist/" + i1,schemaPath:"#/properties/read_count_block_size_dist/items/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema88.properties.read_count_block_size_dist.items.type,parentSchema:schema88.properties.read_count_block_size_dist.items,data:data8};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath:instancePath+"/read_count_block_size_dist",schemaPath:"#/properties/read_count_block_size_dist/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema88.properties.read_count_block_size_dist.type,parentSchema:schema88.properties.read_count_block_size_dist,data:data7};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.read_latency_sizes_dist !== undefined){
let data9 = data.read_latency_sizes_dist;
if(Array.isArray(data9)){
const len2 = data9.length;
for(let i2=0; i2<len2; i2++){
let data10 = data9[i2];
if(Array.isArray(data10)){
const len3 = data10.length;
for(let i3=0; i3<len3; i3++){
let data11 = data10[i3];
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
const err22 = {instancePath:instancePath+"/read_latency_sizes_dist/" + i2+"/" + i3,schemaPath:"#/properties/read_latency_sizes_dist/items/items/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema88.properties.read_latency_sizes_dist.items.items.type,parentSchema:schema88.properties.read_latency_sizes_dist.items.items,data:data11};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
else {
const err23 = {instancePath:instancePath+"/read_latency_sizes_dist/" + i2,schemaPath:"#/properties/read_latency_sizes_dist/items/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema88.properties.read_latency_sizes_dist.items.type,parentSchema:schema88.properties.read_latency_sizes_dist.items,data:data10};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
else {
const err24 = {instancePath:instancePath+"/read_latency_sizes_dist",schemaPath:"#/properties/read_latency_sizes_dist/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema88.properties.read_latency_sizes_dist.type,parentSchema:schema88.properties.read_latency_sizes_dist,data:data9};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
else {
const err25 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema88.type,parentSchema:schema88,data};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
validate191.errors = vErrors;
return errors === 0;
}
validate191.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const validateBlobcacheMetrics = validate192;
const schema89 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://nydus-service.invalid/schema/api/blobcache-metrics.schema.json","title":"BlobcacheMetrics","description":"Body of GET /api/v1/metrics/blobcache[?id=] (spec api.md §4.5). No id member is emitted.","type":"object","properties":{"underlying_files":{"type":"array","items":{"type":"string"},"description":"Absolute paths of the cache files of the instance."},"store_path":{"type":"string","description":"Cache work directory."},"partial_hits":{"type":"integer","minimum":0,"description":"Reads partly served from the cache."},"whole_hits":{"type":"integer","minimum":0,"description":"Reads wholly served from the cache."},"total":{"type":"integer","minimum":0,"description":"Reads through the cache."},"entries_count":{"type":"integer","minimum":0,"description":"Blobs in the cache."},"prefetch_data_amount":{"type":"integer","minimum":0,"description":"Bytes prefetched."},"prefetch_requests_count":{"type":"integer","minimum":0,"description":"Prefetch requests issued."},"prefetch_workers":{"type":"integer","minimum":0,"description":"Prefetch worker threads."},"prefetch_unmerged_chunks":{"type":"integer","minimum":0,"description":"Prefetched chunks not merged into larger requests."},"prefetch_cumulative_time_millis":{"type":"integer","minimum":0,"description":"Milliseconds spent prefetching, summed."},"prefetch_begin_time_secs":{"type":"integer","minimum":0,"description":"Unix time prefetch began, seconds."},"prefetch_begin_time_millis":{"type":"integer","minimum":0,"description":"Milliseconds part of the prefetch begin time."},"prefetch_end_time_secs":{"type":"integer","minimum":0,"description":"Unix time prefetch ended, seconds."},"prefetch_end_time_millis":{"type":"integer","minimum":0,"description":"Milliseconds part of the prefetch end time."},"buffered_backend_size":{"type":"integer","minimum":0,"description":"Bytes read from the backend and buffered, not yet written to the cache."},"data_all_ready":{"type":"boolean","description":"Every chunk of the instance is cached."}},"required":["underlying_files","store_path","partial_hits","whole_hits","total","entries_count","prefetch_data_amount","prefetch_requests_count","prefetch_workers","prefetch_unmerged_chunks","prefetch_cumulative_time_millis","prefetch_begin_time_secs","prefetch_begin_time_millis","prefetch_end_time_secs","prefetch_end_time_millis","buffered_backend_size","data_all_ready"],"additionalProperties":false};

function validate192(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://nydus-service.invalid/schema/api/blobcache-metrics.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate192.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.underlying_files === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "underlying_files"},message:"must have required property '"+"underlying_files"+"'",schema:schema89.required,parentSchema:schema89,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.store_path === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "store_path"},message:"must have required property '"+"store_path"+"'",schema:schema89.required,parentSchema:schema89,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.partial_hits === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "partial_hits"},message:"must have required property '"+"partial_hits"+"'",schema:schema89.required,parentSchema:schema89,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.whole_hits === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "whole_hits"},message:"must have required property '"+"whole_hits"+"'",schema:schema89.required,parentSchema:schema89,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.total === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "total"},message:"must have required property '"+"total"+"'",schema:schema89.required,parentSchema:schema89,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.entries_count === undefined){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "entries_count"},message:"must have required property '"+"entries_count"+"'",schema:schema89.required,parentSchema:schema89,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data.prefetch_data_amount === undefined){
const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "prefetch_data_amount"},message:"must have required property '"+"prefetch_data_amount"+"'",schema:schema89.required,parentSchema:schema89,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data.prefetch_requests_count === undefined){
const err7 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "prefetch_requests_count"},message:"must have required property '"+"prefetch_requests_count"+"'",schema:schema89.required,parentSchema:schema89,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data.prefetch_workers === undefined){
const err8 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "prefetch_workers"},message:"must have required property '"+"prefetch_workers"+"'",schema:schema89.required,parentSchema:schema89,data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data.prefetch_unmerged_chunks === undefined){
const err9 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "prefetch_unmerged_chunks"},message:"must have required property '"+"prefetch_unmerged_chunks"+"'",schema:schema89.required,parentSchema:schema89,data};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data.prefetch_cumulative_time_millis === undefined){
const err10 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "prefetch_cumulative_time_millis"},message:"must have required property '"+"prefetch_cumulative_time_millis"+"'",schema:schema89.required,parentSchema:schema89,data};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data.prefetch_begin_time_secs === undefined){
const err11 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "prefetch_begin_time_secs"},message:"must have required property '"+"prefetch_begin_time_secs"+"'",schema:schema89.required,parentSchema:schema89,data};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data.prefetch_begin_time_millis === undefined){
const err12 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "prefetch_begin_time_millis"},message:"must have required property '"+"prefetch_begin_time_millis"+"'",schema:schema89.required,parentSchema:schema89,data};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data.prefetch_end_time_secs === undefined){
const err13 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "prefetch_end_time_secs"},message:"must have required property '"+"prefetch_end_time_secs"+"'",schema:schema89.required,parentSchema:schema89,data};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(data.prefetch_end_time_millis === undefined){
const err14 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "prefetch_end_time_millis"},message:"must have required property '"+"prefetch_end_time_millis"+"'",schema:schema89.required,parentSchema:schema89,data};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data.buffered_backend_size === undefined){
const err15 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "buffered_backend_size"},message:"must have required property '"+"buffered_backend_size"+"'",schema:schema89.required,parentSchema:schema89,data};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data.data_all_ready === undefined){
const err16 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "data_all_ready"},message:"must have required property '"+"data_all_ready"+"'",schema:schema89.required,parentSchema:schema89,data};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
for(const key0 in data){
if(!(func3.call(schema89.properties, key0))){
const err17 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema89,data};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.underlying_files !== undefined){
let data0 = data.underlying_files;
if(Array.isArray(data0)){
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
if(typeof data1 !== "string"){
const err18 = {instancePath:instancePath+"/underlying_files/" + i0,schemaPath:"#/properties/underlying_files/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema89.properties.underlying_files.items.type,parentSchema:schema89.properties.underlying_files.items,data:data1};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
else {
const err19 = {instancePath:instancePath+"/underlying_files",schemaPath:"#/properties/underlying_files/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema89.properties.underlying_files.type,parentSchema:schema89.properties.underlying_files,data:data0};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.store_path !== undefined){
let data2 = data.store_path;
if(typeof data2 !== "string"){
const err20 = {instancePath:instancePath+"/store_path",schemaPath:"#/properties/store_path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema89.properties.store_path.type,parentSchema:schema89.properties.store_path,data:data2};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.partial_hits !== undefined){
let data3 = data.partial_hits;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err21 = {instancePath:instancePath+"/partial_hits",schemaPath:"#/properties/partial_hits/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema89.properties.partial_hits.type,parentSchema:schema89.properties.partial_hits,data:data3};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 0 || isNaN(data3)){
const err22 = {instancePath:instancePath+"/partial_hits",schemaPath:"#/properties/partial_hits/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema89.properties.partial_hits,data:data3};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
if(data.whole_hits !== undefined){
let data4 = data.whole_hits;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err23 = {instancePath:instancePath+"/whole_hits",schemaPath:"#/properties/whole_hits/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema89.properties.whole_hits.type,parentSchema:schema89.properties.whole_hits,data:data4};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 < 0 || isNaN(data4)){
const err24 = {instancePath:instancePath+"/whole_hits",schemaPath:"#/properties/whole_hits/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema89.properties.whole_hits,data:data4};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
if(data.total !== undefined){
let data5 = data.total;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err25 = {instancePath:instancePath+"/total",schemaPath:"#/properties/total/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema89.properties.total.type,parentSchema:schema89.properties.total,data:data5};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 < 0 || isNaN(data5)){
const err26 = {instancePath:instancePath+"/total",schemaPath:"#/properties/total/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema89.properties.total,data:data5};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
if(data.entries_count !== undefined){
let data6 = data.entries_count;
if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){
const err27 = {instancePath:instancePath+"/entries_count",schemaPath:"#/properties/entries_count/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema89.properties.entries_count.type,parentSchema:schema89.properties.entries_count,data:data6};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 < 0 || isNaN(data6)){
const err28 = {instancePath:instancePath+"/entries_count",schemaPath:"#/properties/entries_count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema89.properties.entries_count,data:data6};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
if(data.prefetch_data_amount !== undefined){
let data7 = data.prefetch_data_amount;
if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
const err29 = {instancePath:instancePath+"/prefetch_data_amount",schemaPath:"#/properties/prefetch_data_amount/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema89.properties.prefetch_data_amount.type,parentSchema:schema89.properties.prefetch_data_amount,data:data7};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 < 0 || isNaN(data7)){
const err30 = {instancePath:instancePath+"/prefetch_data_amount",schemaPath:"#/properties/prefetch_data_amount/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema89.properties.prefetch_data_amount,data:data7};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
if(data.prefetch_requests_count !== undefined){
let data8 = data.prefetch_requests_count;
if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
const err31 = {instancePath:instancePath+"/prefetch_requests_count",schemaPath:"#/properties/prefetch_requests_count/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema89.properties.prefetch_requests_count.type,parentSchema:schema89.properties.prefetch_requests_count,data:data8};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 < 0 || isNaN(data8)){
const err32 = {instancePath:instancePath+"/prefetch_requests_count",schemaPath:"#/properties/prefetch_requests_count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema89.properties.prefetch_requests_count,data:data8};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
}
if(data.prefetch_workers !== undefined){
let data9 = data.prefetch_workers;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err33 = {instancePath:instancePath+"/prefetch_workers",schemaPath:"#/properties/prefetch_workers/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema89.properties.prefetch_workers.type,parentSchema:schema89.properties.prefetch_workers,data:data9};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 < 0 || isNaN(data9)){
const err34 = {instancePath:instancePath+"/prefetch_workers",schemaPath:"#/properties/prefetch_workers/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema89.properties.prefetch_workers,data:data9};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
if(data.prefetch_unmerged_chunks !== undefined){
let data10 = data.prefetch_unmerged_chunks;
if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
const err35 = {instancePath:instancePath+"/prefetch_unmerged_chunks",schemaPath:"#/properties/prefetch_unmerged_chunks/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema89.properties.prefetch_unmerged_chunks.type,parentSchema:schema89.properties.prefetch_unmerged_chunks,data:data10};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 < 0 || isNaN(data10)){
const err36 = {instancePath:instancePath+"/prefetch_unmerged_chunks",schemaPath:"#/properties/prefetch_unmerged_chunks/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema89.properties.prefetch_unmerged_chunks,data:data10};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
}
if(data.prefetch_cumulative_time_millis !== undefined){
let data11 = data.prefetch_cumulative_time_millis;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
const err37 = {instancePath:instancePath+"/prefetch_cumulative_time_millis",schemaPath:"#/properties/prefetch_cumulative_time_millis/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema89.properties.prefetch_cumulative_time_millis.type,parentSchema:schema89.properties.prefetch_cumulative_time_millis,data:data11};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 < 0 || isNaN(data11)){
const err38 = {instancePath:instancePath+"/prefetch_cumulative_time_millis",schemaPath:"#/properties/prefetch_cumulative_time_millis/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema89.properties.prefetch_cumulative_time_millis,data:data11};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
}
if(data.prefetch_begin_time_secs !== undefined){
let data12 = data.prefetch_begin_time_secs;
if(!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))){
const err39 = {instancePath:instancePath+"/prefetch_begin_time_secs",schemaPath:"#/properties/prefetch_begin_time_secs/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema89.properties.prefetch_begin_time_secs.type,parentSchema:schema89.properties.prefetch_begin_time_secs,data:data12};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
if((typeof data12 == "number") && (isFinite(data12))){
if(data12 < 0 || isNaN(data12)){
const err40 = {instancePath:instancePath+"/prefetch_begin_time_secs",schemaPath:"#/properties/prefetch_begin_time_secs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema89.properties.prefetch_begin_time_secs,data:data12};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
}
if(data.prefetch_begin_time_millis !== undefined){
let data13 = data.prefetch_begin_time_millis;
if(!(((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13))) && (isFinite(data13)))){
const err41 = {instancePath:instancePath+"/prefetch_begin_time_millis",schemaPath:"#/properties/prefetch_begin_time_millis/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema89.properties.prefetch_begin_time_millis.type,parentSchema:schema89.properties.prefetch_begin_time_millis,data:data13};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
if((typeof data13 == "number") && (isFinite(data13))){
if(data13 < 0 || isNaN(data13)){
const err42 = {instancePath:instancePath+"/prefetch_begin_time_millis",schemaPath:"#/properties/prefetch_begin_time_millis/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema89.properties.prefetch_begin_time_millis,data:data13};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
}
if(data.prefetch_end_time_secs !== undefined){
let data14 = data.prefetch_end_time_secs;
if(!(((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14))) && (isFinite(data14)))){
const err43 = {instancePath:instancePath+"/prefetch_end_time_secs",schemaPath:"#/properties/prefetch_end_time_secs/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema89.properties.prefetch_end_time_secs.type,parentSchema:schema89.properties.prefetch_end_time_secs,data:data14};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
if((typeof data14 == "number") && (isFinite(data14))){
if(data14 < 0 || isNaN(data14)){
const err44 = {instancePath:instancePath+"/prefetch_end_time_secs",schemaPath:"#/properties/prefetch_end_time_secs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema89.properties.prefetch_end_time_secs,data:data14};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
}
if(data.prefetch_end_time_millis !== undefined){
let data15 = data.prefetch_end_time_millis;
if(!(((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15))) && (isFinite(data15)))){
const err45 = {instancePath:instancePath+"/prefetch_end_time_millis",schemaPath:"#/properties/prefetch_end_time_millis/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema89.properties.prefetch_end_time_millis.type,parentSchema:schema89.properties.prefetch_end_time_millis,data:data15};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
if((typeof data15 == "number") && (isFinite(data15))){
if(data15 < 0 || isNaN(data15)){
const err46 = {instancePath:instancePath+"/prefetch_end_time_millis",schemaPath:"#/properties/prefetch_end_time_millis/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema89.properties.prefetch_end_time_millis,data:data15};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
}
if(data.buffered_backend_size !== undefined){
let data16 = data.buffered_backend_size;
if(!(((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16))) && (isFinite(data16)))){
const err47 = {instancePath:instancePath+"/buffered_backend_size",schemaPath:"#/properties/buffered_backend_size/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema89.properties.buffered_backend_size.type,parentSchema:schema89.properties.buffered_backend_size,data:data16};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
if((typeof data16 == "number") && (isFinite(data16))){
if(data16 < 0 || isNaN(data16)){
const err48 = {instancePath:instancePath+"/buffered_backend_size",schemaPath:"#/properties/buffered_backend_size/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema89.properties.buffered_backend_size,data:data16};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
}
if(data.data_all_ready !== undefined){
let data17 = data.data_all_ready;
if(typeof data17 !== "boolean"){
const err49 = {instancePath:instancePath+"/data_all_ready",schemaPath:"#/properties/data_all_ready/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema89.properties.data_all_ready.type,parentSchema:schema89.properties.data_all_ready,data:data17};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
}
else {
const err50 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema89.type,parentSchema:schema89,data};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
validate192.errors = vErrors;
return errors === 0;
}
validate192.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const validateInflight = validate193;
const schema90 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://nydus-service.invalid/schema/api/inflight.schema.json","title":"Inflight","description":"Body of GET /api/v1/metrics/inflight when a FUSE request is being handled (spec api.md §4.6); idle answers 204.","type":"array","$defs":{"op":{"title":"InflightOp","description":"The request one worker is handling.","type":"object","properties":{"inode":{"type":"integer","minimum":0,"description":"FUSE nodeid."},"opcode":{"type":"integer","minimum":0,"description":"FUSE opcode."},"unique":{"type":"integer","minimum":0,"description":"FUSE request id."},"timestamp_secs":{"type":"integer","minimum":0,"description":"Unix time the request was picked up."}},"required":["inode","opcode","unique","timestamp_secs"],"additionalProperties":false}},"items":{"$ref":"#/$defs/op"}};
const schema91 = {"title":"InflightOp","description":"The request one worker is handling.","type":"object","properties":{"inode":{"type":"integer","minimum":0,"description":"FUSE nodeid."},"opcode":{"type":"integer","minimum":0,"description":"FUSE opcode."},"unique":{"type":"integer","minimum":0,"description":"FUSE request id."},"timestamp_secs":{"type":"integer","minimum":0,"description":"Unix time the request was picked up."}},"required":["inode","opcode","unique","timestamp_secs"],"additionalProperties":false};

function validate194(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate194.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.inode === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "inode"},message:"must have required property '"+"inode"+"'",schema:schema91.required,parentSchema:schema91,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.opcode === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "opcode"},message:"must have required property '"+"opcode"+"'",schema:schema91.required,parentSchema:schema91,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.unique === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "unique"},message:"must have required property '"+"unique"+"'",schema:schema91.required,parentSchema:schema91,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.timestamp_secs === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "timestamp_secs"},message:"must have required property '"+"timestamp_secs"+"'",schema:schema91.required,parentSchema:schema91,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "inode") || (key0 === "opcode")) || (key0 === "unique")) || (key0 === "timestamp_secs"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema91,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.inode !== undefined){
let data0 = data.inode;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err5 = {instancePath:instancePath+"/inode",schemaPath:"#/properties/inode/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema91.properties.inode.type,parentSchema:schema91.properties.inode,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 < 0 || isNaN(data0)){
const err6 = {instancePath:instancePath+"/inode",schemaPath:"#/properties/inode/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema91.properties.inode,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
if(data.opcode !== undefined){
let data1 = data.opcode;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err7 = {instancePath:instancePath+"/opcode",schemaPath:"#/properties/opcode/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema91.properties.opcode.type,parentSchema:schema91.properties.opcode,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 < 0 || isNaN(data1)){
const err8 = {instancePath:instancePath+"/opcode",schemaPath:"#/properties/opcode/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema91.properties.opcode,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
if(data.unique !== undefined){
let data2 = data.unique;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err9 = {instancePath:instancePath+"/unique",schemaPath:"#/properties/unique/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema91.properties.unique.type,parentSchema:schema91.properties.unique,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 0 || isNaN(data2)){
const err10 = {instancePath:instancePath+"/unique",schemaPath:"#/properties/unique/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema91.properties.unique,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
if(data.timestamp_secs !== undefined){
let data3 = data.timestamp_secs;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err11 = {instancePath:instancePath+"/timestamp_secs",schemaPath:"#/properties/timestamp_secs/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema91.properties.timestamp_secs.type,parentSchema:schema91.properties.timestamp_secs,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 0 || isNaN(data3)){
const err12 = {instancePath:instancePath+"/timestamp_secs",schemaPath:"#/properties/timestamp_secs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema91.properties.timestamp_secs,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
}
else {
const err13 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema91.type,parentSchema:schema91,data};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
validate194.errors = vErrors;
return errors === 0;
}
validate194.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate193(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://nydus-service.invalid/schema/api/inflight.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate193.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(Array.isArray(data)){
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
if(!(validate194(data[i0], {instancePath:instancePath+"/" + i0,parentData:data,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate194.errors : vErrors.concat(validate194.errors);
errors = vErrors.length;
}
}
}
else {
const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema90.type,parentSchema:schema90,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
validate193.errors = vErrors;
return errors === 0;
}
validate193.evaluated = {"items":true,"dynamicProps":false,"dynamicItems":false};

export const validateConfigMap = validate196;
const schema92 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://nydus-service.invalid/schema/api/config-map.schema.json","title":"ConfigMap","description":"Body of PUT /api/v1/config and GET /api/v1/config (spec api.md §4.7): string keys (registry_auth, proxy_url, dragonfly_scheduler_endpoint; composite <id>:<key> in a GET without id) to string values.","type":"object","additionalProperties":{"type":"string"}};

function validate196(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://nydus-service.invalid/schema/api/config-map.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate196.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
let data0 = data[key0];
if(typeof data0 !== "string"){
const err0 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema92.additionalProperties.type,parentSchema:schema92.additionalProperties,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
}
else {
const err1 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema92.type,parentSchema:schema92,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
validate196.errors = vErrors;
return errors === 0;
}
validate196.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const validateBlobcacheDaemonOptions = validate197;
const schema93 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://nydus-service.invalid/schema/daemon/blobcache.schema.json","title":"BlobcacheDaemonOptions","description":"Options of a blob cache manager daemon, as nydusd's `singleton` subcommand takes them (spec daemon.md §1.2, §1.6, §1.13, §6), plus our shared blob socket. With fscache it is also the fscache daemon: the kernel's EROFS reads the images through cachefiles on-demand objects this daemon fills. One declaration renders the `nydus blobcache` / `nydus fscache` / `nydus singleton` flags (x-flag) and the library's blobcacheDaemon() builder.","type":"object","properties":{"apiSock":{"type":"string","minLength":1,"description":"Unix socket of the HTTP administration API, where blob entries are added, removed and listed (/api/v2/blobs); without it no API server runs.","x-flag":{"name":"apisock","char":"A"}},"config":{"type":"string","minLength":1,"description":"JSON file read at start: when it is an object whose \"blobs\" key parses as a blob cache list (daemon.md §2.6), every entry is registered in order and the first failure aborts start-up; a \"blobs\" value that does not parse is ignored; a file that is not JSON is a start-up failure.","x-flag":{"name":"config","char":"C"}},"configDocument":{"type":"object","description":"Library only: the configuration document (an object, \"blobs\" as in the config file) used instead of reading the config file.","additionalProperties":true},"id":{"type":"string","minLength":1,"description":"Service instance identifier, reported in daemon info. Requires supervisor.","x-flag":{"name":"id","dependsOn":["supervisor"]}},"supervisor":{"type":"string","minLength":1,"description":"Unix socket of the supervisor (state keeper) for hot upgrade and failover; the registered blob entries are part of the saved state. Requires id.","x-flag":{"name":"supervisor","dependsOn":["id"]}},"stateDir":{"type":"string","minLength":1,"description":"Directory where the daemon persists its registered blob entries (restored at its next start) and, when started with --id and --supervisor, writes its daemon record <dir>/<id>.json (read by nydus upgrade / nydus failover). Default: env NYDUS_STATE_DIR, else /run/nydus.","x-flag":{"name":"state-dir"}},"upgrade":{"type":"boolean","default":false,"description":"Start in upgrade mode: register nothing, stay in INIT waiting for a takeover that brings the predecessor's entries.","x-flag":{"name":"upgrade"}},"logLevel":{"enum":["trace","debug","info","warn","error"],"default":"info","description":"Maximum log level (changeable at run time through the API).","x-flag":{"name":"log-level","char":"l"}},"logFile":{"type":"string","minLength":1,"description":"Log to this file (appended; `.log` added when the name has no extension) instead of stderr.","x-flag":{"name":"log-file","char":"L"}},"logRotationSize":{"type":"integer","minimum":0,"default":0,"description":"Rotate the log file when it exceeds this many MiB; 0 disables rotation.","x-flag":{"name":"log-rotation-size"}},"rlimitNofile":{"type":"integer","minimum":0,"default":1000000,"description":"Target RLIMIT_NOFILE (daemon.md §1.10); 0 leaves the limit unchanged.","x-flag":{"name":"rlimit-nofile"}},"sharedSock":{"type":"string","minLength":1,"description":"Our extension: Unix socket on which the daemon answers ranged reads of its registered blobs in the http-proxy backend protocol (HEAD for the size, GET with Range: bytes=a-b), served from its cache, so the FUSE daemons of the host share one cache and each chunk is fetched from the backend once. Without it no such socket is served.","x-flag":{"name":"shared-sock"}},"fscache":{"type":"string","minLength":1,"description":"Enable the fscache service (cachefiles on-demand, daemon.md §6.2-§6.6) with this cachefiles working directory; it must exist and be a directory after canonicalisation. The daemon opens /dev/cachefiles, binds the cache there and serves the kernel's OPEN/READ/CLOSE requests for EROFS mounts of the registered entries (`mount -t erofs -o fsid=<id>[,domain_id=<domain>] none M`).","x-flag":{"name":"fscache","char":"F"}},"fscacheTag":{"type":"string","minLength":1,"pattern":"^[^\\s]+$","description":"cachefiles tag of this daemon's cache (written as `tag <tag>`). Requires fscache.","x-flag":{"name":"fscache-tag","dependsOn":["fscache"]}},"fscacheThreads":{"type":"integer","minimum":1,"maximum":1024,"default":4,"description":"Worker threads serving /dev/cachefiles.","x-flag":{"name":"fscache-threads"}}},"additionalProperties":false,"dependentRequired":{"id":["supervisor"],"supervisor":["id"],"fscacheTag":["fscache"]},"allOf":[{"not":{"properties":{"config":true,"configDocument":true},"required":["config","configDocument"]}}]};
const pattern7 = new RegExp("^[^\\s]+$", "u");

function validate197(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://nydus-service.invalid/schema/daemon/blobcache.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate197.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs2 = errors;
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.config === undefined) && (missing0 = "config")) || ((data.configDocument === undefined) && (missing0 = "configDocument"))){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
var valid1 = _errs3 === errors;
if(valid1){
const err1 = {instancePath,schemaPath:"#/allOf/0/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema93.allOf[0].not,parentSchema:schema93.allOf[0],data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
else {
errors = _errs2;
if(vErrors !== null){
if(_errs2){
vErrors.length = _errs2;
}
else {
vErrors = null;
}
}
}
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(func3.call(schema93.properties, key0))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema93,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.apiSock !== undefined){
let data0 = data.apiSock;
if(typeof data0 === "string"){
if(func1(data0) < 1){
const err3 = {instancePath:instancePath+"/apiSock",schemaPath:"#/properties/apiSock/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema93.properties.apiSock,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/apiSock",schemaPath:"#/properties/apiSock/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema93.properties.apiSock.type,parentSchema:schema93.properties.apiSock,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.config !== undefined){
let data1 = data.config;
if(typeof data1 === "string"){
if(func1(data1) < 1){
const err5 = {instancePath:instancePath+"/config",schemaPath:"#/properties/config/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema93.properties.config,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/config",schemaPath:"#/properties/config/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema93.properties.config.type,parentSchema:schema93.properties.config,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.configDocument !== undefined){
let data2 = data.configDocument;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
}
else {
const err7 = {instancePath:instancePath+"/configDocument",schemaPath:"#/properties/configDocument/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema93.properties.configDocument.type,parentSchema:schema93.properties.configDocument,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.id !== undefined){
let data3 = data.id;
if(typeof data3 === "string"){
if(func1(data3) < 1){
const err8 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema93.properties.id,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema93.properties.id.type,parentSchema:schema93.properties.id,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.supervisor !== undefined){
let data4 = data.supervisor;
if(typeof data4 === "string"){
if(func1(data4) < 1){
const err10 = {instancePath:instancePath+"/supervisor",schemaPath:"#/properties/supervisor/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema93.properties.supervisor,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/supervisor",schemaPath:"#/properties/supervisor/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema93.properties.supervisor.type,parentSchema:schema93.properties.supervisor,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.stateDir !== undefined){
let data5 = data.stateDir;
if(typeof data5 === "string"){
if(func1(data5) < 1){
const err12 = {instancePath:instancePath+"/stateDir",schemaPath:"#/properties/stateDir/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema93.properties.stateDir,data:data5};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/stateDir",schemaPath:"#/properties/stateDir/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema93.properties.stateDir.type,parentSchema:schema93.properties.stateDir,data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.upgrade !== undefined){
let data6 = data.upgrade;
if(typeof data6 !== "boolean"){
const err14 = {instancePath:instancePath+"/upgrade",schemaPath:"#/properties/upgrade/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema93.properties.upgrade.type,parentSchema:schema93.properties.upgrade,data:data6};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.logLevel !== undefined){
let data7 = data.logLevel;
if(!(((((data7 === "trace") || (data7 === "debug")) || (data7 === "info")) || (data7 === "warn")) || (data7 === "error"))){
const err15 = {instancePath:instancePath+"/logLevel",schemaPath:"#/properties/logLevel/enum",keyword:"enum",params:{allowedValues: schema93.properties.logLevel.enum},message:"must be equal to one of the allowed values",schema:schema93.properties.logLevel.enum,parentSchema:schema93.properties.logLevel,data:data7};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.logFile !== undefined){
let data8 = data.logFile;
if(typeof data8 === "string"){
if(func1(data8) < 1){
const err16 = {instancePath:instancePath+"/logFile",schemaPath:"#/properties/logFile/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema93.properties.logFile,data:data8};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/logFile",schemaPath:"#/properties/logFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema93.properties.logFile.type,parentSchema:schema93.properties.logFile,data:data8};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.logRotationSize !== undefined){
let data9 = data.logRotationSize;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err18 = {instancePath:instancePath+"/logRotationSize",schemaPath:"#/properties/logRotationSize/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema93.properties.logRotationSize.type,parentSchema:schema93.properties.logRotationSize,data:data9};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 < 0 || isNaN(data9)){
const err19 = {instancePath:instancePath+"/logRotationSize",schemaPath:"#/properties/logRotationSize/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema93.properties.logRotationSize,data:data9};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
if(data.rlimitNofile !== undefined){
let data10 = data.rlimitNofile;
if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
const err20 = {instancePath:instancePath+"/rlimitNofile",schemaPath:"#/properties/rlimitNofile/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema93.properties.rlimitNofile.type,parentSchema:schema93.properties.rlimitNofile,data:data10};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 < 0 || isNaN(data10)){
const err21 = {instancePath:instancePath+"/rlimitNofile",schemaPath:"#/properties/rlimitNofile/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema93.properties.rlimitNofile,data:data10};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
if(data.sharedSock !== undefined){
let data11 = data.sharedSock;
if(typeof data11 === "string"){
if(func1(data11) < 1){
const err22 = {instancePath:instancePath+"/sharedSock",schemaPath:"#/properties/sharedSock/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema93.properties.sharedSock,data:data11};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/sharedSock",schemaPath:"#/properties/sharedSock/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema93.properties.sharedSock.type,parentSchema:schema93.properties.sharedSock,data:data11};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data.fscache !== undefined){
let data12 = data.fscache;
if(typeof data12 === "string"){
if(func1(data12) < 1){
const err24 = {instancePath:instancePath+"/fscache",schemaPath:"#/properties/fscache/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema93.properties.fscache,data:data12};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
else {
const err25 = {instancePath:instancePath+"/fscache",schemaPath:"#/properties/fscache/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema93.properties.fscache.type,parentSchema:schema93.properties.fscache,data:data12};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.fscacheTag !== undefined){
let data13 = data.fscacheTag;
if(typeof data13 === "string"){
if(func1(data13) < 1){
const err26 = {instancePath:instancePath+"/fscacheTag",schemaPath:"#/properties/fscacheTag/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema93.properties.fscacheTag,data:data13};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(!pattern7.test(data13)){
const err27 = {instancePath:instancePath+"/fscacheTag",schemaPath:"#/properties/fscacheTag/pattern",keyword:"pattern",params:{pattern: "^[^\\s]+$"},message:"must match pattern \""+"^[^\\s]+$"+"\"",schema:"^[^\\s]+$",parentSchema:schema93.properties.fscacheTag,data:data13};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
else {
const err28 = {instancePath:instancePath+"/fscacheTag",schemaPath:"#/properties/fscacheTag/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema93.properties.fscacheTag.type,parentSchema:schema93.properties.fscacheTag,data:data13};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data.fscacheThreads !== undefined){
let data14 = data.fscacheThreads;
if(!(((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14))) && (isFinite(data14)))){
const err29 = {instancePath:instancePath+"/fscacheThreads",schemaPath:"#/properties/fscacheThreads/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema93.properties.fscacheThreads.type,parentSchema:schema93.properties.fscacheThreads,data:data14};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if((typeof data14 == "number") && (isFinite(data14))){
if(data14 > 1024 || isNaN(data14)){
const err30 = {instancePath:instancePath+"/fscacheThreads",schemaPath:"#/properties/fscacheThreads/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1024},message:"must be <= 1024",schema:1024,parentSchema:schema93.properties.fscacheThreads,data:data14};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(data14 < 1 || isNaN(data14)){
const err31 = {instancePath:instancePath+"/fscacheThreads",schemaPath:"#/properties/fscacheThreads/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema93.properties.fscacheThreads,data:data14};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
if(data.id !== undefined){
if(data.supervisor === undefined){
const err32 = {instancePath,schemaPath:"#/dependentRequired",keyword:"dependentRequired",params:{property: "id",
    missingProperty: "supervisor",
    depsCount: 1,
    deps: "supervisor"},message:"must have property supervisor when property id is present",schema:schema93.dependentRequired,parentSchema:schema93,data};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data.supervisor !== undefined){
if(data.id === undefined){
const err33 = {instancePath,schemaPath:"#/dependentRequired",keyword:"dependentRequired",params:{property: "supervisor",
    missingProperty: "id",
    depsCount: 1,
    deps: "id"},message:"must have property id when property supervisor is present",schema:schema93.dependentRequired,parentSchema:schema93,data};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data.fscacheTag !== undefined){
if(data.fscache === undefined){
const err34 = {instancePath,schemaPath:"#/dependentRequired",keyword:"dependentRequired",params:{property: "fscacheTag",
    missingProperty: "fscache",
    depsCount: 1,
    deps: "fscache"},message:"must have property fscache when property fscacheTag is present",schema:schema93.dependentRequired,parentSchema:schema93,data};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
else {
const err35 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema93.type,parentSchema:schema93,data};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
validate197.errors = vErrors;
return errors === 0;
}
validate197.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const validateBlobMetricsList = validate198;
const schema94 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://nydus-service.invalid/schema/api/blob-metrics.schema.json","title":"BlobMetricsList","description":"Body of GET /api/v1/metrics/blobcache on a blob cache daemon (nydus blobcache): one BlobMetrics per data blob; with ?id=<blob id or key> the one object alone. A FUSE daemon answers BlobcacheMetrics instead (api.md §4.5).","type":"array","$defs":{"blob":{"title":"BlobMetrics","description":"Figures of one data blob of the blob cache manager.","type":"object","properties":{"key":{"type":"string","description":"Record key of the data blob: <domain_id>/<blob id>, or the blob id in the empty domain."},"domain_id":{"type":"string","description":"Domain of the blob."},"blob_id":{"type":"string","description":"Blob id (as in the bootstrap's blob table)."},"refs":{"type":"integer","minimum":1,"description":"Bootstrap entries of the domain referring to the blob."},"owner":{"type":"string","description":"Key of the entry whose backend and work_dir serve the blob."},"store_path":{"type":"string","description":"Cache work directory."},"underlying_files":{"type":"array","items":{"type":"string"},"description":"Cache data file of the blob (B.blob.data, or B.blob.raw in compressed mode); empty for localfs blobs, read in place."},"compressed_size":{"type":"integer","minimum":0,"description":"Stored size of the blob's chunk data."},"uncompressed_size":{"type":"integer","minimum":0,"description":"Uncompressed size of the blob's chunk data."},"chunk_count":{"type":"integer","minimum":0,"description":"Chunks of the blob."},"ready_chunks":{"type":"integer","minimum":0,"description":"Chunks marked ready in the blob's chunk map file (B.blob.data.chunk_map)."},"data_all_ready":{"type":"boolean","description":"Every chunk is cached."},"warm":{"enum":["off","warming","done","failed"],"description":"Warming of the owning entry: off (prefetch disabled or localfs), warming, done (all ready), failed (prefetch ended with chunks missing)."},"warm_error":{"type":["string","null"],"description":"Why warming failed, or null."},"prefetch_data_amount":{"type":"integer","minimum":0,"description":"Bytes prefetched by the owning entry's image (all its blobs)."},"prefetch_requests_count":{"type":"integer","minimum":0,"description":"Prefetch requests of the owning entry's image."},"prefetch_workers":{"type":"integer","minimum":0,"description":"Prefetch worker threads of the owning entry's image."},"prefetch_cumulative_time_millis":{"type":"integer","minimum":0,"description":"Milliseconds spent prefetching, summed, for the owning entry's image."},"shared":{"anyOf":[{"type":"object","description":"Counters of the shared read store of the blob (backend bytes as served by the backend).","properties":{"backend_reads":{"type":"integer","minimum":0,"description":"Ranged reads sent to the backend."},"backend_bytes":{"type":"integer","minimum":0,"description":"Bytes fetched from the backend."},"served_reads":{"type":"integer","minimum":0,"description":"Reads answered (shared socket clients and warming)."},"served_bytes":{"type":"integer","minimum":0,"description":"Bytes answered."},"cache_hit_bytes":{"type":"integer","minimum":0,"description":"Bytes answered from the store without a backend read."},"ready_bytes":{"type":"integer","minimum":0,"description":"Bytes of the blob held in the store."},"size":{"type":"integer","minimum":0,"description":"Blob size."},"all_ready":{"type":"boolean","description":"The whole blob is in the store."},"in_flight":{"type":"integer","minimum":0,"description":"Backend reads in progress."}},"required":["backend_reads","backend_bytes","served_reads","served_bytes","cache_hit_bytes","ready_bytes","size","all_ready","in_flight"],"additionalProperties":false},{"type":"null"}],"description":"Shared read store counters; null before the blob was first read through the store."}},"required":["key","domain_id","blob_id","refs","owner","store_path","underlying_files","compressed_size","uncompressed_size","chunk_count","ready_chunks","data_all_ready","warm","warm_error","prefetch_data_amount","prefetch_requests_count","prefetch_workers","prefetch_cumulative_time_millis","shared"],"additionalProperties":false}},"items":{"$ref":"#/$defs/blob"}};
const schema95 = {"title":"BlobMetrics","description":"Figures of one data blob of the blob cache manager.","type":"object","properties":{"key":{"type":"string","description":"Record key of the data blob: <domain_id>/<blob id>, or the blob id in the empty domain."},"domain_id":{"type":"string","description":"Domain of the blob."},"blob_id":{"type":"string","description":"Blob id (as in the bootstrap's blob table)."},"refs":{"type":"integer","minimum":1,"description":"Bootstrap entries of the domain referring to the blob."},"owner":{"type":"string","description":"Key of the entry whose backend and work_dir serve the blob."},"store_path":{"type":"string","description":"Cache work directory."},"underlying_files":{"type":"array","items":{"type":"string"},"description":"Cache data file of the blob (B.blob.data, or B.blob.raw in compressed mode); empty for localfs blobs, read in place."},"compressed_size":{"type":"integer","minimum":0,"description":"Stored size of the blob's chunk data."},"uncompressed_size":{"type":"integer","minimum":0,"description":"Uncompressed size of the blob's chunk data."},"chunk_count":{"type":"integer","minimum":0,"description":"Chunks of the blob."},"ready_chunks":{"type":"integer","minimum":0,"description":"Chunks marked ready in the blob's chunk map file (B.blob.data.chunk_map)."},"data_all_ready":{"type":"boolean","description":"Every chunk is cached."},"warm":{"enum":["off","warming","done","failed"],"description":"Warming of the owning entry: off (prefetch disabled or localfs), warming, done (all ready), failed (prefetch ended with chunks missing)."},"warm_error":{"type":["string","null"],"description":"Why warming failed, or null."},"prefetch_data_amount":{"type":"integer","minimum":0,"description":"Bytes prefetched by the owning entry's image (all its blobs)."},"prefetch_requests_count":{"type":"integer","minimum":0,"description":"Prefetch requests of the owning entry's image."},"prefetch_workers":{"type":"integer","minimum":0,"description":"Prefetch worker threads of the owning entry's image."},"prefetch_cumulative_time_millis":{"type":"integer","minimum":0,"description":"Milliseconds spent prefetching, summed, for the owning entry's image."},"shared":{"anyOf":[{"type":"object","description":"Counters of the shared read store of the blob (backend bytes as served by the backend).","properties":{"backend_reads":{"type":"integer","minimum":0,"description":"Ranged reads sent to the backend."},"backend_bytes":{"type":"integer","minimum":0,"description":"Bytes fetched from the backend."},"served_reads":{"type":"integer","minimum":0,"description":"Reads answered (shared socket clients and warming)."},"served_bytes":{"type":"integer","minimum":0,"description":"Bytes answered."},"cache_hit_bytes":{"type":"integer","minimum":0,"description":"Bytes answered from the store without a backend read."},"ready_bytes":{"type":"integer","minimum":0,"description":"Bytes of the blob held in the store."},"size":{"type":"integer","minimum":0,"description":"Blob size."},"all_ready":{"type":"boolean","description":"The whole blob is in the store."},"in_flight":{"type":"integer","minimum":0,"description":"Backend reads in progress."}},"required":["backend_reads","backend_bytes","served_reads","served_bytes","cache_hit_bytes","ready_bytes","size","all_ready","in_flight"],"additionalProperties":false},{"type":"null"}],"description":"Shared read store counters; null before the blob was first read through the store."}},"required":["key","domain_id","blob_id","refs","owner","store_path","underlying_files","compressed_size","uncompressed_size","chunk_count","ready_chunks","data_all_ready","warm","warm_error","prefetch_data_amount","prefetch_requests_count","prefetch_workers","prefetch_cumulative_time_millis","shared"],"additionalProperties":false};

function validate199(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate199.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.key === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'",schema:schema95.required,parentSchema:schema95,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.domain_id === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "domain_id"},message:"must have required property '"+"domain_id"+"'",schema:schema95.required,parentSchema:schema95,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.blob_id === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "blob_id"},message:"must have required property '"+"blob_id"+"'",schema:schema95.required,parentSchema:schema95,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.refs === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "refs"},message:"must have required property '"+"refs"+"'",schema:schema95.required,parentSchema:schema95,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.owner === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "owner"},message:"must have required property '"+"owner"+"'",schema:schema95.required,parentSchema:schema95,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.store_path === undefined){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "store_path"},message:"must have required property '"+"store_path"+"'",schema:schema95.required,parentSchema:schema95,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data.underlying_files === undefined){
const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "underlying_files"},message:"must have required property '"+"underlying_files"+"'",schema:schema95.required,parentSchema:schema95,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data.compressed_size === undefined){
const err7 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "compressed_size"},message:"must have required property '"+"compressed_size"+"'",schema:schema95.required,parentSchema:schema95,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data.uncompressed_size === undefined){
const err8 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "uncompressed_size"},message:"must have required property '"+"uncompressed_size"+"'",schema:schema95.required,parentSchema:schema95,data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data.chunk_count === undefined){
const err9 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "chunk_count"},message:"must have required property '"+"chunk_count"+"'",schema:schema95.required,parentSchema:schema95,data};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data.ready_chunks === undefined){
const err10 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "ready_chunks"},message:"must have required property '"+"ready_chunks"+"'",schema:schema95.required,parentSchema:schema95,data};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data.data_all_ready === undefined){
const err11 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "data_all_ready"},message:"must have required property '"+"data_all_ready"+"'",schema:schema95.required,parentSchema:schema95,data};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data.warm === undefined){
const err12 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "warm"},message:"must have required property '"+"warm"+"'",schema:schema95.required,parentSchema:schema95,data};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data.warm_error === undefined){
const err13 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "warm_error"},message:"must have required property '"+"warm_error"+"'",schema:schema95.required,parentSchema:schema95,data};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(data.prefetch_data_amount === undefined){
const err14 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "prefetch_data_amount"},message:"must have required property '"+"prefetch_data_amount"+"'",schema:schema95.required,parentSchema:schema95,data};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data.prefetch_requests_count === undefined){
const err15 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "prefetch_requests_count"},message:"must have required property '"+"prefetch_requests_count"+"'",schema:schema95.required,parentSchema:schema95,data};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data.prefetch_workers === undefined){
const err16 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "prefetch_workers"},message:"must have required property '"+"prefetch_workers"+"'",schema:schema95.required,parentSchema:schema95,data};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(data.prefetch_cumulative_time_millis === undefined){
const err17 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "prefetch_cumulative_time_millis"},message:"must have required property '"+"prefetch_cumulative_time_millis"+"'",schema:schema95.required,parentSchema:schema95,data};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(data.shared === undefined){
const err18 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "shared"},message:"must have required property '"+"shared"+"'",schema:schema95.required,parentSchema:schema95,data};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
for(const key0 in data){
if(!(func3.call(schema95.properties, key0))){
const err19 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema95,data};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.key !== undefined){
let data0 = data.key;
if(typeof data0 !== "string"){
const err20 = {instancePath:instancePath+"/key",schemaPath:"#/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema95.properties.key.type,parentSchema:schema95.properties.key,data:data0};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.domain_id !== undefined){
let data1 = data.domain_id;
if(typeof data1 !== "string"){
const err21 = {instancePath:instancePath+"/domain_id",schemaPath:"#/properties/domain_id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema95.properties.domain_id.type,parentSchema:schema95.properties.domain_id,data:data1};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.blob_id !== undefined){
let data2 = data.blob_id;
if(typeof data2 !== "string"){
const err22 = {instancePath:instancePath+"/blob_id",schemaPath:"#/properties/blob_id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema95.properties.blob_id.type,parentSchema:schema95.properties.blob_id,data:data2};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.refs !== undefined){
let data3 = data.refs;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err23 = {instancePath:instancePath+"/refs",schemaPath:"#/properties/refs/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema95.properties.refs.type,parentSchema:schema95.properties.refs,data:data3};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 1 || isNaN(data3)){
const err24 = {instancePath:instancePath+"/refs",schemaPath:"#/properties/refs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema95.properties.refs,data:data3};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
if(data.owner !== undefined){
let data4 = data.owner;
if(typeof data4 !== "string"){
const err25 = {instancePath:instancePath+"/owner",schemaPath:"#/properties/owner/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema95.properties.owner.type,parentSchema:schema95.properties.owner,data:data4};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.store_path !== undefined){
let data5 = data.store_path;
if(typeof data5 !== "string"){
const err26 = {instancePath:instancePath+"/store_path",schemaPath:"#/properties/store_path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema95.properties.store_path.type,parentSchema:schema95.properties.store_path,data:data5};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.underlying_files !== undefined){
let data6 = data.underlying_files;
if(Array.isArray(data6)){
const len0 = data6.length;
for(let i0=0; i0<len0; i0++){
let data7 = data6[i0];
if(typeof data7 !== "string"){
const err27 = {instancePath:instancePath+"/underlying_files/" + i0,schemaPath:"#/properties/underlying_files/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema95.properties.underlying_files.items.type,parentSchema:schema95.properties.underlying_files.items,data:data7};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath:instancePath+"/underlying_files",schemaPath:"#/properties/underlying_files/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema95.properties.underlying_files.type,parentSchema:schema95.properties.underlying_files,data:data6};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data.compressed_size !== undefined){
let data8 = data.compressed_size;
if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
const err29 = {instancePath:instancePath+"/compressed_size",schemaPath:"#/properties/compressed_size/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema95.properties.compressed_size.type,parentSchema:schema95.properties.compressed_size,data:data8};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 < 0 || isNaN(data8)){
const err30 = {instancePath:instancePath+"/compressed_size",schemaPath:"#/properties/compressed_size/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema95.properties.compressed_size,data:data8};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
if(data.uncompressed_size !== undefined){
let data9 = data.uncompressed_size;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err31 = {instancePath:instancePath+"/uncompressed_size",schemaPath:"#/properties/uncompressed_size/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema95.properties.uncompressed_size.type,parentSchema:schema95.properties.uncompressed_size,data:data9};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 < 0 || isNaN(data9)){
const err32 = {instancePath:instancePath+"/uncompressed_size",schemaPath:"#/properties/uncompressed_size/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema95.properties.uncompressed_size,data:data9};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
}
if(data.chunk_count !== undefined){
let data10 = data.chunk_count;
if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
const err33 = {instancePath:instancePath+"/chunk_count",schemaPath:"#/properties/chunk_count/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema95.properties.chunk_count.type,parentSchema:schema95.properties.chunk_count,data:data10};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 < 0 || isNaN(data10)){
const err34 = {instancePath:instancePath+"/chunk_count",schemaPath:"#/properties/chunk_count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema95.properties.chunk_count,data:data10};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
if(data.ready_chunks !== undefined){
let data11 = data.ready_chunks;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
const err35 = {instancePath:instancePath+"/ready_chunks",schemaPath:"#/properties/ready_chunks/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema95.properties.ready_chunks.type,parentSchema:schema95.properties.ready_chunks,data:data11};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 < 0 || isNaN(data11)){
const err36 = {instancePath:instancePath+"/ready_chunks",schemaPath:"#/properties/ready_chunks/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema95.properties.ready_chunks,data:data11};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
}
if(data.data_all_ready !== undefined){
let data12 = data.data_all_ready;
if(typeof data12 !== "boolean"){
const err37 = {instancePath:instancePath+"/data_all_ready",schemaPath:"#/properties/data_all_ready/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema95.properties.data_all_ready.type,parentSchema:schema95.properties.data_all_ready,data:data12};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data.warm !== undefined){
let data13 = data.warm;
if(!((((data13 === "off") || (data13 === "warming")) || (data13 === "done")) || (data13 === "failed"))){
const err38 = {instancePath:instancePath+"/warm",schemaPath:"#/properties/warm/enum",keyword:"enum",params:{allowedValues: schema95.properties.warm.enum},message:"must be equal to one of the allowed values",schema:schema95.properties.warm.enum,parentSchema:schema95.properties.warm,data:data13};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data.warm_error !== undefined){
let data14 = data.warm_error;
if((typeof data14 !== "string") && (data14 !== null)){
const err39 = {instancePath:instancePath+"/warm_error",schemaPath:"#/properties/warm_error/type",keyword:"type",params:{type: schema95.properties.warm_error.type},message:"must be string,null",schema:schema95.properties.warm_error.type,parentSchema:schema95.properties.warm_error,data:data14};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data.prefetch_data_amount !== undefined){
let data15 = data.prefetch_data_amount;
if(!(((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15))) && (isFinite(data15)))){
const err40 = {instancePath:instancePath+"/prefetch_data_amount",schemaPath:"#/properties/prefetch_data_amount/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema95.properties.prefetch_data_amount.type,parentSchema:schema95.properties.prefetch_data_amount,data:data15};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
if((typeof data15 == "number") && (isFinite(data15))){
if(data15 < 0 || isNaN(data15)){
const err41 = {instancePath:instancePath+"/prefetch_data_amount",schemaPath:"#/properties/prefetch_data_amount/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema95.properties.prefetch_data_amount,data:data15};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
}
if(data.prefetch_requests_count !== undefined){
let data16 = data.prefetch_requests_count;
if(!(((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16))) && (isFinite(data16)))){
const err42 = {instancePath:instancePath+"/prefetch_requests_count",schemaPath:"#/properties/prefetch_requests_count/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema95.properties.prefetch_requests_count.type,parentSchema:schema95.properties.prefetch_requests_count,data:data16};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
if((typeof data16 == "number") && (isFinite(data16))){
if(data16 < 0 || isNaN(data16)){
const err43 = {instancePath:instancePath+"/prefetch_requests_count",schemaPath:"#/properties/prefetch_requests_count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema95.properties.prefetch_requests_count,data:data16};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
}
if(data.prefetch_workers !== undefined){
let data17 = data.prefetch_workers;
if(!(((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17))) && (isFinite(data17)))){
const err44 = {instancePath:instancePath+"/prefetch_workers",schemaPath:"#/properties/prefetch_workers/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema95.properties.prefetch_workers.type,parentSchema:schema95.properties.prefetch_workers,data:data17};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
if((typeof data17 == "number") && (isFinite(data17))){
if(data17 < 0 || isNaN(data17)){
const err45 = {instancePath:instancePath+"/prefetch_workers",schemaPath:"#/properties/prefetch_workers/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema95.properties.prefetch_workers,data:data17};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
}
if(data.prefetch_cumulative_time_millis !== undefined){
let data18 = data.prefetch_cumulative_time_millis;
if(!(((typeof data18 == "number") && (!(data18 % 1) && !isNaN(data18))) && (isFinite(data18)))){
const err46 = {instancePath:instancePath+"/prefetch_cumulative_time_millis",schemaPath:"#/properties/prefetch_cumulative_time_millis/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema95.properties.prefetch_cumulative_time_millis.type,parentSchema:schema95.properties.prefetch_cumulative_time_millis,data:data18};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
if((typeof data18 == "number") && (isFinite(data18))){
if(data18 < 0 || isNaN(data18)){
const err47 = {instancePath:instancePath+"/prefetch_cumulative_time_millis",schemaPath:"#/properties/prefetch_cumulative_time_millis/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema95.properties.prefetch_cumulative_time_millis,data:data18};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
}
if(data.shared !== undefined){
let data19 = data.shared;
const _errs40 = errors;
let valid3 = false;
const _errs41 = errors;
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
if(data19.backend_reads === undefined){
const err48 = {instancePath:instancePath+"/shared",schemaPath:"#/properties/shared/anyOf/0/required",keyword:"required",params:{missingProperty: "backend_reads"},message:"must have required property '"+"backend_reads"+"'",schema:schema95.properties.shared.anyOf[0].required,parentSchema:schema95.properties.shared.anyOf[0],data:data19};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
if(data19.backend_bytes === undefined){
const err49 = {instancePath:instancePath+"/shared",schemaPath:"#/properties/shared/anyOf/0/required",keyword:"required",params:{missingProperty: "backend_bytes"},message:"must have required property '"+"backend_bytes"+"'",schema:schema95.properties.shared.anyOf[0].required,parentSchema:schema95.properties.shared.anyOf[0],data:data19};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
if(data19.served_reads === undefined){
const err50 = {instancePath:instancePath+"/shared",schemaPath:"#/properties/shared/anyOf/0/required",keyword:"required",params:{missingProperty: "served_reads"},message:"must have required property '"+"served_reads"+"'",schema:schema95.properties.shared.anyOf[0].required,parentSchema:schema95.properties.shared.anyOf[0],data:data19};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
if(data19.served_bytes === undefined){
const err51 = {instancePath:instancePath+"/shared",schemaPath:"#/properties/shared/anyOf/0/required",keyword:"required",params:{missingProperty: "served_bytes"},message:"must have required property '"+"served_bytes"+"'",schema:schema95.properties.shared.anyOf[0].required,parentSchema:schema95.properties.shared.anyOf[0],data:data19};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
if(data19.cache_hit_bytes === undefined){
const err52 = {instancePath:instancePath+"/shared",schemaPath:"#/properties/shared/anyOf/0/required",keyword:"required",params:{missingProperty: "cache_hit_bytes"},message:"must have required property '"+"cache_hit_bytes"+"'",schema:schema95.properties.shared.anyOf[0].required,parentSchema:schema95.properties.shared.anyOf[0],data:data19};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
if(data19.ready_bytes === undefined){
const err53 = {instancePath:instancePath+"/shared",schemaPath:"#/properties/shared/anyOf/0/required",keyword:"required",params:{missingProperty: "ready_bytes"},message:"must have required property '"+"ready_bytes"+"'",schema:schema95.properties.shared.anyOf[0].required,parentSchema:schema95.properties.shared.anyOf[0],data:data19};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
if(data19.size === undefined){
const err54 = {instancePath:instancePath+"/shared",schemaPath:"#/properties/shared/anyOf/0/required",keyword:"required",params:{missingProperty: "size"},message:"must have required property '"+"size"+"'",schema:schema95.properties.shared.anyOf[0].required,parentSchema:schema95.properties.shared.anyOf[0],data:data19};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
if(data19.all_ready === undefined){
const err55 = {instancePath:instancePath+"/shared",schemaPath:"#/properties/shared/anyOf/0/required",keyword:"required",params:{missingProperty: "all_ready"},message:"must have required property '"+"all_ready"+"'",schema:schema95.properties.shared.anyOf[0].required,parentSchema:schema95.properties.shared.anyOf[0],data:data19};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
if(data19.in_flight === undefined){
const err56 = {instancePath:instancePath+"/shared",schemaPath:"#/properties/shared/anyOf/0/required",keyword:"required",params:{missingProperty: "in_flight"},message:"must have required property '"+"in_flight"+"'",schema:schema95.properties.shared.anyOf[0].required,parentSchema:schema95.properties.shared.anyOf[0],data:data19};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
for(const key1 in data19){
if(!(func3.call(schema95.properties.shared.anyOf[0].properties, key1))){
const err57 = {instancePath:instancePath+"/shared",schemaPath:"#/properties/shared/anyOf/0/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema95.properties.shared.anyOf[0],data:data19};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
if(data19.backend_reads !== undefined){
let data20 = data19.backend_reads;
if(!(((typeof data20 == "number") && (!(data20 % 1) && !isNaN(data20))) && (isFinite(data20)))){
const err58 = {instancePath:instancePath+"/shared/backend_reads",schemaPath:"#/properties/shared/anyOf/0/properties/backend_reads/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema95.properties.shared.anyOf[0].properties.backend_reads.type,parentSchema:schema95.properties.shared.anyOf[0].properties.backend_reads,data:data20};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
if((typeof data20 == "number") && (isFinite(data20))){
if(data20 < 0 || isNaN(data20)){
const err59 = {instancePath:instancePath+"/shared/backend_reads",schemaPath:"#/properties/shared/anyOf/0/properties/backend_reads/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema95.properties.shared.anyOf[0].properties.backend_reads,data:data20};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
}
if(data19.backend_bytes !== undefined){
let data21 = data19.backend_bytes;
if(!(((typeof data21 == "number") && (!(data21 % 1) && !isNaN(data21))) && (isFinite(data21)))){
const err60 = {instancePath:instancePath+"/shared/backend_bytes",schemaPath:"#/properties/shared/anyOf/0/properties/backend_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema95.properties.shared.anyOf[0].properties.backend_bytes.type,parentSchema:schema95.properties.shared.anyOf[0].properties.backend_bytes,data:data21};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
if((typeof data21 == "number") && (isFinite(data21))){
if(data21 < 0 || isNaN(data21)){
const err61 = {instancePath:instancePath+"/shared/backend_bytes",schemaPath:"#/properties/shared/anyOf/0/properties/backend_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema95.properties.shared.anyOf[0].properties.backend_bytes,data:data21};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
}
if(data19.served_reads !== undefined){
let data22 = data19.served_reads;
if(!(((typeof data22 == "number") && (!(data22 % 1) && !isNaN(data22))) && (isFinite(data22)))){
const err62 = {instancePath:instancePath+"/shared/served_reads",schemaPath:"#/properties/shared/anyOf/0/properties/served_reads/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema95.properties.shared.anyOf[0].properties.served_reads.type,parentSchema:schema95.properties.shared.anyOf[0].properties.served_reads,data:data22};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
if((typeof data22 == "number") && (isFinite(data22))){
if(data22 < 0 || isNaN(data22)){
const err63 = {instancePath:instancePath+"/shared/served_reads",schemaPath:"#/properties/shared/anyOf/0/properties/served_reads/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema95.properties.shared.anyOf[0].properties.served_reads,data:data22};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
}
if(data19.served_bytes !== undefined){
let data23 = data19.served_bytes;
if(!(((typeof data23 == "number") && (!(data23 % 1) && !isNaN(data23))) && (isFinite(data23)))){
const err64 = {instancePath:instancePath+"/shared/served_bytes",schemaPath:"#/properties/shared/anyOf/0/properties/served_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema95.properties.shared.anyOf[0].properties.served_bytes.type,parentSchema:schema95.properties.shared.anyOf[0].properties.served_bytes,data:data23};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
if((typeof data23 == "number") && (isFinite(data23))){
if(data23 < 0 || isNaN(data23)){
const err65 = {instancePath:instancePath+"/shared/served_bytes",schemaPath:"#/properties/shared/anyOf/0/properties/served_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema95.properties.shared.anyOf[0].properties.served_bytes,data:data23};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
}
if(data19.cache_hit_bytes !== undefined){
let data24 = data19.cache_hit_bytes;
if(!(((typeof data24 == "number") && (!(data24 % 1) && !isNaN(data24))) && (isFinite(data24)))){
const err66 = {instancePath:instancePath+"/shared/cache_hit_bytes",schemaPath:"#/properties/shared/anyOf/0/properties/cache_hit_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema95.properties.shared.anyOf[0].properties.cache_hit_bytes.type,parentSchema:schema95.properties.shared.anyOf[0].properties.cache_hit_bytes,data:data24};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
if((typeof data24 == "number") && (isFinite(data24))){
if(data24 < 0 || isNaN(data24)){
const err67 = {instancePath:instancePath+"/shared/cache_hit_bytes",schemaPath:"#/properties/shared/anyOf/0/properties/cache_hit_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema95.properties.shared.anyOf[0].properties.cache_hit_bytes,data:data24};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
}
if(data19.ready_bytes !== undefined){
let data25 = data19.ready_bytes;
if(!(((typeof data25 == "number") && (!(data25 % 1) && !isNaN(data25))) && (isFinite(data25)))){
const err68 = {instancePath:instancePath+"/shared/ready_bytes",schemaPath:"#/properties/shared/anyOf/0/properties/ready_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema95.properties.shared.anyOf[0].properties.ready_bytes.type,parentSchema:schema95.properties.shared.anyOf[0].properties.ready_bytes,data:data25};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
if((typeof data25 == "number") && (isFinite(data25))){
if(data25 < 0 || isNaN(data25)){
const err69 = {instancePath:instancePath+"/shared/ready_bytes",schemaPath:"#/properties/shared/anyOf/0/properties/ready_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema95.properties.shared.anyOf[0].properties.ready_bytes,data:data25};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
}
if(data19.size !== undefined){
let data26 = data19.size;
if(!(((typeof data26 == "number") && (!(data26 % 1) && !isNaN(data26))) && (isFinite(data26)))){
const err70 = {instancePath:instancePath+"/shared/size",schemaPath:"#/properties/shared/anyOf/0/properties/size/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema95.properties.shared.anyOf[0].properties.size.type,parentSchema:schema95.properties.shared.anyOf[0].properties.size,data:data26};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
if((typeof data26 == "number") && (isFinite(data26))){
if(data26 < 0 || isNaN(data26)){
const err71 = {instancePath:instancePath+"/shared/size",schemaPath:"#/properties/shared/anyOf/0/properties/size/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema95.properties.shared.anyOf[0].properties.size,data:data26};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
}
if(data19.all_ready !== undefined){
let data27 = data19.all_ready;
if(typeof data27 !== "boolean"){
const err72 = {instancePath:instancePath+"/shared/all_ready",schemaPath:"#/properties/shared/anyOf/0/properties/all_ready/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema95.properties.shared.anyOf[0].properties.all_ready.type,parentSchema:schema95.properties.shared.anyOf[0].properties.all_ready,data:data27};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
if(data19.in_flight !== undefined){
let data28 = data19.in_flight;
if(!(((typeof data28 == "number") && (!(data28 % 1) && !isNaN(data28))) && (isFinite(data28)))){
const err73 = {instancePath:instancePath+"/shared/in_flight",schemaPath:"#/properties/shared/anyOf/0/properties/in_flight/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema95.properties.shared.anyOf[0].properties.in_flight.type,parentSchema:schema95.properties.shared.anyOf[0].properties.in_flight,data:data28};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
if((typeof data28 == "number") && (isFinite(data28))){
if(data28 < 0 || isNaN(data28)){
const err74 = {instancePath:instancePath+"/shared/in_flight",schemaPath:"#/properties/shared/anyOf/0/properties/in_flight/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema95.properties.shared.anyOf[0].properties.in_flight,data:data28};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
}
}
else {
const err75 = {instancePath:instancePath+"/shared",schemaPath:"#/properties/shared/anyOf/0/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema95.properties.shared.anyOf[0].type,parentSchema:schema95.properties.shared.anyOf[0],data:data19};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
var _valid0 = _errs41 === errors;
valid3 = valid3 || _valid0;
const _errs62 = errors;
if(data19 !== null){
const err76 = {instancePath:instancePath+"/shared",schemaPath:"#/properties/shared/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema95.properties.shared.anyOf[1].type,parentSchema:schema95.properties.shared.anyOf[1],data:data19};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
var _valid0 = _errs62 === errors;
valid3 = valid3 || _valid0;
if(!valid3){
const err77 = {instancePath:instancePath+"/shared",schemaPath:"#/properties/shared/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema95.properties.shared.anyOf,parentSchema:schema95.properties.shared,data:data19};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
else {
errors = _errs40;
if(vErrors !== null){
if(_errs40){
vErrors.length = _errs40;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err78 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema95.type,parentSchema:schema95,data};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
validate199.errors = vErrors;
return errors === 0;
}
validate199.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate198(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://nydus-service.invalid/schema/api/blob-metrics.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate198.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(Array.isArray(data)){
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
if(!(validate199(data[i0], {instancePath:instancePath+"/" + i0,parentData:data,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate199.errors : vErrors.concat(validate199.errors);
errors = vErrors.length;
}
}
}
else {
const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema94.type,parentSchema:schema94,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
validate198.errors = vErrors;
return errors === 0;
}
validate198.evaluated = {"items":true,"dynamicProps":false,"dynamicItems":false};

export const validateVirtiofsDaemonOptions = validate201;
const schema96 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://nydus-service.invalid/schema/daemon/virtiofs.schema.json","title":"VirtiofsDaemonOptions","description":"Options of a virtio-fs daemon, as nydusd's `virtiofs` subcommand takes them (spec daemon.md §1.2, §1.4, §1.5, §7): the vhost-user-fs backend a VMM (QEMU, Cloud Hypervisor) connects to, serving the same VFS of RAFS images as the FUSE daemon. One declaration renders the `nydus virtiofs` flags (x-flag) and the library's virtiofsDaemon() builder.","type":"object","properties":{"sock":{"type":"string","minLength":1,"description":"vhost-user socket the VMM connects to (QEMU `-chardev socket,path=SOCK` + `-device vhost-user-fs-pci,chardev=...,tag=TAG`); a stale file there is replaced. The daemon listens before the VMM starts and accepts a new connection after the VMM disconnects (a VM reboot).","x-flag":{"name":"sock"}},"bootstrap":{"type":"string","minLength":1,"description":"RAFS bootstrap (or a data blob with the bootstrap inlined) mounted at start at the virtual mountpoint. Needs config or localfsDir.","x-flag":{"name":"bootstrap","char":"B","exclusive":["shared-dir"]}},"config":{"type":"string","minLength":1,"description":"Daemon configuration file (nydusd v1 or v2, JSON or TOML) for the bootstrap mounted at start; not read when nothing is mounted at start.","x-flag":{"name":"config","char":"C","exclusive":["localfs-dir"]}},"configDocument":{"type":"object","description":"Library only: a configuration document (v1 or v2 object) used instead of reading the config file.","additionalProperties":true},"localfsDir":{"type":"string","minLength":1,"description":"Built-in configuration: localfs backend reading blobs from this directory, blobcache work dir the same directory (daemon.md §1.8).","x-flag":{"name":"localfs-dir","char":"D","exclusive":["config"]}},"sharedDir":{"type":"string","minLength":1,"description":"Share a host directory through the passthrough filesystem instead of RAFS (not supported by this implementation yet: the daemon refuses to start).","x-flag":{"name":"shared-dir","char":"s","exclusive":["bootstrap"]}},"prefetchFiles":{"type":"string","minLength":1,"description":"File listing absolute paths to prefetch, one per line (blank lines skipped). Requires bootstrap.","x-flag":{"name":"prefetch-files","dependsOn":["bootstrap"]}},"virtualMountpoint":{"type":"string","default":"/","description":"Path inside the FUSE tree where the initial filesystem is attached.","x-flag":{"name":"virtual-mountpoint","char":"m"}},"apiSock":{"type":"string","minLength":1,"description":"Unix socket of the HTTP administration API; without it no API server runs.","x-flag":{"name":"apisock","char":"A"}},"metricsAddr":{"type":"string","minLength":1,"description":"HOST:PORT ([v6]:PORT) of a plain-HTTP listener serving the Prometheus metrics at GET /metrics (also at GET /api/v1/metrics/prometheus on the API socket). Unauthenticated: bind it to loopback unless the network is trusted. Without it no listener runs.","x-flag":{"name":"metrics-addr"}},"id":{"type":"string","minLength":1,"description":"Service instance identifier, reported in daemon info. Requires supervisor.","x-flag":{"name":"id","dependsOn":["supervisor"]}},"supervisor":{"type":"string","minLength":1,"description":"Unix socket of a supervisor. Accepted for nydusd compatibility: upgrade and takeover are unsupported in virtio-fs mode (sendfd answers 501, daemon.md §7), so nothing is ever sent there. Requires id.","x-flag":{"name":"supervisor","dependsOn":["id"]}},"stateDir":{"type":"string","minLength":1,"description":"Directory of daemon records; the daemon writes <dir>/<id>.json when started with --id and --supervisor (informative: nydus upgrade / nydus failover refuse virtio-fs daemons). Default: env NYDUS_STATE_DIR, else /run/nydus.","x-flag":{"name":"state-dir"}},"logLevel":{"enum":["trace","debug","info","warn","error"],"default":"info","description":"Maximum log level (changeable at run time through the API).","x-flag":{"name":"log-level","char":"l"}},"logFile":{"type":"string","minLength":1,"description":"Log to this file (appended; `.log` added when the name has no extension) instead of stderr.","x-flag":{"name":"log-file","char":"L"}},"logRotationSize":{"type":"integer","minimum":0,"default":0,"description":"Rotate the log file when it exceeds this many MiB; 0 disables rotation.","x-flag":{"name":"log-rotation-size"}},"rlimitNofile":{"type":"integer","minimum":0,"default":1000000,"description":"Target RLIMIT_NOFILE (daemon.md §1.10); 0 leaves the limit unchanged.","x-flag":{"name":"rlimit-nofile"}},"dedupDb":{"type":"string","minLength":1,"description":"Accepted for nydusd compatibility (chunk de-duplication database); ignored.","x-flag":{"name":"dedup-db"}},"backendSource":{"type":"string","description":"Accepted for nydus-snapshotter compatibility (its backend-source feature); ignored with a warning.","x-flag":{"name":"backend-source"}},"hybridMode":{"type":"boolean","default":false,"description":"Accepted for nydusd command-line compatibility and ignored: it selects passthroughfs-compatible VFS options, and this implementation serves RAFS images only (nydusd's quirk: its hybrid mode is on by default and the flag turns it off).","x-flag":{"name":"hybrid-mode"}}},"required":["sock"],"additionalProperties":false,"dependentRequired":{"id":["supervisor"],"supervisor":["id"],"prefetchFiles":["bootstrap"]},"allOf":[{"not":{"properties":{"bootstrap":true,"sharedDir":true},"required":["bootstrap","sharedDir"]}},{"not":{"properties":{"config":true,"localfsDir":true},"required":["config","localfsDir"]}},{"not":{"properties":{"config":true,"configDocument":true},"required":["config","configDocument"]}},{"not":{"properties":{"localfsDir":true,"configDocument":true},"required":["localfsDir","configDocument"]}}]};

function validate201(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://nydus-service.invalid/schema/daemon/virtiofs.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate201.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs2 = errors;
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.bootstrap === undefined) && (missing0 = "bootstrap")) || ((data.sharedDir === undefined) && (missing0 = "sharedDir"))){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
var valid1 = _errs3 === errors;
if(valid1){
const err1 = {instancePath,schemaPath:"#/allOf/0/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema96.allOf[0].not,parentSchema:schema96.allOf[0],data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
else {
errors = _errs2;
if(vErrors !== null){
if(_errs2){
vErrors.length = _errs2;
}
else {
vErrors = null;
}
}
}
const _errs5 = errors;
const _errs6 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if(((data.config === undefined) && (missing1 = "config")) || ((data.localfsDir === undefined) && (missing1 = "localfsDir"))){
const err2 = {};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
var valid2 = _errs6 === errors;
if(valid2){
const err3 = {instancePath,schemaPath:"#/allOf/1/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema96.allOf[1].not,parentSchema:schema96.allOf[1],data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
else {
errors = _errs5;
if(vErrors !== null){
if(_errs5){
vErrors.length = _errs5;
}
else {
vErrors = null;
}
}
}
const _errs8 = errors;
const _errs9 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing2;
if(((data.config === undefined) && (missing2 = "config")) || ((data.configDocument === undefined) && (missing2 = "configDocument"))){
const err4 = {};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
var valid3 = _errs9 === errors;
if(valid3){
const err5 = {instancePath,schemaPath:"#/allOf/2/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema96.allOf[2].not,parentSchema:schema96.allOf[2],data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
else {
errors = _errs8;
if(vErrors !== null){
if(_errs8){
vErrors.length = _errs8;
}
else {
vErrors = null;
}
}
}
const _errs11 = errors;
const _errs12 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing3;
if(((data.localfsDir === undefined) && (missing3 = "localfsDir")) || ((data.configDocument === undefined) && (missing3 = "configDocument"))){
const err6 = {};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
var valid4 = _errs12 === errors;
if(valid4){
const err7 = {instancePath,schemaPath:"#/allOf/3/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema96.allOf[3].not,parentSchema:schema96.allOf[3],data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
else {
errors = _errs11;
if(vErrors !== null){
if(_errs11){
vErrors.length = _errs11;
}
else {
vErrors = null;
}
}
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.sock === undefined){
const err8 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "sock"},message:"must have required property '"+"sock"+"'",schema:schema96.required,parentSchema:schema96,data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
for(const key0 in data){
if(!(func3.call(schema96.properties, key0))){
const err9 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema96,data};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.sock !== undefined){
let data0 = data.sock;
if(typeof data0 === "string"){
if(func1(data0) < 1){
const err10 = {instancePath:instancePath+"/sock",schemaPath:"#/properties/sock/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema96.properties.sock,data:data0};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/sock",schemaPath:"#/properties/sock/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema96.properties.sock.type,parentSchema:schema96.properties.sock,data:data0};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.bootstrap !== undefined){
let data1 = data.bootstrap;
if(typeof data1 === "string"){
if(func1(data1) < 1){
const err12 = {instancePath:instancePath+"/bootstrap",schemaPath:"#/properties/bootstrap/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema96.properties.bootstrap,data:data1};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/bootstrap",schemaPath:"#/properties/bootstrap/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema96.properties.bootstrap.type,parentSchema:schema96.properties.bootstrap,data:data1};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.config !== undefined){
let data2 = data.config;
if(typeof data2 === "string"){
if(func1(data2) < 1){
const err14 = {instancePath:instancePath+"/config",schemaPath:"#/properties/config/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema96.properties.config,data:data2};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/config",schemaPath:"#/properties/config/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema96.properties.config.type,parentSchema:schema96.properties.config,data:data2};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.configDocument !== undefined){
let data3 = data.configDocument;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
}
else {
const err16 = {instancePath:instancePath+"/configDocument",schemaPath:"#/properties/configDocument/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema96.properties.configDocument.type,parentSchema:schema96.properties.configDocument,data:data3};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.localfsDir !== undefined){
let data4 = data.localfsDir;
if(typeof data4 === "string"){
if(func1(data4) < 1){
const err17 = {instancePath:instancePath+"/localfsDir",schemaPath:"#/properties/localfsDir/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema96.properties.localfsDir,data:data4};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {instancePath:instancePath+"/localfsDir",schemaPath:"#/properties/localfsDir/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema96.properties.localfsDir.type,parentSchema:schema96.properties.localfsDir,data:data4};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.sharedDir !== undefined){
let data5 = data.sharedDir;
if(typeof data5 === "string"){
if(func1(data5) < 1){
const err19 = {instancePath:instancePath+"/sharedDir",schemaPath:"#/properties/sharedDir/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema96.properties.sharedDir,data:data5};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
else {
const err20 = {instancePath:instancePath+"/sharedDir",schemaPath:"#/properties/sharedDir/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema96.properties.sharedDir.type,parentSchema:schema96.properties.sharedDir,data:data5};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.prefetchFiles !== undefined){
let data6 = data.prefetchFiles;
if(typeof data6 === "string"){
if(func1(data6) < 1){
const err21 = {instancePath:instancePath+"/prefetchFiles",schemaPath:"#/properties/prefetchFiles/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema96.properties.prefetchFiles,data:data6};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
else {
const err22 = {instancePath:instancePath+"/prefetchFiles",schemaPath:"#/properties/prefetchFiles/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema96.properties.prefetchFiles.type,parentSchema:schema96.properties.prefetchFiles,data:data6};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.virtualMountpoint !== undefined){
let data7 = data.virtualMountpoint;
if(typeof data7 !== "string"){
const err23 = {instancePath:instancePath+"/virtualMountpoint",schemaPath:"#/properties/virtualMountpoint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema96.properties.virtualMountpoint.type,parentSchema:schema96.properties.virtualMountpoint,data:data7};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data.apiSock !== undefined){
let data8 = data.apiSock;
if(typeof data8 === "string"){
if(func1(data8) < 1){
const err24 = {instancePath:instancePath+"/apiSock",schemaPath:"#/properties/apiSock/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema96.properties.apiSock,data:data8};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
else {
const err25 = {instancePath:instancePath+"/apiSock",schemaPath:"#/properties/apiSock/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema96.properties.apiSock.type,parentSchema:schema96.properties.apiSock,data:data8};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.metricsAddr !== undefined){
let data9 = data.metricsAddr;
if(typeof data9 === "string"){
if(func1(data9) < 1){
const err26 = {instancePath:instancePath+"/metricsAddr",schemaPath:"#/properties/metricsAddr/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema96.properties.metricsAddr,data:data9};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/metricsAddr",schemaPath:"#/properties/metricsAddr/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema96.properties.metricsAddr.type,parentSchema:schema96.properties.metricsAddr,data:data9};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data.id !== undefined){
let data10 = data.id;
if(typeof data10 === "string"){
if(func1(data10) < 1){
const err28 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema96.properties.id,data:data10};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
else {
const err29 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema96.properties.id.type,parentSchema:schema96.properties.id,data:data10};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data.supervisor !== undefined){
let data11 = data.supervisor;
if(typeof data11 === "string"){
if(func1(data11) < 1){
const err30 = {instancePath:instancePath+"/supervisor",schemaPath:"#/properties/supervisor/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema96.properties.supervisor,data:data11};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
else {
const err31 = {instancePath:instancePath+"/supervisor",schemaPath:"#/properties/supervisor/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema96.properties.supervisor.type,parentSchema:schema96.properties.supervisor,data:data11};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data.stateDir !== undefined){
let data12 = data.stateDir;
if(typeof data12 === "string"){
if(func1(data12) < 1){
const err32 = {instancePath:instancePath+"/stateDir",schemaPath:"#/properties/stateDir/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema96.properties.stateDir,data:data12};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
else {
const err33 = {instancePath:instancePath+"/stateDir",schemaPath:"#/properties/stateDir/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema96.properties.stateDir.type,parentSchema:schema96.properties.stateDir,data:data12};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data.logLevel !== undefined){
let data13 = data.logLevel;
if(!(((((data13 === "trace") || (data13 === "debug")) || (data13 === "info")) || (data13 === "warn")) || (data13 === "error"))){
const err34 = {instancePath:instancePath+"/logLevel",schemaPath:"#/properties/logLevel/enum",keyword:"enum",params:{allowedValues: schema96.properties.logLevel.enum},message:"must be equal to one of the allowed values",schema:schema96.properties.logLevel.enum,parentSchema:schema96.properties.logLevel,data:data13};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data.logFile !== undefined){
let data14 = data.logFile;
if(typeof data14 === "string"){
if(func1(data14) < 1){
const err35 = {instancePath:instancePath+"/logFile",schemaPath:"#/properties/logFile/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema96.properties.logFile,data:data14};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
else {
const err36 = {instancePath:instancePath+"/logFile",schemaPath:"#/properties/logFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema96.properties.logFile.type,parentSchema:schema96.properties.logFile,data:data14};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data.logRotationSize !== undefined){
let data15 = data.logRotationSize;
if(!(((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15))) && (isFinite(data15)))){
const err37 = {instancePath:instancePath+"/logRotationSize",schemaPath:"#/properties/logRotationSize/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema96.properties.logRotationSize.type,parentSchema:schema96.properties.logRotationSize,data:data15};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
if((typeof data15 == "number") && (isFinite(data15))){
if(data15 < 0 || isNaN(data15)){
const err38 = {instancePath:instancePath+"/logRotationSize",schemaPath:"#/properties/logRotationSize/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema96.properties.logRotationSize,data:data15};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
}
if(data.rlimitNofile !== undefined){
let data16 = data.rlimitNofile;
if(!(((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16))) && (isFinite(data16)))){
const err39 = {instancePath:instancePath+"/rlimitNofile",schemaPath:"#/properties/rlimitNofile/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema96.properties.rlimitNofile.type,parentSchema:schema96.properties.rlimitNofile,data:data16};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
if((typeof data16 == "number") && (isFinite(data16))){
if(data16 < 0 || isNaN(data16)){
const err40 = {instancePath:instancePath+"/rlimitNofile",schemaPath:"#/properties/rlimitNofile/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema96.properties.rlimitNofile,data:data16};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
}
if(data.dedupDb !== undefined){
let data17 = data.dedupDb;
if(typeof data17 === "string"){
if(func1(data17) < 1){
const err41 = {instancePath:instancePath+"/dedupDb",schemaPath:"#/properties/dedupDb/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema96.properties.dedupDb,data:data17};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
else {
const err42 = {instancePath:instancePath+"/dedupDb",schemaPath:"#/properties/dedupDb/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema96.properties.dedupDb.type,parentSchema:schema96.properties.dedupDb,data:data17};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data.backendSource !== undefined){
let data18 = data.backendSource;
if(typeof data18 !== "string"){
const err43 = {instancePath:instancePath+"/backendSource",schemaPath:"#/properties/backendSource/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema96.properties.backendSource.type,parentSchema:schema96.properties.backendSource,data:data18};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data.hybridMode !== undefined){
let data19 = data.hybridMode;
if(typeof data19 !== "boolean"){
const err44 = {instancePath:instancePath+"/hybridMode",schemaPath:"#/properties/hybridMode/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema96.properties.hybridMode.type,parentSchema:schema96.properties.hybridMode,data:data19};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
if(data.id !== undefined){
if(data.supervisor === undefined){
const err45 = {instancePath,schemaPath:"#/dependentRequired",keyword:"dependentRequired",params:{property: "id",
    missingProperty: "supervisor",
    depsCount: 1,
    deps: "supervisor"},message:"must have property supervisor when property id is present",schema:schema96.dependentRequired,parentSchema:schema96,data};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data.supervisor !== undefined){
if(data.id === undefined){
const err46 = {instancePath,schemaPath:"#/dependentRequired",keyword:"dependentRequired",params:{property: "supervisor",
    missingProperty: "id",
    depsCount: 1,
    deps: "id"},message:"must have property id when property supervisor is present",schema:schema96.dependentRequired,parentSchema:schema96,data};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
if(data.prefetchFiles !== undefined){
if(data.bootstrap === undefined){
const err47 = {instancePath,schemaPath:"#/dependentRequired",keyword:"dependentRequired",params:{property: "prefetchFiles",
    missingProperty: "bootstrap",
    depsCount: 1,
    deps: "bootstrap"},message:"must have property bootstrap when property prefetchFiles is present",schema:schema96.dependentRequired,parentSchema:schema96,data};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
}
else {
const err48 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema96.type,parentSchema:schema96,data};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
validate201.errors = vErrors;
return errors === 0;
}
validate201.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

