// `nydus config convert FILE`: prints a configuration as nydusd's v2 (v1 converted as spec §2.3).
import { Args, Flags } from '@oclif/core';
import { NydusCommand } from '../../cli/base.js';
import { loadConfigFile, redactSecrets } from '../../config/index.js';
import { toToml } from '../../config/starter.js';

export default class ConfigConvert extends NydusCommand {
  static override summary = 'Convert a configuration to version 2, with every default filled in.';
  static override description =
    'Reads a v1 or v2 configuration, converts v1 to v2 exactly as nydusd does, applies the defaults and prints ' +
    'the result on stdout. Secrets (registry auth and tokens, access keys, cache keys) are redacted unless ' +
    '--show-secrets. Exit code 2 if the file is not a valid configuration.';
  static override examples = [
    '<%= config.bin %> config convert nydusd-config.v1.json > nydusd-config.json',
    '<%= config.bin %> config convert --format toml --show-secrets nydusd-config.v1.json',
  ];
  static override args = {
    file: Args.string({ description: 'configuration file (v1 or v2)', required: true }),
  };
  static override flags = {
    format: Flags.string({ description: 'output syntax', options: ['json', 'toml'], default: 'json' }),
    'show-secrets': Flags.boolean({ description: 'print credentials and keys instead of redacting them' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(ConfigConvert);
    const { config, warnings } = await loadConfigFile(args.file);
    for (const w of warnings) process.stderr.write(`warning: ${w.pointer}: ${w.message}\n`);
    const out = flags['show-secrets'] ? config : redactSecrets(config);
    process.stdout.write(flags.format === 'toml' ? toToml(out) + '\n' : `${JSON.stringify(out, null, 2)}\n`);
  }
}
