// The form step every post/redirect/get page shares: a form that cannot be read or does not pass
// its schema gets a 4xx and a Dutch message (per field too), a good one reaches the page's
// handler, and whatever the handler refuses is answered the same way.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { z } from 'astro/zod';
import { t } from '../../../src/lib/i18n/nl.ts';
import { postForm, textField, tooManyAttempts, type FormPage, type FormState } from '../../../src/lib/http/post-form.ts';

const nameForm = z.object({
  name: z
    .string()
    .min(2, { error: 'Te kort.' })
    .regex(/^[A-Z]/, { error: 'Met een hoofdletter.' }),
  age: z.coerce.number({ error: 'Geen getal.' }),
});

function page(method: string, body?: string, type = 'application/x-www-form-urlencoded'): FormPage {
  const request = new Request('https://leergang.gemeente.nl/pagina', { method, body, headers: body === undefined ? {} : { 'content-type': type } });
  return { request, response: { status: 200, headers: new Headers() } };
}

function state(result: Response | FormState): FormState {
  assert.ok(!(result instanceof Response), 'a form state, not a response');
  return result;
}

describe('postForm', () => {
  test('no post: nothing read, nothing said, the handler not called', async () => {
    const p = page('GET');
    const form = state(await postForm(p, nameForm, () => assert.fail('handler called')));
    assert.deepEqual(form, { posted: false, read: false, fieldErrors: {}, values: {} });
    assert.equal(p.response.status, 200);
  });

  test('a good form reaches the handler, and its redirect is the answer', async () => {
    let got: unknown;
    const result = await postForm(page('POST', 'name=Anna&age=40'), nameForm, (data) => {
      got = data;
      return new Response(null, { status: 303, headers: { Location: '/klaar' } });
    });
    assert.deepEqual(got, { name: 'Anna', age: 40 });
    assert.ok(result instanceof Response);
    assert.equal(result.status, 303);
  });

  test('a handler that returns nothing: the page shows the form again, without a message', async () => {
    const p = page('POST', 'name=Anna&age=40');
    const form = state(await postForm(p, nameForm, () => undefined));
    assert.equal(form.read, true);
    assert.equal(form.message, undefined);
    assert.equal(p.response.status, 200);
    assert.equal(textField(form.values, 'name'), 'Anna');
  });

  test('a form the schema turns down: 400, the summary, the first error per field, and the values to fill in again', async () => {
    const p = page('POST', 'name=a&age=oud');
    const form = state(await postForm(p, nameForm, () => assert.fail('handler called')));
    assert.equal(p.response.status, 400);
    assert.equal(form.message, t.validation.formHasErrors);
    assert.deepEqual(form.fieldErrors, { name: 'Te kort.', age: 'Geen getal.' });
    assert.equal(textField(form.values, 'name'), 'a');
  });

  test('a page may say something else for a form it turns down', async () => {
    const p = page('POST', 'name=A&age=1');
    const form = state(await postForm(p, nameForm, () => undefined, { invalid: (issues) => `eerste: ${issues[0].message}` }));
    assert.equal(form.message, 'eerste: Te kort.');
  });

  test('a body that is not a form: its 4xx and the Dutch message, the values empty', async () => {
    const wrongType = page('POST', '{"name":"Anna"}', 'application/json');
    const form = state(await postForm(wrongType, nameForm, () => assert.fail('handler called')));
    assert.equal(wrongType.response.status, 415);
    assert.equal(form.message, t.errors.badForm);
    assert.deepEqual(form.values, {});
    assert.equal(form.read, false);
    const tooBig = page('POST', `name=${'a'.repeat(70 * 1024)}`);
    assert.equal(state(await postForm(tooBig, nameForm, () => undefined)).message, t.errors.tooLarge);
    assert.equal(tooBig.response.status, 413);
  });

  test('a refusal from the handler: its status, headers, message and field errors', async () => {
    const p = page('POST', 'name=Anna&age=40');
    const form = state(await postForm(p, nameForm, () => tooManyAttempts(2500, { message: 'Wacht even.', fieldErrors: { name: 'Zo niet.' } })));
    assert.equal(p.response.status, 429);
    assert.equal(p.response.headers.get('retry-after'), '3');
    assert.equal(form.message, 'Wacht even.');
    assert.deepEqual(form.fieldErrors, { name: 'Zo niet.' });
  });

  test('refuse: every post refused unread', async () => {
    const p = page('POST', 'name=Anna&age=40');
    const form = state(await postForm(p, nameForm, () => assert.fail('handler called'), { refuse: { status: 409, message: 'Kan niet.' } }));
    assert.equal(p.response.status, 409);
    assert.equal(form.message, 'Kan niet.');
    assert.equal(p.request.bodyUsed, false);
  });

  test('the schema picked by what was posted; none for it is a 400 with the generic message', async () => {
    const pick = (values: Record<string, string | string[]>) => (values.action === 'naam' ? nameForm : undefined);
    const p = page('POST', 'action=iets-anders');
    const form = state(await postForm(p, pick, () => assert.fail('handler called')));
    assert.equal(p.response.status, 400);
    assert.equal(form.message, t.errors.badForm);
    let called = false;
    await postForm(page('POST', 'action=naam&name=Anna&age=3'), pick, () => {
      called = true;
    });
    assert.equal(called, true);
  });
});

describe('textField', () => {
  test('a field as sent, cut to length; missing or sent twice is empty', () => {
    assert.equal(textField({ email: 'a@b.nl' }, 'email'), 'a@b.nl');
    assert.equal(textField({ email: 'abcdef' }, 'email', 3), 'abc');
    assert.equal(textField({}, 'email'), '');
    assert.equal(textField({ email: ['a', 'b'] }, 'email'), '');
  });
});
