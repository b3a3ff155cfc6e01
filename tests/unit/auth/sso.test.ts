// Single sign-on end to end in code: a real OpenID provider on loopback (oidc-provider, see
// tests/helpers/oidc-provider.ts) and a real database. Each login goes the way the pages will:
// beginSsoLogin, storePendingLogin, the provider's own login and consent forms (with fetch),
// takePendingLogin with the state the browser kept, finishSsoLogin (openid-client validates
// everything), admitSsoUser. Covered: who gets in (allowed domain, existing account, invitation)
// and who not (other domain, unverified e-mail, deactivated), that a linked identity is found by
// sub, role mapping, a forged state or nonce, one use and expiry of a pending login, parallel
// first logins, claims only at userinfo, and the settings.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { ssoIdentities, ssoLogins, teamMembers, users } from '../../../db/schema.ts';
import { findInvitation, storeInvitation } from '../../../src/lib/auth/invitation.ts';
import { attemptLogin } from '../../../src/lib/auth/login.ts';
import { verifyPassword } from '../../../src/lib/auth/password.ts';
import { admitSsoUser, hasNoPassword, type AdmitResult } from '../../../src/lib/auth/sso/admit.ts';
import { beginSsoLogin, callbackUrl, finishSsoLogin, type SsoClaims } from '../../../src/lib/auth/sso/openid.ts';
import { PENDING_LOGIN_LIFETIME_MS, storePendingLogin, takePendingLogin } from '../../../src/lib/auth/sso/pending-login.ts';
import { DEFAULT_SSO_LABEL, readSsoSettings, type SsoSettings } from '../../../src/lib/auth/sso/sso-config.ts';
import { SSO_MESSAGES } from '../../../src/lib/auth/sso/sso-messages.ts';
import { createUser, findUserByEmail, findUserById } from '../../../src/lib/auth/user.ts';
import { deactivateAccount } from '../../../src/lib/auth/manage-account.ts';

const deactivateUser = async (db: TempDb['db'], email: string) =>
  assert.ok((await deactivateAccount(db, { actorId: null, userId: (await findUserByEmail(db, email))!.id })).ok);
import { createTeam } from '../../../src/lib/teams/teams.ts';
import { signInAtProvider, startOidcProvider, type TestOidcAccount, type TestOidcProvider } from '../../helpers/oidc-provider.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';

const REDIRECT = 'http://127.0.0.1:4321/inloggen/sso/terug';
const CLIENT = { client_id: 'leergang-test', client_secret: 'een-geheim-van-de-test-van-32-tekens', redirect_uris: [REDIRECT] };
const DAY = 24 * 60 * 60 * 1000;

function settingsFor(issuer: string, extra: Record<string, string> = {}): SsoSettings {
  const settings = readSsoSettings({
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: CLIENT.client_id,
    OIDC_CLIENT_SECRET: CLIENT.client_secret,
    OIDC_ALLOWED_DOMAINS: ' Utrecht.nl , amersfoort.nl',
    ...extra,
  });
  assert.ok(settings);
  return settings;
}

/** The result's essentials, for one assert.deepEqual. */
const outcome = (result: AdmitResult) => (result.ok ? { ok: true, how: result.how } : result);

describe('single sign-on against a real OpenID provider', () => {
  let t: TempDb;
  let provider: TestOidcProvider;
  let settings: SsoSettings;
  const accounts: Record<string, TestOidcAccount> = {};
  let n = 0;

  before(async () => {
    t = await createTempDb();
    provider = await startOidcProvider({ clients: [CLIENT], accounts });
    settings = settingsFor(provider.issuer);
  });
  after(async () => {
    await provider.close();
    t.cleanup();
    assert.deepEqual(provider.serverErrors, [], 'the provider had no trouble of its own');
  });

  /** A person at the provider; returns the account id they type in its login form (their sub). */
  const person = (domain: string, extra: Partial<TestOidcAccount> = {}) => {
    const id = `persoon-${++n}`;
    accounts[id] = { email: `Persoon.${n}@${domain}`, email_verified: true, name: `Persoon ${n}`, ...extra };
    return id;
  };

  /** Begin, store, sign in at the provider: what the browser brings back, and what this login started with. */
  async function toProviderAndBack(accountId: string, use = settings) {
    const start = await beginSsoLogin(use, REDIRECT);
    await storePendingLogin(t.db, { state: start.state, nonce: start.nonce, codeVerifier: start.codeVerifier, returnTo: '/modules' });
    const back = await signInAtProvider(start.url, accountId, REDIRECT);
    return { start, back };
  }

  /** A whole login up to the verified claims, as the callback page will do it. */
  async function login(accountId: string, use = settings): Promise<SsoClaims> {
    const { start, back } = await toProviderAndBack(accountId, use);
    const pending = await takePendingLogin(t.db, start.state); // the state from the browser's cookie
    assert.ok(pending, 'the pending login is there');
    assert.equal(pending.returnTo, '/modules');
    const finished = await finishSsoLogin(use, callbackUrl(REDIRECT, back), { state: start.state, nonce: pending.nonce, codeVerifier: pending.codeVerifier });
    assert.ok(finished.ok, finished.ok ? '' : finished.detail);
    return finished.claims;
  }

  const identitiesOf = async (userId: string) =>
    t.db.select({ issuer: ssoIdentities.issuer, subject: ssoIdentities.subject }).from(ssoIdentities).where(eq(ssoIdentities.userId, userId));

  test('a new person from an allowed domain gets a learner account without a password, linked to their identity', async () => {
    const id = person('Utrecht.nl');
    const claims = await login(id);
    assert.deepEqual(claims, {
      issuer: provider.issuer,
      subject: id,
      email: `Persoon.${n}@Utrecht.nl`,
      emailVerified: true,
      name: `Persoon ${n}`,
      roleValues: [],
    });

    const first = await admitSsoUser(t.db, settings, claims);
    assert.deepEqual(outcome(first), { ok: true, how: 'created' });
    assert.ok(first.ok);
    const user = await findUserById(t.db, first.userId);
    assert.equal(user?.email, `persoon.${n}@utrecht.nl`);
    assert.equal(user?.name, `Persoon ${n}`);
    assert.equal(user?.role, 'learner');
    assert.deepEqual(await identitiesOf(first.userId), [{ issuer: provider.issuer, subject: id }]);

    // The stored "hash" is no password: not even itself works, and nothing throws.
    assert.ok(user && hasNoPassword(user.passwordHash));
    assert.equal(await verifyPassword(user.passwordHash, user.passwordHash), false);
    assert.equal((await attemptLogin(t.db, { email: user.email, password: user.passwordHash, ip: '192.0.2.40' })).ok, false);

    const again = await admitSsoUser(t.db, settings, await login(id));
    assert.deepEqual(again, { ok: true, userId: first.userId, how: 'known' });
  });

  test('an existing account is linked on its first SSO login, whatever its domain, and found by sub afterwards', async () => {
    const email = `bestaand.${++n}@jeugdzorg-elders.nl`;
    const created = await createUser(t.db, { email, name: 'Bestaande Opleider', password: 'eigen-wachtwoord-1', role: 'trainer' });
    assert.ok(created.ok);
    const id = `bestaand-${n}`;
    accounts[id] = { email: email.toUpperCase(), email_verified: true, name: 'Andere Naam Bij De Provider' };

    assert.deepEqual(await admitSsoUser(t.db, settings, await login(id)), { ok: true, userId: created.userId, how: 'linked' });
    assert.deepEqual(await identitiesOf(created.userId), [{ issuer: provider.issuer, subject: id }]);
    const user = await findUserById(t.db, created.userId);
    assert.equal(user?.role, 'trainer', 'without a role claim SSO never changes a role');
    assert.equal(user?.name, 'Bestaande Opleider');
    assert.equal((await attemptLogin(t.db, { email, password: 'eigen-wachtwoord-1', ip: '192.0.2.41' })).ok, true, 'the own password still works');

    // The provider now gives another, unverified address from a domain without access: the
    // identity is what counts.
    accounts[id] = { email: 'heel.iemand.anders@nergens.example', email_verified: false, name: 'Anders' };
    assert.deepEqual(await admitSsoUser(t.db, settings, await login(id)), { ok: true, userId: created.userId, how: 'known' });
  });

  test('an invitation lets a person from any domain in, with its role and team, once', async () => {
    const teamId = await createTeam(t.db, 'Wijkteam Noord', { id: 'beheerder', role: 'admin' });
    const email = `uitgenodigd.${++n}@regio-jeugdhulp.nl`;
    const { token } = await storeInvitation(t.db, { email, role: 'trainer', teamId, name: 'Naam Van De Opleider' });
    const id = `uitgenodigd-${n}`;
    accounts[id] = { email, email_verified: true, name: 'Uitgenodigde Opleider' };

    const result = await admitSsoUser(t.db, settings, await login(id));
    assert.deepEqual(outcome(result), { ok: true, how: 'invited' });
    assert.ok(result.ok);
    const user = await findUserById(t.db, result.userId);
    assert.equal(user?.role, 'trainer');
    assert.equal(user?.name, 'Uitgenodigde Opleider');
    assert.deepEqual(await t.db.select({ teamId: teamMembers.teamId, role: teamMembers.role }).from(teamMembers).where(eq(teamMembers.userId, result.userId)), [
      { teamId, role: 'trainer' },
    ]);
    assert.deepEqual(await findInvitation(t.db, token), { ok: false, reason: 'used' });
    assert.deepEqual(await admitSsoUser(t.db, settings, await login(id)), { ok: true, userId: result.userId, how: 'known' });

    // An expired invitation does not count.
    const late = `te-laat.${++n}@regio-jeugdhulp.nl`;
    await storeInvitation(t.db, { email: late, role: 'learner' }, Date.now() - 8 * DAY);
    accounts[`te-laat-${n}`] = { email: late, email_verified: true, name: 'Te Laat' };
    assert.deepEqual(await admitSsoUser(t.db, settings, await login(`te-laat-${n}`)), { ok: false, reason: 'domain-not-allowed' });
  });

  test('a person from another domain, or without a verified e-mail, stays out', async () => {
    const other = person('andere-gemeente.nl');
    assert.deepEqual(await admitSsoUser(t.db, settings, await login(other)), { ok: false, reason: 'domain-not-allowed' });
    assert.equal(await findUserByEmail(t.db, accounts[other].email), undefined);
    // A look-alike of an allowed domain is another domain.
    const lookAlike = person('utrecht.nl.example.org');
    assert.deepEqual(await admitSsoUser(t.db, settings, await login(lookAlike)), { ok: false, reason: 'domain-not-allowed' });

    const unverified = person('utrecht.nl', { email_verified: false });
    const claims = await login(unverified);
    assert.equal(claims.emailVerified, false);
    assert.deepEqual(await admitSsoUser(t.db, settings, claims), { ok: false, reason: 'email-not-verified' });
    assert.equal(await findUserByEmail(t.db, accounts[unverified].email), undefined);
    assert.equal((await t.db.select().from(ssoIdentities).where(eq(ssoIdentities.subject, unverified))).length, 0);
    assert.match(SSO_MESSAGES['domain-not-allowed'], /^Je organisatie-account hoort niet bij een gemeente/);
  });

  test('OIDC_TRUST_EMAIL=ja takes the address as verified (Microsoft Entra ID sends no email_verified)', async () => {
    const entraLike = person('utrecht.nl', { email_verified: false });
    const trusting = settingsFor(provider.issuer, { OIDC_TRUST_EMAIL: 'ja' });
    const claims = await login(entraLike, trusting);
    assert.equal(claims.emailVerified, true);
    assert.deepEqual(outcome(await admitSsoUser(t.db, trusting, claims)), { ok: true, how: 'created' });
    assert.throws(() => settingsFor(provider.issuer, { OIDC_TRUST_EMAIL: 'misschien' }), /OIDC_TRUST_EMAIL: moet ja of nee zijn/);
  });

  test('a callback with another state is refused; the real one still works', async () => {
    const id = person('amersfoort.nl');
    const { start, back } = await toProviderAndBack(id);
    const other = await beginSsoLogin(settings, REDIRECT);

    const forged = new URL(back);
    forged.searchParams.set('state', other.state);
    const refused = await finishSsoLogin(settings, callbackUrl(REDIRECT, forged), start);
    assert.ok(!refused.ok);
    assert.equal(refused.reason, 'invalid');
    assert.match(refused.detail, /state/);
    // The same from the other side: the browser's own login is another one than this callback's.
    const notThisBrowsers = await finishSsoLogin(settings, callbackUrl(REDIRECT, back), { ...start, state: other.state });
    assert.ok(!notThisBrowsers.ok);
    assert.match(notThisBrowsers.detail, /state/);

    const genuine = await finishSsoLogin(settings, callbackUrl(REDIRECT, back), start);
    assert.ok(genuine.ok, genuine.ok ? '' : genuine.detail);
    assert.equal(genuine.claims.subject, id);
  });

  test('an ID token with another nonce than this login expects is refused', async () => {
    const { start, back } = await toProviderAndBack(person('amersfoort.nl'));
    const other = await beginSsoLogin(settings, REDIRECT);
    const refused = await finishSsoLogin(settings, callbackUrl(REDIRECT, back), { ...start, nonce: other.nonce });
    assert.ok(!refused.ok);
    assert.equal(refused.reason, 'invalid');
    assert.match(refused.detail, /nonce/);
  });

  test('a deactivated account cannot enter, linked or not, and is not linked', async () => {
    const linked = person('utrecht.nl');
    const first = await admitSsoUser(t.db, settings, await login(linked));
    assert.ok(first.ok);
    await deactivateUser(t.db, accounts[linked].email);
    assert.deepEqual(await admitSsoUser(t.db, settings, await login(linked)), { ok: false, reason: 'deactivated' });

    const email = `uit.${++n}@jeugdzorg-elders.nl`;
    const created = await createUser(t.db, { email, name: 'Uitgeschakeld', password: 'eigen-wachtwoord-1', role: 'learner' });
    assert.ok(created.ok);
    await deactivateUser(t.db, email);
    accounts[`uit-${n}`] = { email, email_verified: true, name: 'Uitgeschakeld' };
    assert.deepEqual(await admitSsoUser(t.db, settings, await login(`uit-${n}`)), { ok: false, reason: 'deactivated' });
    assert.deepEqual(await identitiesOf(created.userId), [], 'not linked');
  });

  test('with a role claim the role follows the groups on every login (admin beats trainer); without one SSO never changes it', async () => {
    const mapped = settingsFor(provider.issuer, {
      OIDC_ROLE_CLAIM: 'groups',
      OIDC_TRAINER_VALUES: 'leergang-opleiders',
      OIDC_ADMIN_VALUES: 'leergang-beheer, ict-beheer',
    });
    const id = person('utrecht.nl', { groups: ['medewerkers', 'leergang-opleiders'] });
    const claims = await login(id, mapped);
    assert.deepEqual(claims.roleValues, ['medewerkers', 'leergang-opleiders']);
    const first = await admitSsoUser(t.db, mapped, claims);
    assert.ok(first.ok);
    const roleNow = async () => (await findUserById(t.db, first.userId))?.role;
    assert.equal(await roleNow(), 'trainer');

    accounts[id].groups = ['leergang-opleiders', 'ict-beheer'];
    assert.deepEqual(outcome(await admitSsoUser(t.db, mapped, await login(id, mapped))), { ok: true, how: 'known' });
    assert.equal(await roleNow(), 'admin');

    // The last active admin stays admin, whatever the groups say (and nothing is written about it)…
    accounts[id].groups = [];
    await admitSsoUser(t.db, mapped, await login(id, mapped));
    assert.equal(await roleNow(), 'admin');
    // …until there is another: then the groups decide again, and the change is in the audit log.
    await t.db
      .insert(users)
      .values({ id: 'nog-een-beheerder', email: 'tweede.beheerder@utrecht.nl', name: 'Tweede Beheerder', role: 'admin', passwordHash: 'x' });
    await admitSsoUser(t.db, mapped, await login(id, mapped));
    assert.equal(await roleNow(), 'learner');
    const changes = await t.client.execute({
      sql: "select actor_id, detail from audit_log where action = 'rol-gewijzigd' and subject_id = ? order by id",
      args: [first.userId],
    });
    assert.deepEqual(
      changes.rows.map((r) => [r.actor_id, r.detail]),
      [
        [null, 'trainer → admin'],
        [null, 'admin → learner'],
      ],
    );

    // Through settings without a role claim, whatever the groups, the role stays what it is.
    accounts[id].groups = ['leergang-opleiders'];
    await admitSsoUser(t.db, mapped, await login(id, mapped));
    assert.equal(await roleNow(), 'trainer');
    for (const groups of [[], ['ict-beheer']]) {
      accounts[id].groups = groups;
      assert.deepEqual(outcome(await admitSsoUser(t.db, settings, await login(id))), { ok: true, how: 'known' });
      assert.equal(await roleNow(), 'trainer');
    }
  });

  test('a pending login is taken once, and not after ten minutes', async () => {
    const now = Date.parse('2026-12-02T09:00:00Z');
    const { expiresAt } = await storePendingLogin(t.db, { state: 'staat-een', nonce: 'nonce-een', codeVerifier: 'verifier-een', returnTo: '/voortgang' }, now);
    assert.equal(expiresAt, now + PENDING_LOGIN_LIFETIME_MS);
    assert.deepEqual(await takePendingLogin(t.db, 'staat-een', now + 1000), { nonce: 'nonce-een', codeVerifier: 'verifier-een', returnTo: '/voortgang' });
    assert.equal(await takePendingLogin(t.db, 'staat-een', now + 2000), null, 'once');
    assert.equal(await takePendingLogin(t.db, 'nooit-gezien', now), null);

    await storePendingLogin(t.db, { state: 'staat-twee', nonce: 'n', codeVerifier: 'v' }, now);
    assert.equal(await takePendingLogin(t.db, 'staat-twee', expiresAt), null, 'expired at ten minutes');
    assert.equal((await t.db.select().from(ssoLogins).where(eq(ssoLogins.nonce, 'n'))).length, 1, 'still stored…');
    await storePendingLogin(t.db, { state: 'staat-drie', nonce: 'n3', codeVerifier: 'v3' }, expiresAt);
    assert.equal((await t.db.select().from(ssoLogins).where(eq(ssoLogins.nonce, 'n'))).length, 0, '…until the next login clears it');
    assert.equal(
      (await t.db.select({ id: ssoLogins.id }).from(ssoLogins).where(eq(ssoLogins.nonce, 'n3')))[0].id.length,
      64,
      'kept under the SHA-256 of the state',
    );

    await storePendingLogin(t.db, { state: 'staat-vier', nonce: 'n4', codeVerifier: 'v4' }, now);
    const takes = await Promise.all(Array.from({ length: 10 }, () => takePendingLogin(t.db, 'staat-vier', now + 1)));
    assert.equal(takes.filter((taken) => taken !== null).length, 1, 'ten callbacks at once: one goes on');
  });

  test('two parallel first logins of one person make one account and one link', async () => {
    const id = person('utrecht.nl');
    const [a, b] = await Promise.all([login(id), login(id)]);
    const results = await Promise.all([admitSsoUser(t.db, settings, a), admitSsoUser(t.db, settings, b)]);
    assert.ok(results[0].ok && results[1].ok, JSON.stringify(results));
    assert.equal(results[0].userId, results[1].userId);
    assert.deepEqual(results.map((r) => (r.ok ? r.how : r.reason)).sort(), ['created', 'known']);
    assert.equal(
      (
        await t.db
          .select()
          .from(users)
          .where(eq(users.email, `persoon.${n}@utrecht.nl`))
      ).length,
      1,
    );
    assert.deepEqual(await identitiesOf(results[0].userId), [{ issuer: provider.issuer, subject: id }]);

    // The same with an invitation, ten at once: one account, the invitation used once, one team membership.
    const teamId = await createTeam(t.db, 'Toegangsteam Zuid', { id: 'beheerder', role: 'admin' });
    const email = `tegelijk.${++n}@regio-jeugdhulp.nl`;
    await storeInvitation(t.db, { email, role: 'learner', teamId });
    accounts[`tegelijk-${n}`] = { email, email_verified: true, name: 'Tegelijk' };
    const claims = await login(`tegelijk-${n}`);
    const many = await Promise.all(Array.from({ length: 10 }, () => admitSsoUser(t.db, settings, claims)));
    assert.ok(
      many.every((r) => r.ok),
      JSON.stringify(many),
    );
    const userIds = new Set(many.map((r) => r.userId));
    assert.equal(userIds.size, 1);
    assert.deepEqual(many.map((r) => r.how).sort(), ['invited', ...Array(9).fill('known')]);
    const [userId] = userIds;
    assert.equal((await t.db.select().from(teamMembers).where(eq(teamMembers.userId, userId))).length, 1);
    assert.equal((await identitiesOf(userId)).length, 1);
  });

  test('e-mail and groups that only the userinfo endpoint gives are used', async () => {
    const thin = await startOidcProvider({ clients: [CLIENT], accounts, claimsInIdToken: false });
    try {
      const mapped = settingsFor(thin.issuer, { OIDC_ROLE_CLAIM: 'groups', OIDC_TRAINER_VALUES: 'leergang-opleiders' });
      const id = person('utrecht.nl', { groups: ['leergang-opleiders'] });
      const claims = await login(id, mapped);
      assert.deepEqual(claims, {
        issuer: thin.issuer,
        subject: id,
        email: accounts[id].email,
        emailVerified: true,
        name: accounts[id].name,
        roleValues: ['leergang-opleiders'],
      });
      const result = await admitSsoUser(t.db, mapped, claims);
      assert.ok(result.ok);
      assert.equal((await findUserById(t.db, result.userId))?.role, 'trainer');
      assert.deepEqual(thin.serverErrors, []);
    } finally {
      await thin.close();
    }
  });
});

describe('SSO settings', () => {
  const base = { OIDC_ISSUER: 'https://login.gemeente.nl/realms/leergang', OIDC_CLIENT_ID: 'leergang', OIDC_CLIENT_SECRET: 'geheim' };

  test('off without OIDC_ISSUER', () => {
    assert.equal(readSsoSettings({}), null);
    assert.equal(readSsoSettings({ OIDC_ISSUER: ' ', OIDC_CLIENT_ID: 'x' }), null);
  });

  test('the defaults, and lists trimmed (domains lowercased)', () => {
    assert.deepEqual(readSsoSettings(base), {
      issuer: base.OIDC_ISSUER,
      clientId: 'leergang',
      clientSecret: 'geheim',
      allowedDomains: [],
      roleClaim: null,
      trainerValues: [],
      adminValues: [],
      label: DEFAULT_SSO_LABEL,
      trustEmail: false,
      redirectUri: null,
    });
    const full = readSsoSettings({
      ...base,
      OIDC_ALLOWED_DOMAINS: 'Utrecht.NL, ,amersfoort.nl ',
      OIDC_ROLE_CLAIM: 'realm_access.roles',
      OIDC_TRAINER_VALUES: 'Opleider , mentor',
      OIDC_ADMIN_VALUES: 'beheer',
      OIDC_NAME: 'Inloggen met je Utrecht-account',
    });
    assert.deepEqual(full && [full.allowedDomains, full.roleClaim, full.trainerValues, full.adminValues, full.label], [
      ['utrecht.nl', 'amersfoort.nl'],
      'realm_access.roles',
      ['Opleider', 'mentor'],
      ['beheer'],
      'Inloggen met je Utrecht-account',
    ]);
  });

  test('an issuer without client id or secret is an error', () => {
    assert.throws(() => readSsoSettings({ OIDC_ISSUER: base.OIDC_ISSUER }), /OIDC_CLIENT_ID: ontbreekt.*OIDC_CLIENT_SECRET: ontbreekt/);
    assert.throws(() => readSsoSettings({ ...base, OIDC_CLIENT_SECRET: '' }), /^Error: Ongeldige SSO-instellingen: OIDC_CLIENT_SECRET: ontbreekt/);
  });

  test('http only on loopback', () => {
    for (const issuer of ['http://127.0.0.1:8080', 'http://localhost:9000/realms/x', 'http://[::1]:3000'])
      assert.equal(readSsoSettings({ ...base, OIDC_ISSUER: issuer })?.issuer, issuer);
    for (const issuer of [
      'http://login.gemeente.nl',
      'http://127.0.0.1.nip.io',
      'http://10.0.0.5',
      'ftp://login.gemeente.nl',
      'login.gemeente.nl',
      'https://login.gemeente.nl?x=1',
    ]) {
      assert.throws(() => readSsoSettings({ ...base, OIDC_ISSUER: issuer }), /OIDC_ISSUER/, issuer);
    }
  });

  test('a role claim needs values, values need a claim, domains are domains', () => {
    assert.throws(() => readSsoSettings({ ...base, OIDC_ROLE_CLAIM: 'groups' }), /OIDC_ROLE_CLAIM: zonder OIDC_TRAINER_VALUES/);
    assert.throws(() => readSsoSettings({ ...base, OIDC_ADMIN_VALUES: 'beheer' }), /OIDC_ROLE_CLAIM: ontbreekt/);
    assert.throws(() => readSsoSettings({ ...base, OIDC_ALLOWED_DOMAINS: '@utrecht.nl' }), /OIDC_ALLOWED_DOMAINS/);
  });
});
