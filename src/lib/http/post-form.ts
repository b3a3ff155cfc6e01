// The form step of a post/redirect/get page in one call: read the posted form, check it with its
// zod schema, and answer a form that cannot be used the same way on every page (a 4xx status, a
// Dutch message, and an error per field); a good one goes to the page's handler, which does the
// work and usually answers with a redirect, so a reload never repeats it. Whatever the handler
// refuses comes back the same way, for the page to show.
import { t } from '../i18n/nl.ts';
import { formProblem, readForm } from './read-form.ts';

export type FormValues = Record<string, string | string[]>;
export type FieldErrors = Record<string, string>;

/** A post that was not accepted: the status, and what the page says (summary, per field). */
export interface FormRefusal {
  status: number;
  message?: string;
  fieldErrors?: FieldErrors;
  headers?: Record<string, string>;
}

/** What the page shows after a post that did not redirect (or before any post). */
export interface FormState {
  posted: boolean;
  /** A form was posted and could be read (its values are below). */
  read: boolean;
  message?: string;
  fieldErrors: FieldErrors;
  /** What was posted, to fill the fields in again; empty when the form could not be read. */
  values: FormValues;
}

/** The parts of Astro's page global this needs (tests pass their own). */
export interface FormPage {
  request: Request;
  response: { status?: number; headers: Headers };
}

/** Structurally a zod schema: only safeParse is used, so src/lib needs no zod instance here. */
export interface FormSchema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: readonly FormIssue[] } };
}

export interface FormIssue {
  path: readonly PropertyKey[];
  message: string;
}

export type FormHandler<T> = (data: T, values: FormValues) => Response | FormRefusal | void | Promise<Response | FormRefusal | void>;

export interface FormOptions {
  /** Refuse every post unread (e.g. a password form for an account that has no password). */
  refuse?: FormRefusal;
  /** The summary when the schema turns the form down; by default "the form has errors", with an error per field. */
  invalid?: (issues: readonly FormIssue[]) => string;
}

/**
 * `schema` may depend on what was posted (a page with several forms picks one by its `action`);
 * no schema for it is a form of another page or an old tab: 400 with the generic message.
 */
export async function postForm<T>(
  page: FormPage,
  schema: FormSchema<T> | ((values: FormValues) => FormSchema<T> | undefined),
  handle: FormHandler<T>,
  options: FormOptions = {},
): Promise<Response | FormState> {
  const state: FormState = { posted: page.request.method === 'POST', read: false, fieldErrors: {}, values: {} };
  if (!state.posted) return state;
  if (options.refuse) return refused(page, state, options.refuse);
  const form = await readForm(page.request);
  if (!form.ok) return refused(page, state, { status: form.status, message: formProblem(form.status) });
  state.read = true;
  state.values = form.data;
  const chosen = typeof schema === 'function' ? schema(form.data) : schema;
  if (!chosen) return refused(page, state, { status: 400, message: t.errors.badForm });
  const parsed = chosen.safeParse(form.data);
  if (!parsed.success) {
    const { issues } = parsed.error;
    return refused(page, state, {
      status: 400,
      message: options.invalid ? options.invalid(issues) : t.validation.formHasErrors,
      fieldErrors: fieldErrorsOf(issues),
    });
  }
  const outcome = await handle(parsed.data, form.data);
  if (outcome instanceof Response) return outcome;
  return outcome ? refused(page, state, outcome) : state;
}

/** The first error per field, keyed by the field's name ('form' for the form as a whole). */
export function fieldErrorsOf(issues: readonly FormIssue[]): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of issues) fieldErrors[String(issue.path[0] ?? 'form')] ??= issue.message;
  return fieldErrors;
}

/** A posted text field as sent (cut to `maxLength`), or '' when it is missing or sent twice. */
export function textField(values: FormValues, name: string, maxLength = Infinity): string {
  const value = values[name];
  return typeof value === 'string' ? value.slice(0, maxLength) : '';
}

/** Too many attempts (login, password, reset): 429, and when to try again in seconds. */
export function tooManyAttempts(retryAfterMs: number, refusal: Omit<FormRefusal, 'status' | 'headers'>): FormRefusal {
  return { status: 429, headers: { 'Retry-After': String(Math.ceil(retryAfterMs / 1000)) }, ...refusal };
}

function refused(page: FormPage, state: FormState, refusal: FormRefusal): FormState {
  page.response.status = refusal.status;
  for (const [name, value] of Object.entries(refusal.headers ?? {})) page.response.headers.set(name, value);
  return { ...state, message: refusal.message, fieldErrors: refusal.fieldErrors ?? {} };
}
