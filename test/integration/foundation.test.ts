import { Queue, QueueEvents, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { redisUrl, testNamespace } from '../harness/servers';
import { useTestStore, Organisation, Plan, Task, mongoose } from '../helpers/store';

const { dbName } = useTestStore(__filename);

describe('MongoDB-protocol server, through mongoose', () => {
  it('writes and reads a task, and its unique indexes hold', async () => {
    const admin = mongoose.connection.db?.admin();
    const info = await admin?.command({ buildInfo: 1 });
    console.log(
      `mongoose → ${mongoose.connection.host}:${mongoose.connection.port}/${dbName} (server ${info?.version}${info?.ferretdb ? `, FerretDB ${info.ferretdb.version}` : ''})`,
    );

    const org = await Organisation.create({ slug: 'hai-phong', name: 'Liên minh HTX thành phố Hải Phòng' });
    const plan = await Plan.create({
      org: org._id,
      title: 'Chương trình công tác 2024',
      year: 2024,
      key: 'ctct-2024',
      sourceHash: 'abc',
    });
    await Task.create({
      org: org._id,
      plan: plan._id,
      number: 1,
      ref: 'I.1.(3)',
      title: 'Cho ý kiến đối với các chương trình xúc tiến thương mại năm 2024',
      kind: 'agenda',
      lead: ['trung-tam-ho-tro'],
      start: '2024-01-01',
      end: '2024-03-31',
      timeText: 'Quý I/2024',
    });

    const found = await Task.findOne({ org: org._id, number: 1 }).lean();
    expect(found?.title).toContain('xúc tiến thương mại');
    expect(found?.lead).toEqual(['trung-tam-ho-tro']);
    expect(found?.status).toBe('open');

    await expect(
      Task.create({ org: org._id, plan: plan._id, number: 1, ref: 'x', title: 'dup', kind: 'duty' }),
    ).rejects.toThrow(/duplicate key|E11000/);
  });
});

describe('Redis, through BullMQ', () => {
  const prefix = testNamespace(__filename);
  const connections: IORedis[] = [];
  const connect = (): IORedis => {
    const c = new IORedis(redisUrl(), { maxRetriesPerRequest: null });
    connections.push(c);
    return c;
  };
  const connection = connect();
  afterAll(async () => {
    const keys = await connection.keys(`${prefix}:*`);
    if (keys.length) await connection.del(...keys);
    await Promise.all(connections.map((c) => c.quit()));
  });

  it('runs a job from a queue in a worker and returns its result', async () => {
    const queue = new Queue('foundation', { connection, prefix });
    const events = new QueueEvents('foundation', { connection: connect(), prefix });
    const worker = new Worker('foundation', async (job) => `xin chào ${String(job.data.name)}`, {
      connection: connect(),
      prefix,
    });
    try {
      await events.waitUntilReady();
      const job = await queue.add('greet', { name: 'Văn phòng' });
      const result: unknown = await job.waitUntilFinished(events, 10000);
      console.log(`BullMQ job ${job.id} on ${redisUrl()} (prefix ${prefix}) → ${String(result)}`);
      expect(result).toBe('xin chào Văn phòng');
    } finally {
      await worker.close();
      await events.close();
      await queue.close();
    }
  });
});
