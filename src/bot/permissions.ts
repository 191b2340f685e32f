import type { BindingRecord, TaskRecord } from '../store/types';
import type { ActorRole } from '../domain/task-rules';

export type ChangeKind = 'state' | 'progress';

/**
 * Who may change a task: its lead department's group, a supporting department's group for progress
 * reports only, the leadership group, or an admin anywhere.
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
