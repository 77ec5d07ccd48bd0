/** AssemblyAI transcripts: `utterances[]` with speaker letters and times in milliseconds. */
import { speakerName } from '../names.js';
import { type Layout, isObject, num, timed } from './context.js';

export const assemblyai: Layout = {
  name: 'assemblyai',
  matches: (root) => {
    if (!isObject(root)) return false;
    const u = Array.isArray(root.utterances) ? root.utterances[0] : undefined;
    // Timed utterances, or the transcript object's own fields when utterances are off.
    return (isObject(u) && typeof u.text === 'string' && num(u.start) !== undefined) ||
      (typeof root.text === 'string' && Array.isArray(root.words) && ('audio_url' in root || 'speaker_labels' in root));
  },
  read(root, ctx) {
    const r = root as { utterances?: unknown; text?: unknown };
    if (!Array.isArray(r.utterances) || r.utterances.length === 0) {
      return {
        segments: [{ speaker: 'Speaker', text: String(r.text), ...ctx.placeOf('$') }],
        warnings: ['no utterances (speaker_labels off): all text is attributed to one speaker'],
      };
    }
    const segments = r.utterances.map((u: unknown, i: number) => {
      const path = `$.utterances[${i}]`;
      if (!isObject(u) || typeof u.text !== 'string') throw ctx.fail(path, 'expected an utterance with a "text" string');
      const start = num(u.start);
      const end = num(u.end);
      // AssemblyAI labels speakers "A", "B"...; alone a letter reads like an initial, so name it.
      const speaker = typeof u.speaker === 'string' && /^[A-Z]$/.test(u.speaker) ? `Speaker ${u.speaker}` : speakerName(u.speaker);
      return timed({ speaker, text: u.text, ...ctx.placeOf(path) }, start === undefined ? undefined : start / 1000, end === undefined ? undefined : end / 1000);
    });
    return { segments };
  },
};
