// JSON endpoint for answers: the same scoring as the form route, for scripts and clients.
import type { APIRoute } from 'astro';
import { findModuleForScoring } from '../../lib/content/scoring-lookup.ts';
import { getDb } from '../../lib/db.ts';
import { getSettings } from '../../lib/env.ts';
import { readJson } from '../../lib/http/read-json.ts';
import { submissionSchema } from '../../lib/quiz/answer-from-form.ts';
import { submitAnswer } from '../../lib/quiz/submit-answer.ts';

export const POST: APIRoute = async ({ request, locals }) => {
  const body = await readJson(request);
  if (!body.ok) return json({ error: body.message }, body.status);
  const parsed = submissionSchema.safeParse(body.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return json({ error: `Ongeldig antwoord (${issue.path.join('.') || 'invoer'}): ${issue.message}` }, 400);
  }
  const result = await submitAnswer(await getDb(), findModuleForScoring, locals.user!.id, parsed.data, { ladder: getSettings().REVIEW_LADDER_DAYS });
  if (!result.ok) return json({ error: result.message }, result.status);
  if (result.kind === 'next-decision') return json({ status: 'volgende-beslissing', path: result.path }, 200);
  return json(
    {
      status: result.duplicate ? 'al-ontvangen' : 'opgeslagen',
      attemptId: result.attemptId,
      correct: result.scored.correct,
      score: result.scored.score,
      moduleCompleted: result.moduleCompleted,
      feedback: result.scored.feedback,
    },
    result.duplicate ? 200 : 201,
  );
};

function json(data: unknown, status: number): Response {
  return new Response(JSON.stringify(data), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });
}
