// The SQLite schema of an Atalaya store, and the marks that tell an Atalaya file from a foreign one.

/** PRAGMA application_id of every Atalaya store: "ATLY". */
export const APPLICATION_ID = 0x41544c59;
export const SCHEMA_VERSION = 1;

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS articles (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL,
  coder TEXT NOT NULL,
  title TEXT, outlet TEXT, url TEXT, published TEXT, language TEXT,
  text TEXT NOT NULL,
  signature BLOB NOT NULL,
  duplicate_of TEXT,
  similarity REAL
);
CREATE INDEX IF NOT EXISTS articles_hash ON articles(hash);
CREATE INDEX IF NOT EXISTS articles_duplicate_of ON articles(duplicate_of);

CREATE TABLE IF NOT EXISTS article_bands (
  band INTEGER NOT NULL, bucket INTEGER NOT NULL, article TEXT NOT NULL,
  PRIMARY KEY (band, bucket, article)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS article_bands_article ON article_bands(article);

CREATE TABLE IF NOT EXISTS mentions (
  article TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
  actor_id TEXT, actor TEXT
);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article);

CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  article TEXT NOT NULL,
  type TEXT NOT NULL, mode TEXT, status TEXT NOT NULL,
  date_start TEXT, date_end TEXT,
  confidence REAL NOT NULL,
  fusion_key TEXT,
  story TEXT,
  record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_article ON events(article);
CREATE INDEX IF NOT EXISTS events_story ON events(story);
CREATE INDEX IF NOT EXISTS events_fusion ON events(fusion_key);

CREATE TABLE IF NOT EXISTS event_actors (
  event TEXT NOT NULL, side TEXT NOT NULL CHECK (side IN ('source', 'target')),
  actor_id TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
  country TEXT, org TEXT, sector TEXT, role TEXT
);
CREATE INDEX IF NOT EXISTS event_actors_event ON event_actors(event);
CREATE INDEX IF NOT EXISTS event_actors_actor ON event_actors(actor_id, event);
CREATE INDEX IF NOT EXISTS event_actors_country ON event_actors(country, event);

CREATE VIRTUAL TABLE IF NOT EXISTS events_fts USING fts5(evidence, tokenize = 'unicode61 remove_diacritics 2');

CREATE TABLE IF NOT EXISTS stories (
  id TEXT PRIMARY KEY,
  fusion_key TEXT NOT NULL,
  type TEXT NOT NULL, status TEXT NOT NULL,
  date_start TEXT, date_end TEXT,
  event TEXT NOT NULL,
  sources INTEGER NOT NULL,
  events INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS stories_key ON stories(fusion_key);
CREATE INDEX IF NOT EXISTS stories_date ON stories(date_start DESC, id);
CREATE INDEX IF NOT EXISTS stories_type_date ON stories(type, date_start DESC);
CREATE INDEX IF NOT EXISTS stories_event ON stories(event);
`;
