// Build step: start-up caches, each checked against its sources at run time (a stale one is ignored):
// dist/kb-cache.json, the validated bundled knowledge base; dist/kb-trie.json, its aliases tokenized;
// dist/lang-cache.json, the language files parsed; dist/eld-large.bin, eld's language n-grams in a form
// that loads in milliseconds.
import { writeKbCache } from '../dist/kb/load.js';
import { writeLangCache } from '../dist/lang/load.js';
import { writeTrieCache } from '../dist/kb/trie-cache.js';
import { writeEldTable } from '../dist/ingest/eld-table.js';
import { validateDatesLexicon } from '../dist/extract/dates.js';
import { BoilerplateFileSchema } from '../dist/clean/rules.js';
import { writeConjugationCache } from '../dist/extract/conjugate.js';
import { triggerLexicon } from '../dist/extract/trigger-lexicon.js';
import { tokenize } from '../dist/text/tokenize.js';

if (!writeKbCache()) {
  console.error('kb cache not written: the knowledge base has errors (run `atalaya kb check`)');
  process.exitCode = 0; // the coder still works from the YAML files
}
// Files checked here are used at run time without loading zod.
writeLangCache({ 'es/dates': validateDatesLexicon, 'es/boilerplate': BoilerplateFileSchema.parse });
writeTrieCache();
// The trigger lexicon's verbs, conjugated (the lexicon itself is built per run from these forms).
writeConjugationCache(['es'], () => { triggerLexicon('es', (s) => tokenize(s)); });
if (!(await writeEldTable().catch((err) => { console.error(`eld table: ${err.message}`); return false; }))) {
  console.error('eld table not written: language identification loads eld/large instead (slower start)');
}
