// `nydus failover ID`: keeps a FUSE daemon's state and /dev/fuse fd and restarts the daemon
// after a crash without losing the mount (spec daemon.md §5.7, recover_policy = "failover").
import { Args, Flags } from '@oclif/core';
import { NydusCommand } from '../cli/base.js';
import { readRecord, resolveStateDir } from '../upgrade/records.js';
import { superviseFailover } from '../upgrade/failover.js';

export default class Failover extends NydusCommand {
  static override summary = 'Supervise a FUSE daemon and restart it after a crash without losing the mount (failover).';
  static override description =
    'Reads the daemon record <state dir>/<ID>.json, saves the daemon\'s state and /dev/fuse fd over its supervisor socket once it is RUNNING and again after every mount change, ' +
    'and watches it (an idle API connection and its pid). When the daemon dies with the filesystem still mounted it is started again with the same command line; it detects the crash, ' +
    'waits in INIT, takes the saved state over and resumes serving; pending requests are re-sent by the kernel (failover policy). A hot upgrade (`nydus upgrade`) is followed. ' +
    'Runs in the foreground until SIGTERM/SIGINT (the daemon keeps running) or until the daemon shuts down normally (unmounts): exit status 0; 1 when supervision fails.';
  static override examples = ['<%= config.bin %> failover d1', '<%= config.bin %> failover d1 --state-dir /run/nydus'];
  static override args = {
    id: Args.string({ description: 'daemon id (--id of the daemon)', required: true }),
  };
  static override flags = {
    'state-dir': Flags.string({ description: 'directory of daemon records (default: $NYDUS_STATE_DIR, else /run/nydus)' }),
    standby: Flags.boolean({
      description:
        'keep a standby of the daemon (a second process of its command line with its code loaded, waiting) that a recovery starts instead of a cold process; costs an idle process\'s memory',
      default: true,
      allowNo: true,
    }),
    'start-timeout': Flags.integer({ description: 'milliseconds a restarted daemon may take to answer in INIT (a slow machine or VM needs more)', default: 10_000, min: 100 }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Failover);
    const stateDir = resolveStateDir(flags['state-dir']);
    const record = await readRecord(stateDir, args.id);
    const stamp = () => new Date().toISOString();
    const log = {
      info: (m: string) => process.stdout.write(`${stamp()} ${m}\n`),
      warn: (m: string) => process.stderr.write(`${stamp()} nydus: warning: ${m}\n`),
    };
    const ac = new AbortController();
    const stop = () => ac.abort();
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    try {
      const result = await superviseFailover({ record, stateDir, log, signal: ac.signal, startTimeoutMs: flags['start-timeout'], standby: flags.standby });
      log.info(`failover supervision of ${args.id} ended (${result.reason}) after ${result.recoveries.length} recovery(ies)`);
    } finally {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
    }
    this.exit(0);
  }
}
