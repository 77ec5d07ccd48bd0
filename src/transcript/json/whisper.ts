/** OpenAI Whisper JSON (and whisperX, whisper-ctranslate2, whisper-timestamped): `segments[]` with text and times. */
import { speakerName } from '../names.js';
import { type Layout, isObject, num, timed } from './context.js';
import type { Segment } from '../builder.js';

export const whisper: Layout = {
  name: 'whisper',
  matches: (root) =>
    isObject(root) && Array.isArray(root.segments) && root.segments.length > 0 &&
    isObject(root.segments[0]) && 'text' in root.segments[0] && ('start' in root.segments[0] || 'seek' in root.segments[0]),
  read(root, ctx) {
    const list = (root as { segments: unknown[] }).segments;
    const segments: Segment[] = [];
    let diarized = false;
    list.forEach((s, i) => {
      const path = `$.segments[${i}]`;
      if (!isObject(s) || typeof s.text !== 'string') throw ctx.fail(path, 'expected a segment object with a "text" string');
      if (s.speaker !== undefined && s.speaker !== null) diarized = true;
      segments.push(timed({ speaker: speakerName(s.speaker), text: s.text, ...ctx.placeOf(path) }, num(s.start), num(s.end)));
    });
    return { segments, warnings: diarized ? [] : ['no speaker labels (Whisper without diarization): all text is attributed to one speaker'] };
  },
};
