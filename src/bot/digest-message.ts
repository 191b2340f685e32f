/**
 * The Monday digest for a leadership group: per lead department, what was finished last week, what is
 * late and what falls due this week. Long digests are cut into several messages (Telegram stops at 4096
 * characters, Zalo earlier), each department kept whole, and long lists are shortened to "… and N more".
 */
import type { LocalDate } from '../domain/task';
import { t, type Locale } from '../shared/i18n';
import { formatDate } from './format';
import type { Reply, Segment } from './messages';
import { workingDaysPhrase } from './reminder-message';

export interface DigestItem {
  number: number;
  title: string;
  end: LocalDate | null;
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
  const title = (i: DigestItem): string => shorten(i.title, o.maxTitleChars);
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
    ...(input.mutedGroups?.length
      ? [t(locale, 'reminders:digest.muted', { groups: input.mutedGroups.join(', ') })]
      : []),
  ].join('\n');
  const blocks = input.sections.map((s) => sectionText(s, locale, o));
  if (blocks.length === 0) blocks.push(t(locale, 'reminders:digest.empty'));

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
