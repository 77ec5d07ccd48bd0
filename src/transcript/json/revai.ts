/** Rev.ai transcripts: `monologues[]`, each a speaker with `elements` of type text and punct. */
import { speakerName } from '../names.js';
import { type Layout, isObject, num } from './context.js';
import type { Segment } from '../builder.js';

export const revai: Layout = {
  name: 'revai',
  matches: (root) => isObject(root) && Array.isArray(root.monologues),
  read(root, ctx) {
    const segments: Segment[] = [];
    (root as { monologues: unknown[] }).monologues.forEach((m, i) => {
      const base = `$.monologues[${i}]`;
      if (!isObject(m) || !Array.isArray(m.elements)) throw ctx.fail(base, 'expected a monologue with an "elements" array');
      const speaker = typeof m.speaker_name === 'string' && m.speaker_name ? m.speaker_name : speakerName(m.speaker);
      let cur: Segment | undefined;
      m.elements.forEach((el, k) => {
        const path = `${base}.elements[${k}]`;
        if (!isObject(el) || typeof el.value !== 'string') throw ctx.fail(path, 'expected an element with a "value" string');
        // Punct elements carry their own spaces, so values are concatenated as they are.
        if (!cur) {
          if (el.type === 'punct' && !el.value.trim()) return;
          cur = { speaker, text: '', ...ctx.placeOf(path) };
          const ts = num(el.ts);
          if (ts !== undefined) cur.start = ts;
          segments.push(cur);
        }
        cur.text += el.value;
        const end = num(el.end_ts);
        if (end !== undefined) cur.end = end;
        if (el.type === 'punct' && /[.?!]/.test(el.value)) cur = undefined;
      });
    });
    return { segments };
  },
};
