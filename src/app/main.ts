/**
 * The bot process: validates the configuration, connects the store, and runs the chat channels that are
 * configured (Telegram with a token, Zalo with a credentials file). Reminders are sent by the worker
 * process (src/app/worker.ts).
 */
import { loadConfigOrExit } from './load-env';
import { startBotService } from './bot-service';
import { startZaloDelivery } from './zalo-delivery';
import { onShutdown, runMain } from './process-lifecycle';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const service = await startBotService(config, { startZaloDelivery });
  // Signals first, then the ready line: a SIGTERM sent as soon as BOT_READY is read must find the handler.
  onShutdown(() => service.stop(), service.logger, 'bot');
  // End-to-end tests wait for this line before they start talking to the bot.
  process.stdout.write('BOT_READY\n');
}

runMain(main);
