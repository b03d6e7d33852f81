// Loads and compiles a language's boilerplate rules (src/lang/<lang>/boilerplate.yaml) into matchers.
import { createRequire } from 'node:module';
import type { z as Z } from 'zod';
import { loadValidatedLangData, SUPPORTED_LANGUAGES } from '../lang/load.js';

/** Schema of boilerplate.yaml (see the comments in src/lang/es/boilerplate.yaml), built on first use: zod loads only when a file is checked at run time. */
function boilerplateSchema() {
  const { z } = createRequire(import.meta.url)('zod') as typeof import('zod');
  const patternRule = {
    id: z.string().min(1),
    patterns: z.array(z.string().min(1)).min(1),
    flags: z.string().optional(),
    maxLength: z.number().int().positive().optional(),
  };

  return z.object({
    teaser: z.object({
      maxLength: z.number().int().positive(),
      maxLines: z.number().int().positive(),
      proseEnd: z.string().min(1),
    }),
    maxLineLength: z.number().int().positive(),
    rules: z.array(
      z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('block'), ...patternRule }),
        z.object({ kind: z.literal('prefix'), ...patternRule }),
        z.object({ kind: z.literal('section'), ...patternRule }),
      ]),
    ),
  });
}

export type BoilerplateFile = Z.infer<ReturnType<typeof boilerplateSchema>>;
/** Checks boilerplate.yaml data: `parse` returns it typed or throws with zod's issues. */
export const BoilerplateFileSchema = { parse: (data: unknown): BoilerplateFile => boilerplateSchema().parse(data) };

export type RuleKind = 'block' | 'prefix' | 'section';

/** One rule ready to run: anchored regexes for a normalised line. */
export interface CompiledRule {
  id: string;
  kind: RuleKind;
  regexes: RegExp[];
  /** Longest line a prefix rule applies to. */
  maxLength: number;
}

export interface CompiledRules {
  rules: CompiledRule[];
  teaser: { maxLength: number; maxLines: number; proseEnd: RegExp };
  maxLineLength: number;
}

const DEFAULT_PREFIX_MAX = 300;

/**
 * Compile validated rule data: whole-line anchors for block and section rules, a start anchor
 * for prefix rules. Throws with the rule id when a pattern is not a valid regex.
 * @example compileRules(BoilerplateFileSchema.parse(loadLangData('es', 'boilerplate'))).rules[0]!.id // => 'es.share.follow'
 */
export function compileRules(data: BoilerplateFile): CompiledRules {
  const rules = data.rules.map((rule): CompiledRule => {
    const flags = rule.flags ?? 'iu';
    const regexes = rule.patterns.map((p) => {
      try {
        return new RegExp(rule.kind === 'prefix' ? `^(?:${p})` : `^(?:${p})$`, flags);
      } catch (err) {
        throw new Error(`boilerplate rule ${rule.id}: bad pattern ${JSON.stringify(p)}: ${(err as Error).message}`);
      }
    });
    return { id: rule.id, kind: rule.kind, regexes, maxLength: rule.maxLength ?? DEFAULT_PREFIX_MAX };
  });
  return {
    rules,
    teaser: { ...data.teaser, proseEnd: new RegExp(data.teaser.proseEnd, 'u') },
    maxLineLength: data.maxLineLength,
  };
}

const cache = new Map<string, CompiledRules>();

/** No rules at all: the text only gets its blocks normalised. */
const EMPTY: CompiledRules = {
  rules: [],
  teaser: { maxLength: 160, maxLines: 15, proseEnd: /[.…]$/u },
  maxLineLength: 600,
};

/**
 * The compiled rules for a language, cached; a language without a folder under src/lang gets none.
 * @example loadBoilerplateRules('es').rules.length > 0 // => true
 */
export function loadBoilerplateRules(lang: string): CompiledRules {
  if (!SUPPORTED_LANGUAGES.includes(lang)) return EMPTY;
  let compiled = cache.get(lang);
  if (!compiled) {
    compiled = compileRules(loadValidatedLangData(lang, 'boilerplate', BoilerplateFileSchema.parse));
    cache.set(lang, compiled);
  }
  return compiled;
}
