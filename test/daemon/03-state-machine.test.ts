// The lifecycle table of spec daemon.md §3.2: every (state, event) pair, the actions run,
// the reported states, failed actions, serialisation, and the composite triggers.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ApiFailure } from '../../src/daemon/api/errors.js';
import {
  EVENTS,
  MACHINE_STATES,
  StateMachine,
  TRIGGERS,
  type DaemonAction,
  type DaemonEvent,
  type MachineState,
  type ReportedState,
} from '../../src/daemon/state-machine.js';

/** The expected table, written out independently of TRANSITIONS. */
const EXPECTED: Record<MachineState, Partial<Record<DaemonEvent, [MachineState, DaemonAction, ReportedState | null]>>> = {
  Init: { Mount: ['Ready', 'None', null], Takeover: ['Ready', 'Restore', 'READY'], Stop: ['Die', 'StopMachine', 'STOPPED'] },
  Ready: { Start: ['Running', 'StartService', 'RUNNING'], Stop: ['Die', 'Umount', 'STOPPED'], Exit: ['Die', 'StopMachine', 'STOPPED'] },
  Running: { Stop: ['Ready', 'TerminateService', 'READY'] },
  Die: {},
};

/** Paths of events that lead to each machine state from Init (with the reported state there). */
const REACH: Record<MachineState, DaemonEvent[]> = {
  Init: [],
  Ready: ['Mount'],
  Running: ['Mount', 'Start'],
  Die: ['Stop'],
};

function machine(fail?: DaemonAction) {
  const actions: DaemonAction[] = [];
  const m = new StateMachine(async (a) => {
    actions.push(a);
    if (a === fail) throw new Error(`${a} failed`);
  });
  return { m, actions };
}

for (const from of MACHINE_STATES) {
  for (const event of EVENTS) {
    test(`${from} + ${event}`, async () => {
      const { m, actions } = machine();
      for (const e of REACH[from]) await m.send(e);
      assert.is(m.state, from);
      const before = m.reported;
      actions.length = 0;
      const want = EXPECTED[from][event];
      if (from === 'Die') {
        // Reported STOPPED: the machine accepts nothing more (HTTP 500).
        const err = await m.send(event).then(() => null, (e: unknown) => e);
        assert.instance(err, ApiFailure);
        assert.is((err as ApiFailure).status, 500);
        assert.equal(actions, []);
        return;
      }
      if (!want) {
        const err = await m.send(event).then(() => null, (e: unknown) => e);
        assert.instance(err, ApiFailure);
        assert.is((err as ApiFailure).status, 400);
        assert.is((err as ApiFailure).inner, `DaemonAbnormal(UnexpectedEvent("${event}"))`);
        assert.is(m.state, from, 'state unchanged');
        assert.is(m.reported, before);
        assert.equal(actions, []);
        return;
      }
      await m.send(event);
      assert.is(m.state, want[0]);
      assert.equal(actions, [want[1]]);
      assert.is(m.reported, want[2] ?? before);
    });
  }
}

test('a failed action advances the machine but not the reported state (reference behaviour)', async () => {
  const m = new StateMachine((a) => {
    if (a === 'StartService') throw new Error('no workers');
  });
  await m.send('Mount');
  const err = await m.send('Start').then(() => null, (e: unknown) => e);
  assert.ok(err instanceof Error);
  assert.is(m.state, 'Running');
  assert.is(m.reported, 'INIT');
});

test('a failed takeover (Restore) returns to Init, so a later takeover can succeed', async () => {
  let fail = true;
  const m = new StateMachine((a) => {
    if (a === 'Restore' && fail) throw new Error('corrupt state');
  });
  const err = await m.send('Takeover').then(() => null, (e: unknown) => e);
  assert.ok(err instanceof Error);
  assert.is(m.state, 'Init');
  assert.is(m.reported, 'INIT');
  fail = false;
  await m.send('Takeover');
  assert.is(m.state, 'Ready');
  assert.is(m.reported, 'READY');
});

test('events are processed one at a time, in order', async () => {
  const log: string[] = [];
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const m = new StateMachine(async (a) => {
    log.push(`begin ${a}`);
    if (a === 'StartService') await gate;
    log.push(`end ${a}`);
  });
  await m.send('Mount');
  const start = m.send('Start');
  const stop = m.send('Stop');
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(log, ['begin None', 'end None', 'begin StartService']);
  release();
  await Promise.all([start, stop]);
  assert.equal(log, ['begin None', 'end None', 'begin StartService', 'end StartService', 'begin TerminateService', 'end TerminateService']);
  assert.is(m.reported, 'READY');
});

test('stop trigger: RUNNING unmounts through Stop, Stop; STOPPED is a no-op', async () => {
  const { m, actions } = machine();
  await m.send('Mount');
  await m.send('Start');
  await m.trigger('stop');
  assert.equal(actions, ['None', 'StartService', 'TerminateService', 'Umount']);
  assert.is(m.reported, 'STOPPED');
  await m.trigger('stop');
  assert.is(actions.length, 4);
});

test('exit trigger never unmounts: RUNNING -> Stop, Exit', async () => {
  const { m, actions } = machine();
  await m.send('Mount');
  await m.send('Start');
  await m.trigger('exit');
  assert.equal(actions, ['None', 'StartService', 'TerminateService', 'StopMachine']);
  assert.not.ok(actions.includes('Umount'));
  assert.is(m.reported, 'STOPPED');
});

test('exit trigger from INIT and READY; stop trigger from INIT', async () => {
  const a = machine();
  await a.m.trigger('exit');
  assert.equal(a.actions, ['StopMachine']);
  const b = machine();
  await b.m.send('Mount');
  await b.m.send('Start');
  await b.m.send('Stop');
  assert.is(b.m.reported, 'READY');
  await b.m.trigger('exit');
  assert.equal(b.actions.slice(-1), ['StopMachine']);
  assert.is(b.m.reported, 'STOPPED');
  const c = machine();
  await c.m.trigger('stop');
  assert.equal(c.actions, ['StopMachine']);
  assert.equal(TRIGGERS.stop.STOPPED, []);
});

test.run();
