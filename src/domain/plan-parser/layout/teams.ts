/**
 * An inspection plan composes its teams once and then names only the team:
 *   "Tổ 1 (khu vực …):" / "- Tổ trưởng: Giám đốc Quỹ …;" / "- Thành viên: 01 cán bộ Quỹ; 01 cán bộ Ban …"
 *   "| 13/10/2026 | HTX … | xã … | Tổ 1 |"
 * The cell that names a team stands for the team's people: its head's unit leads, its members' units
 * help. A table row's cell "- Tổ: Tổ 1" becomes "- Chủ trì: <head>. Phối hợp: <members>".
 */
import { fold } from './fold';

interface Team {
  head: string;
  members: string;
}

/** "Tổ 1", "Tổ kiểm tra số 2", "Đoàn công tác II": a team's name, folded, and its number. */
const TEAM_NAME =
  /^(to|doan)(?:\s+(?:kiem tra|cong tac|giam sat|khao sat))?(?:\s+so)?\s+(\d{1,2}|[ivx]{1,4})\b/;

/** The line that opens a team's composition: its name, perhaps an area in brackets, then a colon or nothing. */
const TEAM_OPENING = /^\s*(?:[-+•*]\s*)?((?:tổ|đoàn)[^:\n]{0,60}?)\s*(?::\s*(.*))?$/iu;

const HEAD_LABEL = /^(?:to truong|truong to|truong doan|doan truong)\s*:/;
const MEMBER_LABEL =
  /^(?:thanh vien|to vien|pho to truong|pho truong doan|pho doan truong)(?:\s+(?:doan|to))?\s*:/;

function teamKey(name: string): string | null {
  const m = TEAM_NAME.exec(fold(name.trim()));
  return m ? `${m[1] === 'doan' ? 'doan' : 'to'} ${m[2] ?? ''}` : null;
}

/** What follows a label's colon, without its closing punctuation. */
function valueOf(line: string): string {
  return line
    .slice(line.indexOf(':') + 1)
    .replace(/[\s.;,]+$/u, '')
    .trim();
}

/** The teams a plan composes, by their folded names ("to 1"). */
export function composedTeams(lines: readonly string[]): Map<string, Team> {
  const teams = new Map<string, Team>();
  for (let i = 0; i < lines.length; i++) {
    const opening = TEAM_OPENING.exec(lines[i] ?? '');
    const key = opening ? teamKey(opening[1] ?? '') : null;
    if (!opening || !key) continue;
    // "Tổ 1: Tổ trưởng: …; thành viên: …" on one line, or the labels on the lines under the name.
    const parts = [opening[2] ?? '', ...lines.slice(i + 1, i + 6)];
    let head = '';
    let members = '';
    for (const raw of parts) {
      const part = raw.replace(/^\s*[-+•*]\s*/u, '').trim();
      if (!part) continue;
      if (part !== opening[2] && TEAM_OPENING.exec(raw) && teamKey(TEAM_OPENING.exec(raw)?.[1] ?? '')) break;
      for (const piece of part.split(/;\s*(?=[^;]*:)/u)) {
        const folded = fold(piece.trim());
        if (HEAD_LABEL.test(folded)) head = valueOf(piece);
        else if (MEMBER_LABEL.test(folded))
          members = members ? `${members}; ${valueOf(piece)}` : valueOf(piece);
      }
    }
    if (head && !teams.has(key)) teams.set(key, { head, members });
  }
  return teams;
}

/** A field line whose value is only a team's name: "- Tổ: Tổ 1", "- Đoàn kiểm tra: Đoàn số 2". */
const TEAM_CELL = /^(\s*-\s*)([^:\n]{1,30}):\s*([^:\n]{2,40}?)\s*$/u;

export function teamsAsUnits(text: string): string {
  const lines = text.split('\n');
  const teams = composedTeams(lines);
  if (teams.size === 0) return text;
  return lines
    .flatMap((line) => {
      const m = TEAM_CELL.exec(line);
      const key = m && teamKey(m[2] ?? '') !== null ? null : m ? teamKey(m[3] ?? '') : null;
      const team = key ? teams.get(key) : undefined;
      if (!m || !team || !/^(?:to|doan)\b/.test(fold(m[2] ?? ''))) return [line];
      // One line for the cell's one: the review counts lines as the plan has them.
      const help = team.members ? `. Phối hợp: ${team.members}` : '';
      return [`${m[1] ?? '- '}Chủ trì: ${team.head}${help}`];
    })
    .join('\n');
}
