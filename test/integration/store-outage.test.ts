/**
 * The store stops for 20 s in the middle of a burst of status commands. Every command waits it out and is
 * answered once it is back — applied exactly once, and never with "try again" — because a message's change
 * is recorded under its dedupe key and the core runs it again only while the store is unreachable.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBotCore } from '../../src/bot/core';
import { plainText } from '../../src/bot/messages';
import { connectStore, disconnectStore } from '../../src/store/connect';
import { dropTestDatabase, StatusUpdate, Task } from '../helpers/store';
import { coreDeps } from '../helpers/core-deps';
import { seedScenario } from '../helpers/scenario';

jest.setTimeout(150_000);
const ROOT = join(__dirname, '..', '..');
const OUTAGE_MS = 20_000;

/** A FerretDB of this file's own, so stopping it leaves the other files' server alone. */
interface OwnStore {
  port: number;
  dir: string;
  pid: number;
}

function startFerret(port = '', dir = ''): OwnStore & { uri: string } {
  const out = execFileSync(join(ROOT, 'scripts', 'ferretdb.sh'), ['start', port, dir], { encoding: 'utf8' });
  const vars = Object.fromEntries(
    out
      .trim()
      .split(/\s+/)
      .map((kv) => kv.split('=') as [string, string]),
  );
  const uri = vars.MONGODB_URI!;
  return { uri, port: Number(new URL(uri).port), dir: vars.FERRETDB_DIR!, pid: Number(vars.FERRETDB_PID) };
}

async function stopFerret(pid: number): Promise<void> {
  process.kill(pid, 'SIGTERM');
  // Gone when signal 0 fails.
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

let store: OwnStore;
const core = createBotCore(coreDeps('telegram'));
let seq = 0;

function say(chat: string, user: string, text: string): Promise<string[]> {
  return core
    .handle({
      platform: 'telegram',
      chat: { id: chat, title: chat, isGroup: true },
      user: { id: user, name: user },
      messageId: String(++seq),
      text,
      botUsername: 'lmhtx_bot',
    })
    .then((replies) => replies.map(plainText));
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ferretdb-outage-'));
  const started = startFerret('', dir);
  store = started;
  await connectStore(started.uri, 'outage');
  await seedScenario();
  await say('-100', 'admin', '/link ke-hoach-tong-hop');
});

afterAll(async () => {
  await dropTestDatabase();
  await disconnectStore();
  await stopFerret(store.pid).catch(() => undefined);
});

it('answers and applies every command of a burst once across a 20 s store outage, with no "try again"', async () => {
  const before = await Task.find({ number: { $in: [1, 4] } }, { number: 1, history: 1 }).lean();
  const historyOf = (rows: typeof before, n: number) => rows.find((t) => t.number === n)?.history.length ?? 0;

  // Two groups' worth of people, each task's commands one after another as a chat's messages arrive
  // (FerretDB does not make concurrent conditional updates of one document atomic; MongoDB does).
  const commands = Array.from({ length: 20 }, (_, i) => `/update ${i % 2 ? 4 : 1} ${i + 1}%`);
  const lane = (task: number) => async () => {
    const out: string[][] = [];
    for (const text of commands.filter((c) => c.startsWith(`/update ${task} `))) {
      out.push(await say('-100', 'lan', text));
      // A steady stream of messages: some before the outage, most during it.
      await new Promise((r) => setTimeout(r, 200));
    }
    return out;
  };
  const lanes = Promise.all([lane(1)(), lane(4)()]);
  await new Promise((r) => setTimeout(r, 300)); // the first commands reach the store while it is up
  await stopFerret(store.pid);
  await new Promise((r) => setTimeout(r, OUTAGE_MS)); // the outage itself
  store = startFerret(String(store.port), store.dir);
  const answers = (await lanes).flat();
  expect(answers).toHaveLength(commands.length);
  for (const r of answers) {
    expect(r).toHaveLength(1);
    expect(r[0]).not.toMatch(/thử lại|gửi lại|Chưa lưu|gặp lỗi/);
    // A command whose write landed just as the store went away is recognised, not applied again.
    expect(r[0]).toMatch(/Việc số [14]: tiến độ|đã được ghi nhận trước đó/);
  }
  const updates = await StatusUpdate.find({ applied: true }, { dedupeKey: 1, text: 1 }).lean();
  expect(updates.map((u) => u.text).sort()).toEqual([...commands].sort());
  expect(new Set(updates.map((u) => u.dedupeKey)).size).toBe(commands.length);
  const after = await Task.find({ number: { $in: [1, 4] } }, { number: 1, history: 1 }).lean();
  expect(historyOf(after, 1) - historyOf(before, 1)).toBe(10);
  expect(historyOf(after, 4) - historyOf(before, 4)).toBe(10);
});

it('tells the sender what to send again when the store stays away longer than the wait', async () => {
  const impatient = createBotCore(coreDeps('telegram', { outageWaitMs: 2_000 }));
  await stopFerret(store.pid);
  try {
    const replies = await impatient.handle({
      platform: 'telegram',
      chat: { id: '-100', title: '-100', isGroup: true },
      user: { id: 'lan', name: 'lan' },
      messageId: String(++seq),
      text: '/update 1 50%',
      botUsername: 'lmhtx_bot',
    });
    expect(replies.map(plainText)).toEqual([expect.stringMatching(/Chưa lưu được.*gửi lại: \/update 1 50%/)]);
  } finally {
    store = startFerret(String(store.port), store.dir);
  }
  // Nothing of it was applied once the store is back.
  await Task.findOne({ number: 1 }).lean();
  expect(await StatusUpdate.countDocuments({ text: '/update 1 50%' })).toBe(0);
});
