/**
 * What can be checked of the Docker image and the compose file without a Docker engine (there is none on
 * the CI machine): that the image holds every file and package the processes load, that the state
 * volume is writable by the user the image runs as, and that compose's commands, settings, health checks
 * and store addresses agree with the code.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { CONFIG_KEYS } from '../../../src/app/config';

const ROOT = path.join(__dirname, '..', '..', '..');
const read = (f: string): string => readFileSync(path.join(ROOT, f), 'utf8');
const pkg = JSON.parse(read('package.json')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
};
const dockerfile = read('Dockerfile')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));
const dockerignore = read('.dockerignore')
  .split('\n')
  .map((l) => l.trim())
  .filter(Boolean);

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  healthcheck?: { test: string[] };
}
const compose = parse(read('docker-compose.yml')) as { services: Record<string, Service> };
const appServices = Object.entries(compose.services).filter(([, s]) => s.image === 'lmhtx-bot');

/** The files an npm script runs: `node --import tsx <file>`. */
function scriptEntry(script: string): string {
  const m = /--import tsx (\S+\.ts)/.exec(pkg.scripts[script] ?? '');
  if (!m?.[1]) throw new Error(`npm script ${script} does not run a .ts file`);
  return m[1];
}

/** Every project file an entry loads (static and dynamic relative imports), and the packages it needs. */
function closure(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const src = read(file);
    for (const m of src.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^import\s+)'([^']+)'/gm)) {
      const spec = m[1]!;
      if (spec.startsWith('node:')) continue;
      if (!spec.startsWith('.')) {
        // Type-only imports vanish at run time.
        const line = src.slice(src.lastIndexOf('\n', m.index) + 1, src.indexOf('\n', m.index));
        if (/^import type /.test(line)) continue;
        packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
        continue;
      }
      const base = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
      const found = [`${base}.ts`, `${base}/index.ts`, base].find((c) => existsSync(path.join(ROOT, c)));
      if (found && found.endsWith('.ts')) visit(found);
    }
  };
  visit(entry);
  return { files, packages };
}

const copied = dockerfile
  .filter((l) => l.startsWith('COPY '))
  .flatMap((l) => l.split(/\s+/).slice(1, -1))
  .map((p) => p.replace(/^\.\//, '').replace(/\/$/, ''));

const ENTRIES = ['start', 'worker', 'seed', 'chat', 'import', 'zalo:login'];

describe('the Docker image', () => {
  it('copies only files that exist, and nothing it copies is excluded by .dockerignore', () => {
    for (const p of copied) {
      expect(existsSync(path.join(ROOT, p))).toBe(true);
      expect(dockerignore).not.toContain(p);
    }
  });

  it.each(ENTRIES)('holds every file and runtime package that `npm run %s` loads', (script) => {
    const { files, packages } = closure(scriptEntry(script));
    expect(files.size).toBeGreaterThan(3);
    for (const f of files) expect(copied).toContain(f.split('/')[0]);
    // The image installs with --omit=dev: a package used at run time must be a dependency.
    const builtins = new Set(['fs', 'path', 'os', 'crypto', 'http', 'https', 'net', 'url', 'stream', 'zlib']);
    for (const p of packages) if (!builtins.has(p)) expect(Object.keys(pkg.dependencies)).toContain(p);
    // Data read at run time: locales and the holiday calendar.
    for (const dir of ['locales', 'data']) expect(copied).toContain(dir);
  });

  it('runs as an unprivileged user who owns every folder a volume is mounted on', () => {
    const userLine = dockerfile.findIndex((l) => l.startsWith('USER '));
    expect(dockerfile[userLine]).toBe('USER node');
    const mounts = appServices.flatMap(([, s]) => (s.volumes ?? []).map((v) => v.split(':')[1]!));
    expect(mounts.length).toBeGreaterThan(0);
    for (const target of new Set(mounts)) {
      const made = dockerfile
        .slice(0, userLine)
        .some(
          (l) =>
            l.startsWith('RUN ') &&
            l.includes(`mkdir -p ${target}`) &&
            l.includes(`chown node:node ${target}`),
        );
      expect({ target, made }).toEqual({ target, made: true });
    }
  });
});

describe('docker-compose.yml', () => {
  it('runs the bot and the worker with npm scripts that exist', () => {
    const commands = Object.fromEntries(appServices.map(([name, s]) => [name, s.command]));
    expect(commands).toEqual({ bot: ['npm', 'start'], worker: ['npm', 'run', 'worker'] });
    expect(pkg.scripts.start).toBeDefined();
    expect(pkg.scripts.worker).toBeDefined();
  });

  it('sets only settings the code reads, and points the stores at its own services', () => {
    for (const [, s] of appServices) {
      for (const key of Object.keys(s.environment ?? {})) expect(CONFIG_KEYS).toContain(key);
      const mongoHost = new URL(s.environment!.MONGODB_URI!).hostname;
      const redisHost = new URL(s.environment!.REDIS_URL!).hostname;
      expect(compose.services[mongoHost]?.image).toMatch(/^mongo:/);
      expect(compose.services[redisHost]?.image).toMatch(/^redis:/);
    }
  });

  it('checks health with the heartbeat files the processes write', () => {
    for (const [name, s] of appServices) {
      const probe = s.healthcheck?.test.join(' ') ?? '';
      expect(probe).toContain(`/tmp/lmhtx-${name}.alive`);
    }
    expect(read('src/app/health.ts')).toContain('`lmhtx-${name}.alive`');
    expect(read('src/app/main.ts') + read('src/app/bot-service.ts')).toContain("startHeartbeat('bot'");
    expect(read('src/app/worker.ts')).toContain("startHeartbeat('worker'");
  });

  it('publishes the stores on 127.0.0.1 only, at the addresses .env.example gives the host', () => {
    const env = read('.env.example');
    expect(compose.services.mongo?.ports).toEqual(['127.0.0.1:27017:27017']);
    expect(compose.services.redis?.ports).toEqual(['127.0.0.1:6379:6379']);
    expect(env).toMatch(/^MONGODB_URI=mongodb:\/\/127\.0\.0\.1:27017\//m);
    expect(env).toMatch(/^REDIS_URL=redis:\/\/127\.0\.0\.1:6379$/m);
    for (const [, s] of appServices) expect(s.ports).toBeUndefined();
  });
});
