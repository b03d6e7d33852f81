// Build step: writes dist/kb-cache.json, the validated bundled knowledge base, so runs skip YAML parsing.
import { writeKbCache } from '../dist/kb/load.js';

if (!writeKbCache()) {
  console.error('kb cache not written: the knowledge base has errors (run `atalaya kb check`)');
  process.exitCode = 0; // the coder still works from the YAML files
}
