/**
 * The product scenario every channel must pass: link two department groups and a leadership group, list
 * tasks, update and finish tasks, be refused in the wrong group, ask /status Q2. Each channel test supplies
 * a Driver that speaks its platform; the steps and what users must see are written once, here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanDraft } from '../../src/domain/task';
import { upsertOrgDirectory } from '../../src/store/org-repository';
import { loadPlan } from '../../src/store/plan-loader';
import type { OrgDirectory } from '../../src/domain/task';

export const SCENARIO_NOW = '2025-05-15T09:00:00+07:00';

export type GroupName = 'planning' | 'office' | 'leaders';
export type UserName = 'admin' | 'lan' | 'minh' | 'chu_tich';

export interface Driver {
  /** Sends text as that user in that group; resolves with the texts of the bot's replies, in order. */
  send(group: GroupName, user: UserName, text: string): Promise<string[]>;
}

/** Loads the scenario organisation and plan (task numbers 1–5 in document order). */
export async function seedScenario(): Promise<void> {
  const orgs = JSON.parse(
    readFileSync(join(__dirname, '..', '..', 'data', 'orgs.json'), 'utf8'),
  ) as OrgDirectory;
  await upsertOrgDirectory('hai-phong', orgs['hai-phong']!);
  const plan = JSON.parse(
    readFileSync(join(__dirname, '..', 'fixtures', 'scenario', 'plan-2025.json'), 'utf8'),
  ) as PlanDraft;
  // Loaded at the scenario's own now, as a deployment with BOT_NOW=SCENARIO_NOW would load it.
  await loadPlan(plan, JSON.stringify(plan), 'plan-2025.json', new Date(SCENARIO_NOW));
}

const one = (replies: string[]): string => {
  expect(replies).toHaveLength(1);
  return replies[0]!;
};

/** Runs the scenario; `admin` must be in BOT_ADMINS for the driver's platform. */
export async function runScenario(d: Driver): Promise<void> {
  // A group nobody linked yet gets a hint, and a non-admin cannot link it.
  expect(one(await d.send('planning', 'lan', '/tasks'))).toMatch(/chưa được gắn.*\/lienket/);
  expect(one(await d.send('planning', 'lan', '/link ke hoach'))).toMatch(/Chỉ quản trị viên/);

  // An admin links two department groups (names with or without accents) and the leadership group.
  expect(one(await d.send('planning', 'admin', '/link Phòng Kế hoạch - Tổng hợp'))).toMatch(
    /Đã gắn nhóm này với Phòng Kế hoạch – Tổng hợp/,
  );
  expect(one(await d.send('office', 'admin', '/lienket van phong'))).toMatch(/Đã gắn nhóm này với Văn phòng/);
  expect(one(await d.send('leaders', 'admin', '/link leaders'))).toMatch(/nhóm lãnh đạo/);

  // The planning department lists its open tasks, nearest deadline first, with short numbers.
  const list = one(await d.send('planning', 'lan', '/tasks'));
  expect(list).toMatch(/Việc đang mở của Phòng Kế hoạch – Tổng hợp \(3\)/);
  expect(list.indexOf('#1 Báo cáo kết quả hỗ trợ')).toBeGreaterThan(-1);
  expect(list.indexOf('#1 ')).toBeLessThan(list.indexOf('#2 '));
  expect(list.indexOf('#2 ')).toBeLessThan(list.indexOf('#4 '));
  expect(list).toMatch(/#2 .*\(phối hợp\)/);
  expect(list).toContain('hạn 15/04/2025');

  // Progress, then done; the replies say what changed.
  expect(one(await d.send('planning', 'lan', '/update 4 60% đã tổng hợp số liệu'))).toMatch(
    /Việc số 4: tiến độ 0% → 60%/,
  );
  expect(one(await d.send('planning', 'lan', '/xong 1 đã gửi báo cáo'))).toMatch(
    /Đã ghi nhận việc số 1 hoàn thành, quá hạn \d+ ngày làm việc/,
  );

  // The office group may not finish the planning department's task; the refusal says what it can do.
  const refused = one(await d.send('office', 'minh', '/done 4'));
  expect(refused).toMatch(/Văn phòng không chủ trì, không phối hợp việc 4/);
  expect(refused).toMatch(/Phòng Kế hoạch – Tổng hợp/);
  // A supporting department may report progress, but not finish.
  expect(one(await d.send('planning', 'lan', '/update 2 30%'))).toMatch(/Việc số 2: tiến độ 0% → 30%/);
  expect(one(await d.send('planning', 'lan', '/done 2'))).toMatch(
    /phối hợp việc 2: báo tiến độ bằng \/capnhat 2 60%/,
  );

  // Bad input changes nothing and is answered clearly.
  expect(one(await d.send('planning', 'lan', '/update 4 150%'))).toMatch(/từ 0% đến 100%/);
  expect(one(await d.send('planning', 'lan', '/done 99'))).toMatch(/Không có việc số 99/);
  expect(one(await d.send('planning', 'lan', '/task 4'))).toMatch(/tiến độ 60%/);

  // Leaders see Q2 per department in the agencies' categories, with overdue items named.
  const report = one(await d.send('leaders', 'chu_tich', '/status Q2'));
  expect(report).toMatch(/Tình hình thực hiện Quý II\/2025 \(01\/04\/2025 – 30\/06\/2025\)/);
  expect(report).toMatch(
    /Phòng Kế hoạch – Tổng hợp: 2 việc\nĐúng hạn 0 · Trễ hạn 1 · Đang làm 1 · Quá hạn 0 · Chưa đến hạn 0/,
  );
  expect(report).toMatch(
    /Văn phòng: 1 việc\nĐúng hạn 0 · Trễ hạn 0 · Đang làm 1 · Quá hạn 0 · Chưa đến hạn 0/,
  );
  expect(report).toMatch(/Phòng Thông tin và Tuyên truyền: 1 việc/);
  expect(report).not.toMatch(/Tập huấn/); // September is not in Q2

  // The leadership group may finish any task.
  expect(one(await d.send('leaders', 'chu_tich', '/done 3'))).toMatch(/việc số 3 hoàn thành/);
}
