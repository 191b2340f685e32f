/**
 * What Telegram's HTML parser would accept from our renderer: only <b>, <i>, <code>, properly nested, and
 * only the four named entities. Returns the visible text, or throws explaining what is wrong.
 */
export function parseTelegramHtml(html: string): string {
  const open: string[] = [];
  let text = '';
  const token = /<(\/?)(b|i|code)>|&(amp|lt|gt|quot);|[<>&]|[^<>&]+/g;
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };
  for (const m of html.matchAll(token)) {
    const [whole, closing, tag, entity] = m;
    if (tag !== undefined) {
      if (closing) {
        if (open.pop() !== tag) throw new Error(`unbalanced </${tag}> at ${m.index}`);
      } else {
        if (open.length > 0) throw new Error(`nested <${tag}> at ${m.index}`);
        open.push(tag);
      }
    } else if (entity !== undefined) {
      text += entities[entity];
    } else if (whole === '<' || whole === '>' || whole === '&') {
      throw new Error(`bare ${whole} at ${m.index}`);
    } else {
      text += whole;
    }
  }
  if (open.length > 0) throw new Error(`unclosed <${open.join('>, <')}>`);
  return text;
}
