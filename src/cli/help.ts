// CLI layer: oclif help that also lists every command of every topic at the root, so
// `nydus --help` shows what exists without a second call.
import { Help } from '@oclif/core';

export default class NydusHelp extends Help {
  protected override async showRootHelp(): Promise<void> {
    await super.showRootHelp();
    const nested = this.sortedCommands.filter((c) => c.id.includes(':') && !c.hidden);
    if (nested.length === 0) return;
    const rows = nested.map((c) => [c.id.replace(/:/g, ' '), c.summary ?? c.description?.split('\n')[0] ?? ''] as [string, string]);
    this.log(`${this.section('TOPIC COMMANDS', this.renderList(rows, { indentation: 2, spacer: '\n', stripAnsi: this.opts.stripAnsi }))}\n`);
  }
}
