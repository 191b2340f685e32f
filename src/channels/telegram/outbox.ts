/**
 * Answers to one chat go out one after another, each chat on its own line so a busy group never holds
 * up the others. While an answer waits for the chat's send slot (Telegram allows about 20 messages a
 * minute into a group), the answers that arrive meanwhile gather and then go as one message, each line
 * naming whom it answers: a group answering a morning reminder all at once gets every answer, late but
 * never refused.
 */
import type { Reply, Segment } from '../../bot/messages';

export interface OutboxEntry {
  reply: Reply;
  /** The person the answer is for, named when answers are merged. */
  who: string;
  quoteMessageId?: number;
  threadId?: number;
}

export type OutboxSend = (chatId: string, entry: OutboxEntry) => Promise<void>;

/** Telegram's limit is 4,096 characters; merged answers stay well under it, so none is split. */
export const MERGED_MAX_CHARS = 3500;

const textOf = (r: Reply): string => r.segments.map((s) => s.text).join('');

/** Plain text answers can share a message; pictures, files, buttons and edits go as they are. */
function mergeable(r: Reply): boolean {
  return (
    !r.image && !r.document && !r.buttons?.length && !r.editsPressed && !r.toast && r.segments.length > 0
  );
}

export function mergeEntries(entries: readonly OutboxEntry[]): OutboxEntry {
  if (entries.length === 1) return entries[0]!;
  const segments: Segment[] = [];
  for (const [i, e] of entries.entries()) {
    if (i > 0) segments.push({ text: '\n' });
    segments.push({ text: `${e.who}: `, style: 'bold' }, ...e.reply.segments);
  }
  const threadId = entries[0]?.threadId;
  return {
    reply: { segments },
    who: entries.map((e) => e.who).join(', '),
    ...(threadId !== undefined ? { threadId } : {}),
  };
}

/** The next message of a chat's line: one entry, or every mergeable one waiting up to the size cap. */
function takeBatch(queue: OutboxEntry[]): OutboxEntry[] {
  const first = queue.shift();
  if (!first) return [];
  if (!mergeable(first.reply)) return [first];
  const batch = [first];
  let size = textOf(first.reply).length + first.who.length + 2;
  while (queue[0] && mergeable(queue[0].reply)) {
    const next = queue[0];
    const more = textOf(next.reply).length + next.who.length + 3;
    if (size + more > MERGED_MAX_CHARS) break;
    batch.push(next);
    size += more;
    queue.shift();
  }
  return batch;
}

export interface Outbox {
  /** Resolves once the answer went out (alone or merged), or its send failed and was logged. */
  post(chatId: string, entry: OutboxEntry): Promise<void>;
  /** Resolves when every chat's line is empty. */
  idle(): Promise<void>;
}

export function createOutbox(send: OutboxSend): Outbox {
  const lines = new Map<
    string,
    { queue: Array<OutboxEntry & { done: () => void }>; running: Promise<void> }
  >();

  async function drain(chatId: string): Promise<void> {
    const line = lines.get(chatId);
    while (line && line.queue.length) {
      const batch = takeBatch(line.queue) as Array<OutboxEntry & { done: () => void }>;
      // `send` logs its own failures; one answer that cannot be posted must not stop the chat's line.
      await send(chatId, mergeEntries(batch)).catch(() => undefined);
      for (const e of batch) e.done();
    }
    lines.delete(chatId);
  }

  return {
    post(chatId, entry) {
      return new Promise<void>((resolve) => {
        const queued = { ...entry, done: resolve };
        const line = lines.get(chatId);
        if (line) {
          line.queue.push(queued);
          return;
        }
        const fresh = { queue: [queued], running: Promise.resolve() };
        lines.set(chatId, fresh);
        fresh.running = drain(chatId);
      });
    },
    async idle() {
      while (lines.size) await Promise.allSettled([...lines.values()].map((l) => l.running));
    },
  };
}
