/** State shared by the parts of one parse: the directory, the plan's year and window, the tasks so far. */
import type { DraftTask } from '../../task';
import type { Leads } from '../items/leads';
import type { Peak, TimeContext, TimeReading, Window } from '../time/time-words';
import type { UnitDirectory } from './units';
import type { RefAssignment } from '../items/references';

/** A drafted task with what the later passes (shared leads, cross-reference, de-duplication) need. */
export interface WorkTask extends DraftTask {
  meta: {
    /** The item's group (its parent's ref): siblings share leads and summaries repeat a later group. */
    group: string;
    /** The item had no body at all. */
    bare: boolean;
    /** The lead came from the item itself, not from its group or a cross-reference. */
    explicitLead: boolean;
    /** The item's body is only unit lines, which may close a run of bare items before it. */
    sharesLead?: boolean;
    /** Words to compare with the responsibilities of the units, for a task without a lead. */
    matchText: string;
    origin: 'item' | 'peak' | 'sub' | 'recurring' | 'duty' | 'banner' | 'plan-peak';
  };
}

/** A standing responsibility line of a unit, to find the lead of a task the plan assigns elsewhere. */
export interface DutyLine {
  slug: string;
  text: string;
}

export interface ParseContext {
  units: UnitDirectory;
  year: number;
  plan: Window;
  /** The plan's date, if the document gives it ("từ nay" starts there). */
  issued?: string | null;
  /** The words the plan's window comes from ("Cả năm 2024"), for tasks that inherit it. */
  planTimeText: string;
  /** The plan's peak ("cao điểm từ 29/3 đến 29/4"), for items timed "trong thời gian cao điểm". */
  planPeak?: Peak | null;
  /** The days of the plan's own event, when a part on its time says when it is held (a conference's plan). */
  eventTime?: { window: Window; text: string } | null;
  tasks: WorkTask[];
  duties: DutyLine[];
  /** Items given to units by their numbers in "Tổ chức thực hiện" (see references.ts). */
  assignments: RefAssignment[];
  /** Numbered items the walk left out, with why, for the review. */
  skipped: SkippedItem[];
}

export interface SkippedItem {
  ref: string;
  /** The item's paragraph (outline index). */
  node: number;
  text: string;
  reason: 'not-tasks' | 'plan-time' | 'outside' | 'summary';
}

/** What a group hands down to its items. */
export interface Inherited {
  time: { reading: TimeReading; text: string } | null;
  leads: Leads | null;
  committee: boolean;
}

export function timeContext(ctx: ParseContext, year = ctx.year): TimeContext {
  return { year, plan: ctx.plan, issued: ctx.issued ?? null };
}
