// JSON endpoint for answers: the same use case as the form route, for scripts and clients. Answers
// are sent as the option tokens of the page (never authored ids); a toets answer gets no verdict.
import type { APIRoute } from 'astro';
import { findModuleForScoring } from '../../lib/content/scoring-lookup.ts';
import { getDb } from '../../lib/db.ts';
import { getSettings } from '../../lib/env.ts';
import { readJson } from '../../lib/http/read-json.ts';
import { requireUser } from '../../lib/http/require-user.ts';
import { json } from '../../lib/http/responses.ts';
import { t } from '../../lib/i18n/nl.ts';
import { answerQuestion } from '../../lib/learning/answer-question.ts';
import { tokenizerForUser } from '../../lib/learning/answer-secret.ts';
import { submissionSchema } from '../../lib/quiz/answer-from-form.ts';
import { feedbackForClient } from '../../lib/quiz/feedback-for-client.ts';

export const POST: APIRoute = async ({ request, locals }) => {
  const userId = requireUser(locals).id;
  const body = await readJson(request);
  if (!body.ok) return json({ error: body.message }, body.status);
  const parsed = submissionSchema.safeParse(body.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return json({ error: t.answer.invalid(issue.path.join('.'), issue.message) }, 400);
  }
  const db = await getDb();
  const result = await answerQuestion(db, findModuleForScoring, userId, parsed.data, {
    ladder: getSettings().REVIEW_LADDER_DAYS,
    tokens: await tokenizerForUser(db, userId),
  });
  if (!result.ok) return json({ error: result.message }, result.status);
  if (result.kind === 'next-decision') return json({ status: 'volgende-beslissing' }, 200);
  if (result.kind === 'toets-stored') return json({ status: result.duplicate ? 'al-ontvangen' : 'opgeslagen' }, result.duplicate ? 200 : 201);
  return json(
    {
      status: result.duplicate ? 'al-ontvangen' : 'opgeslagen',
      attemptId: result.attemptId,
      correct: result.scored.correct,
      score: result.scored.score,
      feedback: feedbackForClient(result.scored.feedback),
    },
    result.duplicate ? 200 : 201,
  );
};
