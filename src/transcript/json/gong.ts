/** Gong call-transcript exports: `callTranscripts[].transcript[]` with a speakerId and timed sentences (ms). */
import { speakerName } from '../names.js';
import { type Layout, isObject, num, timed } from './context.js';
import type { Segment } from '../builder.js';

export const gong: Layout = {
  name: 'gong',
  matches: (root) => isObject(root) && Array.isArray(root.callTranscripts),
  read(root, ctx) {
    const calls = (root as { callTranscripts: unknown[] }).callTranscripts;
    const call = calls[0];
    if (!isObject(call) || !Array.isArray(call.transcript)) throw ctx.fail('$.callTranscripts[0]', 'expected a call with a "transcript" array');
    const segments: Segment[] = [];
    call.transcript.forEach((part, i) => {
      const base = `$.callTranscripts[0].transcript[${i}]`;
      if (!isObject(part) || !Array.isArray(part.sentences)) throw ctx.fail(base, 'expected a "sentences" array');
      const speaker = speakerName(part.speakerId);
      part.sentences.forEach((s, k) => {
        const path = `${base}.sentences[${k}]`;
        if (!isObject(s) || typeof s.text !== 'string') throw ctx.fail(path, 'expected a sentence with a "text" string');
        const start = num(s.start);
        const end = num(s.end);
        segments.push(timed({ speaker, text: s.text, ...ctx.placeOf(path) }, start === undefined ? undefined : start / 1000, end === undefined ? undefined : end / 1000));
      });
    });
    const warnings = calls.length > 1 ? [`the export holds ${calls.length} calls: only the first was read`] : [];
    return { segments, warnings };
  },
};
