/** The send budget's Redis store, against the real Redis server: the same cases as the in-memory one. */
import IORedis from 'ioredis';
import { redisBudgetStore } from '../../../src/channels/zalo/send-budget';
import { redisUrl, testNamespace } from '../../harness/servers';
import { budgetStoreCases } from '../../helpers/budget-store-cases';

let redis: IORedis;
const key = `${testNamespace(__filename)}:budget`;
beforeAll(() => {
  redis = new IORedis(redisUrl(), { maxRetriesPerRequest: null });
});
afterEach(async () => {
  await redis.del(key);
});
afterAll(async () => {
  await redis.quit();
});

describe('the budget in Redis', () => budgetStoreCases(() => redisBudgetStore(redis, key)));
