/** The organisations and departments the project ships (data/orgs.json), merged with an operator's file. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { OrgDirectory } from '../src/domain/task';
import { projectPath } from '../src/shared/paths';

export const SHIPPED_ORGS = projectPath('data', 'orgs.json');

const directorySchema = z.record(
  z.string().regex(/^[a-z0-9-]+$/, 'organisation slugs are lower-case words joined by "-"'),
  z.object({
    name: z.string().min(1),
    seeds: z.array(z.string()).optional(),
    departments: z.record(z.string().regex(/^[a-z0-9-]+$/), z.array(z.string().min(1)).min(1)),
  }),
);

export function readOrgDirectory(file: string): OrgDirectory {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`);
  }
  const parsed = directorySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** The shipped directory, with the operator's file (if any) adding or replacing organisations. */
export function orgDirectory(extraFile?: string): OrgDirectory {
  return { ...readOrgDirectory(SHIPPED_ORGS), ...(extraFile ? readOrgDirectory(extraFile) : {}) };
}
