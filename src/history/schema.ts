/**
 * The history database's schema, versioned with SQLite's `user_version`: migration N takes a database
 * from version N to N+1, so a file made by any older buyerside opens and is brought up to date in place.
 * docs/history.md documents the tables for coaches who query them with their own SQLite tools.
 */
import type { Database } from 'node-sqlite3-wasm';

/** Each entry upgrades the database by one version; never edit a released entry, append a new one. */
const MIGRATIONS: readonly string[] = [
  // 0 -> 1: the first schema.
  `
  CREATE TABLE calls (
    id INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    call_date TEXT NOT NULL,
    date_source TEXT NOT NULL,
    sales_call INTEGER NOT NULL,
    score REAL,
    call_type TEXT,
    format TEXT NOT NULL,
    seller_talk_share REAL NOT NULL,
    seller_questions INTEGER NOT NULL,
    open_questions INTEGER NOT NULL,
    seller_centric INTEGER NOT NULL,
    buyer_ownership INTEGER NOT NULL,
    longest_monologue_words INTEGER NOT NULL,
    duration_seconds REAL,
    metrics_json TEXT NOT NULL,
    tool_version TEXT NOT NULL,
    rules_version TEXT NOT NULL,
    recorded_at TEXT NOT NULL
  );
  CREATE INDEX calls_by_date ON calls (call_date);
  CREATE TABLE sellers (
    call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    rep_key TEXT NOT NULL,
    PRIMARY KEY (call_id, rep_key)
  );
  CREATE INDEX sellers_by_rep ON sellers (rep_key);
  CREATE TABLE components (
    call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    value REAL NOT NULL,
    weight REAL NOT NULL,
    points REAL NOT NULL
  );
  CREATE TABLE findings (
    call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    rule_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    category TEXT NOT NULL,
    severity TEXT NOT NULL,
    names_habit INTEGER NOT NULL,
    speaker TEXT,
    scope TEXT,
    line INTEGER,
    col INTEGER,
    text TEXT NOT NULL,
    match TEXT NOT NULL,
    message TEXT NOT NULL,
    suppressed INTEGER NOT NULL
  );
  CREATE INDEX findings_by_call ON findings (call_id);
  `,
];

/** The schema version this buyerside writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the database to SCHEMA_VERSION; returns the version it found. Throws on a database from a newer buyerside. */
export function migrate(db: Database, onNewer: (found: number) => Error): number {
  const found = Number((db.get('PRAGMA user_version') as { user_version: number } | null)?.user_version ?? 0);
  if (found > SCHEMA_VERSION) throw onNewer(found);
  for (let v = found; v < SCHEMA_VERSION; v++) {
    db.exec('BEGIN');
    try {
      db.exec(MIGRATIONS[v]!);
      db.exec(`PRAGMA user_version = ${v + 1}`);
      db.exec('COMMIT');
    } catch (e) {
      db.exec('ROLLBACK');
      throw e;
    }
  }
  return found;
}
