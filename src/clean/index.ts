// Public surface of the cleaning stage.
export type { CleanResult, RemovedBlock } from './model.js';
export { cleanArticle, cleanText, mapToInput } from './clean.js';
export { BoilerplateFileSchema, compileRules, loadBoilerplateRules, type BoilerplateFile, type CompiledRule, type CompiledRules, type RuleKind } from './rules.js';
