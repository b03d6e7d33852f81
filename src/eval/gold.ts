// Gold file format (../shared/docs/annotation-guide.md), validated on load.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { PLOVER_TYPES } from '../events/model.js';

const PloverType = z.enum(PLOVER_TYPES);
const Codes = z.array(z.string()).optional();

export const GoldStatus = z.enum(['occurred', 'planned', 'negative', 'hypothetical', 'any']);

export const GoldEvent = z.object({
  id: z.string(),
  core: z.boolean(),
  type: z.array(PloverType).min(1),
  mode: z.string().nullable().optional(),
  source: Codes,
  target: Codes,
  names: z.array(z.string()).optional(),
  date: z.tuple([z.string(), z.string()]).optional(),
  status: GoldStatus.default('any'),
  location: z.string().nullable().optional(),
  note: z.string().optional(),
});

export const GoldForbidden = z.object({
  type: z.array(PloverType).min(1),
  source: Codes,
  target: Codes,
  date: z.tuple([z.string(), z.string()]).optional(),
  status: GoldStatus.optional(),
  note: z.string().optional(),
});

export const GoldArticle = z.object({
  published: z.string().optional(),
  outlet: z.string().optional(),
  events: z.array(GoldEvent).default([]),
  forbidden: z.array(GoldForbidden).default([]),
});

export const GoldFile = z.object({ articles: z.record(z.string(), GoldArticle) });

export type GoldEventT = z.infer<typeof GoldEvent>;
export type GoldForbiddenT = z.infer<typeof GoldForbidden>;
export type GoldArticleT = z.infer<typeof GoldArticle>;
export type GoldFileT = z.infer<typeof GoldFile>;

/** Reads and validates a gold file; throws an Error naming the file and the first problems. */
export function loadGold(path: string): GoldFileT {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`${path}: cannot read gold file: ${(err as Error).message}`);
  }
  const parsed = GoldFile.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`${path}: invalid gold file: ${issues.join('; ')}`);
  }
  return parsed.data;
}
