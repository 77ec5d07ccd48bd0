/** Renders benchmark results as a Markdown table with the machine's description and notes. */

const fmt = {
  int: (n) => (n === null || n === undefined ? '—' : Math.round(n).toLocaleString('en-US')),
  secs: (n) => (n === null || n === undefined ? '—' : n < 10 ? n.toFixed(3) : n.toFixed(1)),
  mb: (n) => (n === null || n === undefined ? '—' : n.toFixed(0)),
};

const RESULT = { true: 'pass', false: '**FAIL**', null: '—' };

/**
 * One Markdown document: heading, machine line, the table, then notes.
 * @param {{ machine: object, rows: object[], notes: string[], title: string }} options
 */
export function renderMarkdown({ machine, rows, notes, title }) {
  const lines = [
    `# ${title}`,
    '',
    `${machine.date} · ${machine.cores} cores (os.availableParallelism()) · ${machine.cpu} · Node ${machine.node} · ${machine.memGB} GB RAM · buyerside ${machine.buyerside ?? 'n/a'}`,
    '',
    '| workload | words | wall s (median) | words/s | peak MB | target | result | cpu s (median) |',
    '|---|---:|---:|---:|---:|---|---|---:|',
  ];
  for (const r of rows) {
    lines.push(`| ${r.label} | ${fmt.int(r.words || null)} | ${fmt.secs(r.medianS)} | ${fmt.int(r.wordsPerS)} | ${fmt.mb(r.peakMB)} | ${r.target ?? ''} | ${RESULT[String(r.pass ?? null)]}${r.detail ? ` ${r.detail}` : ''} | ${fmt.secs(r.cpuS)} |`);
  }
  lines.push('', ...notes.map((n) => `- ${n}`), '');
  return lines.join('\n');
}
