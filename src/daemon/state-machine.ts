// The daemon lifecycle (spec daemon.md §3) as a declared table: machine states, inputs,
// the action each transition runs and the state reported after it. Events are processed one
// at a time; each caller waits for its event's action. Daemon layer; no I/O here.
import { failures } from './api/errors.js';

/** Internal machine states. */
export type MachineState = 'Init' | 'Ready' | 'Running' | 'Die';
/** Inputs of the machine. */
export type DaemonEvent = 'Mount' | 'Takeover' | 'Start' | 'Stop' | 'Exit';
/** States reported by GET /api/v1/daemon. */
export type ReportedState = 'INIT' | 'RUNNING' | 'READY' | 'STOPPED' | 'UNKNOWN';
/** What a transition does (implemented by the daemon). */
export type DaemonAction = 'None' | 'Restore' | 'StopMachine' | 'StartService' | 'Umount' | 'TerminateService';

export interface Transition {
  readonly from: MachineState;
  readonly event: DaemonEvent;
  readonly to: MachineState;
  readonly action: DaemonAction;
  /** Reported state after the action succeeded; undefined leaves it unchanged. */
  readonly reported?: ReportedState;
}

/** daemon.md §3.2. Every pair not listed is an UnexpectedEvent. */
export const TRANSITIONS: readonly Transition[] = [
  { from: 'Init', event: 'Mount', to: 'Ready', action: 'None' },
  { from: 'Init', event: 'Takeover', to: 'Ready', action: 'Restore', reported: 'READY' },
  { from: 'Init', event: 'Stop', to: 'Die', action: 'StopMachine', reported: 'STOPPED' },
  { from: 'Ready', event: 'Start', to: 'Running', action: 'StartService', reported: 'RUNNING' },
  { from: 'Ready', event: 'Stop', to: 'Die', action: 'Umount', reported: 'STOPPED' },
  { from: 'Ready', event: 'Exit', to: 'Die', action: 'StopMachine', reported: 'STOPPED' },
  { from: 'Running', event: 'Stop', to: 'Ready', action: 'TerminateService', reported: 'READY' },
];

export const MACHINE_STATES: readonly MachineState[] = ['Init', 'Ready', 'Running', 'Die'];
export const EVENTS: readonly DaemonEvent[] = ['Mount', 'Takeover', 'Start', 'Stop', 'Exit'];

export function transitionFor(from: MachineState, event: DaemonEvent): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.event === event);
}

/** Composite triggers (§3.2): the events sent for each reported state. */
export const TRIGGERS: Readonly<Record<'stop' | 'exit', Readonly<Record<ReportedState, readonly DaemonEvent[]>>>> = {
  /** Signal shutdown: unmounts. */
  stop: { STOPPED: [], RUNNING: ['Stop', 'Stop'], READY: ['Stop'], INIT: ['Stop'], UNKNOWN: [] },
  /** PUT /api/v1/daemon/exit: never unmounts. */
  exit: { STOPPED: [], INIT: ['Stop'], RUNNING: ['Stop', 'Exit'], READY: ['Exit'], UNKNOWN: [] },
};

export type ActionRunner = (action: DaemonAction, event: DaemonEvent) => Promise<void> | void;

/**
 * The machine. The state advances before the action runs, even if the action then fails
 * (reference behaviour, §3.2), except a failed Restore, which returns to Init; the reported
 * state changes only after a successful action.
 * Once the reported state is STOPPED every later event fails (HTTP 500).
 */
export class StateMachine {
  private machine: MachineState = 'Init';
  private reportedState: ReportedState = 'INIT';
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly run: ActionRunner) {}

  get state(): MachineState {
    return this.machine;
  }

  get reported(): ReportedState {
    return this.reportedState;
  }

  /** Queues `event`; resolves when its action finished, rejects with an ApiFailure. */
  send(event: DaemonEvent): Promise<void> {
    const next = this.queue.then(() => this.process(event));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Sends the events of a composite trigger for the current reported state, in order. */
  async trigger(name: keyof typeof TRIGGERS): Promise<void> {
    // Decided when the trigger's turn comes, so a trigger queued behind another sees its result.
    const events = await this.queue.then(() => TRIGGERS[name][this.reportedState]);
    for (const e of events) await this.send(e);
  }

  private async process(event: DaemonEvent): Promise<void> {
    if (this.reportedState === 'STOPPED') throw failures.channelClosed();
    const t = transitionFor(this.machine, event);
    if (!t) throw failures.unexpectedEvent(event);
    this.machine = t.to;
    try {
      await this.run(t.action, event);
    } catch (err) {
      // A refused takeover (foreign or corrupt state, supervisor gone) leaves the daemon truly
      // in INIT so a later takeover can succeed (issue 7; the reference stays in Ready).
      if (t.action === 'Restore') this.machine = t.from;
      throw err;
    }
    if (t.reported) this.reportedState = t.reported;
  }
}
