/**
 * The bot process: validates the configuration, connects the store, and runs the chat channels that are
 * configured (Telegram with a token, Zalo with a credentials file). Reminders are sent by the worker
 * process (jobs/worker.ts).
 */
import { loadConfigOrExit } from './load-env';
import { startBotService } from './bot-service';
import { startZaloDelivery } from '../jobs/zalo-delivery';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const service = await startBotService(config, { startZaloDelivery });
  // End-to-end tests wait for this line before they start talking to the bot.
  process.stdout.write('BOT_READY\n');
  const stop = async (signal: string) => {
    service.logger.info({ signal }, 'stopping');
    await service.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`Fatal: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
