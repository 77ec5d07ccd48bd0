/** Deepgram prerecorded responses: `results.utterances`, or the words of `results.channels[]`. */
import { speakerName } from '../names.js';
import { joinWords, type Word } from '../words.js';
import { type Json, type Layout, isObject, num, timed } from './context.js';
import type { Segment } from '../builder.js';

export const deepgram: Layout = {
  name: 'deepgram',
  matches: (root) => isObject(root) && isObject(root.results) && (Array.isArray(root.results.utterances) || Array.isArray(root.results.channels)),
  read(root, ctx) {
    const results = (root as { results: { [k: string]: Json } }).results;
    const utterances = results.utterances;
    if (Array.isArray(utterances) && utterances.length > 0) {
      let diarized = false;
      const segments: Segment[] = utterances.map((u, i) => {
        const path = `$.results.utterances[${i}]`;
        if (!isObject(u) || typeof u.transcript !== 'string') throw ctx.fail(path, 'expected an utterance with a "transcript" string');
        if (u.speaker !== undefined) diarized = true;
        return timed({ speaker: speakerName(u.speaker), text: u.transcript, ...ctx.placeOf(path) }, num(u.start), num(u.end));
      });
      return { segments, warnings: diarized ? [] : [ONE] };
    }
    const channels = Array.isArray(results.channels) ? results.channels : [];
    const tokens: Word[] = [];
    let diarized = false;
    channels.forEach((ch, c) => {
      const base = `$.results.channels[${c}].alternatives[0]`;
      const alt = isObject(ch) && Array.isArray(ch.alternatives) ? ch.alternatives[0] : undefined;
      if (!isObject(alt) || !Array.isArray(alt.words)) throw ctx.fail(base, 'expected an alternative with a "words" array');
      alt.words.forEach((w, i) => {
        const path = `${base}.words[${i}]`;
        if (!isObject(w) || (typeof w.punctuated_word !== 'string' && typeof w.word !== 'string')) throw ctx.fail(path, 'expected a "word" string');
        if (w.speaker !== undefined) diarized = true;
        // Several channels without diarization are the parties of a stereo call.
        const speaker = w.speaker !== undefined ? speakerName(w.speaker) : channels.length > 1 ? `Channel ${c}` : 'Speaker';
        const tok: Word = { speaker, text: String(w.punctuated_word ?? w.word), ...ctx.placeOf(path) };
        const start = num(w.start);
        const end = num(w.end);
        if (start !== undefined) tok.start = start;
        if (end !== undefined) tok.end = end;
        tokens.push(tok);
      });
    });
    if (channels.length > 1) tokens.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
    return { segments: joinWords(tokens), warnings: diarized || channels.length > 1 ? [] : [ONE] };
  },
};

const ONE = 'no speaker labels (Deepgram without diarize): all text is attributed to one speaker';
