/**
 * The reads behind the reminder worker's short-lived directory (jobs/directory.ts caches them): an
 * organisation's groups, its department names, a plan's title.
 */
import type { Platform } from '../domain/platform';
import { ChatBinding, Department, Plan } from './models';
import type { StoreId } from './types';

export interface BindingRow {
  platform: Platform;
  chatId: string;
  title: string;
  role: 'department' | 'leaders' | null;
  department: string | null;
  locale: string | null;
  unreachableSince: Date | null;
  mutedSince: Date | null;
}

export async function orgBindingRows(orgId: StoreId | string): Promise<BindingRow[]> {
  const rows = await ChatBinding.find(
    { org: orgId },
    'platform chatId title role department locale unreachableSince mutedSince',
  ).lean();
  return rows.map((b) => ({
    platform: b.platform,
    chatId: b.chatId,
    title: b.title ?? '',
    role: b.role ?? null,
    department: b.department ?? null,
    locale: b.locale ?? null,
    unreachableSince: b.unreachableSince ?? null,
    mutedSince: b.mutedSince ?? null,
  }));
}

/** Department slug → name. */
export async function departmentNames(orgId: StoreId | string): Promise<Map<string, string>> {
  const rows = await Department.find({ org: orgId }, 'slug name').lean();
  return new Map(rows.map((d) => [d.slug, d.name]));
}

export async function planTitle(planId: StoreId | string): Promise<string | null> {
  return (await Plan.findById(planId, 'title').lean())?.title ?? null;
}
