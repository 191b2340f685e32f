/** Plans in, tasks out: the pure parser of plan texts (see parse-plan.ts). */
export { parsePlan, type ParseOptions } from './parse-plan';
export {
  readTime,
  yearWindow,
  type TimeContext,
  type TimeReading,
  type Window,
  type Peak,
} from './time-words';
export { UnitDirectory, type UnitScan } from './units';
export { classifyKind, type KindFacts } from './kinds';
export { fold, foldWords, normalizeText } from './fold';
export { toParagraphs } from './paragraphs';
export { buildOutline, type OutlineNode } from './outline';
export { detectMarker, type Marker } from './markers';
