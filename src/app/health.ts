/**
 * A heartbeat file for container health checks: touched every 30 s while the process can reach its store,
 * so `docker compose ps` shows a bot that lost MongoDB as unhealthy instead of merely running.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function heartbeatFile(name: string): string {
  return path.join(tmpdir(), `lmhtx-${name}.alive`);
}

export function startHeartbeat(name: string, isHealthy: () => boolean, everyMs = 30000): () => void {
  const beat = () => {
    if (isHealthy()) writeFileSync(heartbeatFile(name), new Date().toISOString());
  };
  beat();
  const timer = setInterval(beat, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
