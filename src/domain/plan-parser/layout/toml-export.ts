/**
 * A plan exported as TOML from an alliance's task software:
 *
 *   [ke_hoach]
 *   so_ky_hieu    = "11/KH-LMHTX"
 *   trich_yeu     = "Kế hoạch … năm 2027"
 *   ngay_ban_hanh = 2027-02-05
 *
 *   [[nhiem_vu]]
 *   ten      = "…"
 *   bat_dau  = 2027-02-15
 *   ket_thuc = 2027-04-30
 *   chu_tri  = ["Ban …"]
 *   lap_lai  = { chu_ky = "thang", ngay_han = 20, tu_ky = "2027-04", den_ky = "2027-06" }
 *     [[nhiem_vu.viec_con]]
 *     …
 *
 * Parsed with `smol-toml` and read as a YAML export is (yaml-export.ts, task-export.ts): the same field
 * names, folded, the closed tasks left out. A text that is not TOML holding a list of tasks is left as it is.
 */
// smol-toml ships a CommonJS build (dist/index.cjs, its "require" export) beside its ES module, but its
// type declarations are written for the ES module only, which TypeScript will not let a CommonJS file
// import; the CommonJS build is loaded with its one function typed here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse } = require('smol-toml') as { parse: (toml: string) => unknown };
import { exportedDocAsText } from './yaml-export';

/** Only a text laid out as TOML is tried: "[[table]]" headers and "key = value" lines at the margin. */
function looksLikeToml(text: string): boolean {
  return /^\s*\[\[[A-Za-z_][\w.]*\]\]\s*$/m.test(text) && /^[A-Za-z_]\w*\s*=\s*\S/m.test(text);
}

export function tomlExportAsText(source: string): string {
  if (!looksLikeToml(source)) return source;
  let doc: unknown;
  try {
    doc = parse(source);
  } catch {
    return source;
  }
  return exportedDocAsText(doc) ?? source;
}
