// `nydus config validate FILE...`: checks nydusd configuration files (v1/v2, JSON/TOML).
import { Args, Flags } from '@oclif/core';
import { NydusCommand } from '../../cli/base.js';
import { validateFiles, renderValidation } from '../../cli/config-report.js';

export default class ConfigValidate extends NydusCommand {
  static override summary = 'Check nydusd configuration files and report every problem.';
  static override description =
    'Accepts v1 (legacy JSON) and v2 (JSON or TOML) configurations as nydusd does. Each problem is printed as ' +
    '<json pointer>: <what was expected, what was found>. Exit code 0 when every file is valid, 2 otherwise. ' +
    'Problems that only a mount would reject (an empty registry host in a nydus-snapshotter template, no cache ' +
    'section) are warnings unless --strict.';
  static override examples = [
    '<%= config.bin %> config validate /etc/nydus/config.json',
    '<%= config.bin %> config validate --strict --json a.json b.toml',
  ];
  static override strict = false;
  static override args = {
    file: Args.string({ description: 'configuration file(s) to check', required: true }),
  };
  static override flags = {
    json: Flags.boolean({ description: 'print the result as JSON (schema/cli/config-validate.schema.json)' }),
    strict: Flags.boolean({ description: 'also reject what a RAFS mount would need (backend host/repo, cache, rafs)' }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(ConfigValidate);
    const result = await validateFiles(argv as string[], flags.strict ? 'mount' : 'parse');
    if (flags.json) this.printJson(result);
    else process.stdout.write(renderValidation(result));
    if (!result.valid) this.exit(2);
  }
}
