// CLI layer: oclif help that also lists every command (not only topics) at the root, so
// `nydus --help` shows what exists without a second call.
import { Help } from '@oclif/core';

export default class NydusHelp extends Help {
  protected override async showRootHelp(): Promise<void> {
    await super.showRootHelp();
    const all = this.sortedCommands.filter((c) => c.id.includes(':') && !c.hidden);
    if (all.length > 0) this.log(`${this.formatCommands(all)}\n`);
  }
}
