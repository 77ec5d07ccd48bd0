/** JSON transcripts: vendor layouts tried in order, then the generic turn-array finder. */
import type { Transcript } from '../../types.js';
import { InputProblem } from '../../errors.js';
import { buildTurns } from '../builder.js';
import { type Json, type Layout, JsonContext } from './context.js';
import { aws } from './aws.js';
import { assemblyai } from './assemblyai.js';
import { deepgram } from './deepgram.js';
import { gong } from './gong.js';
import { revai } from './revai.js';
import { whisper } from './whisper.js';
import { readGeneric } from './generic.js';

/** Most specific first: AssemblyAI's `utterances` must be tried before the generic finder sees them. */
const LAYOUTS: readonly Layout[] = [aws, deepgram, assemblyai, revai, gong, whisper];

/** Parses a JSON transcript; throws InputProblem for invalid JSON or JSON that holds no transcript. */
export function parseJson(text: string): Transcript {
  const root = parseDocument(text);
  const ctx = new JsonContext(text);
  for (const layout of LAYOUTS) {
    if (!layout.matches(root)) continue;
    const { segments, warnings = [] } = layout.read(root, ctx);
    return { format: 'json', layout: layout.name, turns: buildTurns(segments), warnings };
  }
  const generic = readGeneric(root, ctx);
  if (!generic) {
    throw new InputProblem(
      'E_FORMAT',
      'this JSON holds no transcript: expected Whisper "segments", AWS Transcribe "results", Deepgram "results", AssemblyAI or Rev.ai output, a Gong "callTranscripts" export, or an array of turn objects with a speaker ("speaker", "role", "name"...) and a text ("text", "content"...) key, or of [speaker, text] pairs',
    );
  }
  return { format: 'json', layout: 'generic-json', turns: buildTurns(generic.segments), warnings: generic.warnings ?? [] };
}

function parseDocument(text: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new InputProblem('E_PARSE', `invalid JSON: ${message.replace(/^JSON\.parse: /, '')}`, errorLine(text, message));
  }
}

/** The line of a JSON.parse error, from "(line N column M)" (Node 22) or "at position N" (Node 20). */
function errorLine(text: string, message: string): number | undefined {
  const line = /line (\d+) column/.exec(message);
  if (line) return Number(line[1]);
  const pos = /position (\d+)/.exec(message);
  // Node 20 names no position when the text ends inside a value; the problem is then at the last line.
  if (!pos) return /end of JSON input/i.test(message) ? text.split(/\r\n|\r|\n/).length : undefined;
  let n = 1;
  const end = Math.min(Number(pos[1]), text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}
