export { repairTitle, isCompleteRepair, type TitleRepair, type RepairOptions } from './repair';
export { buildVocabulary, countWords, isClean, type Vocabulary, type WordCounts } from './vocabulary';
export { skeleton, scanDistance } from './skeleton';
