import { PassThrough } from 'node:stream';
import { createBotCore } from '../../src/bot/core';
import { runConsole } from '../../src/channels/console/console-channel';
import { coreDeps } from '../helpers/core-deps';
import { runScenario, seedScenario, type Driver } from '../helpers/scenario';
import { useTestStore } from '../helpers/store';
import { waitFor } from '../helpers/wait';

useTestStore(__filename);

const PROMPT = '<<ready>>\n';

/** Types into the console exactly as a person would and reads what it prints back. */
function consoleDriver(): { driver: Driver; done: Promise<void>; input: PassThrough; output: () => string } {
  const input = new PassThrough();
  const output = new PassThrough();
  let buffer = '';
  output.on('data', (c: Buffer) => (buffer += c.toString('utf8')));
  const done = runConsole({ core: createBotCore(coreDeps('console')), input, output, prompt: PROMPT });

  const waitPrompt = async (): Promise<string> => {
    const at = await waitFor(() => buffer.indexOf(PROMPT) + 1, 'the console to answer', { timeoutMs: 5000 })
      .then((found) => found - 1)
      .catch(() => {
        throw new Error(`console did not answer; output so far: ${buffer}`);
      });
    const before = buffer.slice(0, at);
    buffer = buffer.slice(at + PROMPT.length);
    return before;
  };
  const line = async (text: string) => {
    input.write(`${text}\n`);
    return waitPrompt();
  };
  const ready = waitPrompt();
  const driver: Driver = {
    async send(group, user, text) {
      await ready;
      await line(`:group ${group}`);
      await line(`:user ${user}`);
      const printed = await line(text);
      // Each bot message starts with its id, "[#b12] "; a message may span several lines.
      return printed
        .split(/^\[#b\d+\] /m)
        .slice(1)
        .map((s) => s.replace(/\n$/, ''));
    },
  };
  return { driver, done, input, output: () => buffer };
}

describe('console channel', () => {
  beforeAll(seedScenario);

  it('runs the product scenario', async () => {
    const c = consoleDriver();
    await runScenario(c.driver);
    c.input.end(':quit\n');
    await c.done;
  });
});
