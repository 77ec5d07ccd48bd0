/** Amazon Transcribe batch output: `results.items` with speaker_labels, channel_labels or audio_segments. */
import { speakerName } from '../names.js';
import { joinWords, type Word } from '../words.js';
import { type Json, type JsonContext, type Layout, isObject, num, timed } from './context.js';
import type { Segment } from '../builder.js';

export const aws: Layout = {
  name: 'aws-transcribe',
  matches: (root) => isObject(root) && isObject(root.results) && (Array.isArray(root.results.items) || Array.isArray(root.results.audio_segments)) && Array.isArray(root.results.transcripts),
  read(root, ctx) {
    const results = (root as { results: { [k: string]: Json } }).results;
    const warnings: string[] = [];
    if (isObject(results.channel_labels) && Array.isArray(results.channel_labels.channels)) {
      // Stereo call recordings: one channel per party; words from both channels interleave by time.
      const tokens: Word[] = [];
      results.channel_labels.channels.forEach((ch, c) => {
        const base = `$.results.channel_labels.channels[${c}]`;
        if (!isObject(ch) || !Array.isArray(ch.items)) throw ctx.fail(base, 'expected a channel with an "items" array');
        const label = typeof ch.channel_label === 'string' ? ch.channel_label : `ch_${c}`;
        tokens.push(...itemTokens(ch.items, `${base}.items`, ctx, () => label));
      });
      return { segments: joinWords(byTime(tokens)), warnings };
    }
    if (Array.isArray(results.items) && results.items.length > 0) {
      const bySpeakerStart = speakerIndex(results.speaker_labels, ctx);
      let last = 'Speaker';
      const tokens = itemTokens(results.items, '$.results.items', ctx, (item) => {
        const own = typeof item.speaker_label === 'string' ? item.speaker_label : bySpeakerStart.get(String(num(item.start_time)));
        if (own) last = speakerName(own);
        return last;
      });
      if (bySpeakerStart.size === 0 && !tokens.some((t) => t.speaker !== 'Speaker')) {
        warnings.push('no speaker or channel labels: all text is attributed to one speaker');
      }
      return { segments: joinWords(tokens), warnings };
    }
    return { segments: audioSegments(results.audio_segments, ctx), warnings };
  },
};

/** speaker_labels.segments[].items give each word's speaker, keyed here by the word's start time. */
function speakerIndex(labels: Json | undefined, ctx: JsonContext): Map<string, string> {
  const map = new Map<string, string>();
  if (!isObject(labels) || !Array.isArray(labels.segments)) return map;
  labels.segments.forEach((seg, s) => {
    if (!isObject(seg) || !Array.isArray(seg.items)) throw ctx.fail(`$.results.speaker_labels.segments[${s}]`, 'expected a segment with an "items" array');
    for (const it of seg.items) {
      const label = isObject(it) ? it.speaker_label ?? seg.speaker_label : undefined;
      const start = isObject(it) ? num(it.start_time) : undefined;
      if (typeof label === 'string' && start !== undefined) map.set(String(start), label);
    }
  });
  return map;
}

function itemTokens(items: Json[], base: string, ctx: JsonContext, speakerOf: (item: { [k: string]: Json }) => string): Word[] {
  const tokens: Word[] = [];
  items.forEach((item, i) => {
    const path = `${base}[${i}]`;
    if (!isObject(item)) throw ctx.fail(path, 'expected an item object');
    const alt = Array.isArray(item.alternatives) ? item.alternatives[0] : undefined;
    if (!isObject(alt) || typeof alt.content !== 'string') throw ctx.fail(path, 'expected a "content" string in alternatives[0]');
    const punct = item.type === 'punctuation';
    const tok: Word = { speaker: speakerOf(item), text: alt.content, attach: punct, ...ctx.placeOf(path) };
    const start = num(item.start_time);
    const end = num(item.end_time);
    if (start !== undefined) tok.start = start;
    if (end !== undefined) tok.end = end;
    tokens.push(tok);
  });
  return tokens;
}

/** Orders words from several channels by time; punctuation (no time) stays after its word. */
function byTime(tokens: Word[]): Word[] {
  const groups: Word[][] = [];
  for (const t of tokens) {
    if (t.attach && groups.length > 0 && t.start === undefined) groups[groups.length - 1]!.push(t);
    else groups.push([t]);
  }
  groups.sort((a, b) => (a[0]!.start ?? 0) - (b[0]!.start ?? 0));
  return groups.flat();
}

function audioSegments(list: Json | undefined, ctx: JsonContext): Segment[] {
  if (!Array.isArray(list)) throw ctx.fail('$.results', 'expected "items" or "audio_segments"');
  return list.map((seg, i) => {
    const path = `$.results.audio_segments[${i}]`;
    if (!isObject(seg) || typeof seg.transcript !== 'string') throw ctx.fail(path, 'expected a "transcript" string');
    const speaker = speakerName(seg.speaker_label ?? seg.channel_label);
    return timed({ speaker, text: seg.transcript, ...ctx.placeOf(path) }, num(seg.start_time), num(seg.end_time));
  });
}
