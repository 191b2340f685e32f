/** Slugs for organisations and departments people name in chat: short, lower case, accents folded. */
import { foldVietnamese } from '../calendar';

function words(name: string): string {
  return foldVietnamese(name)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** "Phòng Kế hoạch – Tổng hợp" → "ke-hoach-tong-hop"; "Văn phòng" stays "van-phong". */
export function departmentSlug(name: string): string {
  const w = words(name).replace(/^(phong|ban) (?=\S)/, '');
  return w.replace(/ /g, '-').slice(0, 60) || 'don-vi';
}

/** "Liên minh Hợp tác xã tỉnh Bắc Giang" → "bac-giang"; "LIÊN MINH HTX THÀNH PHỐ HẢI PHÒNG" → "hai-phong". */
export function organisationSlug(name: string): string {
  const w = words(name)
    .replace(/^lien minh (hop tac xa|htx) /, '')
    .replace(/^(tinh|thanh pho|tp|huyen|quan|thi xa) /, '');
  return w.replace(/ /g, '-').slice(0, 60) || 'to-chuc';
}

/** The first of `base`, `base-2`, `base-3` … that `taken` does not hold. */
export function freeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Compares organisation names as people write them: "Hợp tác xã" and "HTX" are the same words. */
export function orgNameKey(name: string): string {
  return words(name).replace(/\bhop tac xa\b/g, 'htx');
}
