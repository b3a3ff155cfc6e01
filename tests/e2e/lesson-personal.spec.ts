// A lesson's text is rendered once per lesson and content version and kept; each person's
// questions and reflections are filled in per request (components/LessonBody.astro). Whatever is
// kept, one person's answer or reflection must never show in another person's lesson, and each
// person's own must show on every visit, in the right place in the text.
import { expect, test } from '@playwright/test';
import { answerCorrectly, giz, inviteNewUser } from './helpers.ts';

const lesson = giz.lessons.find((l) => l.reflectionIds.length > 0 && giz.questions.some((q) => q.lesson === l.id))!;
const question = giz.questions.find((q) => q.lesson === lesson.id && q.type === 'single')!;

test("one person's answers and reflections never show in another's copy of the same lesson", async ({ browser }) => {
  const a = await inviteNewUser(browser);
  const b = await inviteNewUser(browser);
  const path = `/modules/giz/${lesson.id}`;
  const ownText = `Wat ik meeneem uit deze les (${a.name})`;

  // B opens the lesson first: the shared text is rendered and kept now.
  await b.page.goto(path);
  await expect(b.page.locator(`#reflectie-${lesson.reflectionIds[0]} textarea`)).toHaveValue('');

  await a.page.goto(path);
  await a.page.locator(`#reflectie-${lesson.reflectionIds[0]} textarea`).fill(ownText);
  await a.page.locator(`#reflectie-${lesson.reflectionIds[0]}`).getByRole('button', { name: 'Bewaren' }).click();
  await expect(a.page.locator(`#reflectie-${lesson.reflectionIds[0]} textarea`)).toHaveValue(ownText);
  await answerCorrectly(a.page, question);

  // A's next visit: both are there, in the lesson, where the text puts them.
  await a.page.goto(path);
  await expect(a.page.locator(`#reflectie-${lesson.reflectionIds[0]} textarea`)).toHaveValue(ownText);
  await expect(a.page.locator(`#vraag-${question.id} .verdict`)).toContainText('Goed');
  await expect(a.page.locator(`.lesson-body #vraag-${question.id}`)).toHaveCount(1);
  await expect(a.page.locator(`.lesson-body #reflectie-${lesson.reflectionIds[0]}`)).toHaveCount(1);

  // B's next visit, after A's: nothing of A's.
  await b.page.goto(path);
  await expect(b.page.locator(`#reflectie-${lesson.reflectionIds[0]} textarea`)).toHaveValue('');
  await expect(b.page.locator(`#vraag-${question.id} .verdict`)).toHaveCount(0);
  expect(await b.page.content()).not.toContain(ownText);
  await a.context.close();
  await b.context.close();
});
