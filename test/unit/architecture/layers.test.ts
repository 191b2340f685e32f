/**
 * Data flows one way: adapter → bot core → domain/store → reply. This keeps it so over every source folder
 * (src, jobs, scripts, bench, tools), against the graph in layer-graph.ts.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, layerViolations, unknownSrcLayers } from './layer-graph';

it('every folder of src/ is a known layer', () => {
  expect(unknownSrcLayers()).toEqual([]);
});

it('no import climbs back up a layer, and only src/store reaches MongoDB', () => {
  expect(layerViolations()).toEqual([]);
});

describe('a climbing import planted in jobs/', () => {
  // A dotfile: TypeScript's include globs skip it, so a build running meanwhile never picks it up.
  const planted = path.join(ROOT, 'jobs', `.planted-climb-${process.pid}.ts`);
  const plant = (source: string): string[] => {
    writeFileSync(planted, source);
    try {
      return layerViolations().filter((line) => line.startsWith(`jobs/.planted-climb-${process.pid}.ts`));
    } finally {
      rmSync(planted, { force: true });
    }
  };

  it('fails the check when jobs/ imports the composition root', () => {
    expect(plant("import type { Config } from '../src/app/config';\nexport type C = Config;\n")).toEqual([
      `jobs/.planted-climb-${process.pid}.ts imports ../src/app/config (jobs → src/app)`,
    ]);
  });

  it('fails the check when jobs/ reaches the models or mongoose', () => {
    expect(
      plant(
        "import { Task } from '../src/store/models';\nimport type { Types } from 'mongoose';\n" +
          'export const t: [typeof Task, Types.ObjectId | null] = [Task, null];\n',
      ),
    ).toEqual([
      expect.stringContaining("imports ../src/store/models (the models are src/store's own"),
      expect.stringContaining('imports mongoose (only src/store may)'),
    ]);
  });

  it('fails the check when jobs/ imports test code', () => {
    expect(plant("export * from '../test/helpers/store';\n")).toEqual([
      `jobs/.planted-climb-${process.pid}.ts imports ../test/helpers/store (jobs → test)`,
    ]);
  });
});
