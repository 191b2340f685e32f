/**
 * What a file kept by a program (a todo list, a drawing's source) says about its plan in the comments at
 * its head: "Danh sách việc theo Kế hoạch số 09/KH-LMHTX ngày 05/02/2027 "Tổ chức …"", the body that keeps
 * it, and the legend of the short codes its lines use ("Mã đơn vị: VP = Văn phòng; TTC = Trung tâm …").
 */

export interface HeaderFacts {
  /** "Liên minh HTX tỉnh Thái Nguyên". */
  readonly body: string;
  /** "09/KH-LMHTX". */
  readonly number: string;
  /** ISO day the plan was issued. */
  readonly issued: string;
  /** The plan's name, quoted in the notes ("Tổ chức Ngày hội …"). */
  readonly title: string;
}

const BODY =
  /Liên minh (?:HTX|Hợp tác xã)\s+(?:tỉnh|thành phố|TP\.?)\s+\p{Lu}[\p{L}\s]*?(?=\s*(?:[-–—,.;:()"“]|$))/iu;
const NUMBER = /\bsố[:\s]+(\d+\/[\p{L}\d-]+)/iu;
const DATE = /ngày\s+(\d{1,2})\/(\d{1,2})\/(\d{4})/u;
const QUOTED = /["“]([^"”]{8,})["”]/u;

/** The notes as one line of words (comment lines already stripped of their markers). */
export function headerFacts(notes: string): HeaderFacts {
  const flat = notes.replace(/\s+/g, ' ');
  const number = NUMBER.exec(flat);
  const after = number ? flat.slice((number.index ?? 0) + number[0].length) : flat;
  const date = DATE.exec(after) ?? DATE.exec(flat);
  const pad = (n: string): string => n.padStart(2, '0');
  return {
    body:
      notes
        .split('\n')
        .map((line) => BODY.exec(line)?.[0].trim())
        .find(Boolean) ?? '',
    number: number?.[1] ?? '',
    issued: date ? `${date[3]}-${pad(date[2] ?? '')}-${pad(date[1] ?? '')}` : '',
    title: QUOTED.exec(after)?.[1]?.trim() ?? '',
  };
}

/**
 * "VP = Văn phòng; PT-TĐ = Ban Phong trào - Thi đua": each short code and the name it stands for, as the
 * notes define them. Only "=" defines here: a colon or a dash also opens labels and ranges in such notes.
 */
export function codeLegend(notes: string): Map<string, string> {
  const legend = new Map<string, string>();
  for (const line of notes.split('\n')) {
    for (const part of line.replace(/^[^=]*?:\s*(?=[^:=]+=)/u, '').split(/\s*;\s*/)) {
      const pair = /^\s*([^\s=:;,][^=:;,]{0,15}?)\s*=\s*([^=;]+?)\s*[.;]?\s*$/u.exec(part);
      if (pair?.[1] && pair[2]) legend.set(pair[1].trim(), pair[2].replace(/\s*\([^)]*\)\s*$/u, '').trim());
    }
  }
  return legend;
}

/** "VP, TTHT" → "Văn phòng, Trung tâm …"; "-" (none) → "". A name not in the legend stays as written. */
export function unitsOfCodes(value: string, legend: ReadonlyMap<string, string>): string {
  return value
    .split(/\s*,\s*/)
    .map((code) => code.trim())
    .filter((code) => code && !/^[-–—]+$/.test(code))
    .map((code) => legend.get(code) ?? code)
    .join(', ');
}
