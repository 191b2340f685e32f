/**
 * The Monday digest for a leadership group: per lead department, what was finished last week, what is
 * late and what falls due this week. Long digests are cut into several messages (Telegram stops at 4096
 * characters, Zalo earlier), each department kept whole, and long lists are shortened to "… and N more".
 */
import { DAMAGED_MARK, markDamaged } from '../domain/ocr-check';
import type { Period } from '../domain/calendar';
import type { ScorecardRow } from '../domain/scorecard';
import type { CategoryCounts } from '../domain/status-report';
import type { LocalDate } from '../domain/task';
import { statusChartPng } from '../report/status-chart';
import type { ImageAttachment } from './messages';
import { periodLabel } from './commands/report-target';
import { scorecardLine } from './commands/status';
import { t, type Locale } from '../shared/i18n';
import { formatDate } from '../shared/date-format';
import type { Reply, Segment } from './messages';
import { workingDaysPhrase } from './reminder-message';

export interface DigestItem {
  number: number;
  title: string;
  end: LocalDate | null;
  /** Items of "starting this week" only: the first day of the window. */
  start?: LocalDate | null;
  /** Late items only: working days past the end. */
  workingDaysLate?: number;
}

export interface DigestSection {
  /** The department's name; null for tasks with no lead unit. */
  department: string | null;
  done: DigestItem[];
  late: DigestItem[];
  due: DigestItem[];
}

export interface DigestInput {
  orgName: string;
  /** Monday and Sunday of the week the digest opens. */
  weekStart: LocalDate;
  weekEnd: LocalDate;
  /** Distinct tasks (a task led by two departments is listed under both but counted once). */
  totals: { done: number; late: number; due: number };
  sections: DigestSection[];
  /** "Tồn đọng": open tasks whose end had passed when their plan was loaded; counted, never reminded. */
  backlog?: number;
  /** Groups that typed /mute: the leaders should know who no longer hears the reminders. */
  mutedGroups?: string[];
  /** "Tuần này": what starts, what newly went overdue, which groups the bot cannot reach. */
  week?: DigestWeek;
  /** The current quarter's numbers per lead department, for the chart the digest opens with. */
  quarter?: DigestQuarter;
  /** In the first digest of a quarter only: the quarter just ended, departments ranked by on-time rate. */
  scorecard?: DigestScorecard;
}

export interface DigestScorecard {
  period: Period;
  /** Ranked; `department` is the department's name. */
  rows: ScorecardRow[];
}

export interface DigestWeek {
  /** Windows opening this week (events, campaigns, banners, …), not yet done. */
  starting: DigestItem[];
  /** Not done, and their deadline passed during the last seven days. */
  becameOverdue: DigestItem[];
  /** Groups reminders do not reach: muted by their members, or the bot was removed. */
  groups: Array<{ title: string; muted: boolean; unreachableSince: LocalDate | null }>;
}

export interface DigestQuarter {
  period: Period;
  /** Today, for "tính đến". */
  asOf: LocalDate;
  rows: Array<{ department: string | null; counts: CategoryCounts }>;
}

export interface DigestRenderOptions {
  maxItemsPerList?: number;
  maxCharsPerMessage?: number;
  maxTitleChars?: number;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function list(
  heading: string,
  items: readonly DigestItem[],
  line: (item: DigestItem) => string,
  max: number,
  locale: Locale,
): string[] {
  if (items.length === 0) return [];
  const out = [heading, ...items.slice(0, max).map((i) => `  ${line(i)}`)];
  if (items.length > max) out.push(`  ${t(locale, 'reminders:digest.more', { n: items.length - max })}`);
  return out;
}

function sectionText(s: DigestSection, locale: Locale, o: Required<DigestRenderOptions>): string {
  const title = (i: DigestItem): string => markDamaged(i.title, shorten(i.title, o.maxTitleChars));
  const name = s.department ?? t(locale, 'reminders:digest.noLead');
  return [
    t(locale, 'reminders:digest.department', { name }),
    ...list(
      t(locale, 'reminders:digest.late'),
      s.late,
      (i) =>
        t(locale, 'reminders:digest.itemLate', {
          number: i.number,
          title: title(i),
          late: workingDaysPhrase('late', i.workingDaysLate ?? 1, locale),
        }),
      o.maxItemsPerList,
      locale,
    ),
    ...list(
      t(locale, 'reminders:digest.due'),
      s.due,
      (i) =>
        t(locale, 'reminders:digest.itemDue', {
          number: i.number,
          title: title(i),
          date: i.end ? formatDate(i.end) : '—',
        }),
      o.maxItemsPerList,
      locale,
    ),
    ...list(
      t(locale, 'reminders:digest.done'),
      s.done,
      (i) => t(locale, 'reminders:digest.item', { number: i.number, title: title(i) }),
      o.maxItemsPerList,
      locale,
    ),
  ].join('\n');
}

export function renderDigest(input: DigestInput, locale: Locale, options: DigestRenderOptions = {}): Reply[] {
  const o: Required<DigestRenderOptions> = {
    maxItemsPerList: options.maxItemsPerList ?? 5,
    maxCharsPerMessage: options.maxCharsPerMessage ?? 3500,
    maxTitleChars: options.maxTitleChars ?? 90,
  };
  const title = t(locale, 'reminders:digest.title', {
    from: formatDate(input.weekStart),
    to: formatDate(input.weekEnd),
  });
  const summary = [
    t(locale, 'reminders:digest.summary', input.totals),
    ...(input.backlog ? [t(locale, 'reminders:digest.backlog', { n: input.backlog })] : []),
    // With a "Tuần này" block the muted groups are named there, with the unreachable ones.
    ...(input.mutedGroups?.length && !input.week
      ? [t(locale, 'reminders:digest.muted', { groups: input.mutedGroups.join(', ') })]
      : []),
  ].join('\n');
  const blocks = input.sections.map((s) => sectionText(s, locale, o));
  if (blocks.length === 0) blocks.push(t(locale, 'reminders:digest.empty'));
  if (input.week) blocks.push(weekText(input.week, locale, o));
  if (input.scorecard?.rows.length) blocks.push(scorecardText(input.scorecard, locale));
  // A title still as the scan left it is marked in the lists; one line at the end says what the mark means.
  if (blocks.some((b) => b.includes(` ${DAMAGED_MARK}`)))
    blocks.push(t(locale, 'reminders:digest.damagedLegend'));

  const replies: Reply[] = [];
  let body: string[] = [];
  const flush = (): void => {
    const continued = replies.length > 0 ? ` ${t(locale, 'reminders:digest.continued')}` : '';
    const head: Segment[] = [
      { text: `${title}${continued}`, style: 'bold' },
      { text: '\n' },
      { text: input.orgName, style: 'bold' },
    ];
    const intro = replies.length === 0 ? `\n${summary}` : '';
    replies.push({ segments: [...head, { text: `${intro}\n\n${body.join('\n\n')}` }] });
    body = [];
  };
  let size = 0;
  for (const block of blocks) {
    if (body.length > 0 && size + block.length > o.maxCharsPerMessage) {
      flush();
      size = 0;
    }
    body.push(block);
    size += block.length + 2;
  }
  flush();
  return replies;
}

function weekText(week: DigestWeek, locale: Locale, o: Required<DigestRenderOptions>): string {
  const w = (key: string, vars?: Record<string, unknown>): string => t(locale, `reports:digest.${key}`, vars);
  const title = (i: DigestItem): string => markDamaged(i.title, shorten(i.title, o.maxTitleChars));
  const items = (heading: string, list: readonly DigestItem[], line: (i: DigestItem) => string): string[] => {
    if (list.length === 0) return [];
    const out = [heading, ...list.slice(0, o.maxItemsPerList).map((i) => `  ${line(i)}`)];
    if (list.length > o.maxItemsPerList) out.push(`  ${w('more', { n: list.length - o.maxItemsPerList })}`);
    return out;
  };
  const lines = [
    ...items(w('starting', { count: week.starting.length }), week.starting, (i) =>
      w('itemStart', { number: i.number, title: title(i), date: i.start ? formatDate(i.start) : '—' }),
    ),
    ...items(w('becameOverdue', { count: week.becameOverdue.length }), week.becameOverdue, (i) =>
      w('itemOverdue', { number: i.number, title: title(i), date: i.end ? formatDate(i.end) : '—' }),
    ),
  ];
  if (week.groups.length > 0) {
    lines.push(w('groupsMissing', { count: week.groups.length }));
    for (const g of week.groups) {
      lines.push(
        `  ${
          g.unreachableSince
            ? w('groupUnreachable', { title: g.title, date: formatDate(g.unreachableSince) })
            : w('groupMuted', { title: g.title })
        }`,
      );
    }
  }
  if (lines.length === 0) lines.push(w('nothing'));
  return [w('thisWeek'), ...lines].join('\n');
}

/** The quarter just ended, a line a department, the rate first (the same line as /status). */
function scorecardText(card: DigestScorecard, locale: Locale): string {
  const words = (key: string, vars?: Record<string, unknown>): string => t(locale, key, vars);
  return [
    words('reports:scorecard.digestTitle', { period: periodLabel(words, card.period) }),
    ...card.rows.map((row) => `  ${scorecardLine(words, row, row.department)}`),
  ].join('\n');
}

/** The quarter's chart for the digest's first message, in the group's language; undefined without data. */
export async function digestChart(input: DigestInput, locale: Locale): Promise<ImageAttachment | undefined> {
  const q = input.quarter;
  if (!q || q.rows.length === 0) return undefined;
  const words = (key: string, vars?: Record<string, unknown>): string => t(locale, key, vars);
  const label = periodLabel(words, q.period);
  const noLead = t(locale, 'reminders:digest.noLead');
  const summaries = q.rows.map((r) => ({ department: r.department ?? '', counts: r.counts }));
  const data = await statusChartPng(words, summaries, { deptName: (name) => name, noLead }, label, q.asOf);
  return { data, caption: words('reports:digest.chartCaption', { period: label, date: formatDate(q.asOf) }) };
}
