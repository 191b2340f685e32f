/**
 * RFC 5545 §3.1: content lines are folded at 75 octets, not characters. The `ics` package counts
 * characters, so a Vietnamese title (2–3 bytes a letter) came out in lines of up to 105 bytes, which strict
 * readers refuse or cut. The text is unfolded and folded again by UTF-8 octets, never inside a character.
 */
const LIMIT = 75;

export function foldIcsByOctets(ics: string): string {
  const lines = ics.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  return lines.map(foldLine).join('\r\n');
}

function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= LIMIT) return line;
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  // The first line holds 75 octets; continuation lines start with a space, leaving 74.
  let room = LIMIT;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (bytes + size > room) {
      parts.push(current);
      current = '';
      bytes = 0;
      room = LIMIT - 1;
    }
    current += ch;
    bytes += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
