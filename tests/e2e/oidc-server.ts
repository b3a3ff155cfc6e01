// The OpenID provider the browser tests sign in at: oidc-provider on the port playwright.config.ts
// chose (OIDC_PORT), with one client, the app on E2E_PORT. Started by Playwright next to the app
// (a second webServer) and stopped with it.
//
// There is no fixed list of people: the id typed as "login" at the provider is the person, so each
// test makes its own. The id is an e-mail address, optionally followed by `;onbevestigd` (the
// provider does not vouch for the address) and `;groepen=a+b` (the groups claim). The id is also
// the subject (`sub`), so another suffix is another identity with the same address.
import { startOidcProvider, type TestOidcAccount } from '../helpers/oidc-provider.ts';
import { OIDC_TEST_CLIENT } from './oidc-settings.ts';

const port = Number(process.env.OIDC_PORT);
const appPort = Number(process.env.E2E_PORT);
if (!port || !appPort) throw new Error('OIDC_PORT en E2E_PORT ontbreken: start de browsertests met npm run test:e2e');

function accountFromId(id: string): TestOidcAccount | undefined {
  const [email, ...options] = id.split(';');
  if (!/^[^@\s;]+@[^@\s;]+$/.test(email)) return undefined;
  const groups =
    options
      .find((o) => o.startsWith('groepen='))
      ?.slice('groepen='.length)
      .split('+') ?? [];
  return { email, email_verified: !options.includes('onbevestigd'), name: `SSO ${email.slice(0, email.indexOf('@'))}`, groups };
}

console.error(`OpenID-provider voor de browsertests start op poort ${port} …`);
const provider = await startOidcProvider({
  port,
  clients: [{ ...OIDC_TEST_CLIENT, redirect_uris: [`http://127.0.0.1:${appPort}/inloggen/organisatie/terug`] }],
  accounts: {},
  resolveAccount: accountFromId,
});
console.log(`OpenID-provider voor de browsertests: ${provider.issuer}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void provider.close().then(() => process.exit(0)));
