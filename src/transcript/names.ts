/** Speaker names: telling a `Name:` label from prose, and turning raw ids into readable names. */

/** Labels that look like `Word:` but introduce metadata or notes rather than a speaker. */
const NOT_NAMES = new Set([
  'note', 'notes', 'summary', 'date', 'time', 'location', 'subject', 'agenda', 'attendees', 'participants',
  'duration', 'title', 'http', 'https', 'action items', 'next steps', 'call notes', 'call id', 'outcome',
  'meeting', 'transcript', 'recording', 'webvtt', 'kind', 'language',
]);

/** True when a label is plausibly a speaker's name ("Dana", "Dr. Amato", "SPEAKER_01", "Speaker 1"). */
export function isName(label: string): boolean {
  const n = label.trim().replace(/^\[|\]$/g, '').trim();
  if (!n || n.length > 40) return false;
  const words = n.split(/\s+/);
  if (words.length > 4) return false;
  if (NOT_NAMES.has(n.toLowerCase())) return false;
  if (/^\d+$/.test(n)) return false;
  // Several words make a name only when each is capitalized ("Dr. Amato", "Speaker 1"), so that
  // a continuation line such as "so here is the thing: ..." is not taken for a speaker.
  return words.length === 1 || words.every((w) => /^[\p{Lu}\p{Lo}\p{N}\[(]/u.test(w));
}

/** Cleans a label taken from text: brackets, Google Meet's `~`, surrounding space. */
export function cleanName(label: string): string {
  return label.trim().replace(/^\[(.*)\]$/, '$1').replace(/\s*~$/, '').trim();
}

/**
 * Names a speaker id from a JSON or token file: numbers become "Speaker 0"; anything else
 * (SPEAKER_01, spk_0, "Dana") stays as it is.
 */
export function speakerName(id: unknown, fallback = 'Speaker'): string {
  if (typeof id === 'number' && Number.isFinite(id)) return `Speaker ${id}`;
  if (typeof id !== 'string') return fallback;
  const s = id.trim();
  if (!s) return fallback;
  if (/^\d+$/.test(s)) return `Speaker ${s}`;
  return s;
}
