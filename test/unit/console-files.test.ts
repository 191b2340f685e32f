import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { BotCore, Reply } from '../../src/bot/messages';
import { runConsole } from '../../src/channels/console/console-channel';

/** A core that answers every line with a picture and a file, as /status and /export do. */
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
const xlsx = Buffer.from('PK bảng tính');
const core: BotCore = {
  async handle(): Promise<Reply[]> {
    return [
      {
        segments: [{ text: 'Tiến độ quý II' }],
        image: { data: png },
        document: { data: xlsx, filename: 'bao-cao.xlsx', caption: 'Báo cáo' },
      },
    ];
  },
};

describe('console channel files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'console-files-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes the picture and the document to a folder and prints their paths after the text', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (c: Buffer) => (printed += c.toString('utf8')));
    const done = runConsole({ core, input, output, filesDir: dir, prompt: '> ' });
    input.end('/status Q2\n:quit\n');
    await done;

    const paths = [...printed.matchAll(/📎 (\S+)/g)].map((m) => m[1] ?? '');
    expect(paths).toHaveLength(2);
    expect(printed).toContain('Báo cáo\nTiến độ quý II');
    expect(await readFile(paths[0] ?? '')).toEqual(png);
    expect(paths[1]).toMatch(/bao-cao\.xlsx$/);
    expect(await readFile(paths[1] ?? '')).toEqual(xlsx);
  });
});
