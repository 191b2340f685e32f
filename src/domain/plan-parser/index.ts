/** Plans in, tasks out: the pure parser of plan texts (see parse-plan.ts). */
export { parsePlan, type ParseOptions } from './plan/parse-plan';
export {
  readTime,
  yearWindow,
  type TimeContext,
  type TimeReading,
  type Window,
  type Peak,
} from './time/time-words';
export { UnitDirectory, type UnitScan } from './plan/units';
export { classifyKind, type KindFacts } from './items/kinds';
export { fold, foldWords, normalizeText } from './layout/fold';
export { toParagraphs } from './layout/paragraphs';
export { buildOutline, type OutlineNode } from './layout/outline';
export { detectMarker, type Marker } from './layout/markers';
