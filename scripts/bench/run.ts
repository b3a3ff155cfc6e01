// `npm run bench`: issue 7's benchmark, end to end, in a few minutes on a 2-core machine.
//
//  1. builds the site (timed), and 100 generated modules (timed);
//  2. generates a region's data set (5,000 professionals, ~500,000 answers) into a temp file;
//  3. starts the built server on loopback and measures the scenarios of scenarios.ts, each with
//     the same connections for the same time, then checks every accepted answer and every
//     handed-in toets in the database;
//  4. the answer and lesson scenarios again on two instances sharing one sqld (http and ws);
//  5. the dashboard and the question analysis at 1×, 4× and 16× a base data set;
//  6. prints the table and the targets, and writes everything to bench/results/bench-<time>.json.
//
// Settings (environment): BENCH_SECONDS (10), BENCH_CONNECTIONS (32), BENCH_GROWTH_BASE (0.25),
// BENCH_GROWTH_SECONDS (5), BENCH_SKIP_SQLD=1, BENCH_SKIP_GROWTH=1, BENCH_REUSE_BUILD=1 (use
// bench/build/site as it is), BENCH_CPU_PROF=<folder> (V8 profile of the main server),
// BENCH_ONLY=b,c (only these rows of the single-server table, for profiling one page: no
// generated-module build, no growth series; no sqld unless the list holds `sqld`), BENCH_NODE_OPTIONS (the server's Node
// options instead of SERVER_NODE_OPTIONS, to compare memory settings).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadCourse } from '../../src/lib/content/load-course.ts';
import { SESSION_COOKIE } from '../scale/http.ts';
import { stopAll } from '../scale/processes.ts';
import { checkAnswers } from './answer-check.ts';
import { BUILD_DIR, buildSite, ROOT, type Build } from './build.ts';
import { fetchText, measureClientJs } from './client-js.ts';
import { generateDataset, type Dataset } from './generate-data.ts';
import { generateModules } from './generate-modules.ts';
import { requestBody, runLoad, type LoadScenario, type Measurement } from './load.ts';
import { evaluateTargets, printReport, writeReport, type BenchReport, type GrowthPoint } from './report.ts';
import { AnswerLog, buildScenarios, HandInLog, samplePaths, STATIC_PATH } from './scenarios.ts';
import { checkHandIns } from './toets-check.ts';
import { cpuTicks, MS_PER_TICK, peakRssMb, prepareSqldData, startAppServer, startSqldOn, waitUntilIdle, type AppServer } from './server.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const GROWTH_BASE = Number(process.env.BENCH_GROWTH_BASE ?? 0.25);
const GROWTH_SECONDS = Number(process.env.BENCH_GROWTH_SECONDS ?? 5);
const WARMUP_SECONDS = 2;
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((id) => id.trim())) : null;
const RESULTS_DIR = join(ROOT, 'bench', 'results');

const startedAt = new Date();
const temp = mkdtempSync(join(tmpdir(), 'leergang-bench-'));
const loadAverageAtStart = loadavg();
let cleanedUp = false;

async function cleanUp(): Promise<void> {
  if (cleanedUp) return;
  cleanedUp = true;
  await stopAll();
  rmSync(temp, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`\nAfgebroken (${signal}); processen worden gestopt.`);
    void cleanUp().then(() => process.exit(130));
  });
}

try {
  await run();
} catch (error) {
  console.error(`\nDe benchmark is mislukt: ${(error as Error).stack ?? error}`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}

async function run(): Promise<void> {
  const { modules, errors } = loadCourse(join(ROOT, 'content'));
  if (errors.length > 0) throw new Error('de leerinhoud bevat fouten: draai npm run content:check');

  step('Site bouwen (productie)');
  const site = process.env.BENCH_REUSE_BUILD && existsSync(join(BUILD_DIR, 'site', 'server', 'entry.mjs')) ? reusedBuild() : buildSite('site');
  console.log(`   ${site.seconds.toFixed(1)} s`);

  const generated = ONLY ? undefined : buildGeneratedModules();

  step('Data genereren (1×)');
  const dataset = await generateDataset({ file: join(temp, 'data-1.db'), modules, scale: 1 });
  console.log(`   ${JSON.stringify(dataset.counts)} in ${dataset.seconds.toFixed(1)} s`);
  const skipSqld = Boolean(process.env.BENCH_SKIP_SQLD) || (ONLY !== null && !ONLY.has('sqld'));
  if (!skipSqld) prepareSqldData(dataset.file, join(temp, 'sqld'));

  const report: Omit<BenchReport, 'targets'> = {
    startedAt: startedAt.toISOString(),
    seconds: 0,
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '?', node: process.versions.node, loadAverageAtStart, loadAverageAtEnd: [] },
    settings: { connections: CONNECTIONS, seconds: SECONDS, growthBase: GROWTH_BASE },
    builds: { course: { seconds: site.seconds }, generated },
    data: { seconds: dataset.seconds, counts: dataset.counts },
    setups: [],
    skipped: [],
    clientJs: {},
    staticFileBytes: 0,
    peakRssMb: {},
    answerChecks: [],
    toetsChecks: [],
    growth: [],
  };

  step('Ingebed bestand: één server');
  const learnerCookie = `${SESSION_COOKIE}=${dataset.learners[0].token}`;
  const sample = samplePaths(modules);
  // (a) serves a rendered lesson page as a file: the same bytes without any of the work. The
  // server lists its static files when it starts (src/lib/http/static-files.ts), so a first one
  // renders the page and the measured one starts after the file is there.
  const renderer = await startAppServer({ name: 'les voor (a)', entry: site.entry, databaseUrl: `file:${dataset.file}` });
  const lessonHtml = await fetchText(renderer.origin, sample.lesson, learnerCookie);
  await renderer.child.stop();
  writeFileSync(join(site.clientDir, STATIC_PATH), lessonHtml);
  report.staticFileBytes = Buffer.byteLength(lessonHtml);
  const server = await startAppServer({ name: 'ingebed', entry: site.entry, databaseUrl: `file:${dataset.file}`, cpuProfileDir: process.env.BENCH_CPU_PROF });
  report.clientJs = {
    lesson: await measureClientJs(server.origin, sample.lesson, learnerCookie),
    question: await measureClientJs(server.origin, sample.question, learnerCookie),
  };

  const answers = new AnswerLog();
  const handIns = new HandInLog();
  const scenarios = buildScenarios(dataset, modules, answers, handIns);
  const rows: Measurement[] = [];
  const all = [
    scenarios.static,
    scenarios.bare,
    scenarios.lesson,
    scenarios.answer,
    scenarios.toetsHandIn,
    scenarios.catalogue,
    scenarios.dashboard,
    scenarios.analysis,
    scenarios.analysisAdmin,
    scenarios.review,
    scenarios.accounts,
  ];
  for (const scenario of all.filter((s) => !ONLY || ONLY.has(s.id))) {
    rows.push({ ...(await measure(scenario, [server], SECONDS)), peakRssMb: peakRssMb(server) });
  }
  report.setups.push({ setup: 'ingebed bestand', rows });
  report.answerChecks.push({ setup: 'ingebed bestand', ...(await checkAnswers(`file:${dataset.file}`, answers)) });
  if (handIns.sent > 0) report.toetsChecks.push({ setup: 'ingebed bestand', ...(await checkHandIns(`file:${dataset.file}`, handIns, dataset.toetsPool)) });
  report.peakRssMb['ingebed, 1×'] = peakRssMb(server);
  await server.child.stop();

  if (skipSqld) report.skipped.push('twee instanties op sqld (BENCH_SKIP_SQLD)');
  else {
    try {
      await measureTwoInstances(site, dataset, modules, report);
    } catch (error) {
      // The embedded rows stand on their own; a failure here is reported, not fatal.
      report.skipped.push(`twee instanties op sqld mislukten: ${(error as Error).message.split('\n')[0]}`);
      console.error(`   twee instanties op sqld mislukten:\n${(error as Error).stack}`);
      await stopAll();
    }
  }

  if (process.env.BENCH_SKIP_GROWTH || ONLY) report.skipped.push('groeireeks (BENCH_SKIP_GROWTH)');
  else report.growth = await measureGrowth(site, dataset, modules, report);

  report.machine.loadAverageAtEnd = loadavg();
  report.seconds = (Date.now() - startedAt.getTime()) / 1000;
  const full: BenchReport = { ...report, targets: evaluateTargets(report) };
  console.log(printReport(full));
  console.log(`\nResultaten: ${writeReport(full, RESULTS_DIR)}`);
}

/** The answer and lesson scenarios on two instances that share one sqld, over http and ws. */
async function measureTwoInstances(
  site: Build,
  dataset: Dataset,
  modules: ReturnType<typeof loadCourse>['modules'],
  report: Omit<BenchReport, 'targets'>,
): Promise<void> {
  step('Twee instanties op één libSQL-server (sqld)');
  const sqld = await startSqldOn(join(temp, 'sqld'));
  if (!sqld.ok) {
    report.skipped.push(`twee instanties op sqld: ${sqld.reason}`);
    return;
  }
  for (const protocol of ['http', 'ws'] as const) {
    const url = sqld.server.url.replace(/^http/, protocol);
    const instances: AppServer[] = [];
    for (const n of [1, 2]) {
      // BENCH_CPU_PROF: a profile of the first instance as well (in a subfolder per protocol).
      const cpuProfileDir = process.env.BENCH_CPU_PROF && n === 1 ? join(process.env.BENCH_CPU_PROF, `sqld-${protocol}`) : undefined;
      instances.push(await startAppServer({ name: `instantie ${n} (${protocol})`, entry: site.entry, databaseUrl: url, cpuProfileDir }));
    }
    const answers = new AnswerLog();
    const scenarios = buildScenarios(dataset, modules, answers);
    const database = sqld.server.child.process.pid;
    const rows = [
      await measure(scenarios.lesson, instances, SECONDS, WARMUP_SECONDS, database),
      await measure(scenarios.answer, instances, SECONDS, WARMUP_SECONDS, database),
    ];
    const setup = `2 instanties, sqld ${protocol}://`;
    report.setups.push({ setup, rows, note: 'database via loopback op dezelfde 2 cores; een echte netwerkronde komt daar in productie nog bij' });
    report.answerChecks.push({ setup, ...(await checkAnswers(sqld.server.url, answers)) });
    instances.forEach((instance) => (report.peakRssMb[instance.name] = peakRssMb(instance)));
    await Promise.all(instances.map((i) => i.child.stop()));
  }
  await sqld.server.child.stop();
}

/** Dashboard and question analysis at 1×, 4× and 16× the base data set. */
async function measureGrowth(
  site: Build,
  dataset: Dataset,
  modules: ReturnType<typeof loadCourse>['modules'],
  report: Omit<BenchReport, 'targets'>,
): Promise<GrowthPoint[]> {
  const points: GrowthPoint[] = [];
  for (const scale of [GROWTH_BASE, GROWTH_BASE * 4, GROWTH_BASE * 16]) {
    step(`Groeireeks: ${scale}× data`);
    const data = scale === 1 ? dataset : await generateDataset({ file: join(temp, `data-${scale}.db`), modules, scale });
    if (data !== dataset) console.log(`   ${data.counts.answers} antwoorden in ${data.seconds.toFixed(1)} s`);
    // Without kept reports: each request does the work. With them the series measured the cache's
    // hit rate: the number of teams grows with the data, so at 4× most of a short row's requests
    // were the first for their team and module, at 0.25× hardly any.
    const server = await startAppServer({
      name: `groei ${scale}×`,
      entry: site.entry,
      databaseUrl: `file:${data.file}`,
      settings: { REPORT_CACHE_SECONDS: '0' },
    });
    const scenarios = buildScenarios(data, modules, new AnswerLog());
    const rows: Measurement[] = [];
    for (const scenario of [scenarios.dashboard, scenarios.analysis, scenarios.analysisAdmin]) {
      rows.push({ ...(await measure(scenario, [server], GROWTH_SECONDS, 1)), peakRssMb: peakRssMb(server) });
    }
    report.peakRssMb[`groei ${scale}×`] = peakRssMb(server);
    await server.child.stop();
    if (data !== dataset) rmSync(data.file, { force: true });
    points.push({ scale, answers: data.counts.answers, professionals: data.counts.professionals, rows });
  }
  return points;
}

/** One scenario: a request to see that it works, a warm-up, then the measured run. */
/** `databasePid`: a database server (sqld) whose CPU time per request is reported too. */
async function measure(
  scenario: LoadScenario,
  servers: AppServer[],
  seconds: number,
  warmupSeconds = WARMUP_SECONDS,
  databasePid?: number,
): Promise<Measurement> {
  const origins = servers.map((s) => s.origin);
  // Requests still running from the previous row (a slow page under load leaves a backlog when
  // the time is up) would be billed to this one.
  for (const server of servers) await waitUntilIdle(server.child.process.pid, 180_000);
  const probe = scenario.probe?.() ?? scenario.next();
  const probeBody = requestBody(probe);
  const started = performance.now();
  const response = await fetch(new URL(probe.path, origins[0]), {
    method: probe.method,
    headers: {
      ...(probe.cookie ? { cookie: probe.cookie } : {}),
      ...(probe.method === 'POST' ? { origin: origins[0], 'content-type': probeBody?.contentType ?? 'application/json' } : {}),
    },
    body: probeBody?.body,
    redirect: 'manual',
    signal: AbortSignal.timeout(60_000),
  });
  const body = await response.text();
  const firstMs = Math.round((performance.now() - started) * 10) / 10;
  scenario.onResponse?.(response.status, body, probe);
  if (!scenario.ok.includes(response.status)) throw new Error(`(${scenario.id}) ${probe.method} ${probe.path} gaf ${response.status}: ${body.slice(0, 300)}`);
  const warm = await runLoad(scenario, { origins, connections: CONNECTIONS, seconds: warmupSeconds });
  if (scenario.remaining) {
    // Room for twice the warm-up's rate: after the warm-up it is higher (1,000 req/s during it,
    // 1,489 after, in one run).
    const fits = Math.floor((scenario.remaining() * 0.9) / Math.max(1, (2 * warm.requests) / warmupSeconds));
    if (fits < seconds) {
      seconds = Math.max(3, fits);
      console.log(`   (${scenario.id}) gemeten over ${seconds} s: langer is er niet genoeg in de data (${scenario.remaining()} over)`);
    }
  }
  await sleep(200);
  const ticksBefore = servers.map((s) => cpuTicks(s.child.process.pid));
  const databaseTicksBefore = databasePid === undefined ? undefined : cpuTicks(databasePid);
  const load = await runLoad(scenario, { origins, connections: CONNECTIONS, seconds });
  const ticks = servers.reduce((sum, s, i) => sum + (cpuTicks(s.child.process.pid) ?? NaN) - (ticksBefore[i] ?? NaN), 0);
  const perRequest = (t: number) => (Number.isFinite(t) && load.requests > 0 ? Math.round(((t * MS_PER_TICK) / load.requests) * 100) / 100 : undefined);
  const serverCpuMs = perRequest(ticks);
  const databaseCpuMs = databasePid === undefined ? undefined : perRequest((cpuTicks(databasePid) ?? NaN) - (databaseTicksBefore ?? NaN));
  const result = { ...load, firstMs, serverCpuMs, databaseCpuMs };
  console.log(
    `   (${result.id}) ${result.name}: ${result.rps} req/s, p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms, server-CPU ${result.serverCpuMs ?? '?'} ms/verzoek${result.databaseCpuMs === undefined ? '' : `, sqld-CPU ${result.databaseCpuMs} ms/verzoek`}${Object.keys(result.unexpected).length ? `, onverwacht ${JSON.stringify(result.unexpected)}` : ''}`,
  );
  return result;
}

/** 100 modules made from the course's own, built like the course: the build-time target. */
function buildGeneratedModules() {
  step('100 modules genereren en bouwen');
  const generated = generateModules(join(ROOT, 'content'), join(BUILD_DIR, 'content-100'), 100);
  const build = buildSite('modules-100', generated.dir);
  rmSync(join(BUILD_DIR, 'modules-100'), { recursive: true, force: true });
  console.log(`   ${generated.modules} modules, ${generated.lessons} lessen, ${generated.questions} vragen: ${build.seconds.toFixed(1)} s`);
  return { seconds: build.seconds, modules: generated.modules, lessons: generated.lessons, questions: generated.questions, mdxBytes: generated.mdxBytes };
}

function reusedBuild(): Build {
  return { entry: join(BUILD_DIR, 'site', 'server', 'entry.mjs'), clientDir: join(BUILD_DIR, 'site', 'client'), seconds: NaN };
}

function step(title: string): void {
  console.log(`== ${title} (${Math.round((Date.now() - startedAt.getTime()) / 1000)} s)`);
}
