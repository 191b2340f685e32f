/** The vocabulary of a plan item, shared by the parser, the store, the bot and the reminder planner. */

/** A calendar day in Asia/Ho_Chi_Minh, written YYYY-MM-DD. Windows are local dates, never instants. */
export type LocalDate = string;

export const TASK_KINDS = [
  'agenda',
  'review',
  'event',
  'deadline',
  'campaign',
  'banner',
  'recurring',
  'duty',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** 'review': finished by the department, waiting for the leaders' acceptance ("chờ duyệt"). */
export const TASK_STATUSES = ['open', 'in_progress', 'blocked', 'review', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** A task as the importer drafts it (field names and meanings of shared/gold/README.md). */
export interface DraftTask {
  ref: string;
  title: string;
  kind: TaskKind;
  /** Department slugs of the plan's organisation, in document order. */
  lead: string[];
  support: string[];
  start: LocalDate | null;
  end: LocalDate | null;
  time_text: string | null;
  /** Unit names the document mentions for this task that the directory does not know. */
  unknown_units?: string[];
  /** Unit names matched by their letters only (a damaged scan), "as written → slug": worth a look. */
  fuzzy_units?: string[];
  /** One occurrence of recurring work ("lần 3/12"): the series it belongs to, its place and size. */
  series?: TaskSeries;
  /** The title a scan damaged, repaired from known words: shown in the review, loaded only when accepted. */
  proposed_title?: string;
}

export interface TaskSeries {
  /** The same for every occurrence of one piece of work in one plan (the item's ref). */
  key: string;
  index: number;
  count: number;
}

export interface DraftWarning {
  ref: string | null;
  code:
    | 'no-lead'
    | 'no-date'
    | 'unknown-unit'
    | 'no-items'
    | 'unread-table'
    | 'skipped-item'
    | 'fuzzy-unit'
    /** "theo chỉ đạo của cấp trên": the plan gives no time; the task got the plan's year. */
    | 'time-on-demand';
  detail?: string;
  /** 1-based line of the document the warning points at, when known. */
  line?: number;
}

export interface PlanDraft {
  org: string;
  title: string;
  doc_number: string | null;
  /** The document's date, when the text gives one. */
  issued_on: LocalDate | null;
  year: number;
  tasks: DraftTask[];
  warnings: DraftWarning[];
  /** The plan's own title repaired, as `DraftTask.proposed_title`. */
  proposed_title?: string;
}

/** An organisation's department directory, in the shape of shared/gold/orgs.json. */
export interface OrgDirectoryEntry {
  name: string;
  seeds?: string[];
  departments: Record<string, string[]>;
}
export type OrgDirectory = Record<string, OrgDirectoryEntry>;
