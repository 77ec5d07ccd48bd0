/**
 * The history file: a SQLite database (node-sqlite3-wasm: SQLite compiled to WebAssembly, so nothing is
 * built or downloaded at install) holding every call a coach has scored. A call is known by the hash of
 * its content: scoring it again replaces its row, so nothing is counted twice.
 */
import { createRequire } from 'node:module';
import type sqlite from 'node-sqlite3-wasm';
import type { CallReport, RuleKindName, RuleMeta } from '../types.js';
import { HistoryError } from '../errors.js';
import { namesAHabit } from '../report/finding.js';
import { migrate, SCHEMA_VERSION } from './schema.js';

/** How the call's date was found. */
export type DateSource = 'given' | 'transcript' | 'file';

/** One analyzed call as the history records it. */
export interface HistoryEntry {
  call: CallReport;
  /** SHA-256 of the transcript's bytes: the call's identity. */
  contentHash: string;
  /** The path as reports show it. */
  path: string;
  /** YYYY-MM-DD. */
  date: string;
  dateSource: DateSource;
}

/** What `history` reads back about one call: only what the trends need. */
export interface HistoryCall {
  path: string;
  date: string;
  score: number | null;
  talkShare: number;
  openQuestions: number;
  sellers: Array<{ name: string; key: string }>;
  /** Per rep key: how often each habit (a seller-centric rule that names one) was found. */
  habits: Map<string, Map<string, number>>;
}

/** Rep names match case-insensitively, as in the batch summary. */
export function repKey(name: string): string {
  return name.trim().toLowerCase();
}

// Loaded when a history file is opened, not at import: instantiating SQLite's WebAssembly took
// about 35 ms of every analyze start, with or without --history (#12).
const require = createRequire(import.meta.url);

export class HistoryStore {
  private constructor(
    private readonly db: sqlite.Database,
    readonly file: string,
  ) {}

  /** Opens (creating or migrating) the history file. */
  static open(file: string, options: { readOnly?: boolean } = {}): HistoryStore {
    let db: sqlite.Database;
    try {
      const { Database } = require('node-sqlite3-wasm') as typeof sqlite;
      db = new Database(file, options.readOnly ? { readOnly: true } : {});
    } catch (e) {
      throw new HistoryError(`${file}: cannot open the history database (${(e as Error).message})`);
    }
    try {
      db.exec('PRAGMA foreign_keys = ON');
      if (!options.readOnly) migrate(db, (found) => new HistoryError(`${file}: history schema version ${found} is newer than this buyerside knows (${SCHEMA_VERSION}); upgrade buyerside`));
      else {
        const found = Number((db.get('PRAGMA user_version') as { user_version: number } | null)?.user_version ?? 0);
        if (found !== SCHEMA_VERSION) throw new HistoryError(`${file}: not a buyerside history database of schema version ${SCHEMA_VERSION} (found ${found})`);
      }
    } catch (e) {
      db.close();
      if (e instanceof HistoryError) throw e;
      throw new HistoryError(`${file}: not a buyerside history database (${(e as Error).message})`);
    }
    return new HistoryStore(db, file);
  }

  /** Records the calls in one transaction; a call already there (same content) is replaced. */
  record(entries: readonly HistoryEntry[], rules: readonly Pick<RuleMeta, 'id' | 'kind'>[], versions: { tool: string; rules: string }, recordedAt: string): void {
    const kinds = new Map<string, RuleKindName>(rules.map((r) => [r.id, r.kind]));
    const { db } = this;
    const remove = db.prepare('DELETE FROM calls WHERE content_hash = ?');
    const insert = db.prepare(
      `INSERT INTO calls (content_hash, path, call_date, date_source, sales_call, score, call_type, format, seller_talk_share, seller_questions,
        open_questions, seller_centric, buyer_ownership, longest_monologue_words, duration_seconds, metrics_json, tool_version, rules_version, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const seller = db.prepare('INSERT OR IGNORE INTO sellers (call_id, name, rep_key) VALUES (?, ?, ?)');
    const component = db.prepare('INSERT INTO components (call_id, name, value, weight, points) VALUES (?, ?, ?, ?, ?)');
    const finding = db.prepare(
      'INSERT INTO findings (call_id, rule_id, kind, category, severity, names_habit, speaker, scope, line, col, text, match, message, suppressed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    db.exec('BEGIN');
    try {
      for (const { call, contentHash, path, date, dateSource } of entries) {
        const m = call.metrics;
        remove.run([contentHash]);
        const id = insert.run([
          contentHash, path, date, dateSource, call.salesCall ? 1 : 0, call.score, call.callType ?? null, call.format,
          m.sellerTalkShare, m.sellerQuestions, m.sellerOpenQuestions, m.sellerCentricCount, m.buyerOwnershipCount,
          m.longestSellerMonologueWords, m.durationSeconds ?? null, JSON.stringify(m), versions.tool, versions.rules, recordedAt,
        ]).lastInsertRowid;
        for (const s of call.speakers) if (s.role === 'seller') seller.run([id, s.name, repKey(s.name)]);
        for (const c of call.scoreComponents) component.run([id, c.name, c.value, c.weight, c.points]);
        for (const f of call.findings) {
          const kind = kinds.get(f.ruleId);
          finding.run([
            id, f.ruleId, f.kind, f.category, f.severity, kind === undefined || namesAHabit(kind) ? 1 : 0, f.speaker ?? null, f.scope ?? null,
            f.line ?? null, f.column ?? null, f.text, f.match, f.message, f.suppressed ? 1 : 0,
          ]);
        }
      }
      db.exec('COMMIT');
    } catch (e) {
      db.exec('ROLLBACK');
      throw e;
    } finally {
      for (const s of [remove, insert, seller, component, finding]) s.finalize();
    }
  }

  /** The recorded calls between two days (inclusive, YYYY-MM-DD), in date then path order. */
  calls(range: { since?: string; until?: string } = {}): HistoryCall[] {
    const where: string[] = [];
    const values: string[] = [];
    if (range.since) {
      where.push('call_date >= ?');
      values.push(range.since);
    }
    if (range.until) {
      where.push('call_date <= ?');
      values.push(range.until);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const rows = this.db.all(`SELECT id, path, call_date, score, seller_talk_share, open_questions FROM calls ${clause} ORDER BY call_date, path, id`, values) as Array<{
      id: number; path: string; call_date: string; score: number | null; seller_talk_share: number; open_questions: number;
    }>;
    const byId = new Map<number, HistoryCall>();
    const list = rows.map((r) => {
      const call: HistoryCall = { path: r.path, date: r.call_date, score: r.score, talkShare: r.seller_talk_share, openQuestions: r.open_questions, sellers: [], habits: new Map() };
      byId.set(Number(r.id), call);
      return call;
    });
    for (const s of this.db.all('SELECT call_id, name, rep_key FROM sellers ORDER BY call_id, rowid') as Array<{ call_id: number; name: string; rep_key: string }>) {
      byId.get(Number(s.call_id))?.sellers.push({ name: s.name, key: s.rep_key });
    }
    const habits = this.db.all(
      `SELECT call_id, rule_id, speaker, scope, COUNT(*) AS n FROM findings WHERE kind = 'seller-centric' AND suppressed = 0 AND names_habit = 1 GROUP BY call_id, rule_id, speaker, scope`,
    ) as Array<{ call_id: number; rule_id: string; speaker: string | null; scope: string | null; n: number }>;
    for (const f of habits) {
      const call = byId.get(Number(f.call_id));
      if (!call) continue;
      // A finding is its speaker's habit; one about the call as a whole belongs to every seller on it.
      const owners = f.speaker !== null && call.sellers.some((s) => s.key === repKey(f.speaker!)) ? [repKey(f.speaker)] : f.scope === 'call' ? call.sellers.map((s) => s.key) : [];
      for (const key of owners) {
        const counts = call.habits.get(key) ?? new Map<string, number>();
        call.habits.set(key, counts);
        counts.set(f.rule_id, (counts.get(f.rule_id) ?? 0) + Number(f.n));
      }
    }
    return list;
  }

  close(): void {
    this.db.close();
  }
}
