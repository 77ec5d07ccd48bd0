/** SubRip (.srt) subtitles, with `Name:` or `[Name]` speaker prefixes or none. */
import type { Transcript } from '../types.js';
import { buildTurns } from './builder.js';
import { scanCues } from './cues.js';
import { noSpeakerWarning } from './vtt.js';

/** Parses SRT cues into turns. */
export function parseSrt(text: string): Transcript {
  const { segments, marks } = scanCues(text, false);
  return { format: 'srt', layout: marks.bracket > 0 ? 'diarized-srt' : 'srt', turns: buildTurns(segments), warnings: noSpeakerWarning(marks) };
}
