export { ImportError, isImportError, type ImportErrorCode } from './import-error';
export { extractText, extractTextFromBytes, sourceTypeOf, type SourceType } from './extract-text';
export { draftFromText, importPlanBytes, importPlanFile, type ImportOptions } from './import-plan';
export { acceptTitleRepairs, withTitleRepairs } from './title-repairs';
