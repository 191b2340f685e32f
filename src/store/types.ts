import { Types } from 'mongoose';
import type { LocalDate, TaskKind, TaskSeries, TaskStatus } from '../domain/task';

/** Plain (lean) shapes the repositories hand out, so callers never hold live mongoose documents. */
export interface OrgRecord {
  id: string;
  slug: string;
  name: string;
  timezone: string;
  locale: string;
  reminderSettings?: unknown;
}

export interface DepartmentRecord {
  id: string;
  org: string;
  slug: string;
  name: string;
  aliases: string[];
}

export interface BindingRecord {
  platform: string;
  chatId: string;
  title: string;
  org: string | null;
  role: 'department' | 'leaders' | null;
  department: string | null;
  locale: 'vi' | 'en' | null;
  unreachableSince: Date | null;
  /** Set by /mute: no reminders here until /unmute. */
  mutedSince?: Date | null;
}

export interface TaskHistoryEntry {
  at: Date;
  by: string;
  status: TaskStatus;
  progress: number;
  note: string | null;
}

export interface TaskRecord {
  id: string;
  org: string;
  plan: string;
  planTitle?: string;
  number: number;
  ref: string;
  title: string;
  kind: TaskKind;
  lead: string[];
  support: string[];
  start: LocalDate | null;
  end: LocalDate | null;
  timeText: string | null;
  series: TaskSeries | null;
  status: TaskStatus;
  progress: number;
  completedAt: Date | null;
  blockedReason: string | null;
  history: TaskHistoryEntry[];
  revision: number;
}

export const idOf = (v: Types.ObjectId | string | null | undefined): string => (v ? String(v) : '');

/**
 * A stored document's id as the store hands it out in raw (lean) rows. Other layers name the type through
 * here, so only src/store knows it is mongoose's ObjectId.
 */
export type StoreId = Types.ObjectId;

/** Whether a string can be a stored id at all (a reminder key or a typed number can hold anything). */
export const isStoreId = (id: string): boolean => Types.ObjectId.isValid(id);
