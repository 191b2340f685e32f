/** `npm run chat`: the bot in the terminal, against the configured store. */
import { loadConfigOrExit } from './load-env';
import { startBotService } from './bot-service';
import { runConsole } from '../channels/console/console-channel';
import { runMain } from './process-lifecycle';
import { consoleClock } from './console-clock';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  // The person at the terminal is an admin of their own console session.
  const service = await startBotService({
    ...config,
    admins: [...config.admins, 'console:admin'],
    logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel,
  });
  await runConsole({
    core: service.core,
    input: process.stdin,
    output: process.stdout,
    // `:time` moves the deployment's clock only when it runs on one (BOT_NOW); else it says so.
    clock: consoleClock(config.botNow, service.clock, config.tz),
  });
  await service.stop();
}

runMain(main);
