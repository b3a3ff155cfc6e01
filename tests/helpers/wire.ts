// What a browser would send for an answer: the option tokens of one person. Tests and scripts
// that post to /api/antwoorden read the server's token secret from the same database (creating it
// as the server would when it is not there yet) and encode authored answers with it.
import type { Client } from '@libsql/client';
import type { Question } from '../../src/lib/content/schemas.ts';
import type { Answer } from '../../src/lib/quiz/answer-schemas.ts';
import { encodeAnswer, tokenizerFor, type Tokenizer, type WireAnswer } from '../../src/lib/quiz/option-tokens.ts';

export async function tokensOf(client: Client, email: string): Promise<Tokenizer> {
  await client.execute("insert into app_secrets (name, value) values ('option-tokens', lower(hex(randomblob(32)))) on conflict (name) do nothing");
  const secret = (await client.execute("select value from app_secrets where name = 'option-tokens'")).rows[0].value as string;
  const user = (await client.execute({ sql: 'select id from users where email = ?', args: [email.toLowerCase()] })).rows[0];
  if (!user) throw new Error(`geen account ${email}`);
  return tokenizerFor(secret, user.id as string);
}

/** The wire form of a single, multiple or order answer (one request). */
export function wire(question: Question, answer: Answer, tokens: Tokenizer): WireAnswer {
  const [first] = encodeAnswer(question, answer, tokens);
  return first;
}
