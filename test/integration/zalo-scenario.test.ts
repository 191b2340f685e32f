/**
 * The product scenario through the Zalo adapter, against a fake built on zca-js's own types and message
 * classes (Zalo's servers cannot be reached from here), with the real bot core and store.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { ThreadType } from '../../src/channels/zalo/zca';
import { createBotCore } from '../../src/bot/core';
import { createZaloChannel, type ZaloChannel } from '../../src/channels/zalo/channel';
import { coreDeps } from '../helpers/core-deps';
import { runScenario, seedScenario, type Driver, type GroupName, type UserName } from '../helpers/scenario';
import { useTestStore } from '../helpers/store';
import { settled } from '../helpers/wait';
import { FakeZaloServer } from '../helpers/zalo-fake';

useTestStore(__filename);

const GROUPS: Record<GroupName, string> = { planning: '5001001', office: '5001002', leaders: '5001003' };
const USERS: Record<UserName, { id: string; name: string }> = {
  admin: { id: 'admin', name: 'Quản trị' },
  lan: { id: '7001', name: 'Lan' },
  minh: { id: '7002', name: 'Minh' },
  chu_tich: { id: '7003', name: 'Chủ tịch' },
};

const zalo = new FakeZaloServer({
  groups: { [GROUPS.planning]: 'Phòng KH-TH', [GROUPS.office]: 'Văn phòng', [GROUPS.leaders]: 'Thường trực' },
});
let channel: ZaloChannel;

beforeAll(async () => {
  await seedScenario();
  channel = createZaloChannel({
    credentialsFile: join(tmpdir(), 'zalo-scenario-absent.json'),
    core: createBotCore(coreDeps('zalo')),
    logger: pino({ level: 'silent' }),
    api: zalo.api,
    login: zalo.login,
    ratePerSecond: 1000,
    burst: 50,
  });
  await channel.start();
});
afterAll(() => channel.stop());

const driver: Driver = {
  async send(group, user, text) {
    const before = zalo.sent.length;
    zalo.emitGroupText(GROUPS[group], USERS[user], text);
    await zalo.waitForSent(before + 1);
    // The channel tells no one when it has answered: all is said once nothing more comes for a while.
    await settled(() => zalo.sent.length);
    const replies = zalo.sent.slice(before);
    for (const r of replies) expect(r).toMatchObject({ threadId: GROUPS[group], type: ThreadType.Group });
    return replies.map((r) => r.text);
  },
};

describe('Zalo channel, with the real core and store', () => {
  it('runs the product scenario', async () => {
    await runScenario(driver);
  });

  it('a reply quoting a bot message that is not a reminder gets a hint, and changes nothing', async () => {
    const before = zalo.sent.length;
    zalo.emitGroupText(GROUPS.planning, USERS.lan, '/help');
    await zalo.waitForSent(before + 1);
    const botMessage = zalo.sent[before]!;
    zalo.emitReplyToBot(botMessage, USERS.lan, 'xong');
    await zalo.waitForSent(before + 2);
    expect(zalo.sent[before + 1]!.text).toMatch(/trả lời \(reply\) tin nhắc việc/);
  });

  it('sends /status as the chart picture with the report under it, and /xuat as an xlsx file', async () => {
    const before = zalo.sent.length;
    zalo.emitGroupText(GROUPS.leaders, USERS.chu_tich, '/status Q2');
    const [status] = (await zalo.waitForSent(before + 1)).slice(before);
    expect(status?.text).toMatch(/Tình hình thực hiện Quý II\/2025/);
    const chart = status?.attachment;
    expect(typeof chart === 'object' && chart.filename).toBe('chart.png');
    if (typeof chart !== 'object') throw new Error('no picture');
    expect(chart.data.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(chart.metadata).toMatchObject({ totalSize: chart.data.length, width: 1250 });

    zalo.emitGroupText(GROUPS.leaders, USERS.chu_tich, '/xuat Q2');
    const sent = (await zalo.waitForSent(before + 3)).slice(before + 1);
    expect(sent.map((m) => m.text)).toEqual([expect.stringMatching(/Báo cáo Quý II\/2025/), '']);
    expect(sent[1]?.attachment).toMatchObject({ filename: 'bao-cao-quy-ii-2025.xlsx' });
  });
});
