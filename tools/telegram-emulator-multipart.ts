/** Just enough multipart/form-data for the emulator's sendPhoto and sendDocument: express (as the emulator sets it up) parses none. */

export async function readBody(req: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

export interface UploadedFile {
  filename: string;
  data: Buffer;
}

/** Just enough multipart/form-data for grammY's uploads: text fields, and each file's size and bytes. */
export function parseMultipart(
  body: Buffer,
  contentType: string,
): { fields: Record<string, string>; files: Record<string, number>; uploads: Record<string, UploadedFile> } {
  const boundary = /boundary=("?)([^";]+)\1/i.exec(contentType)?.[2];
  const fields: Record<string, string> = {};
  const files: Record<string, number> = {};
  const uploads: Record<string, UploadedFile> = {};
  if (!boundary) return { fields, files, uploads };
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
        const filename = /filename="?([^"\r\n]*)"?/i.exec(headers)?.[1];
        if (filename !== undefined) {
          files[name] = content.length;
          uploads[name] = { filename, data: Buffer.from(content) };
        } else fields[name] = content.toString('utf8');
      }
    }
    start = end;
  }
  return { fields, files, uploads };
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
