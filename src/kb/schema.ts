// zod schemas for the knowledge base files under data/kb/ and for user --kb files.
// Built on first use: a run whose KB comes from dist/kb-cache.json never validates, and importing
// zod (200+ modules) costs ~40 ms of start-up; zod's CommonJS build is required synchronously then.
import { createRequire } from 'node:module';
import type { z as Z } from 'zod';
import { SECTORS } from '../events/model.js';

function build() {
  const { z } = createRequire(import.meta.url)('zod') as typeof import('zod');
  /** YYYY, YYYY-MM or YYYY-MM-DD. A partial date means "some time in that month/year". */
  const PartialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'date must be YYYY, YYYY-MM or YYYY-MM-DD');
  const Iso3 = z.string().regex(/^[A-Z]{3}$/, 'country must be ISO 3166-1 alpha-3');
  const Sector = z.enum(SECTORS);

  /** A seat of power or capital used for its government: "el Kremlin" = RUS/GOV. */
  const Metonym = z.object({
    alias: z.string().min(1),
    sector: Sector,
    /** true when the form is also a plain place name (Moscú, Washington): an actor only in subject/object slots. */
    place: z.boolean().default(false),
  });

  const State = z.object({
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

  const Organization = z.object({
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

  const Role = z.object({
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

  const Person = z.object({
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
  const Title = z.object({
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


  /** A city or region used to place events ("en Ginebra" → CHE). Capitals come from State.capital too. */
  const Place = z.object({
    name: z.string().min(1),
    aliases: z.array(z.string()).default([]),
    country: Iso3,
  });
  return { PartialDate, Metonym, State, Organization, Role, Person, Title, Place };
}

let schemas: ReturnType<typeof build> | null = null;
/** The KB schemas (zod loads on the first call). */
export const kbSchemas = (): ReturnType<typeof build> => (schemas ??= build());

type Schemas = ReturnType<typeof build>;
export type StateEntry = Z.infer<Schemas['State']>;
export type OrganizationEntry = Z.infer<Schemas['Organization']>;
export type PersonEntry = Z.infer<Schemas['Person']>;
export type RoleEntry = Z.infer<Schemas['Role']>;
export type TitleEntry = Z.infer<Schemas['Title']>;
export type PlaceEntry = Z.infer<Schemas['Place']>;
