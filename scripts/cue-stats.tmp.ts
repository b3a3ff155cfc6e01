// Temporary measuring aid for content rewrite (not committed): key-vs-distractor length per question.
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
const root = 'content/modules';
const only = process.argv[2];
for (const mod of readdirSync(root)) {
  if (only && mod !== only) continue;
  const bank = parse(readFileSync(`${root}/${mod}/questions.yaml`, 'utf8')).questions;
  let items = 0, keyLongest = 0; const lines: string[] = [];
  for (const q of bank) {
    const check = (label: string, opts: { text: string; key: boolean }[]) => {
      const keys = opts.filter((o) => o.key), dis = opts.filter((o) => !o.key);
      if (!keys.length || !dis.length) return;
      items++;
      const keyLen = Math.max(...keys.map((o) => o.text.length));
      const maxDis = Math.max(...dis.map((o) => o.text.length));
      const avgDis = dis.reduce((s, o) => s + o.text.length, 0) / dis.length;
      const longest = keyLen > maxDis; if (longest) keyLongest++;
      const ratio = keyLen / avgDis;
      lines.push(`  ${longest ? 'LONGEST' : '       '} ${ratio > 1.5 ? 'RATIO!' : '      '} ${ratio.toFixed(2)} ${label}`);
    };
    if (q.type === 'single') check(q.id, q.options.map((o: any) => ({ text: o.text, key: !!o.correct })));
    if (q.type === 'multiple') {
      const c = q.options.filter((o: any) => o.correct).length, n = q.options.length;
      lines.push(`  multiple ${c}/${n} correct ${c / n > 0.5 || c / n < 1 / 3 ? 'OUT-OF-RANGE(1/3..1/2)' : 'ok'} ${q.id}`);
    }
    if (q.type === 'branching') for (const node of q.nodes) if (node.choices)
      check(`${q.id}#${node.id}`, node.choices.map((c: any) => ({ text: c.text, key: c.quality === 'goed' })));
  }
  console.log(`${mod}: key longest in ${keyLongest}/${items} (${(100 * keyLongest / items).toFixed(0)}%, limit 33%)`);
  console.log(lines.join('\n'));
}
