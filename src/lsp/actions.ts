/**
 * Code actions on findings: accept a line on purpose with a `buyerside-disable-next-line` directive
 * above it (as in CI), and, where the rule's suggestion ends in a question to ask instead, replace the
 * sentence with that question.
 */
import { CodeActionKind, TextEdit, type CodeAction, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Shown } from './diagnostics.js';
import { sentenceRange } from './range.js';

/**
 * The concrete rewording a suggestion offers: a question quoted after a colon at its end
 * (`Take the clock out of "...": "What would you need to feel sure about this?"`). Suggestions that
 * end in an example to adapt ("You mentioned night shifts; ...") or in advice are not rewordings.
 */
export function rewording(suggestion: string): string | undefined {
  const m = /:\s*["“]([^"“”]+\?)["”]\s*$/u.exec(suggestion.trim());
  return m?.[1]?.trim();
}

/** The quick fixes for the findings that `range` touches. `only` is the client's filter of action kinds. */
export function codeActions(doc: TextDocument, shown: readonly Shown[], range: Range, only?: readonly string[]): CodeAction[] {
  if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`) || k === CodeActionKind.Empty)) return [];
  const eol = doc.getText().includes('\r\n') ? '\r\n' : '\n';
  const actions: CodeAction[] = [];
  const disabled = new Set<string>();
  for (const s of shown) {
    const f = s.finding;
    if (f.kind !== 'seller-centric' || f.scope === 'call' || !touches(s.range, range)) continue;
    const question = rewording(f.suggestion);
    const sentence = question ? sentenceRange(doc, f, s.range) : undefined;
    if (question && sentence) {
      actions.push({
        title: `Ask instead: "${question}"`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [s.diagnostic],
        edit: { changes: { [doc.uri]: [TextEdit.replace(sentence, question)] } },
      });
    }
    // The directive applies to the line below it: the line where the match starts.
    const line = s.range.start.line;
    if (disabled.has(`${line} ${f.ruleId}`)) continue;
    disabled.add(`${line} ${f.ruleId}`);
    const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    const indent = /^[ \t]*/.exec(text)![0];
    actions.push({
      title: `Accept this line on purpose: <!-- buyerside-disable-next-line ${f.ruleId} -->`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [s.diagnostic],
      edit: { changes: { [doc.uri]: [TextEdit.insert({ line, character: 0 }, `${indent}<!-- buyerside-disable-next-line ${f.ruleId} -->${eol}`)] } },
    });
  }
  return actions;
}

function touches(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
