/** Just enough multipart/form-data for the emulator's sendPhoto: express (as the emulator sets it up) parses none. */

export async function readBody(req: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

/** Just enough multipart/form-data for grammY's uploads: text fields, and the byte size of each file. */
export function parseMultipart(
  body: Buffer,
  contentType: string,
): { fields: Record<string, string>; files: Record<string, number> } {
  const boundary = /boundary=("?)([^";]+)\1/i.exec(contentType)?.[2];
  const fields: Record<string, string> = {};
  const files: Record<string, number> = {};
  if (!boundary) return { fields, files };
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const partStart = start + delimiter.length + 2; // past the delimiter's CRLF
    const end = body.indexOf(delimiter, partStart);
    if (end === -1) break;
    const part = body.subarray(partStart, end - 2); // before the CRLF that precedes the delimiter
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const content = part.subarray(headerEnd + 4);
      const name = /name="([^"]*)"/i.exec(headers)?.[1];
      if (name !== undefined) {
        if (/filename=/i.test(headers)) files[name] = content.length;
        else fields[name] = content.toString('utf8');
      }
    }
    start = end;
  }
  return { fields, files };
}

/** Multipart values are strings; JSON-valued fields (reply_parameters, …) are parsed back. */
export function decodeField(value: string): unknown {
  if (!/^[[{]/.test(value)) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

export interface UploadedPart {
  filename: string;
  contentType?: string;
  data: Buffer;
}

/** Like parseMultipart, with each file's bytes: for uploads whose content matters (a plan a user sends). */
export function parseMultipartFiles(
  body: Buffer,
  contentType: string,
): { fields: Record<string, string>; files: Record<string, UploadedPart> } {
  const boundary = /boundary=("?)([^";]+)\1/i.exec(contentType)?.[2];
  const fields: Record<string, string> = {};
  const files: Record<string, UploadedPart> = {};
  if (!boundary) return { fields, files };
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const partStart = start + delimiter.length + 2;
    const end = body.indexOf(delimiter, partStart);
    if (end === -1) break;
    const part = body.subarray(partStart, end - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const content = Buffer.from(part.subarray(headerEnd + 4));
      const name = /name="([^"]*)"/i.exec(headers)?.[1];
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
      const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1];
      if (name !== undefined && filename !== undefined)
        files[name] = { filename, data: content, ...(type ? { contentType: type } : {}) };
      else if (name !== undefined) fields[name] = content.toString('utf8');
    }
    start = end;
  }
  return { fields, files };
}
