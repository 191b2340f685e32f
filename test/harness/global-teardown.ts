import type { StartedServers } from '../../src/app/local-servers';

export default async function globalTeardown(): Promise<void> {
  const started = (globalThis as { __SERVERS__?: StartedServers }).__SERVERS__;
  await started?.stop();
}
