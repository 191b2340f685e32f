/**
 * An organisation's groups, department names and plan titles, kept for a few seconds. Every delivery
 * needs them, they change rarely, and without an index (FerretDB scans a collection for anything but _id)
 * reading them per message costs more than the send. The price of the TTL: a group bound or unbound in the
 * last few seconds may be missed or reached once more. This process forgets an organisation at once when it
 * changes a binding itself (unreachable, migrated).
 */
import type { Types } from 'mongoose';
import type { Platform } from '../src/bot/messages';
import { ChatBinding, Department, Plan } from '../src/store/models';

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

export interface Directory {
  bindings(orgId: Types.ObjectId | string): Promise<BindingRow[]>;
  departmentNames(orgId: Types.ObjectId | string): Promise<ReadonlyMap<string, string>>;
  planTitle(planId: Types.ObjectId | string): Promise<string | null>;
  forget(orgId: Types.ObjectId | string): void;
}

export function createDirectory(ttlMs: number, now: () => number = Date.now): Directory {
  const cache = new Map<string, { at: number; value: Promise<unknown> }>();
  function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = cache.get(key);
    if (ttlMs > 0 && hit && now() - hit.at < ttlMs) return hit.value as Promise<T>;
    const value = load();
    // A failed read is not kept: the next job tries the store again.
    value.catch(() => cache.delete(key));
    cache.set(key, { at: now(), value });
    return value;
  }
  return {
    bindings: (orgId) =>
      cached(`b:${String(orgId)}`, async () => {
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
      }),
    departmentNames: (orgId) =>
      cached(`d:${String(orgId)}`, async () => {
        const rows = await Department.find({ org: orgId }, 'slug name').lean();
        return new Map(rows.map((d) => [d.slug, d.name]));
      }),
    planTitle: (planId) =>
      cached(`p:${String(planId)}`, async () => (await Plan.findById(planId, 'title').lean())?.title ?? null),
    forget: (orgId) => {
      cache.delete(`b:${String(orgId)}`);
      cache.delete(`d:${String(orgId)}`);
    },
  };
}
