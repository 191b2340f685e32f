import type { Reply, Segment } from './messages';

/** Builds replies line by line; each part is plain text or a styled run, never pre-escaped markup. */
export class ReplyBuilder {
  private readonly segments: Segment[] = [];

  line(...parts: Array<string | Segment>): this {
    if (this.segments.length) this.segments.push({ text: '\n' });
    for (const p of parts) this.segments.push(typeof p === 'string' ? { text: p } : p);
    return this;
  }

  blank(): this {
    return this.line('');
  }

  build(quote = false): Reply {
    return { segments: this.segments, quote };
  }
}

export const bold = (text: string): Segment => ({ text, style: 'bold' });
export const italic = (text: string): Segment => ({ text, style: 'italic' });

export function textReply(text: string, quote = true): Reply {
  return { segments: [{ text }], quote };
}
