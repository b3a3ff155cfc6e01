// The benchmark's outcome: the table on the terminal, the targets (issue 20) with a verdict each,
// and the same as JSON under bench/results/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnswerCheck } from './answer-check.ts';
import type { ClientJs } from './client-js.ts';
import type { Measurement } from './load.ts';
import type { ToetsCheck } from './toets-check.ts';

export interface SetupRows {
  setup: string;
  note?: string;
  rows: Measurement[];
}

export interface GrowthPoint {
  scale: number;
  answers: number;
  professionals: number;
  rows: Measurement[];
}

export interface BenchReport {
  startedAt: string;
  seconds: number;
  machine: { cpus: number; cpuModel: string; node: string; loadAverageAtStart: number[]; loadAverageAtEnd: number[] };
  settings: { connections: number; seconds: number; growthBase: number };
  builds: { course: { seconds: number }; generated?: { seconds: number; modules: number; lessons: number; questions: number; mdxBytes: number } };
  data: { seconds: number; counts: Record<string, number> };
  setups: SetupRows[];
  skipped: string[];
  clientJs: { lesson?: ClientJs; question?: ClientJs };
  staticFileBytes: number;
  peakRssMb: Record<string, number | null>;
  answerChecks: (AnswerCheck & { setup: string })[];
  /** Row (t): every toets handed in with a success status, handed in once (empty when (t) did not run). */
  toetsChecks: (ToetsCheck & { setup: string })[];
  growth: GrowthPoint[];
  targets: Target[];
}

export interface Target {
  name: string;
  value: string;
  holds: boolean | null;
}

const STATIC_ID = 'a';

export function evaluateTargets(report: Omit<BenchReport, 'targets'>): Target[] {
  const main = report.setups[0]?.rows ?? [];
  const row = (id: string) => main.find((r) => r.id === id);
  const ceiling = row(STATIC_ID)?.rps ?? NaN;
  const ratio = (id: string) => (row(id)?.rps ?? NaN) / ceiling;
  const targets: Target[] = [];
  const add = (name: string, value: string, holds: boolean | null) => targets.push({ name, value, holds });

  // The targets of issue 20 (performance, second round); a row that was not measured gives "?".
  const bare = (id: string) => (row(id)?.rps ?? NaN) / (row('h')?.rps ?? NaN);
  const verdict = (value: number, holds: boolean) => (Number.isNaN(value) ? null : holds);
  add('les ≥ 0,8 × kale pagina (h)', `${fmtRatio(bare('b'))} ×`, verdict(bare('b'), bare('b') >= 0.8));
  add('catalogus ≥ 0,7 × kale pagina (h)', `${fmtRatio(bare('d'))} ×`, verdict(bare('d'), bare('d') >= 0.7));
  add('kale pagina (h) ≥ 0,45 × statisch', `${fmtRatio(ratio('h'))} ×`, verdict(ratio('h'), ratio('h') >= 0.45));
  add('antwoord ≥ 0,25 × statisch', `${fmtRatio(ratio('c'))} ×`, verdict(ratio('c'), ratio('c') >= 0.25));
  add('toets inleveren ≥ 0,25 × statisch', `${fmtRatio(ratio('t'))} ×`, verdict(ratio('t'), ratio('t') >= 0.25));
  for (const id of ['c', 't']) {
    const r = row(id);
    if (r) add(`p95 < 50 ms bij ${r.connections} verbindingen: (${id}) ${r.name}`, `${r.p95} ms`, r.p95 < 50);
  }
  const trainerAnalysis = row('f');
  if (trainerAnalysis) add(`p95 < 100 ms: (f) ${trainerAnalysis.name}`, `${trainerAnalysis.p95} ms`, trainerAnalysis.p95 < 100);
  const regionAt4 = report.growth.find((point) => point.scale === 4)?.rows.find((r) => r.id === 'f*');
  add(
    'vraaganalyse van de hele regio < 150 ms bij 4× de data (eerste verzoek, niets bewaard)',
    regionAt4?.firstMs === undefined ? 'niet gemeten' : `${regionAt4.firstMs.toFixed(1)} ms`,
    regionAt4?.firstMs === undefined ? null : regionAt4.firstMs < 150,
  );
  const overWs = report.setups.find((setup) => setup.setup.includes('ws://'))?.rows.find((r) => r.id === 'b');
  const wsRatio = (overWs?.rps ?? NaN) / ceiling;
  add('twee instanties op sqld (ws://): les ≥ 0,1 × statisch', overWs ? `${fmtRatio(wsRatio)} ×` : 'niet gemeten', overWs ? wsRatio >= 0.1 : null);
  for (const id of ['e', 'i']) {
    const r = row(id);
    if (r) add(`p95 < 150 ms bij volledige data: (${id}) ${r.name}`, `${r.p95} ms`, r.p95 < 150);
  }
  const lessonJs = report.clientJs.lesson?.gzipBytes;
  const questionJs = report.clientJs.question?.gzipBytes;
  add('les: 0 bytes JavaScript', lessonJs === undefined ? 'niet gemeten' : `${lessonJs} B`, lessonJs === undefined ? null : lessonJs === 0);
  add(
    'vraagpagina ≤ 10 KB JavaScript (gzip)',
    questionJs === undefined ? 'niet gemeten' : `${questionJs} B`,
    questionJs === undefined ? null : questionJs <= 10 * 1024,
  );
  const generated = report.builds.generated;
  add('bouw van 100 modules < 60 s', generated ? `${generated.seconds.toFixed(1)} s` : 'niet gemeten', generated ? generated.seconds < 60 : null);
  for (const [name, mb] of Object.entries(report.peakRssMb))
    add(`piek-RSS < 300 MB (${name})`, mb === null ? 'onbekend' : `${mb} MB`, mb === null ? null : mb < 300);
  for (const check of report.answerChecks) {
    add(
      `elk 2xx-antwoord precies één keer in de database (${check.setup})`,
      `${check.accepted} aangenomen, ${check.missing} ontbreken, ${check.duplicated} dubbel`,
      check.ok,
    );
  }
  for (const check of report.toetsChecks) {
    add(
      `elke ingeleverde toets precies één keer ingeleverd (${check.setup})`,
      `${check.accepted} ingeleverd, ${check.missing + check.withoutCompletion} zonder uitslag of afronding, ${check.duplicated} dubbel, ${check.handedInUnsent} onverwacht`,
      check.ok,
    );
  }
  const first = report.growth[0];
  const last = report.growth.at(-1);
  if (first && last && last !== first) {
    const factor = last.scale / first.scale;
    for (const r of first.rows) {
      const end = last.rows.find((x) => x.id === r.id);
      if (!end) continue;
      // Cost per request: the server's time per request at saturation (1 / throughput).
      const growth = r.rps / end.rps;
      add(`kosten groeien hooguit lineair: (${r.id}) ${r.name}, ${factor}× data`, `${growth.toFixed(2)}× tijd per verzoek`, growth <= factor);
      // The analysis reads tallies, not answers: its cost should hardly grow with the data.
      if (r.id === 'f' || r.id === 'f*') add(`vraaganalyse groeit minder dan 2× over ${factor}× data: (${r.id})`, `${growth.toFixed(2)}×`, growth < 2);
    }
  }
  return targets;
}

export function printReport(report: BenchReport): string {
  const lines: string[] = [];
  const ceiling = report.setups[0]?.rows.find((r) => r.id === STATIC_ID)?.rps ?? NaN;
  lines.push('', `Leergang Toegang — benchmark (${report.startedAt}), ${report.settings.connections} verbindingen, ${report.settings.seconds} s per rij`);
  lines.push(
    `machine: ${report.machine.cpus} cores (${report.machine.cpuModel}), Node ${report.machine.node}, load average bij start ${report.machine.loadAverageAtStart.map((n) => n.toFixed(2)).join(' ')}, bij einde ${report.machine.loadAverageAtEnd.map((n) => n.toFixed(2)).join(' ')}`,
  );
  const c = report.data.counts;
  lines.push(
    `data: ${fmt(c.professionals)} professionals in ${fmt(c.teams)} teams, ${fmt(c.answers)} antwoorden, ${fmt(c.lessonEvents)} lesgebeurtenissen, ${fmt(c.reviewItems)} herhaalitems (gegenereerd in ${report.data.seconds.toFixed(1)} s)`,
  );
  lines.push('');
  const header = ['opstelling', 'scenario', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', '× (a)', 'CPU ms', '1e ms', 'RSS MB', 'fouten'];
  const table: string[][] = [];
  for (const setup of report.setups) {
    for (const r of setup.rows) {
      const bad = Object.values(r.unexpected).reduce((n, v) => n + v, 0) + r.errors + r.timeouts;
      table.push([
        setup.setup,
        `(${r.id}) ${r.name}`,
        fmt(r.rps),
        r.p50.toFixed(1),
        r.p95.toFixed(1),
        r.p99.toFixed(1),
        fmtRatio(r.rps / ceiling),
        r.serverCpuMs === undefined ? '—' : `${r.serverCpuMs.toFixed(2)}${r.databaseCpuMs === undefined ? '' : ` + ${r.databaseCpuMs.toFixed(2)}`}`,
        r.firstMs === undefined ? '—' : r.firstMs.toFixed(1),
        r.peakRssMb == null ? '—' : String(r.peakRssMb),
        bad === 0 ? '0' : `${bad} ${describeErrors(r)}`,
      ]);
    }
  }
  lines.push(...formatTable(header, table));
  lines.push(
    '  CPU ms: rekentijd van de server(s) per verzoek tijdens de rij (minder gevoelig voor wat er verder op de machine draait dan req/s); op sqld: + die van sqld.',
    '  1e ms: het eerste verzoek van de rij, alleen (koude caches). RSS MB: piekgeheugen van de server na de rij.',
    '  (h) staat niet in het issue: de goedkoopste persoonlijke pagina, ter vergelijking.',
    '  (f) en (f*) lezen tellingen die bij elk antwoord worden bijgewerkt (migratie 0012), niet de antwoorden zelf.',
  );
  if (report.setups.some((setup) => setup.rows.some((r) => r.id === 't')))
    lines.push('  (t) levert bij elk verzoek een andere open toets in: de data heeft er één per persoon en module waarvan alle lessen gelezen zijn.');
  for (const setup of report.setups) if (setup.note) lines.push(`  ${setup.setup}: ${setup.note}`);
  for (const setup of report.setups)
    for (const r of setup.rows)
      if (r.seconds < report.settings.seconds - 0.5)
        lines.push(`  ${setup.setup}, (${r.id}): gemeten over ${r.seconds} s in plaats van ${report.settings.seconds} s, zoveel open toetsen heeft de data.`);
  for (const reason of report.skipped) lines.push(`  overgeslagen: ${reason}`);

  lines.push('', 'Groei met de data (zelfde verbindingen, kortere rijen; niets bewaard: REPORT_CACHE_SECONDS=0, elk verzoek rekent):');
  const growthTable: string[][] = [];
  for (const point of report.growth) {
    for (const r of point.rows) {
      growthTable.push([
        `${point.scale}× (${fmt(point.answers)} antw.)`,
        `(${r.id}) ${r.name}`,
        fmt(r.rps),
        r.p50.toFixed(1),
        r.p95.toFixed(1),
        r.p99.toFixed(1),
        r.firstMs === undefined ? '—' : r.firstMs.toFixed(1),
      ]);
    }
  }
  lines.push(...formatTable(['data', 'scenario', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', '1e ms'], growthTable));
  if (report.settings.growthBase !== 1) {
    lines.push(
      `  Let op: de groeireeks is ${report.growth.map((p) => `${p.scale}×`).join(', ')} in plaats van 1×, 4×, 16×: 16× (8 miljoen antwoorden) genereren kost hier minuten en gigabytes;`,
      `  de verhoudingen (1 : 4 : 16) zijn dezelfde. BENCH_GROWTH_BASE=1 meet de volle reeks.`,
    );
  }

  lines.push('', 'Bouwen en pagina-gewicht:');
  lines.push(`  productiebouw van de leergang: ${report.builds.course.seconds.toFixed(1)} s`);
  const g = report.builds.generated;
  if (g)
    lines.push(
      `  productiebouw van ${g.modules} gegenereerde modules (${fmt(g.lessons)} lessen, ${fmt(g.questions)} vragen, ${(g.mdxBytes / 1e6).toFixed(1)} MB MDX): ${g.seconds.toFixed(1)} s`,
    );
  for (const [name, page] of Object.entries(report.clientJs)) {
    if (page)
      lines.push(
        `  JavaScript op ${name === 'lesson' ? 'een lespagina' : 'een vraagpagina'} (${page.path}): ${page.gzipBytes} B gzip${page.scripts.length ? ` (${page.scripts.map((s) => `${s.src} ${s.bytes} B, ${s.gzipBytes} B gzip`).join('; ')})` : ''}; HTML ${fmt(page.htmlBytes)} B`,
      );
  }
  lines.push(`  statisch bestand (a): ${fmt(report.staticFileBytes)} B (een gerenderde lespagina)`);
  for (const [name, mb] of Object.entries(report.peakRssMb)) lines.push(`  piek-RSS van de server (${name}): ${mb ?? 'onbekend'} MB`);
  for (const check of report.answerChecks) {
    lines.push(
      `  antwoordcontrole (${check.setup}): ${fmt(check.sent)} verstuurd, ${fmt(check.accepted)} met 2xx, daarvan ${check.missing} niet en ${check.duplicated} dubbel in de database; ` +
        `${check.storedWithoutResponse} opgeslagen zonder gezien antwoord (onderweg toen de tijd om was)${Object.keys(check.refused).length ? `; geweigerd: ${JSON.stringify(check.refused)}` : ''}`,
    );
  }
  for (const check of report.toetsChecks) {
    lines.push(
      `  toetscontrole (${check.setup}): ${fmt(check.sent)} inleveringen verstuurd uit ${fmt(check.pool)} open toetsen, ${fmt(check.accepted)} met 303, daarvan ${check.missing} niet ingeleverd, ` +
        `${check.withoutCompletion} gehaald zonder afronding, ${check.duplicated} dubbel; ${check.handedInWithoutResponse} ingeleverd zonder gezien antwoord (onderweg toen de tijd om was), ` +
        `${check.handedInUnsent} ingeleverd zonder verzoek${check.sent > check.pool ? `; de voorraad open toetsen was op na ${fmt(check.pool)} verzoeken` : ''}${Object.keys(check.refused).length ? `; geweigerd: ${JSON.stringify(check.refused)}` : ''}`,
    );
  }

  lines.push('', 'Doelen:');
  for (const t of report.targets) lines.push(`  ${t.holds === null ? '?   ' : t.holds ? 'OK  ' : 'MIS '} ${t.name}: ${t.value}`);
  const held = report.targets.filter((t) => t.holds).length;
  lines.push('', `${held} van ${report.targets.length} doelen gehaald; duur ${Math.round(report.seconds)} s.`);
  return lines.join('\n');
}

export function writeReport(report: BenchReport, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${report.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}

function describeErrors(r: Measurement): string {
  const parts = Object.entries(r.unexpected).map(([status, n]) => `${n}×${status}`);
  if (r.errors) parts.push(`${r.errors} fouten`);
  if (r.timeouts) parts.push(`${r.timeouts} time-outs`);
  return `(${parts.join(', ')})`;
}

function formatTable(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

function fmt(n: number | undefined): string {
  return n === undefined || Number.isNaN(n) ? '—' : Math.round(n).toLocaleString('nl-NL');
}

function fmtRatio(n: number): string {
  return Number.isFinite(n) ? n.toFixed(2) : '—';
}
