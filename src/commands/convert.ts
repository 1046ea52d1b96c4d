// `nydus convert --source REF --target REF`: an OCI/Docker image in a registry -> a nydus
// image in a registry (nydusify convert).
import { Flags } from '@oclif/core';
import { readPrefetchList } from '../builder/build.js';
import { NydusCommand } from '../cli/base.js';
import { buildFlags, buildOptionsOf, jsonFlag } from '../cli/flags.js';
import { formatBytes } from '../cli/progress.js';
import { NydusError } from '../errors.js';
import { type AuthLookup, convertImage, dockerConfigAuth, type RegistryAccess } from '../oci/convert.js';
import { type Credentials, splitCredentials } from '../oci/registry-auth.js';

/** "user:password" of a credentials flag. */
function credentials(flag: string, text: string | undefined): Credentials | undefined {
  if (text === undefined) return undefined;
  const c = splitCredentials(text);
  if (!c) throw new NydusError('EINVAL', `--${flag}: expected user:password`, 2);
  return c;
}

/** Registry access from the flags; undefined fields keep the client's defaults. */
function access(plainHttp: boolean, insecure: boolean): RegistryAccess {
  return { ...(plainHttp ? { plainHttp: true } : {}), ...(insecure ? { skipVerify: true } : {}) };
}

export default class Convert extends NydusCommand {
  static override summary = 'Convert an OCI or Docker image in a registry into a nydus image and push it (like nydusify convert).';
  static override description =
    'Pulls the source manifest (an index is resolved to --platform, default this machine\'s), its config and layers ' +
    '(digests verified); turns each layer into a nydus data blob and all layers into one merged bootstrap (whiteouts ' +
    'and opaque directories applied, hard links kept); pushes the blobs as application/vnd.oci.image.layer.nydus.blob.v1 ' +
    'layers, the bootstrap as a gzip tar layer (image/image.boot) marked containerd.io/snapshot/nydus-bootstrap, the ' +
    'config with new diff_ids and an OCI manifest (an index when several platforms are converted), which nydus-snapshotter ' +
    'and `nydus fuse --image` read. Chunks already stored by an earlier layer or by --chunk-dict are referenced, not pushed ' +
    'again; blobs the registry has are not uploaded again. Nothing is tagged unless everything was pushed. Credentials come ' +
    'from --source-auth/--target-auth, else from the Docker client config ($DOCKER_CONFIG/config.json, ~/.docker/config.json).';
  static override examples = [
    '<%= config.bin %> convert --source 127.0.0.1:5000/app:1.0 --target 127.0.0.1:5000/app:1.0-nydus',
    '<%= config.bin %> convert --source 127.0.0.1:5000/app:1.1 --target 127.0.0.1:5000/app:1.1-nydus --chunk-dict 127.0.0.1:5000/app:1.0-nydus',
    '<%= config.bin %> convert --source reg.example.com/app:1.0 --target reg.example.com/app:1.0-nydus --platform linux/amd64,linux/arm64',
  ];
  static override flags = {
    source: Flags.string({ description: 'source image reference (REGISTRY/REPO:TAG or @DIGEST)', required: true }),
    target: Flags.string({ description: 'target image reference (REGISTRY/REPO:TAG)', required: true }),
    platform: Flags.string({ description: 'platforms of a multi-platform source to convert: os/arch[/variant], comma separated, or "all"; several give an index' }),
    'chunk-dict': Flags.string({ description: 'a nydus image reference or bootstrap file whose chunks the new image references instead of storing them again (also bootstrap:registry:REF, bootstrap:local:FILE)' }),
    'source-auth': Flags.string({ description: 'user:password for the source registry' }),
    'target-auth': Flags.string({ description: 'user:password for the target registry (and the chunk dictionary\'s)' }),
    'source-insecure': Flags.boolean({ description: 'https to the source registry without verifying its certificate' }),
    'target-insecure': Flags.boolean({ description: 'https to the target registry without verifying its certificate' }),
    'source-plain-http': Flags.boolean({ description: 'plain http to the source registry (the default only for 127.0.0.0/8, localhost and [::1])' }),
    'target-plain-http': Flags.boolean({ description: 'plain http to the target registry (the default only for 127.0.0.0/8, localhost and [::1])' }),
    'work-dir': Flags.string({ description: 'keep the layers, blobs and bootstrap here (default: a temp dir, removed afterwards)' }),
    ...buildFlags,
    ...jsonFlag,
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(Convert);
    const started = performance.now();
    const prefetchFiles = flags['prefetch-files'] ? await readPrefetchList(flags['prefetch-files']) : [];
    const fromConfig = await dockerConfigAuth();
    const srcAuth = credentials('source-auth', flags['source-auth']);
    const dstAuth = credentials('target-auth', flags['target-auth']);
    const srcHost = flags.source.split('/')[0];
    const auth: AuthLookup = (registry) => {
      if (dstAuth && flags.target.startsWith(`${registry}/`)) return dstAuth;
      if (srcAuth && (registry === srcHost || flags.source.startsWith(`${registry}/`))) return srcAuth;
      return fromConfig(registry);
    };
    const summary = await convertImage({
      source: flags.source,
      target: flags.target,
      platforms: flags.platform ? flags.platform.split(',').map((p) => p.trim()).filter((p) => p !== '') : undefined,
      chunkDict: flags['chunk-dict'],
      sourceAccess: access(flags['source-plain-http'], flags['source-insecure']),
      targetAccess: access(flags['target-plain-http'], flags['target-insecure']),
      ...buildOptionsOf(flags),
      prefetchFiles,
      auth,
      workDir: flags['work-dir'],
      log: flags.json ? undefined : (line) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(2).padStart(6)}s] ${line}\n`),
    });
    if (flags.json) {
      this.printJson(summary);
      return;
    }
    const blobs = summary.platforms.flatMap((p) => p.blobs);
    process.stdout.write(
      `${summary.target} ${summary.digest} (RAFS v${summary.fs_version}, ${summary.platforms.length} platform(s))\n` +
        `${blobs.length} blob(s), ${blobs.filter((b) => b.pushed).length} pushed; ${formatBytes(summary.pushed_bytes)} uploaded\n` +
        `source layers ${formatBytes(summary.source_size)}, nydus image ${formatBytes(summary.target_size)}, ${summary.seconds.toFixed(2)} s\n`,
    );
  }
}
