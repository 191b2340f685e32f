/**
 * `npm run dev` as a new user runs it: no .env, no servers configured. It must start its own stores,
 * load the shipped plans, answer /tasks in the console, and a second run must find what the first wrote.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

jest.setTimeout(240_000);

const ROOT = path.join(__dirname, '..', '..');
const PROMPT = 'DEV> ';
const dataDir = mkdtempSync(path.join(tmpdir(), 'lmhtx-dev-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs `npm run dev`, types each line after the prompt shows, and returns everything it printed. */
function runDev(lines: string[]): Promise<{ code: number | null; out: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DEV_DATA_DIR: dataDir, DEV_PROMPT: PROMPT };
  // A new user has none of these: dev must find or start its own servers.
  for (const k of ['MONGODB_URI', 'REDIS_URL', 'TELEGRAM_BOT_TOKEN', 'ZALO_CREDENTIALS_FILE', 'BOT_NOW'])
    delete env[k];
  const child = spawn('npm', ['run', '-s', 'dev'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let typed = 0;
  const onData = (c: Buffer): void => {
    out += c.toString();
    // Type the next line each time a new prompt appears.
    const prompts = out.split(PROMPT).length - 1;
    while (typed < prompts && typed < lines.length) child.stdin.write(`${lines[typed++]}\n`);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })));
}

describe('npm run dev', () => {
  it('starts everything on a fresh machine, answers /tasks from the shipped plans, and keeps its data', async () => {
    const first = await runDev(['/tasks', '/done 7 xong trong buổi thử', ':quit']);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/MongoDB protocol: FerretDB|MongoDB: mongod|mongodb-memory-server/);
    expect(first.out).toMatch(/Redis: (redis-server|redis-memory-server)/);
    expect(first.out).toContain('first run: loading the shipped plans');
    expect(first.out).toMatch(/reminder worker: chạy/);
    expect(first.out).toMatch(/Việc đang mở của Văn phòng \(\d+\)/);
    expect(first.out).toMatch(/#7 .*hạn 31\/03\/2024/);
    expect(first.out).toContain('Đã dừng / stopped.');

    const second = await runDev(['/task 7', ':quit']);
    expect(second.code).toBe(0);
    expect(second.out).not.toContain('first run');
    // What the first run wrote is still there: task 7 is done, with its note.
    expect(second.out).toMatch(/Việc số 7:[\s\S]*Trạng thái: hoàn thành/);
    expect(second.out).toContain('xong trong buổi thử');
  });
});
