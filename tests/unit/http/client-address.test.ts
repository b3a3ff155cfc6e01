// Which address a request counts against: X-Forwarded-For only from TRUSTED_PROXIES, and then the
// right-most hop that is not a proxy of ours; spoofed chains, IPv6, CIDR ranges, empty headers.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { describe, test } from 'node:test';
import { addressBucket } from '../../../src/lib/auth/address-bucket.ts';
import { readEnv } from '../../../src/lib/env.ts';
import { resolveClientAddress } from '../../../src/lib/http/client-address.ts';
import { requestClientAddress, UNKNOWN_ADDRESS } from '../../../src/lib/http/request-address.ts';
import { normalizeAddress } from '../../../src/lib/settings/ip-address.ts';
import { parseTrustedProxies } from '../../../src/lib/settings/trusted-proxies.ts';

const loopback = parseTrustedProxies('127.0.0.1,::1');
const proxies = parseTrustedProxies('127.0.0.1, ::1, 10.0.0.0/8, fd00::/8');

describe('resolveClientAddress', () => {
  test('a direct client is its socket address, whatever it writes in X-Forwarded-For', () => {
    assert.equal(resolveClientAddress('203.0.113.5', null, loopback), '203.0.113.5');
    assert.equal(resolveClientAddress('203.0.113.5', '1.1.1.1', loopback), '203.0.113.5');
    assert.equal(resolveClientAddress('203.0.113.5', '127.0.0.1', loopback), '203.0.113.5');
    assert.equal(resolveClientAddress('2001:db8::5', '1.1.1.1, 2.2.2.2', loopback), '2001:db8::5');
  });

  test('behind a trusted proxy: the address the proxy appended, not what the client put in front', () => {
    assert.equal(resolveClientAddress('127.0.0.1', '198.51.100.7', loopback), '198.51.100.7');
    assert.equal(resolveClientAddress('127.0.0.1', '6.6.6.6, 198.51.100.7', loopback), '198.51.100.7');
    assert.equal(resolveClientAddress('127.0.0.1', '6.6.6.6,7.7.7.7,   198.51.100.7', loopback), '198.51.100.7');
  });

  test('a chain of trusted proxies (CIDR) is walked to the first hop that is not one of them', () => {
    assert.equal(resolveClientAddress('10.0.0.2', '6.6.6.6, 198.51.100.7, 10.1.2.3', proxies), '198.51.100.7');
    assert.equal(resolveClientAddress('fd12::1', '6.6.6.6, 2001:db8::7, fd00::9', proxies), '2001:db8::7');
    // Putting one of our proxies' addresses in the header gains nothing: the walk stops at the hop our proxy appended.
    assert.equal(resolveClientAddress('10.0.0.2', '6.6.6.6, 10.9.9.9, 198.51.100.7', proxies), '198.51.100.7');
  });

  test('all hops trusted (a request from inside): the left-most one', () => {
    assert.equal(resolveClientAddress('10.0.0.2', '10.0.0.7, 10.0.0.5', proxies), '10.0.0.7');
    assert.equal(resolveClientAddress('127.0.0.1', null, loopback), '127.0.0.1');
  });

  test('empty or broken headers: the last address that could be vouched for', () => {
    assert.equal(resolveClientAddress('127.0.0.1', '', loopback), '127.0.0.1');
    assert.equal(resolveClientAddress('127.0.0.1', ' , ,', loopback), '127.0.0.1');
    assert.equal(resolveClientAddress('127.0.0.1', '198.51.100.7, , ', loopback), '198.51.100.7');
    assert.equal(resolveClientAddress('127.0.0.1', '198.51.100.7, unknown', loopback), '127.0.0.1');
    assert.equal(resolveClientAddress('127.0.0.1', '198.51.100.7, <script>', loopback), '127.0.0.1');
    assert.equal(resolveClientAddress('127.0.0.1', '999.1.1.1', loopback), '127.0.0.1');
    assert.equal(resolveClientAddress(undefined, '198.51.100.7', loopback), undefined);
    assert.equal(resolveClientAddress('', null, loopback), undefined);
  });

  test('IPv6 and IPv4-mapped peers: ::ffff:127.0.0.1 is loopback too, spellings are one address', () => {
    assert.equal(resolveClientAddress('::ffff:127.0.0.1', '198.51.100.7', loopback), '198.51.100.7');
    assert.equal(resolveClientAddress('::1', '2001:DB8:0:0::1', loopback), '2001:db8::1');
    assert.equal(resolveClientAddress('::1', '[2001:db8::1]:443', loopback), '2001:db8::1');
    assert.equal(resolveClientAddress('::1', '198.51.100.7:5555', loopback), '198.51.100.7');
    assert.equal(resolveClientAddress('::ffff:203.0.113.5', '1.1.1.1', loopback), '203.0.113.5');
  });

  test('trusting no one: the socket address always', () => {
    const none = parseTrustedProxies('');
    assert.deepEqual(none.entries, []);
    assert.equal(resolveClientAddress('127.0.0.1', '198.51.100.7', none), '127.0.0.1');
  });
});

describe('address spelling and buckets', () => {
  test('normalizeAddress', () => {
    assert.equal(normalizeAddress(' 192.0.2.1 '), '192.0.2.1');
    assert.equal(normalizeAddress('2001:0DB8:0000::0001'), '2001:db8::1');
    assert.equal(normalizeAddress('::ffff:c000:201'), '192.0.2.1');
    assert.equal(normalizeAddress('fe80::1%eth0'), 'fe80::1');
    for (const bad of ['', 'localhost', '01.2.3.4', '1.2.3', '1.2.3.4.5', '[1.2.3.4', '::g', '1.2.3.4:99999', '1.2.3.4/8']) {
      assert.equal(normalizeAddress(bad), undefined, bad);
    }
  });

  test('IPv4 counts per address, IPv6 per /64', () => {
    assert.equal(addressBucket('192.0.2.1'), '192.0.2.1');
    assert.equal(addressBucket('2001:db8:1:2:3:4:5:6'), '2001:db8:1:2::/64');
    assert.equal(addressBucket('2001:db8:1:2::ffff'), '2001:db8:1:2::/64');
    assert.equal(addressBucket('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(addressBucket('::1'), '0:0:0:0::/64');
    assert.equal(addressBucket('onbekend'), 'onbekend');
  });
});

describe('the TRUSTED_PROXIES setting', () => {
  test('loopback by default, IP addresses and CIDR ranges, spaces allowed around the commas', () => {
    const settings = readEnv({});
    assert.deepEqual(settings.TRUSTED_PROXIES.entries, ['127.0.0.1', '::1']);
    assert.equal(settings.TRUSTED_PROXIES.contains('127.0.0.1'), true);
    assert.equal(settings.TRUSTED_PROXIES.contains('127.0.0.2'), false);
    const custom = readEnv({ TRUSTED_PROXIES: '10.0.0.0/8 , 192.0.2.7,2001:db8::/32' }).TRUSTED_PROXIES;
    assert.equal(custom.contains('10.255.0.1'), true);
    assert.equal(custom.contains('192.0.2.7'), true);
    assert.equal(custom.contains('192.0.2.8'), false);
    assert.equal(custom.contains('2001:db8:ffff::1'), true);
    assert.equal(custom.contains('2001:db9::1'), false);
    assert.equal(custom.contains('127.0.0.1'), false);
    assert.deepEqual(readEnv({ TRUSTED_PROXIES: '' }).TRUSTED_PROXIES.entries, [], 'empty: trust no one');
  });

  test('an entry that is not an address or range is refused with a Dutch message that names it', () => {
    for (const [value, named] of [
      ['localhost', 'localhost'],
      ['10.0.0.0/33', '10.0.0.0/33'],
      ['::1/129', '::1/129'],
      ['10.0.0.0/8/8', '10.0.0.0/8/8'],
      ['127.0.0.1,10.0.0.0/x', '10.0.0.0/x'],
      ['1.2.3.4:80', '1.2.3.4:80'],
    ]) {
      assert.throws(
        () => readEnv({ TRUSTED_PROXIES: value }),
        (error: Error) => {
          assert.match(error.message, /^Ongeldige instellingen: TRUSTED_PROXIES: /);
          assert.ok(error.message.includes(`"${named}" is geen IP-adres of adresbereik`), error.message);
          return true;
        },
      );
    }
  });
});

describe('requestClientAddress in a real HTTP server', () => {
  test('the socket address, even when the request claims another address', async () => {
    const seen: string[] = [];
    // The same path Astro takes: a Request built from the Node request, inside its handler.
    const server = createServer(async (req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      const request = new Request('http://localhost/inloggen', { headers: req.headers as Record<string, string> });
      seen.push(requestClientAddress(request, 'wat-astro-dacht', parseTrustedProxies('192.0.2.1')));
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      await Promise.all(Array.from({ length: 20 }, (_, i) => fetch(`http://127.0.0.1:${port}/`, { headers: { 'x-forwarded-for': `198.51.100.${i}` } })));
    } finally {
      server.close();
    }
    assert.deepEqual(new Set(seen), new Set(['127.0.0.1']));
  });

  test("outside a request (no socket known): Astro's address without X-Forwarded-For, else one shared bucket", () => {
    assert.equal(requestClientAddress(new Request('http://localhost/'), '203.0.113.5', loopback), '203.0.113.5');
    assert.equal(
      requestClientAddress(new Request('http://localhost/', { headers: { 'x-forwarded-for': '198.51.100.1' } }), '198.51.100.1', loopback),
      UNKNOWN_ADDRESS,
    );
  });
});
