// CLI layer: runs `config validate` over files and renders the verdicts for a terminal.
// The JSON shape is schema/cli/config-validate.schema.json.
import type { ConfigFileReport, ConfigValidateResult } from '../../generated/types.js';
import { loadConfigFile, type Strictness } from '../config/index.js';
import { ConfigError } from '../errors.js';

export async function validateFiles(files: string[], strictness: Strictness): Promise<ConfigValidateResult> {
  const reports: ConfigFileReport[] = [];
  for (const file of files) {
    try {
      const loaded = await loadConfigFile(file, { strictness });
      reports.push({ file, valid: true, format: loaded.format, syntax: loaded.syntax, problems: [], warnings: loaded.warnings });
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      reports.push({ file, valid: false, format: null, syntax: null, problems: err.problems, warnings: [] });
    }
  }
  return { valid: reports.every((r) => r.valid), files: reports };
}

export function renderValidation(result: ConfigValidateResult): string {
  const lines: string[] = [];
  for (const r of result.files) {
    if (r.valid) lines.push(`${r.file}: valid (${r.format}, ${r.syntax})`);
    else lines.push(`${r.file}: invalid configuration`);
    for (const p of r.problems) lines.push(`  error: ${p.pointer || '/'}: ${p.message}`);
    for (const p of r.warnings) lines.push(`  warning: ${p.pointer || '/'}: ${p.message}`);
  }
  return `${lines.join('\n')}\n`;
}
