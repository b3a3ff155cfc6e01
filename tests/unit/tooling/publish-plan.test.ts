// The decisions of `npm run publish` (scripts/publish/plan.ts): settings and their Dutch messages,
// one database for every release, release names, blue/green ports, the proxy's include file and
// which releases are removed. The whole command runs in tests/system/publish.test.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  absoluteDatabaseUrl,
  changedContentFiles,
  nextPort,
  readPublishSettings,
  releaseId,
  releasesToRemove,
  upstreamConfig,
} from '../../../scripts/publish/plan.ts';

test('defaults: origin/main, ports 4322 and 4323, nginx reload, the database of the checkout', () => {
  const settings = readPublishSettings({}, '/srv/leergang');
  assert.deepEqual(settings, {
    remote: 'origin',
    branch: 'main',
    ports: [4322, 4323],
    upstreamFile: '/srv/leergang/releases/upstream.conf',
    switchCommand: 'nginx -s reload',
    drainMs: 5000,
    databaseUrl: 'file:/srv/leergang/data/leergang.db',
  });
});

test('settings are read from the environment', () => {
  const settings = readPublishSettings(
    {
      PUBLISH_REMOTE: 'bewerken',
      PUBLISH_BRANCH: 'inhoud',
      PUBLISH_PORTS: '5001, 5002',
      PUBLISH_UPSTREAM_FILE: '/etc/nginx/leergang-upstream.conf',
      PUBLISH_SWITCH_COMMAND: 'sudo systemctl reload nginx',
      PUBLISH_DRAIN_SECONDS: '0.5',
      DATABASE_URL: 'ws://db.intern:8080',
    },
    '/srv/leergang',
  );
  assert.equal(settings.remote, 'bewerken');
  assert.equal(settings.branch, 'inhoud');
  assert.deepEqual(settings.ports, [5001, 5002]);
  assert.equal(settings.upstreamFile, '/etc/nginx/leergang-upstream.conf');
  assert.equal(settings.switchCommand, 'sudo systemctl reload nginx');
  assert.equal(settings.drainMs, 500);
  assert.equal(settings.databaseUrl, 'ws://db.intern:8080');
  assert.equal(settings.editingDir, undefined);
  assert.equal(readPublishSettings({ PUBLISH_EDITING_DIR: '../bewerken' }, '/srv/leergang').editingDir, '/srv/bewerken');
});

test('only files under content/ are committed from the editing environment', () => {
  const porcelain = [
    ' M content/modules/giz/questions.yaml',
    '?? content/modules/giz/lessons/05-nieuw.mdx',
    'R  content/modules/giz/lessons/01-oud.mdx -> content/modules/giz/lessons/01-nieuw.mdx',
    ' D content/modules/regie/lessons/03-weg.mdx',
    ' M keystatic.config.tsx',
    '?? data/leergang.db',
    '',
  ].join('\n');
  assert.deepEqual(changedContentFiles(porcelain), [
    'content/modules/giz/questions.yaml',
    'content/modules/giz/lessons/05-nieuw.mdx',
    'content/modules/giz/lessons/01-nieuw.mdx',
    'content/modules/regie/lessons/03-weg.mdx',
  ]);
  assert.deepEqual(changedContentFiles(''), []);
});

test('wrong ports or drain time: a Dutch message naming the setting', () => {
  for (const value of ['4322', '4322,4322', '4322,abc', '0,4323', '4322,4323,4324']) {
    assert.throws(() => readPublishSettings({ PUBLISH_PORTS: value }, '/srv'), {
      message: `Ongeldige instelling PUBLISH_PORTS: "${value}". Geef twee verschillende poorten, bijvoorbeeld 4322,4323.`,
    });
  }
  for (const value of ['-1', 'vijf', '301', ' ']) {
    assert.throws(() => readPublishSettings({ PUBLISH_DRAIN_SECONDS: value }, '/srv'), /^Error: Ongeldige instelling PUBLISH_DRAIN_SECONDS/);
  }
});

test('a relative database file is resolved against the checkout, so every release shares it', () => {
  assert.equal(absoluteDatabaseUrl('file:./data/leergang.db', '/srv/leergang'), 'file:/srv/leergang/data/leergang.db');
  assert.equal(absoluteDatabaseUrl('file:data/x.db?mode=rw', '/srv/leergang'), 'file:/srv/leergang/data/x.db?mode=rw');
  assert.equal(absoluteDatabaseUrl('file:/var/lib/leergang/leergang.db', '/srv/leergang'), 'file:/var/lib/leergang/leergang.db');
  assert.equal(absoluteDatabaseUrl('libsql://leergang-eu.turso.io', '/srv/leergang'), 'libsql://leergang-eu.turso.io');
});

test('release names sort by time and name the commit', () => {
  const first = releaseId(new Date('2026-12-03T09:05:01Z'), '1a2b3c4d5e6f');
  const second = releaseId(new Date('2026-12-03T14:00:00Z'), '0000000fff');
  assert.equal(first, '20261203-090501-1a2b3c4');
  assert.ok(first < second);
});

test('blue/green: the new release takes the port the running one does not use', () => {
  const record = (port: number) => ({ id: 'x', commit: 'c', pid: 1, port });
  assert.equal(nextPort([4322, 4323], undefined), 4322);
  assert.equal(nextPort([4322, 4323], record(4322)), 4323);
  assert.equal(nextPort([4322, 4323], record(4323)), 4322);
  // A release that ran on a port no longer configured: the first port.
  assert.equal(nextPort([4322, 4323], record(4321)), 4322);
});

test('the include file is one server line for the upstream block of the proxy', () => {
  const text = upstreamConfig(4323);
  assert.deepEqual(
    text.split('\n').filter((line) => line && !line.startsWith('#')),
    ['server 127.0.0.1:4323;'],
  );
});

test('only the running release and the one before it are kept; other folders are never touched', () => {
  const folders = [
    '20261201-100000-aaaaaaa',
    '20261202-100000-bbbbbbb',
    '20261203-100000-ccccccc',
    '20261203-110000-ddddddd',
    'deps',
    'state.json',
    'upstream.conf',
  ];
  const release = (id: string) => ({ id, commit: id.slice(-7), port: 4322, pid: 1 });
  assert.deepEqual(releasesToRemove(folders, { current: release('20261203-110000-ddddddd'), previous: release('20261203-100000-ccccccc') }), [
    '20261201-100000-aaaaaaa',
    '20261202-100000-bbbbbbb',
  ]);
  // After a rollback the older release is current: the newer one is kept as "previous".
  assert.deepEqual(releasesToRemove(folders, { current: release('20261202-100000-bbbbbbb'), previous: release('20261203-110000-ddddddd') }), [
    '20261201-100000-aaaaaaa',
    '20261203-100000-ccccccc',
  ]);
});
