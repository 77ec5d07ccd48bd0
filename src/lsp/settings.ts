/** The editor's settings for the language server, read from whatever shape the client sends them in. */

export interface LspSettings {
  /** Show buyer-ownership findings (strengths) as hints; off by default. */
  showStrengths: boolean;
  /** Milliseconds to wait after the last change before analyzing again. */
  debounceMs: number;
}

export const DEFAULT_SETTINGS: LspSettings = { showStrengths: false, debounceMs: 150 };

/** The section name clients use: `{ "buyerside": { "showStrengths": true } }`. */
export const SECTION = 'buyerside';

/**
 * Settings from initialization options, a didChangeConfiguration payload or a workspace/configuration
 * answer: either `{ buyerside: {...} }` or the section itself. Values of the wrong type are ignored
 * (the previous value stays), so that one typo in an editor's settings does not stop the server.
 */
export function readSettings(raw: unknown, previous: LspSettings = DEFAULT_SETTINGS): LspSettings {
  if (!isObject(raw)) return previous;
  const section = isObject(raw[SECTION]) ? (raw[SECTION] as Record<string, unknown>) : raw;
  const next = { ...previous };
  if (typeof section.showStrengths === 'boolean') next.showStrengths = section.showStrengths;
  const ms = section.debounceMs;
  if (typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 && ms <= 10_000) next.debounceMs = Math.round(ms);
  return next;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
