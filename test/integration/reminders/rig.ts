/**
 * What the reminder integration tests share: a seeded organisation, the real scheduler and workers on
 * this file's Redis prefix, and the Telegram emulator behind the real Telegram Sender.
 */
import IORedis from 'ioredis';
import pino from 'pino';
import type { TaskKind, TaskStatus } from '../../../src/domain/task';
import { createTelegramSender, type RetryLimits } from '../../../src/channels/telegram/sender';
import type { Clock } from '../../../src/shared/clock';
import { createReminderScheduler, type ReminderScheduler } from '../../../src/scheduler/plan-task';
import { orgSettingsReader } from '../../../src/scheduler/task-plans';
import { officialCalendar } from '../../fixtures/reminders/fixtures';
import { createDirectory } from '../../../jobs/directory';
import { redisUrl, testNamespace } from '../../harness/servers';
import { startEmulator, type Emulator } from '../../helpers/telegram-emulator';
import { WAIT_MS, waitFor } from '../../helpers/wait';
import { senderMap, type ReminderRuntime } from '../../../jobs/runtime';
import {
  startReminderWorkers,
  type ReminderWorkerOptions,
  type ReminderWorkers,
} from '../../../jobs/workers';
import { ChatBinding, Department, Organisation, Plan, Task } from '../../helpers/store';
import type { StoreId } from '../../helpers/store';

export const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

export interface Rig {
  rt: ReminderRuntime;
  scheduler: ReminderScheduler;
  emulator: Emulator;
  connection: IORedis;
  adminTexts: string[];
  startWorkers(options?: ReminderWorkerOptions): Promise<ReminderWorkers>;
  /** Resolves once no reminder or delivery job is waiting or running (delayed ones may remain). */
  idle(ms?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startRig(file: string, clock: Clock, retry: RetryLimits = {}): Promise<Rig> {
  const prefix = testNamespace(file);
  const connection = new IORedis(redisUrl(), { maxRetriesPerRequest: null });
  const emulator = await startEmulator();
  const adminTexts: string[] = [];
  const settingsFor = orgSettingsReader(() => undefined);
  const sender = createTelegramSender({ token: emulator.token, apiRoot: emulator.apiRoot, logger, ...retry });
  const rt: ReminderRuntime = {
    connection,
    prefix,
    clock,
    calendar: officialCalendar,
    logger,
    senders: senderMap([sender]),
    platforms: ['telegram'],
    defaultLocale: 'vi',
    notifyAdmins: async (text) => {
      adminTexts.push(text);
    },
    settingsFor,
    // No caching: the tests bind groups and expect the very next reminder to see them.
    directory: createDirectory(0),
    sendingStaleMs: 2_000,
    chatGapMs: { telegram: 0 },
    // Long enough for the reminders of one instant to fan out into one message, short for the tests. The
    // tests queue "due now" reminders with separate syncTask calls, each a store read and Redis round trips:
    // 300 ms was not enough when CI ran test files side by side, and a group got its items in two messages.
    // Longer makes every delivery test wait longer (2.5 s broke their 5 s waits at a load of 4); a test that
    // needs two reminders in one message holds the delivery worker until both fanned out (press.test).
    collectMs: 1_000,
  };
  const scheduler = createReminderScheduler({
    connection,
    prefix,
    clock,
    calendar: officialCalendar,
    logger,
    settingsFor,
  });
  const running: ReminderWorkers[] = [];

  /**
   * Until nothing is running or due: the scheduler queue's waiting and active jobs, and every delivery
   * queue's jobs including delayed ones (the collect window, a retry's back-off), three polls in a row.
   * The scheduler's delayed jobs are reminders of later days and do not count.
   */
  const idle = async (ms = WAIT_MS): Promise<void> => {
    const deliveryQueues = () => running.flatMap((w) => [...w.deliveryQueues.values()]);
    const busy = async (): Promise<boolean> => {
      const counts = await Promise.all([
        scheduler.queue.getJobCounts('active', 'wait', 'prioritized'),
        ...deliveryQueues().map((q) => q.getJobCounts('active', 'wait', 'prioritized', 'delayed')),
      ]);
      return counts.some((c) => Object.values(c).some((n) => n > 0));
    };
    let quietPolls = 0;
    await waitFor(
      async () => (quietPolls = (await busy()) ? 0 : quietPolls + 1) >= 3,
      'the queues to go idle',
      {
        timeoutMs: ms,
        intervalMs: 100,
      },
    );
  };

  return {
    rt,
    scheduler,
    emulator,
    connection,
    adminTexts,
    async startWorkers(options = {}) {
      const w = startReminderWorkers(rt, { stalledIntervalMs: 1_000, ...options });
      running.push(w);
      await w.ready();
      return w;
    },
    idle,
    async close() {
      for (const w of running) await w.close();
      await scheduler.close();
      const keys = await connection.keys(`${prefix}:*`);
      for (let i = 0; i < keys.length; i += 500) await connection.del(...keys.slice(i, i + 500));
      await connection.quit();
      await emulator.stop();
    },
  };
}

export interface Seed {
  org: StoreId;
  plan: StoreId;
}

/** An organisation with three departments and a plan; groups are bound separately. */
export async function seedOrg(slug = 'thai-binh'): Promise<Seed> {
  const org = await Organisation.create({ slug, name: 'Liên minh HTX tỉnh Thái Bình' });
  await Department.create([
    { org: org._id, slug: 'van-phong', name: 'Văn phòng' },
    { org: org._id, slug: 'to-chuc', name: 'Phòng Tổ chức - Tổng hợp' },
    { org: org._id, slug: 'ho-tro', name: 'Phòng Hỗ trợ HTX' },
  ]);
  const plan = await Plan.create({
    org: org._id,
    title: 'Chương trình công tác năm 2025',
    year: 2025,
    key: `ctct-2025-${slug}`,
    sourceHash: 'x',
  });
  return { org: org._id, plan: plan._id };
}

export async function bindGroup(
  seed: Seed,
  chatId: string,
  role: 'department' | 'leaders',
  department: string | null = null,
  locale: 'vi' | 'en' | null = null,
): Promise<void> {
  await ChatBinding.create({
    platform: 'telegram',
    chatId,
    title: `Nhóm ${chatId}`,
    org: seed.org,
    role,
    department,
    locale,
  });
}

let nextNumber = 1;
export async function createTask(
  seed: Seed,
  fields: {
    title?: string;
    kind?: TaskKind;
    lead?: string[];
    support?: string[];
    start?: string | null;
    end: string;
    status?: TaskStatus;
    completedAt?: Date;
  },
): Promise<{ id: string; number: number }> {
  const number = nextNumber++;
  const task = await Task.create({
    org: seed.org,
    plan: seed.plan,
    number,
    ref: `R${number}`,
    title: fields.title ?? `Việc thử số ${number}`,
    kind: fields.kind ?? 'deadline',
    lead: fields.lead ?? ['van-phong'],
    support: fields.support ?? [],
    start: fields.start ?? null,
    end: fields.end,
    status: fields.status ?? 'open',
    completedAt: fields.completedAt ?? null,
  });
  return { id: String(task._id), number };
}
