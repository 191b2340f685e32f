/**
 * The rules of a task's life in one pure function: given the task as it stands, an action, who asks and
 * when, `decide` answers with the change to write (and what its audit record says) or a refusal. Commands,
 * buttons and replies all ask it; the store only writes what it answers, guarded by the task's revision.
 *
 * Who may: the caller computes the asker's roles for this task (lead group, supporting group, leaders'
 * group, admin) — per-organisation permissions decide those roles, these rules decide what each role may.
 */
import type { LocalDate, TaskStatus } from './task';

/** What the asker is to this task, as the caller's permission code computed it. */
export type ActorRole = 'lead' | 'support' | 'leaders' | 'admin';

export interface Actor {
  roles: readonly ActorRole[];
  /** "Lan (telegram:501)": how the task's own history names the asker. */
  label: string;
}

export interface When {
  at: Date;
  /** The local date of `at` (Asia/Ho_Chi_Minh). */
  today: LocalDate;
}

/** One approved change of deadline: asked for and approved, or set by a leader's edit. */
export interface Extension {
  from: LocalDate | null;
  to: LocalDate;
  at: Date;
  /** The local date it was decided on: what "before the deadline passed" is judged by. */
  on: LocalDate;
  by: string;
  /** Who asked, when it was asked for; null when a leader moved the date without a request. */
  requestedBy: string | null;
  reason: string | null;
  via: 'request' | 'edit';
}

export interface ExtensionRequest {
  to: LocalDate;
  reason: string | null;
  at: Date;
  by: string;
  /** Where it was asked ("platform:chatId"), so the answer goes back there. */
  chat: string | null;
}

/** A result attached to a task: a file or photo sent on the platform, or a document's number. */
export interface Evidence {
  kind: 'file' | 'photo' | 'number';
  /** The platform's reference to the file (Telegram's file_id), so it can be sent again. */
  ref: string | null;
  platform: string;
  name: string;
  size: number;
  at: Date;
  by: string;
}

export interface Review {
  at: Date;
  by: string;
  note: string | null;
}

/** The facts of a task the rules read. */
export interface TaskState {
  status: TaskStatus;
  progress: number;
  start: LocalDate | null;
  end: LocalDate | null;
  completedAt: Date | null;
  /** The plan's deadline before any extension; null until the first one. */
  originalEnd: LocalDate | null;
  extensions: readonly Extension[];
  extensionRequest: ExtensionRequest | null;
  /** A result waiting for the leaders ("chờ duyệt"). */
  review: Review | null;
  /** How many times the leaders returned a result. */
  returned: number;
}

/** The organisation's settings the rules depend on. */
export interface Policy {
  /** `/caidat duyet bat`: a finished task waits for the leaders' acceptance. */
  acceptance: boolean;
}

export type TaskPatch = Partial<{
  title: string;
  start: LocalDate | null;
  end: LocalDate | null;
  lead: string[];
  support: string[];
}>;

export type TaskAction =
  | { kind: 'done'; note: string | null; evidence?: Evidence[] }
  | { kind: 'progress'; progress: number; note: string | null; evidence?: Evidence[] }
  | { kind: 'blocked'; reason: string }
  | { kind: 'note'; note: string; evidence?: Evidence[] }
  | { kind: 'reopen'; reason: string | null }
  | { kind: 'snooze'; until: LocalDate; note: string }
  | { kind: 'edit'; patch: TaskPatch }
  | { kind: 'extension-request'; to: LocalDate; reason: string | null; chat: string | null }
  | { kind: 'extension-approve' }
  | { kind: 'extension-refuse'; reason: string | null }
  | { kind: 'accept'; note: string | null }
  | { kind: 'return'; reason: string };

export type AuditAction =
  | 'done'
  | 'progress'
  | 'blocked'
  | 'note'
  | 'reopen'
  | 'snooze'
  | 'submit'
  | 'accept'
  | 'return'
  | 'extension-request'
  | 'extension-approve'
  | 'extension-refuse'
  | 'extension-grant';
export const AUDIT_ACTIONS: readonly AuditAction[] = [
  'done',
  'progress',
  'blocked',
  'note',
  'reopen',
  'snooze',
  'submit',
  'accept',
  'return',
  'extension-request',
  'extension-approve',
  'extension-refuse',
  'extension-grant',
];

/** The fields a change sets, by the names the store keeps them under. */
export type TaskSet = Partial<
  Pick<
    TaskState,
    'status' | 'progress' | 'completedAt' | 'originalEnd' | 'extensionRequest' | 'review' | 'returned'
  > & {
    blockedReason: string | null;
    snoozedFrom: LocalDate | null;
    snoozedUntil: LocalDate | null;
  } & TaskPatch
>;

export interface TaskChange {
  set: TaskSet;
  /** Appended to the task's list of approved deadline changes. */
  extension?: Extension;
  /** Appended to the task's results (files, photos, document numbers). */
  evidence?: Evidence[];
  /** The audit record: what happened, in one word, and the note that goes with it. */
  audit: { action: AuditAction; note: string | null };
  /** A line of the task's own status history (status changes and notes). */
  history: boolean;
  /** Whether the task's reminders must be planned again. */
  replan: boolean;
}

export type RefusalCode =
  | 'not-allowed'
  | 'already-done'
  /** Progress on a finished task from a group that may not reopen it: the task stays finished. */
  | 'finished'
  | 'not-done'
  | 'awaiting-review'
  | 'not-awaiting-review'
  | 'no-deadline'
  | 'not-later'
  | 'no-request'
  | 'request-pending'
  | 'unchanged';

export type Decision = { ok: true; change: TaskChange } | { ok: false; code: RefusalCode };

const refuse = (code: RefusalCode): Decision => ({ ok: false, code });
const has = (who: Actor, ...roles: ActorRole[]) => roles.some((r) => who.roles.includes(r));
/** The lead group, the leaders or an admin: those who answer for the task's state. */
const answersFor = (who: Actor) => has(who, 'lead', 'leaders', 'admin');
const decides = (who: Actor) => has(who, 'leaders', 'admin');

function ok(
  change: Omit<TaskChange, 'history' | 'replan'> & Partial<Pick<TaskChange, 'history' | 'replan'>>,
): Decision {
  return { ok: true, change: { history: true, replan: true, ...change } };
}

function finish(task: TaskState, policy: Policy, when: When, note: string | null): Decision {
  if (task.status === 'done') return refuse('already-done');
  if (task.status === 'review') return refuse('awaiting-review');
  if (policy.acceptance)
    return ok({
      set: { status: 'review', progress: 100, review: { at: when.at, by: '', note } },
      audit: { action: 'submit', note },
    });
  return ok({
    set: { status: 'done', progress: 100, completedAt: when.at, blockedReason: null },
    audit: { action: 'done', note },
  });
}

/** A task open again keeps the progress reported, short of finished. */
function reopened(task: TaskState): Pick<TaskSet, 'status' | 'progress' | 'completedAt'> {
  const progress = Math.min(task.progress, 99);
  return { status: progress > 0 ? 'in_progress' : 'open', progress, completedAt: null };
}

export function decide(
  task: TaskState,
  action: TaskAction,
  who: Actor,
  when: When,
  policy: Policy,
): Decision {
  const decision = decideAction(task, action, who, when, policy);
  const evidence = 'evidence' in action ? action.evidence : undefined;
  if (decision.ok && evidence?.length) decision.change.evidence = evidence;
  return decision;
}

/** "số 123/BC-LMHTX" in a note: the number of the document that reports the result. */
export function documentNumbers(note: string | null): string[] {
  if (!note) return [];
  return [...note.matchAll(/(?:số|so|no\.?)\s*(\d{1,6}\/[\p{L}\d]+(?:-[\p{L}\d]+)*)/giu)].map((m) => m[1]!);
}

function decideAction(task: TaskState, action: TaskAction, who: Actor, when: When, policy: Policy): Decision {
  switch (action.kind) {
    case 'done': {
      if (!answersFor(who)) return refuse('not-allowed');
      const d = finish(task, policy, when, action.note);
      if (d.ok && d.change.set.review) d.change.set.review = { ...d.change.set.review, by: who.label };
      return d;
    }
    case 'progress': {
      if (!answersFor(who) && !has(who, 'support')) return refuse('not-allowed');
      const finishes = action.progress >= 100;
      if (finishes && !answersFor(who)) return refuse('not-allowed');
      // A finished task is reopened only on purpose (/mola), never by a progress report.
      if (task.status === 'done') return refuse(finishes ? 'already-done' : 'finished');
      if (task.status === 'review') return refuse('awaiting-review');
      if (finishes) {
        const d = finish(task, policy, when, action.note);
        if (d.ok && d.change.set.review) d.change.set.review = { ...d.change.set.review, by: who.label };
        if (d.ok) d.change.audit = { ...d.change.audit, action: policy.acceptance ? 'submit' : 'progress' };
        return d;
      }
      return ok({
        set: { status: 'in_progress', progress: action.progress, blockedReason: null },
        audit: { action: 'progress', note: action.note },
      });
    }
    case 'blocked':
      if (!answersFor(who)) return refuse('not-allowed');
      if (task.status === 'done') return refuse('already-done');
      return ok({
        set: { status: 'blocked', blockedReason: action.reason },
        audit: { action: 'blocked', note: action.reason },
      });
    case 'note':
      if (!answersFor(who) && !has(who, 'support')) return refuse('not-allowed');
      return ok({ set: {}, audit: { action: 'note', note: action.note }, replan: false });
    case 'reopen':
      if (!answersFor(who)) return refuse('not-allowed');
      if (task.status !== 'done' && task.status !== 'review') return refuse('not-done');
      return ok({
        set: {
          ...reopened(task),
          completedAt: null,
          review: null,
        },
        audit: { action: 'reopen', note: action.reason },
      });
    case 'snooze':
      if (!answersFor(who)) return refuse('not-allowed');
      if (task.status === 'done') return refuse('already-done');
      return ok({
        set: { snoozedFrom: when.today, snoozedUntil: action.until },
        audit: { action: 'snooze', note: action.note },
      });
    case 'edit':
      return edit(task, action.patch, who, when);
    case 'extension-request':
      if (!answersFor(who)) return refuse('not-allowed');
      if (task.status === 'done') return refuse('already-done');
      if (!task.end) return refuse('no-deadline');
      if (action.to <= task.end) return refuse('not-later');
      if (task.extensionRequest) return refuse('request-pending');
      return ok({
        set: {
          extensionRequest: {
            to: action.to,
            reason: action.reason,
            at: when.at,
            by: who.label,
            chat: action.chat,
          },
        },
        audit: { action: 'extension-request', note: action.reason },
        replan: false,
      });
    case 'extension-approve': {
      if (!decides(who)) return refuse('not-allowed');
      const req = task.extensionRequest;
      if (!req) return refuse('no-request');
      return ok({
        set: { end: req.to, originalEnd: task.originalEnd ?? task.end, extensionRequest: null },
        extension: {
          from: task.end,
          to: req.to,
          at: when.at,
          on: when.today,
          by: who.label,
          requestedBy: req.by,
          reason: req.reason,
          via: 'request',
        },
        audit: { action: 'extension-approve', note: req.reason },
      });
    }
    case 'extension-refuse':
      if (!decides(who)) return refuse('not-allowed');
      if (!task.extensionRequest) return refuse('no-request');
      return ok({
        set: { extensionRequest: null },
        audit: { action: 'extension-refuse', note: action.reason },
        replan: false,
      });
    case 'accept':
      if (!decides(who)) return refuse('not-allowed');
      if (task.status !== 'review') return refuse('not-awaiting-review');
      return ok({
        set: { status: 'done', progress: 100, completedAt: task.review?.at ?? when.at, review: null },
        audit: { action: 'accept', note: action.note },
      });
    case 'return':
      if (!decides(who)) return refuse('not-allowed');
      if (task.status !== 'review') return refuse('not-awaiting-review');
      return ok({
        set: { ...reopened(task), review: null, returned: task.returned + 1 },
        audit: { action: 'return', note: action.reason },
      });
  }
}

/**
 * A leader's edit of the plan. Moving the deadline later of a dated task is an extension granted without
 * a request: recorded as one, with the plan's date kept as the original.
 */
function edit(task: TaskState, patch: TaskPatch, who: Actor, when: When): Decision {
  if (!decides(who)) return refuse('not-allowed');
  const keys = Object.keys(patch) as Array<keyof TaskPatch>;
  if (keys.length === 0) return refuse('unchanged');
  const current = task as unknown as Record<string, unknown>;
  const unchanged = keys.every((k) => JSON.stringify(patch[k]) === JSON.stringify(current[k] ?? null));
  if (unchanged) return refuse('unchanged');
  const moves = 'end' in patch && patch.end && task.end && patch.end !== task.end;
  const set: TaskSet = { ...patch };
  let extension: Extension | undefined;
  if (moves && patch.end) {
    set.originalEnd = task.originalEnd ?? task.end;
    extension = {
      from: task.end,
      to: patch.end,
      at: when.at,
      on: when.today,
      by: who.label,
      requestedBy: null,
      reason: null,
      via: 'edit',
    };
  }
  return {
    ok: true,
    change: {
      set,
      ...(extension ? { extension } : {}),
      audit: { action: moves ? 'extension-grant' : 'note', note: null },
      history: false,
      replan: true,
    },
  };
}

/**
 * The deadline a task is judged against when it was finished on `on`: the plan's date, moved by each
 * approved change decided while the deadline then in force had not yet passed. A date a leader moved
 * after the task was already late does not make it on time.
 */
export function deadlineInForce(
  task: Pick<TaskState, 'end' | 'originalEnd'> & {
    extensions?: readonly Pick<Extension, 'from' | 'to' | 'on'>[];
  },
  on: LocalDate,
): LocalDate | null {
  const extensions = task.extensions ?? [];
  if (extensions.length === 0) return task.end;
  let deadline = task.originalEnd ?? extensions[0]?.from ?? task.end;
  for (const e of extensions) {
    if (e.on > on) break;
    if (deadline === null || e.on <= deadline) deadline = e.to;
  }
  return deadline;
}
