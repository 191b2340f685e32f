/** Organisation administrators (thư ký, quản trị), stored per organisation; see models/org-admin.ts. */
import { OrgAdmin } from './models';
import { idOf } from './types';

export interface AdminRecord {
  org: string;
  platform: string;
  userId: string | null;
  username: string | null;
  name: string;
}

export interface Person {
  platform: string;
  userId?: string | null;
  username?: string | null;
  name?: string;
}

const cleanUsername = (u: string | null | undefined): string | null =>
  u ? u.replace(/^@/, '').toLowerCase() : null;

function whoFilter(p: Person): Record<string, unknown> | null {
  const or: Record<string, unknown>[] = [];
  if (p.userId) or.push({ userId: p.userId });
  const username = cleanUsername(p.username);
  if (username) or.push({ username });
  return or.length ? { platform: p.platform, $or: or } : null;
}

/** 'already' when the person was an administrator of the organisation before. */
export async function grantAdmin(
  org: string,
  person: Person,
  grantedBy: string,
  now: Date,
): Promise<'granted' | 'already'> {
  const who = whoFilter(person);
  if (!who) throw new Error('grantAdmin: a user id or a username is needed');
  const existing = await OrgAdmin.findOne({ org, ...who }).lean();
  if (existing) {
    if (person.userId && !existing.userId)
      await OrgAdmin.updateOne({ _id: existing._id }, { $set: { userId: person.userId } });
    return 'already';
  }
  await OrgAdmin.create({
    org,
    platform: person.platform,
    userId: person.userId ?? null,
    username: cleanUsername(person.username),
    name: person.name ?? '',
    grantedBy,
    grantedAt: now,
  });
  return 'granted';
}

export async function revokeAdmin(org: string, person: Person): Promise<boolean> {
  const who = whoFilter(person);
  if (!who) return false;
  const r = await OrgAdmin.deleteMany({ org, ...who });
  return r.deletedCount > 0;
}

/**
 * The organisations this person administers, oldest grant first. A grant made by @username learns the
 * person's id here, the first time they write to the bot.
 */
export async function orgsAdministeredBy(person: Person): Promise<string[]> {
  const who = whoFilter(person);
  if (!who) return [];
  const docs = await OrgAdmin.find(who).sort({ grantedAt: 1 }).lean();
  const unresolved = docs.filter((d) => !d.userId).map((d) => d._id);
  if (unresolved.length && person.userId)
    await OrgAdmin.updateMany(
      { _id: { $in: unresolved } },
      { $set: { userId: person.userId, name: person.name ?? '' } },
    );
  return [...new Set(docs.map((d) => idOf(d.org)))];
}

export async function listAdmins(org: string): Promise<AdminRecord[]> {
  return (await OrgAdmin.find({ org }).sort({ grantedAt: 1 }).lean()).map((d) => ({
    org: idOf(d.org),
    platform: d.platform,
    userId: d.userId ?? null,
    username: d.username ?? null,
    name: d.name ?? '',
  }));
}
