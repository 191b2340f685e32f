/**
 * Organisations and departments as data the alliance owns: created from chat (a first plan or /batdau),
 * then added to, renamed, given aliases, merged and retired by its own administrators.
 */
import { Types } from 'mongoose';
import { departmentSlug, freeSlug, organisationSlug } from '../domain/alliance/slugs';
import { foldVietnamese } from '../domain/calendar';
import { ChatBinding, Department, Organisation, Task } from './models';
import { findOrgById, listDepartments } from './org-repository';
import type { DepartmentRecord, OrgRecord } from './types';

const key = (s: string): string =>
  foldVietnamese(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** A new organisation with its departments; its slug is made from its name, unique among organisations. */
export async function createOrganisation(
  name: string,
  /** A proposal's slugs are kept (the draft it reviewed names them), made unique when they clash. */
  departments: ReadonlyArray<{ slug?: string; name: string; aliases: string[] }>,
  timezone = 'Asia/Ho_Chi_Minh',
): Promise<OrgRecord> {
  const taken = new Set((await Organisation.find({}, { slug: 1 }).lean()).map((o) => o.slug));
  const slug = freeSlug(organisationSlug(name), taken);
  const org = await Organisation.create({ slug, name: name.trim(), timezone });
  const used = new Set<string>();
  for (const d of departments) {
    const s = freeSlug(d.slug || departmentSlug(d.name), used);
    used.add(s);
    await Department.create({ org: org._id, slug: s, name: d.name.trim(), aliases: d.aliases });
  }
  const created = await findOrgById(String(org._id));
  if (!created) throw new Error('organisation vanished after create');
  return created;
}

/** The department whose name or an alias is this one, ignoring case, accents and punctuation. */
function sameName(departments: readonly DepartmentRecord[], name: string): DepartmentRecord | undefined {
  const k = key(name);
  return departments.find((d) => !d.retired && [d.name, ...d.aliases].some((n) => key(n) === k));
}

export async function addDepartment(
  org: string,
  name: string,
  aliases: string[] = [],
): Promise<{ created: DepartmentRecord } | { exists: DepartmentRecord }> {
  const all = await listDepartments(org);
  const clash = sameName(all, name);
  if (clash) return { exists: clash };
  const slug = freeSlug(departmentSlug(name), new Set(all.map((d) => d.slug)));
  await Department.create({ org, slug, name: name.trim(), aliases });
  const created = (await listDepartments(org)).find((d) => d.slug === slug);
  if (!created) throw new Error('department vanished after create');
  return { created };
}

/** The old name stays as an alias: plans written before the rename still find the department. */
export async function renameDepartment(org: string, slug: string, name: string): Promise<boolean> {
  const d = await Department.findOne({ org, slug }).lean();
  if (!d) return false;
  const aliases = [...new Set([...(d.aliases ?? []), d.name])].filter((a) => key(a) !== key(name));
  const r = await Department.updateOne({ _id: d._id }, { $set: { name: name.trim(), aliases } });
  return r.modifiedCount > 0;
}

export async function addDepartmentAlias(org: string, slug: string, alias: string): Promise<boolean> {
  const r = await Department.updateOne({ org, slug }, { $addToSet: { aliases: alias.trim() } });
  return r.modifiedCount > 0;
}

/** Tasks not done that this department leads: they must go to someone else before it is retired. */
export async function openTasksLedBy(org: string, slug: string): Promise<number[]> {
  const docs = await Task.find({ org, lead: slug, status: { $ne: 'done' } }, { number: 1 })
    .sort({ number: 1 })
    .lean();
  return docs.map((d) => d.number);
}

export async function retireDepartment(
  org: string,
  slug: string,
  mergedInto: string | null = null,
): Promise<boolean> {
  const r = await Department.updateOne(
    { org, slug, retired: { $ne: true } },
    { $set: { retired: true, mergedInto } },
  );
  return r.modifiedCount > 0;
}

/** A merged department's names become the other's aliases, and its groups speak for the other. */
export async function absorbDepartment(org: string, from: string, into: string): Promise<number> {
  const source = await Department.findOne({ org, slug: from }).lean();
  if (!source) return 0;
  await Department.updateOne(
    { org, slug: into },
    { $addToSet: { aliases: { $each: [source.name, ...(source.aliases ?? [])] } } },
  );
  const r = await ChatBinding.updateMany(
    { org: new Types.ObjectId(org), role: 'department', department: from },
    { $set: { department: into } },
  );
  return r.modifiedCount;
}
