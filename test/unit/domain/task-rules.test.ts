/**
 * The task rules alone: pure, so each case is a task, an action, who asks and when.
 */
import { deadlineInForce, decide, type Actor, type TaskState } from '../../../src/domain/task-rules';

const at = new Date('2025-05-20T02:00:00Z');
const when = { at, today: '2025-05-20' };
const off = { acceptance: false };
const on = { acceptance: true };
const lead: Actor = { roles: ['lead'], label: 'Lan (telegram:1)' };
const support: Actor = { roles: ['support'], label: 'Hà (telegram:2)' };
const leaders: Actor = { roles: ['leaders'], label: 'Chủ tịch (telegram:3)' };
const stranger: Actor = { roles: [], label: 'Ai đó (telegram:4)' };

const open: TaskState = {
  status: 'open',
  progress: 0,
  start: '2025-05-01',
  end: '2025-05-15',
  completedAt: null,
  originalEnd: null,
  extensions: [],
  extensionRequest: null,
  review: null,
  returned: 0,
};
const finished: TaskState = {
  ...open,
  status: 'done',
  progress: 100,
  completedAt: new Date('2025-05-14T03:00:00Z'),
};

describe('task rules', () => {
  it('the lead group finishes a task; a supporting group may only report progress', () => {
    expect(decide(open, { kind: 'done', note: null }, lead, when, off)).toMatchObject({
      ok: true,
      change: { set: { status: 'done', progress: 100, completedAt: at }, audit: { action: 'done' } },
    });
    expect(decide(open, { kind: 'done', note: null }, support, when, off)).toEqual({
      ok: false,
      code: 'not-allowed',
    });
    expect(decide(open, { kind: 'progress', progress: 100, note: null }, support, when, off)).toEqual({
      ok: false,
      code: 'not-allowed',
    });
    expect(decide(open, { kind: 'progress', progress: 40, note: null }, support, when, off)).toMatchObject({
      ok: true,
      change: { set: { status: 'in_progress', progress: 40 } },
    });
    expect(decide(open, { kind: 'progress', progress: 40, note: null }, stranger, when, off).ok).toBe(false);
  });

  it('progress never reopens a finished task, from any group; /mola does, on purpose', () => {
    for (const who of [support, lead, leaders])
      expect(decide(finished, { kind: 'progress', progress: 50, note: null }, who, when, off)).toEqual({
        ok: false,
        code: 'finished',
      });
    expect(decide(finished, { kind: 'reopen', reason: 'thiếu số liệu' }, support, when, off)).toEqual({
      ok: false,
      code: 'not-allowed',
    });
    expect(decide(finished, { kind: 'reopen', reason: 'thiếu số liệu' }, lead, when, off)).toMatchObject({
      ok: true,
      change: {
        set: { status: 'in_progress', progress: 99, completedAt: null },
        audit: { action: 'reopen', note: 'thiếu số liệu' },
      },
    });
    expect(decide(open, { kind: 'reopen', reason: null }, lead, when, off)).toEqual({
      ok: false,
      code: 'not-done',
    });
    expect(decide(finished, { kind: 'done', note: null }, lead, when, off)).toEqual({
      ok: false,
      code: 'already-done',
    });
  });

  it('with acceptance on, done waits for the leaders; returned is open and counted again', () => {
    const submitted = decide(open, { kind: 'done', note: 'số 123/BC-LMHTX' }, lead, when, on);
    expect(submitted).toMatchObject({
      ok: true,
      change: { set: { status: 'review', review: { by: lead.label } }, audit: { action: 'submit' } },
    });
    const waiting: TaskState = {
      ...open,
      status: 'review',
      progress: 100,
      review: { at, by: lead.label, note: null },
    };
    expect(decide(waiting, { kind: 'accept', note: null }, lead, when, on)).toEqual({
      ok: false,
      code: 'not-allowed',
    });
    expect(decide(waiting, { kind: 'return', reason: 'thiếu ảnh' }, leaders, when, on)).toMatchObject({
      ok: true,
      change: { set: { status: 'in_progress', review: null, returned: 1 }, audit: { action: 'return' } },
    });
    expect(decide(waiting, { kind: 'accept', note: null }, leaders, when, on)).toMatchObject({
      ok: true,
      change: { set: { status: 'done', completedAt: at } },
    });
    expect(decide(open, { kind: 'accept', note: null }, leaders, when, on)).toEqual({
      ok: false,
      code: 'not-awaiting-review',
    });
  });

  it('an extension is asked by the lead group and decided by the leaders, keeping the original date', () => {
    const asked = decide(
      open,
      { kind: 'extension-request', to: '2025-06-30', reason: 'chờ số liệu', chat: null },
      lead,
      when,
      off,
    );
    expect(asked).toMatchObject({
      ok: true,
      change: { set: { extensionRequest: { to: '2025-06-30' } }, replan: false },
    });
    expect(
      decide(
        open,
        { kind: 'extension-request', to: '2025-05-10', reason: null, chat: null },
        lead,
        when,
        off,
      ),
    ).toEqual({
      ok: false,
      code: 'not-later',
    });
    const pending: TaskState = {
      ...open,
      extensionRequest: { to: '2025-06-30', reason: 'chờ số liệu', at, by: lead.label, chat: null },
    };
    expect(
      decide(
        pending,
        { kind: 'extension-request', to: '2025-07-30', reason: null, chat: null },
        lead,
        when,
        off,
      ),
    ).toEqual({
      ok: false,
      code: 'request-pending',
    });
    expect(decide(pending, { kind: 'extension-approve' }, lead, when, off)).toEqual({
      ok: false,
      code: 'not-allowed',
    });
    expect(decide(pending, { kind: 'extension-approve' }, leaders, when, off)).toMatchObject({
      ok: true,
      change: {
        set: { end: '2025-06-30', originalEnd: '2025-05-15', extensionRequest: null },
        extension: {
          from: '2025-05-15',
          to: '2025-06-30',
          requestedBy: lead.label,
          by: leaders.label,
          via: 'request',
        },
        replan: true,
      },
    });
    expect(decide(pending, { kind: 'extension-refuse', reason: 'không' }, leaders, when, off)).toMatchObject({
      ok: true,
      change: { set: { extensionRequest: null }, audit: { action: 'extension-refuse' } },
    });
  });

  it("a leader's new deadline is an extension granted without a request", () => {
    expect(decide(open, { kind: 'edit', patch: { end: '2025-06-30' } }, leaders, when, off)).toMatchObject({
      ok: true,
      change: {
        set: { end: '2025-06-30', originalEnd: '2025-05-15' },
        extension: { via: 'edit', requestedBy: null },
      },
    });
    expect(decide(open, { kind: 'edit', patch: { title: 'Mới' } }, leaders, when, off)).toMatchObject({
      ok: true,
      change: { set: { title: 'Mới' } },
    });
    expect(decide(open, { kind: 'edit', patch: { end: '2025-05-15' } }, leaders, when, off)).toEqual({
      ok: false,
      code: 'unchanged',
    });
    expect(decide(open, { kind: 'edit', patch: { end: '2025-06-30' } }, lead, when, off).ok).toBe(false);
  });

  it('judges on time against the deadline in force: an extension decided after it was late does not count', () => {
    const inTime = {
      end: '2025-06-30',
      originalEnd: '2025-05-15',
      extensions: [
        {
          from: '2025-05-15',
          to: '2025-06-30',
          at: new Date('2025-05-10T02:00:00Z'),
          on: '2025-05-10',
          by: 'x',
          requestedBy: 'y',
          reason: null,
          via: 'request' as const,
        },
      ],
    };
    expect(deadlineInForce(inTime, '2025-06-20')).toBe('2025-06-30');
    const tooLate = {
      ...inTime,
      extensions: [
        {
          ...inTime.extensions[0]!,
          at: new Date('2025-05-20T02:00:00Z'),
          on: '2025-05-20',
          via: 'edit' as const,
        },
      ],
    };
    expect(deadlineInForce(tooLate, '2025-06-20')).toBe('2025-05-15');
    // Finished before the extension was decided: judged against the date in force then.
    expect(deadlineInForce(inTime, '2025-05-09')).toBe('2025-05-15');
    expect(deadlineInForce({ end: '2025-05-15', originalEnd: null, extensions: [] }, '2025-05-20')).toBe(
      '2025-05-15',
    );
  });

  it('snooze moves reminders only for those who answer for the task', () => {
    expect(
      decide(open, { kind: 'snooze', until: '2025-05-23', note: 'hoãn' }, lead, when, off),
    ).toMatchObject({
      ok: true,
      change: { set: { snoozedFrom: '2025-05-20', snoozedUntil: '2025-05-23' }, audit: { action: 'snooze' } },
    });
    expect(decide(open, { kind: 'snooze', until: '2025-05-23', note: 'hoãn' }, support, when, off).ok).toBe(
      false,
    );
  });
});
