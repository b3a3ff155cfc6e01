import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BUSY_TIMEOUT_MS, clientConfig, DEFAULT_SYNC_INTERVAL_SECONDS } from '../../../db/client.ts';
import { readEnv } from '../../../src/lib/env.ts';

describe('database configuration', () => {
  test('an embedded file waits for locks on every connection', () => {
    assert.deepEqual(clientConfig({ url: 'file:./data/leergang.db' }), { url: 'file:./data/leergang.db', timeout: BUSY_TIMEOUT_MS, concurrency: 1 });
  });

  test('a server URL is passed through with its token', () => {
    for (const url of ['http://127.0.0.1:8080', 'https://db.example.nl', 'libsql://leergang-regio.turso.io']) {
      assert.deepEqual(clientConfig({ url, authToken: 'geheim' }), { url, authToken: 'geheim' });
    }
  });

  test('a replica reads from a local file and syncs with the server', () => {
    const config = clientConfig({ url: 'libsql://leergang.turso.io', authToken: 'geheim', replicaPath: './data/replica.db', syncIntervalSeconds: 2 });
    assert.deepEqual(config, {
      url: 'file:./data/replica.db',
      syncUrl: 'libsql://leergang.turso.io',
      authToken: 'geheim',
      syncInterval: 2,
      readYourWrites: true,
    });
    assert.equal(clientConfig({ url: 'http://127.0.0.1:8080', replicaPath: 'file:/var/lib/leergang/replica.db' }).url, 'file:/var/lib/leergang/replica.db');
    assert.equal(clientConfig({ url: 'http://127.0.0.1:8080', replicaPath: 'r.db' }).syncInterval, DEFAULT_SYNC_INTERVAL_SECONDS);
  });

  test('a replica of a file is refused', () => {
    assert.throws(() => clientConfig({ url: 'file:./data/leergang.db', replicaPath: './data/replica.db' }), /libSQL-server/);
  });
});

describe('database settings from the environment', () => {
  test('defaults to the embedded file without a replica', () => {
    const env = readEnv({});
    assert.equal(env.DATABASE_URL, 'file:./data/leergang.db');
    assert.equal(env.DATABASE_REPLICA_PATH, undefined);
    assert.equal(env.DATABASE_SYNC_INTERVAL, 5);
  });

  test('reads a server, a token and a replica', () => {
    const env = readEnv({
      DATABASE_URL: 'libsql://leergang.turso.io',
      DATABASE_AUTH_TOKEN: 'geheim',
      DATABASE_REPLICA_PATH: '/var/lib/leergang/replica.db',
      DATABASE_SYNC_INTERVAL: '0.5',
    });
    assert.equal(env.DATABASE_AUTH_TOKEN, 'geheim');
    assert.equal(env.DATABASE_REPLICA_PATH, '/var/lib/leergang/replica.db');
    assert.equal(env.DATABASE_SYNC_INTERVAL, 0.5);
  });

  test('an empty replica setting means none', () => {
    assert.equal(readEnv({ DATABASE_URL: 'http://127.0.0.1:8080', DATABASE_REPLICA_PATH: '' }).DATABASE_REPLICA_PATH, undefined);
  });

  test('refuses a replica without a server, and a nonsense interval, naming the setting', () => {
    assert.throws(() => readEnv({ DATABASE_REPLICA_PATH: './data/replica.db' }), /DATABASE_REPLICA_PATH: een replica hoort bij een libSQL-server/);
    assert.throws(() => readEnv({ DATABASE_URL: 'http://127.0.0.1:8080', DATABASE_SYNC_INTERVAL: 'nu' }), /DATABASE_SYNC_INTERVAL/);
    assert.throws(() => readEnv({ DATABASE_URL: 'postgres://elders' }), /DATABASE_URL moet beginnen met/);
  });
});
