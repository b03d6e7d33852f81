// zod schemas for the knowledge base files under data/kb/ and for user --kb files.
import { z } from 'zod';
import { SECTORS } from '../events/model.js';

/** YYYY, YYYY-MM or YYYY-MM-DD. A partial date means "some time in that month/year". */
export const PartialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'date must be YYYY, YYYY-MM or YYYY-MM-DD');
const Iso3 = z.string().regex(/^[A-Z]{3}$/, 'country must be ISO 3166-1 alpha-3');
const Sector = z.enum(SECTORS);

/** A seat of power or capital used for its government: "el Kremlin" = RUS/GOV. */
export const Metonym = z.object({
  alias: z.string().min(1),
  sector: Sector,
  /** true when the form is also a plain place name (Moscú, Washington): an actor only in subject/object slots. */
  place: z.boolean().default(false),
});

export const State = z.object({
  code: Iso3,
  name: z.object({ es: z.string(), en: z.string() }),
  /** Other names and short forms, Spanish and English: "EE. UU.", "EEUU", "United States". */
  aliases: z.array(z.string()).default([]),
  /** Every demonym form: ruso, rusa, rusos, rusas. */
  demonyms: z.array(z.string()).default([]),
  capital: z.string().nullable().default(null),
  metonyms: z.array(Metonym).default([]),
  /** Whether the press names its people family name first (Xi Jinping → "Xi"). */
  family_name_first: z.boolean().default(false),
  /** UN member | observer | other (Taiwan, Kosovo). */
  status: z.enum(['member', 'observer', 'other']).default('member'),
});

export const Organization = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Code used in Actor.org (NATO, UN, EU…); null for non-state groups that are coded by country. */
  code: z.string().nullable(),
  kind: z.enum(['org', 'group']),
  sector: Sector,
  /** For groups and national bodies: the state they belong to or operate in. */
  country: Iso3.nullable().default(null),
  name: z.object({ es: z.string(), en: z.string() }),
  aliases: z.array(z.string()).default([]),
  /** id of the parent organisation (Consejo de Seguridad → un). */
  parent: z.string().nullable().default(null),
});

export const Role = z.object({
  /** Spanish role name as the press writes it: "ministro de Defensa", "presidente". */
  role: z.string().min(1),
  sector: Sector,
  /** State the role belongs to; null for IGO posts (use org). */
  country: Iso3.nullable().default(null),
  org: z.string().nullable().default(null),
  from: PartialDate.nullable(),
  /** null = still in office as far as the KB knows. */
  to: PartialDate.nullable(),
  /** true when a date is not certain to the day. */
  uncertain: z.boolean().default(false),
});

export const Person = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  /** Other full-name forms: transliterations and Spanish spellings (Serguéi Shoigú, Sergey Shoygu). */
  aliases: z.array(z.string()).default([]),
  /** Surname-only forms the press uses alone (Shoigu, Shoigú, López Obrador, Lula). */
  short: z.array(z.string()).default([]),
  country: Iso3.nullable(),
  roles: z.array(Role).min(1),
});

/** A title in the Spanish (or other language) title lexicon: "secretario de Defensa". */
export const Title = z.object({
  /** Every written form (gender and number included). */
  forms: z.array(z.string()).min(1),
  role: z.string(),
  sector: Sector,
  /** When the title itself implies a state (secretario de Estado → USA unless told otherwise). */
  country: Iso3.nullable().default(null),
  org: z.string().nullable().default(null),
  /** KB role names that are the same post under another name ("secretario de Estado" for a foreign minister). */
  equivalents: z.array(z.string()).default([]),
  /** Country-specific readings: canciller in DEU/AUT is head of government. */
  by_country: z.record(z.string(), z.object({ role: z.string(), sector: Sector })).default({}),
});

export type StateEntry = z.infer<typeof State>;
export type OrganizationEntry = z.infer<typeof Organization>;
export type PersonEntry = z.infer<typeof Person>;
export type RoleEntry = z.infer<typeof Role>;
export type TitleEntry = z.infer<typeof Title>;

/** A city or region used to place events ("en Ginebra" → CHE). Capitals come from State.capital too. */
export const Place = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  country: Iso3,
});
export type PlaceEntry = z.infer<typeof Place>;
