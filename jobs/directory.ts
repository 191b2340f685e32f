/**
 * An organisation's groups, department names and plan titles, kept for a few seconds. Every delivery
 * needs them, they change rarely, and without an index (FerretDB scans a collection for anything but _id)
 * reading them per message costs more than the send. The price of the TTL: a group bound or unbound in the
 * last few seconds may be missed or reached once more. This process forgets an organisation at once when it
 * changes a binding itself (unreachable, migrated).
 */
import { departmentNames, orgBindingRows, planTitle, type BindingRow } from '../src/store/delivery-directory';
import type { StoreId } from '../src/store/types';

export type { BindingRow };

export interface Directory {
  bindings(orgId: StoreId | string): Promise<BindingRow[]>;
  departmentNames(orgId: StoreId | string): Promise<ReadonlyMap<string, string>>;
  planTitle(planId: StoreId | string): Promise<string | null>;
  forget(orgId: StoreId | string): void;
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
    bindings: (orgId) => cached(`b:${String(orgId)}`, () => orgBindingRows(orgId)),
    departmentNames: (orgId) => cached(`d:${String(orgId)}`, () => departmentNames(orgId)),
    planTitle: (planId) => cached(`p:${String(planId)}`, () => planTitle(planId)),
    forget: (orgId) => {
      cache.delete(`b:${String(orgId)}`);
      cache.delete(`d:${String(orgId)}`);
    },
  };
}
