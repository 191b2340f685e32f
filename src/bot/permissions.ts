import { orgsAdministeredBy } from '../store/org-admins';
import type { BindingRecord, TaskRecord } from '../store/types';
import type { ActorRole } from '../domain/task-rules';

export type ChangeKind = 'state' | 'progress';

/**
 * Who may change a task: its lead department's group, a supporting department's group for progress
 * reports only, the leadership group, or an admin anywhere. `isAdmin` must be computed for the task's
 * organisation (CommandContext.isAdmin is: see `administers`).
 */
export function mayChange(
  task: TaskRecord,
  binding: BindingRecord | null,
  isAdmin: boolean,
  kind: ChangeKind,
): boolean {
  if (isAdmin) return true;
  if (!binding || !binding.org || binding.org !== task.org) return false;
  if (binding.role === 'leaders') return true;
  if (binding.role !== 'department' || !binding.department) return false;
  if (task.lead.includes(binding.department)) return true;
  return kind === 'progress' && task.support.includes(binding.department);
}

/**
 * Who may change the plan itself (load a plan, edit, add or delete tasks): admins anywhere, and the
 * leadership group of the organisation. Department groups report progress; they do not rewrite the plan.
 */
export function mayManagePlan(
  orgId: string | null,
  binding: BindingRecord | null,
  isAdmin: boolean,
): boolean {
  if (isAdmin) return true;
  return Boolean(binding && binding.role === 'leaders' && binding.org && binding.org === orgId);
}

/**
 * What the asker is to this task, for the task rules (src/domain/task-rules.ts) to decide what they may
 * do: the lead department's group, a supporting department's group, the leadership group, an admin.
 * Only groups of the task's own organisation count.
 */
export function rolesFor(task: TaskRecord, binding: BindingRecord | null, isAdmin: boolean): ActorRole[] {
  const roles: ActorRole[] = isAdmin ? ['admin'] : [];
  if (!binding || !binding.org || binding.org !== task.org) return roles;
  if (binding.role === 'leaders') roles.push('leaders');
  if (binding.role === 'department' && binding.department) {
    if (task.lead.includes(binding.department)) roles.push('lead');
    else if (task.support.includes(binding.department)) roles.push('support');
  }
  return roles;
}

/** What a person is, deployment-wide: computed once per message by `userRoles`. */
export interface UserRoles {
  /** BOT_ADMINS: the deployment's own super-admins, administrators of every organisation. */
  deploymentAdmin: boolean;
  /** Organisations (ids) this person administers as their secretary (thư ký, quản trị). */
  adminOf: readonly string[];
}

/** What a person may do in one chat, for the organisation the chat works on. */
export interface ChatRoles {
  deploymentAdmin: boolean;
  /** Administrator of the chat's organisation (deployment admins count); false when the chat has none. */
  orgAdmin: boolean;
  /** The chat is the organisation's leaders' group. */
  leaders: boolean;
  /** The department whose group this is. */
  department: string | null;
}

export async function userRoles(
  admins: readonly string[],
  person: { platform: string; userId: string; username?: string | undefined; name?: string },
): Promise<UserRoles> {
  return {
    deploymentAdmin: admins.includes(`${person.platform}:${person.userId}`),
    adminOf: await orgsAdministeredBy({
      platform: person.platform,
      userId: person.userId,
      username: person.username ?? null,
      name: person.name ?? '',
    }),
  };
}

/** True when this person administers `orgId`: a deployment admin, or that organisation's own admin. */
export function administers(roles: UserRoles, orgId: string | null | undefined): boolean {
  if (roles.deploymentAdmin) return true;
  return Boolean(orgId && roles.adminOf.includes(orgId));
}

/** The per-organisation roles of one chat: the binding's organisation, or the private chat's. */
export function chatRoles(roles: UserRoles, orgId: string | null, binding: BindingRecord | null): ChatRoles {
  const same = Boolean(binding?.org && binding.org === orgId);
  return {
    deploymentAdmin: roles.deploymentAdmin,
    orgAdmin: orgId ? administers(roles, orgId) : roles.deploymentAdmin,
    leaders: same && binding?.role === 'leaders',
    department: same && binding?.role === 'department' ? (binding.department ?? null) : null,
  };
}
