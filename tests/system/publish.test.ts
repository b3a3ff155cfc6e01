// `npm run publish` (scripts/publish.ts) end to end on one machine, as on a municipality's server:
// an "origin" repository, a production clone, nginx in front (real nginx, its upstream in the include
// file publish writes) and two releases taking turns on two ports. A content change goes live while
// requests keep coming through nginx: not one fails, the new title is served, the old process is
// gone. A broken content change is refused with the Dutch message and the site keeps serving.
// Two builds in all (the first publish sets up the running site, the second is the change).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DEMO_ACCOUNTS } from '../../db/demo-data.ts';
import { dependencyKey, type PublishState } from '../../scripts/publish/plan.ts';
import { t } from '../../src/lib/i18n/nl.ts';
import { freePort, prepareDatabase } from '../helpers/server.ts';

const project = process.cwd();
const dir = mkdtempSync(join(tmpdir(), 'leergang-publish-'));
const origin = join(dir, 'origin');
const prod = join(dir, 'prod');
const nginxDir = join(dir, 'nginx');
const databaseUrl = `file:${join(dir, 'leergang.db')}`;
const lessonFile = join(origin, 'content/modules/giz/lessons/01-waarom-giz.mdx');
const OLD_TITLE = 'Waarom GIZ? Doel en uitgangspunten';
const NEW_TITLE = 'Waarom GIZ? Het doel en de uitgangspunten';

// Debian puts nginx in /usr/sbin, which is not on every user's PATH.
const NGINX = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
// The branch production pulls; an own one, since CI often checks out a detached HEAD.
const branch = 'publiceren';
let nginxPort = 0;
let ports: [number, number] = [0, 0];
let cookie = '';
const nginxArgs = () => ['-p', nginxDir, '-c', join(nginxDir, 'nginx.conf')];

function sh(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  assert.equal(result.status, 0, `${command} ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

function commitInOrigin(message: string): void {
  sh('git', ['-c', 'user.name=Opleider', '-c', 'user.email=opleider@example.nl', 'commit', '-qam', message], origin);
}

/** Runs `npm run publish` as the server's administrator would, in the production checkout. */
function publish(
  onOutput: (stdout: string) => void = () => {},
  args: string[] = [],
  extraEnv: Record<string, string> = {},
): Promise<{ status: number | null; stdout: string; stderr: string; seconds: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, [join(project, 'scripts/publish.ts'), ...args], {
    cwd: prod,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PUBLISH_REMOTE: 'origin',
      PUBLISH_BRANCH: branch,
      PUBLISH_PORTS: ports.join(','),
      PUBLISH_SWITCH_COMMAND: `${NGINX} ${nginxArgs().join(' ')} -s reload`,
      PUBLISH_DRAIN_SECONDS: '1',
      // A server where git knows no identity: publish brings its own for the editor's commits.
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      ...extraEnv,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
    onOutput(stdout);
  });
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr, seconds: (Date.now() - started) / 1000 })));
}

const state = () => JSON.parse(readFileSync(join(prod, 'releases/state.json'), 'utf8')) as PublishState;
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** One GET through nginx on a fresh connection (no keep-alive: every request meets the proxy anew). */
function get(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: nginxPort, path, agent: false, headers: { cookie }, timeout: 10_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

/** Requests the module page through nginx until stopped; counts answers, failures and titles seen. */
function requestLoop() {
  const result = { ok: 0, failed: [] as string[], sawOld: 0, sawNew: 0 };
  let running = true;
  const loop = async () => {
    while (running) {
      try {
        const response = await get('/modules/giz');
        if (response.status !== 200) result.failed.push(`status ${response.status}`);
        else {
          result.ok++;
          if (response.body.includes(OLD_TITLE)) result.sawOld++;
          if (response.body.includes(NEW_TITLE)) result.sawNew++;
        }
      } catch (error) {
        result.failed.push(String(error));
      }
    }
  };
  const loops = [loop(), loop()];
  return {
    result,
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return result;
    },
  };
}

/**
 * A request that is still arriving at the old release when publish stops it: the headers and half
 * the body now, the rest when `finish` is called. Resolves with whatever came back (empty when the
 * server dropped the connection instead of finishing the request).
 */
function slowRequest(port: number) {
  const body = 'email=niemand%40example.nl&password=' + 'x'.repeat(40);
  const socket = connect(port, '127.0.0.1');
  socket.write(
    `POST /inloggen HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 20)}`,
  );
  let answer = '';
  let finished = false;
  // Anything before the rest of the body was sent would not prove the server waited for it.
  socket.on('data', (d) => (answer += finished ? d : `(too early) ${d}`));
  const closed = new Promise<string>((resolve) => {
    socket.on('close', () => resolve(answer));
    socket.on('error', () => undefined);
  });
  return {
    finish: () => {
      finished = true;
      // write, not end: the connection stays open for the answer (Connection: close ends it).
      if (!socket.destroyed) socket.write(body.slice(20));
    },
    answer: closed,
  };
}

before(async () => {
  const nginx = spawnSync(NGINX, ['-v']);
  assert.ok(!nginx.error, 'nginx ontbreekt: npm test installeert het (scripts/ensure-nginx.sh)');
  [nginxPort, ports[0], ports[1]] = [await freePort(), await freePort(), await freePort()];

  // Origin: the project as committed. Production: a clone of it, with the dependencies of the
  // project (as if installed once for this package-lock.json) instead of an npm ci.
  sh('git', ['clone', '-q', project, origin], dir);
  sh('git', ['checkout', '-q', '-B', branch], origin);
  sh('git', ['clone', '-q', origin, prod], dir);
  const deps = join(prod, 'releases/deps', dependencyKey(readFileSync(join(prod, 'package-lock.json'))));
  mkdirSync(deps, { recursive: true });
  symlinkSync(realpathSync(join(project, 'node_modules')), join(deps, 'node_modules'));
  // The checkout itself has node_modules too, as `npm run publish` (scripts/run.sh) makes sure: the
  // bundler in a release build also reads the checkout's tsconfig.json, and resolves its extends there.
  symlinkSync(realpathSync(join(project, 'node_modules')), join(prod, 'node_modules'));
  // Origin doubles as the editing environment (a checkout running the editor): it has them as well.
  symlinkSync(realpathSync(join(project, 'node_modules')), join(origin, 'node_modules'));
  prepareDatabase(databaseUrl);

  // nginx as docs/deploy.md sets it up: the upstream is the include file publish writes. Before
  // the first publish it points at the first port (a 502 until something listens there).
  writeFileSync(join(prod, 'releases/upstream.conf'), `server 127.0.0.1:${ports[0]};\n`);
  mkdirSync(join(nginxDir, 'tmp'), { recursive: true });
  const asRoot = process.getuid?.() === 0 ? 'user root root;' : '';
  writeFileSync(
    join(nginxDir, 'nginx.conf'),
    `${asRoot}
worker_processes 1;
error_log ${nginxDir}/error.log;
pid ${nginxDir}/nginx.pid;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${nginxDir}/tmp/body;
  proxy_temp_path ${nginxDir}/tmp/proxy;
  fastcgi_temp_path ${nginxDir}/tmp/fastcgi;
  uwsgi_temp_path ${nginxDir}/tmp/uwsgi;
  scgi_temp_path ${nginxDir}/tmp/scgi;
  upstream leergang {
    include ${prod}/releases/upstream.conf;
    keepalive 8;
  }
  server {
    listen 127.0.0.1:${nginxPort};
    location / {
      proxy_pass http://leergang;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
    }
  }
}
`,
  );
  sh(NGINX, nginxArgs(), dir);
});

after(() => {
  spawnSync(NGINX, [...nginxArgs(), '-s', 'stop']);
  if (existsSync(join(prod, 'releases/state.json'))) {
    const { current, previous } = state();
    for (const pid of [current?.pid, previous?.pid]) if (pid && isAlive(pid)) process.kill(pid, 'SIGKILL');
  }
  rmSync(dir, { recursive: true, force: true });
});

test('a content change goes live through nginx without one failed request, and the old release stops', { timeout: 400_000 }, async () => {
  // Setup: the first publish builds and starts the site as it is now.
  const first = await publish();
  assert.equal(first.status, 0, first.stdout + first.stderr);
  console.log(`# eerste publicatie (opzet): ${first.seconds.toFixed(0)} s`);
  const learner = DEMO_ACCOUNTS.find((a) => a.role === 'learner')!;
  const login = await fetch(`http://127.0.0.1:${nginxPort}/inloggen`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: `http://127.0.0.1:${nginxPort}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: learner.email, password: learner.password }),
  });
  assert.equal(login.status, 303);
  cookie = login.headers.getSetCookie()[0].split(';')[0];
  const before = await get('/modules/giz');
  assert.equal(before.status, 200);
  assert.ok(before.body.includes(OLD_TITLE), 'the module page shows the lesson title');
  const old = state().current!;
  assert.ok(isAlive(old.pid));

  // A trainer saves a new title in the editor of the editing environment (here: origin, which
  // production pulls from); publish commits it there, then pulls, builds and swaps while nginx is
  // under a steady stream of requests.
  writeFileSync(lessonFile, readFileSync(lessonFile, 'utf8').replace(`title: "${OLD_TITLE}"`, `title: "${NEW_TITLE}"`));
  // The loop starts as publish starts the new release (after the build): it runs through the
  // start, the switch of nginx and the stop of the old release, without loading the build.
  // And one request to the old release that is still arriving when publish stops it (SIGTERM):
  // the old server must finish it, not drop it.
  let loop: ReturnType<typeof requestLoop> | undefined;
  let inFlight: ReturnType<typeof slowRequest> | undefined;
  let finishing = false;
  const second = await publish(
    (out) => {
      if (!loop && /Nieuwe versie starten op poort/.test(out)) {
        loop = requestLoop();
        inFlight = slowRequest(old.port);
      }
      if (!finishing && out.includes(t.publish.stoppingOld(old.pid))) {
        finishing = true;
        setTimeout(() => inFlight?.finish(), 300);
      }
    },
    [],
    { PUBLISH_EDITING_DIR: origin },
  );
  assert.ok(loop, second.stdout + second.stderr);
  // A little longer: the old release is stopped at the very end of publish.
  await new Promise((r) => setTimeout(r, 500));
  const seen = await loop.stop();
  console.log(
    `# tweede publicatie: ${second.seconds.toFixed(0)} s; ${seen.ok} verzoeken goed, ${seen.failed.length} mislukt (oud ${seen.sawOld}, nieuw ${seen.sawNew})`,
  );
  assert.equal(second.status, 0, second.stdout + second.stderr);
  assert.deepEqual(seen.failed.slice(0, 5), [], `${seen.failed.length} requests failed during the swap`);
  assert.equal(
    sh('git', ['log', '-1', '--format=%an|%B'], origin),
    'Inhoudseditor|Leerinhoud bijgewerkt in de editor\n\nVastgelegd door npm run publish:\n- content/modules/giz/lessons/01-waarom-giz.mdx',
  );
  assert.equal(sh('git', ['status', '--porcelain', '--', 'content'], origin), '', 'the change is committed in the editing environment');
  assert.ok(finishing, 'publish stopped the old release');
  // A wrong password for an unknown account: the login page again, with 401 (the answer only
  // comes once the whole body is in, after the SIGTERM).
  const answer = await inFlight!.answer;
  assert.match(answer, /^HTTP\/1\.1 401 /, `the old release finished the request in flight: ${JSON.stringify(answer.slice(0, 80))}`);
  assert.ok(seen.sawOld > 0 && seen.sawNew > 0, `the loop saw the old site and then the new one (old ${seen.sawOld}, new ${seen.sawNew})`);

  const after = await get('/modules/giz');
  assert.ok(after.body.includes(NEW_TITLE) && !after.body.includes(OLD_TITLE), 'the new title is served');
  assert.equal(isAlive(old.pid), false, 'the old release has stopped');
  const now = state();
  assert.notEqual(now.current!.port, old.port);
  assert.equal(now.previous!.id, old.id);
  assert.ok(isAlive(now.current!.pid));
  assert.equal(readdirSync(join(prod, 'releases')).filter((f) => /^\d{8}-/.test(f)).length, 2, 'two releases on disk');
});

test('a broken content change is refused in Dutch; the running site keeps serving the last good content', { timeout: 120_000 }, async () => {
  const running = state();
  // A lesson without minutes as a number: content:check names the file and the field.
  writeFileSync(lessonFile, readFileSync(lessonFile, 'utf8').replace(/^minutes: \d+$/m, 'minutes: veel'));
  // Saved in the editing environment (were the editor's own check bypassed): not committed.
  const head = sh('git', ['rev-parse', 'HEAD'], origin);
  const notCommitted = await publish(() => {}, [], { PUBLISH_EDITING_DIR: origin });
  assert.notEqual(notCommitted.status, 0);
  assert.ok(notCommitted.stderr.includes(t.publish.editingInvalid), notCommitted.stdout + notCommitted.stderr);
  assert.equal(sh('git', ['rev-parse', 'HEAD'], origin), head, 'nothing committed in the editing environment');

  // Committed by someone anyway: the check of the release itself refuses it.
  commitInOrigin('Les 1 van GIZ: kapotte duur');
  const refused = await publish();
  assert.notEqual(refused.status, 0);
  assert.ok(refused.stderr.includes(t.publish.contentInvalid), refused.stdout + refused.stderr);
  assert.match(refused.stdout + refused.stderr, /01-waarom-giz\.mdx/);

  const page = await get('/modules/giz');
  assert.equal(page.status, 200);
  assert.ok(page.body.includes(NEW_TITLE), 'the last good content is still served');
  assert.deepEqual(state(), running, 'the same release runs');
  assert.ok(isAlive(running.current!.pid));
  assert.equal(readdirSync(join(prod, 'releases')).filter((f) => /^\d{8}-/.test(f)).length, 2, 'the refused release was removed');
});

test(
  '--terugdraaien brings the previous release back without a failed request; --starten starts the current one after a reboot',
  { timeout: 120_000 },
  async () => {
    const { current, previous } = state();
    const loop = requestLoop();
    const back = await publish(() => {}, ['--terugdraaien']);
    await new Promise((r) => setTimeout(r, 500));
    const seen = await loop.stop();
    console.log(`# terugdraaien: ${back.seconds.toFixed(0)} s; ${seen.ok} verzoeken goed, ${seen.failed.length} mislukt`);
    assert.equal(back.status, 0, back.stdout + back.stderr);
    assert.deepEqual(seen.failed.slice(0, 5), [], `${seen.failed.length} requests failed during the rollback`);
    const page = await get('/modules/giz');
    assert.ok(page.body.includes(OLD_TITLE), 'the previous content is served again');
    assert.equal(isAlive(current!.pid), false);
    const rolled = state();
    assert.equal(rolled.current!.id, previous!.id);
    assert.equal(rolled.previous!.id, current!.id);

    // A reboot: the server process is gone; --starten brings the current release back.
    process.kill(rolled.current!.pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal((await get('/modules/giz')).status, 502);
    // Something else took the port meanwhile: publish refuses rather than take it for the release.
    const squatter = createServer((_req, res) => res.end('iets anders'));
    await new Promise<void>((r) => squatter.listen(rolled.current!.port, '127.0.0.1', r));
    const blocked = await publish(() => {}, ['--starten']);
    await new Promise((r) => squatter.close(r));
    assert.notEqual(blocked.status, 0);
    assert.ok(blocked.stderr.includes(t.publish.portBusy(rolled.current!.port)), blocked.stdout + blocked.stderr);
    const started = await publish(() => {}, ['--starten']);
    assert.equal(started.status, 0, started.stdout + started.stderr);
    assert.ok((await get('/modules/giz')).body.includes(OLD_TITLE));
  },
);

test('a new package-lock.json gets its own npm ci, once; dependencies no kept release uses are removed', { timeout: 120_000 }, async () => {
  // Back to good content (the broken commit of the second test reverted), plus a changed lock file.
  sh('git', ['-c', 'user.name=Beheerder', '-c', 'user.email=beheer@example.nl', 'revert', '--no-edit', 'HEAD'], origin);
  const lockFile = join(origin, 'package-lock.json');
  writeFileSync(lockFile, `${readFileSync(lockFile, 'utf8')}\n`);
  commitInOrigin('package-lock.json gewijzigd');
  const oldKey = dependencyKey(readFileSync(join(prod, 'package-lock.json')));
  const newKey = dependencyKey(readFileSync(lockFile));
  assert.notEqual(newKey, oldKey);

  // npm itself is stood in for (no network, and a real npm ci takes minutes): a script on PATH that
  // records how it was called and links the project's packages where npm ci would put them.
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(
    join(bin, 'npm'),
    `#!/bin/sh\necho "$PWD $*" >> ${join(dir, 'npm-calls')}\nln -s ${realpathSync(join(project, 'node_modules'))} node_modules\n`,
    { mode: 0o755 },
  );
  const published = await publish(() => {}, [], { PATH: `${bin}:${process.env.PATH}` });
  assert.equal(published.status, 0, published.stdout + published.stderr);
  assert.ok(published.stdout.includes(t.publish.installing));
  assert.equal(readFileSync(join(dir, 'npm-calls'), 'utf8'), `${join(prod, 'releases/deps', newKey)} ci --no-audit --no-fund\n`);
  assert.ok((await get('/modules/giz')).body.includes(NEW_TITLE));

  // The running release uses the new dependencies, the previous one the old: both stay.
  const { current, previous } = state();
  assert.equal(readlinkSync(join(prod, 'releases', current!.id, 'node_modules')), join(prod, 'releases/deps', newKey, 'node_modules'));
  assert.equal(readlinkSync(join(prod, 'releases', previous!.id, 'node_modules')), join(prod, 'releases/deps', oldKey, 'node_modules'));
  assert.deepEqual(readdirSync(join(prod, 'releases/deps')).sort(), [newKey, oldKey].sort());

  // One more release on the same lock file: no install, and the old dependencies go.
  sh('git', ['-c', 'user.name=Beheerder', '-c', 'user.email=beheer@example.nl', 'commit', '-q', '--allow-empty', '-m', 'Opnieuw'], origin);
  const again = await publish(() => {}, [], { PATH: `${bin}:${process.env.PATH}` });
  assert.equal(again.status, 0, again.stdout + again.stderr);
  assert.equal(readFileSync(join(dir, 'npm-calls'), 'utf8').split('\n').length, 2, 'npm ran once, for the first release on the new lock');
  assert.deepEqual(readdirSync(join(prod, 'releases/deps')), [newKey]);
  // Removing a dependencies folder removes the link in it, never what it links to.
  assert.ok(existsSync(join(project, 'node_modules/astro/package.json')));
});
