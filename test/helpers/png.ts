/** Reading PNGs the bot drew: size, ink and colours, decoded by pngjs. */
import { PNG } from 'pngjs';

export interface DecodedPng {
  width: number;
  height: number;
  data: Buffer;
}

export function decodePng(bytes: Buffer): DecodedPng {
  const png = PNG.sync.read(bytes);
  return { width: png.width, height: png.height, data: png.data };
}

/** Fraction of pixels that are not (near) white. */
export function inkFraction(img: DecodedPng): number {
  let ink = 0;
  for (let i = 0; i < img.data.length; i += 4) {
    if ((img.data[i] ?? 255) < 240 || (img.data[i + 1] ?? 255) < 240 || (img.data[i + 2] ?? 255) < 240) ink++;
  }
  return ink / (img.width * img.height);
}

/** How many pixels have exactly this colour ("#RRGGBB"), as bar fills do. */
export function countColour(img: DecodedPng, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < img.data.length; i += 4) {
    if (img.data[i] === r && img.data[i + 1] === g && img.data[i + 2] === b) n++;
  }
  return n;
}

/** Columns [first, last] holding any ink, or null for a blank picture. */
export function inkColumns(img: DecodedPng): [number, number] | null {
  let first = -1;
  let last = -1;
  for (let x = 0; x < img.width; x++) {
    for (let y = 0; y < img.height; y++) {
      const i = (y * img.width + x) * 4;
      if ((img.data[i] ?? 255) < 200) {
        if (first < 0) first = x;
        last = x;
        break;
      }
    }
  }
  return first < 0 ? null : [first, last];
}
