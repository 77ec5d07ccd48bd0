/** WebVTT captions as Zoom, Teams, Whisper and others export them. */
import type { Transcript } from '../types.js';
import { buildTurns } from './builder.js';
import { scanCues } from './cues.js';

/** Parses WebVTT; the layout says how speakers were marked (Teams voice tags, Zoom `Name:`...). */
export function parseVtt(text: string): Transcript {
  const { segments, marks } = scanCues(text, true);
  const layout = marks.voice > 0 ? 'teams-vtt' : marks.bracket > 0 ? 'diarized-vtt' : marks.prefix > 0 ? 'zoom-vtt' : 'vtt';
  return { format: 'vtt', layout, turns: buildTurns(segments), warnings: noSpeakerWarning(marks) };
}

/** A warning when no cue named its speaker, since every turn then belongs to one "Speaker". */
export function noSpeakerWarning(marks: { voice: number; prefix: number; bracket: number }): string[] {
  return marks.voice + marks.prefix + marks.bracket === 0 ? ['no cue names its speaker: all text is attributed to one speaker'] : [];
}
