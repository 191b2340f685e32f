import { Types } from 'mongoose';
import { foldVietnamese } from '../domain/calendar';
import { Department, Organisation } from './models';
import { idOf, type DepartmentRecord, type OrgRecord } from './types';

function toOrg(d: {
  _id: Types.ObjectId;
  slug: string;
  name: string;
  timezone: string;
  locale?: string | null;
  reminderSettings?: unknown;
  acceptance?: boolean | null;
}): OrgRecord {
  return {
    id: idOf(d._id),
    slug: d.slug,
    name: d.name,
    timezone: d.timezone,
    locale: d.locale ?? 'vi',
    reminderSettings: d.reminderSettings ?? undefined,
    acceptance: d.acceptance === true,
  };
}

function toDepartment(d: {
  _id: Types.ObjectId;
  org: Types.ObjectId;
  slug: string;
  name: string;
  aliases?: string[];
}): DepartmentRecord {
  return { id: idOf(d._id), org: idOf(d.org), slug: d.slug, name: d.name, aliases: d.aliases ?? [] };
}

export async function listOrgs(): Promise<OrgRecord[]> {
  return (await Organisation.find().sort({ slug: 1 }).lean()).map(toOrg);
}

export async function findOrgBySlug(slug: string): Promise<OrgRecord | null> {
  const d = await Organisation.findOne({ slug }).lean();
  return d ? toOrg(d) : null;
}

export async function findOrgById(id: string): Promise<OrgRecord | null> {
  if (!Types.ObjectId.isValid(id)) return null;
  const d = await Organisation.findById(id).lean();
  return d ? toOrg(d) : null;
}

export async function listDepartments(orgId: string): Promise<DepartmentRecord[]> {
  return (await Department.find({ org: orgId }).sort({ slug: 1 }).lean()).map(toDepartment);
}

/** Matches a slug, a name or an alias, ignoring case, accents and punctuation. */
export function matchDepartment(departments: DepartmentRecord[], text: string): DepartmentRecord[] {
  const key = normalise(text);
  if (!key) return [];
  const exact = departments.filter((d) => [d.slug, d.name, ...d.aliases].some((n) => normalise(n) === key));
  if (exact.length) return exact;
  // "kế hoạch" for "Phòng Kế hoạch – Tổng hợp": a unique partial match is what a person means.
  return departments.filter((d) => [d.slug, d.name, ...d.aliases].some((n) => normalise(n).includes(key)));
}

function normalise(s: string): string {
  return foldVietnamese(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\b(phong|ban)\b/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** Creates or updates an organisation and its departments from directory data (orgs.json shape). */
export async function upsertOrgDirectory(
  slug: string,
  entry: { name: string; departments: Record<string, string[]> },
  timezone = 'Asia/Ho_Chi_Minh',
): Promise<{ org: OrgRecord; departments: number }> {
  const org = await Organisation.findOneAndUpdate(
    { slug },
    { $set: { name: entry.name }, $setOnInsert: { slug, timezone } },
    { upsert: true, returnDocument: 'after' },
  ).lean();
  if (!org) throw new Error(`organisation ${slug} could not be saved`);
  let count = 0;
  for (const [deptSlug, names] of Object.entries(entry.departments)) {
    const [name, ...aliases] = names;
    await Department.updateOne(
      { org: org._id, slug: deptSlug },
      { $set: { name: name ?? deptSlug, aliases } },
      { upsert: true },
    );
    count++;
  }
  return { org: toOrg(org), departments: count };
}

/** `/caidat duyet bat|tat`: whether finished tasks wait for the leaders' acceptance. */
export async function setOrgAcceptance(orgId: string, on: boolean): Promise<void> {
  await Organisation.updateOne({ _id: orgId }, { $set: { acceptance: on } });
}
