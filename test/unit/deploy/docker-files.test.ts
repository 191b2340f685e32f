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
  devDependencies: Record<string, string>;
};
/** dist/<out>.js ← source: what `npm run build` bundles (scripts/build.mjs reads the same file). */
const PROGRAMS = JSON.parse(read('scripts/programs.json')) as Record<string, string>;
const dockerignore = read('.dockerignore')
  .split('\n')
  .map((l) => l.trim())
  .filter(Boolean);

/** The Dockerfile's stages: name (from `AS`) and instructions, comments and blank lines dropped. */
const stages = (() => {
  const out: { name: string; from: string; lines: string[] }[] = [];
  for (const line of read('Dockerfile').split('\n')) {
    const l = line.trim();
    if (!l || l.startsWith('#')) continue;
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?$/i.exec(l);
    if (from) out.push({ name: from[2] ?? '', from: from[1]!, lines: [] });
    else out.at(-1)?.lines.push(l);
  }
  return out;
})();
const finalStage = stages.at(-1)!;
const stage = (name: string) => stages.find((s) => s.name === name);

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  init?: boolean;
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  healthcheck?: { test: string[] };
}
const compose = parse(read('docker-compose.yml')) as { services: Record<string, Service> };
const appServices = Object.entries(compose.services).filter(([, s]) => s.image === 'lmhtx-bot');

/** Every project file an entry loads (static and dynamic relative imports), and the packages it needs. */
function closure(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const src = read(file);
    for (const m of src.matchAll(
      /(?:\bfrom\s+|\bimport\s*\(\s*|\brequire(?:\.resolve)?\s*\(\s*|^import\s+)'([^']+)'/gm,
    )) {
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

/** `COPY [--from=x] a b dest` → { from, sources, dest }. */
function copies(lines: string[]): { from?: string; sources: string[]; dest: string }[] {
  return lines
    .filter((l) => l.startsWith('COPY '))
    .map((l) => {
      const words = l.split(/\s+/).slice(1);
      const from = words[0]?.startsWith('--from=') ? words.shift()!.slice('--from='.length) : undefined;
      const clean = (p: string) => p.replace(/^\.\/(?=.)/, '').replace(/(.)\/$/, '$1');
      return { from, sources: words.slice(0, -1).map(clean), dest: clean(words.at(-1)!) };
    });
}

/** The program a command runs: `node [flags] dist/x.js` → `x`. */
function programOf(command: string[] | undefined): string | undefined {
  if (command?.[0] !== 'node') return undefined;
  const file = command.slice(1).find((w) => !w.startsWith('-'));
  return file?.replace(/^dist\//, '').replace(/\.js$/, '');
}

describe('the Docker image', () => {
  it('is built in a stage of its own, and ships only dist/, locales/, data/, package.json and production node_modules', () => {
    const build = stage('build');
    expect(build?.lines).toContain('RUN npx tsc -p tsconfig.build.json && npm run build');
    expect(pkg.scripts.build).toBe('node scripts/build.mjs');
    // The last stage: from the builder only dist/, from the deps stage only node_modules.
    const shipped = copies(finalStage.lines);
    expect(shipped).toEqual(
      expect.arrayContaining([
        { from: undefined, sources: ['package.json'], dest: '.' },
        { from: 'deps', sources: ['/app/node_modules'], dest: 'node_modules' },
        { from: 'build', sources: ['/app/dist'], dest: 'dist' },
        { from: undefined, sources: ['locales'], dest: 'locales' },
        { from: undefined, sources: ['data'], dest: 'data' },
      ]),
    );
    expect(shipped).toHaveLength(5);
    expect(stage('deps')?.lines.some((l) => /^RUN npm ci --omit=dev\b/.test(l))).toBe(true);
    // Every stage copies only files that exist and that .dockerignore lets through.
    for (const c of stages.flatMap((s) => copies(s.lines)).filter((c) => !c.from)) {
      for (const p of c.sources) {
        expect(existsSync(path.join(ROOT, p))).toBe(true);
        expect(dockerignore).not.toContain(p);
      }
    }
  });

  it('installs no TypeScript, tsx or bundler among the production dependencies', () => {
    for (const tool of ['tsx', 'typescript', 'esbuild', 'ts-node', 'ts-jest']) {
      expect(Object.keys(pkg.dependencies)).not.toContain(tool);
    }
    expect(Object.keys(pkg.devDependencies)).toEqual(
      expect.arrayContaining(['tsx', 'typescript', 'esbuild']),
    );
  });

  it('starts the built bot with node itself: `node dist/app/main.js`', () => {
    const cmd = finalStage.lines.find((l) => l.startsWith('CMD '));
    const command = JSON.parse(cmd!.slice('CMD '.length)) as string[];
    expect(command[0]).toBe('node');
    expect(command.at(-1)).toBe('dist/app/main.js');
    // One command line for the bot wherever it runs: the image, npm start, compose (and bench:status).
    expect(pkg.scripts.start).toBe(command.join(' '));
    expect(compose.services.bot?.command).toEqual(command);
  });

  it.each(Object.entries(PROGRAMS))(
    'bundles dist/%s.js from %s, whose runtime packages are all production dependencies',
    (_out, source) => {
      const { files, packages } = closure(source);
      expect(files.size).toBeGreaterThan(3);
      const builtins = new Set([
        'fs',
        'path',
        'os',
        'crypto',
        'http',
        'https',
        'net',
        'url',
        'stream',
        'zlib',
      ]);
      for (const p of packages) if (!builtins.has(p)) expect(Object.keys(pkg.dependencies)).toContain(p);
    },
  );

  it('runs as an unprivileged user who owns every folder a volume is mounted on', () => {
    const lines = finalStage.lines;
    const userLine = lines.findIndex((l) => l.startsWith('USER '));
    expect(lines[userLine]).toBe('USER node');
    const mounts = appServices.flatMap(([, s]) => (s.volumes ?? []).map((v) => v.split(':')[1]!));
    expect(mounts.length).toBeGreaterThan(0);
    for (const target of new Set(mounts)) {
      const made = lines
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
  it('runs the built bot and worker with node directly, under an init process that forwards signals', () => {
    const programs = Object.fromEntries(appServices.map(([name, s]) => [name, programOf(s.command)]));
    expect(programs).toEqual({ bot: 'app/main', worker: 'app/worker' });
    for (const [, s] of appServices) {
      expect(PROGRAMS[programOf(s.command)!]).toBeDefined();
      expect(s.init).toBe(true);
    }
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
