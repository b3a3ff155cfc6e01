// The quality gate for the course itself: every module is complete, case-based and sourced.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadCourse } from '../../../src/lib/content/load-course.ts';

const { modules, errors } = loadCourse('content');
const SAFETY_MODULES = ['veiligheid', 'triage'];

describe('the course', () => {
  test('loads without errors and has the seven modules of the curriculum', () => {
    assert.deepEqual(errors, []);
    assert.deepEqual(modules.map((m) => m.meta.id), ['toegang', 'giz', 'triage', 'regie', 'positieve-gezondheid', 'veiligheid', 'normaliseren']);
  });

  for (const mod of modules) {
    describe(`module ${mod.meta.id}`, () => {
      test('3 to 6 lessons of 5 to 10 minutes, each with a source, a case and key points', () => {
        assert.ok(mod.lessons.length >= 3 && mod.lessons.length <= 6, `${mod.lessons.length} lessons`);
        for (const lesson of mod.lessons) {
          assert.ok(lesson.minutes >= 5 && lesson.minutes <= 10, `${lesson.file}: ${lesson.minutes} min`);
          assert.match(lesson.body, /<Bron\s+titel="[^"]+"/, `${lesson.file} has no <Bron>`);
          assert.match(lesson.body, /^## Kernpunten/m, `${lesson.file} has no Kernpunten`);
          for (const casus of lesson.body.matchAll(/<Casus[\s\S]*?<\/Casus>/g)) {
            assert.match(casus[0], /verzonnen|fictief/i, `${lesson.file}: a Casus does not say it is fictional`);
          }
        }
      });

      test('metadata complete: audience, minutes, goals, pass mark, framework and review date', () => {
        assert.ok(mod.meta.audience.length > 0);
        assert.ok(mod.meta.goals.length >= 3, 'at least three learning goals');
        assert.ok(mod.meta.passMark >= 0.5);
        assert.ok(mod.meta.framework.length > 5);
        assert.ok(mod.meta.reviewDate > '2026-11-01');
      });

      test('at least 10 case-based questions of at least three types, with a branching case of 3+ decisions', () => {
        assert.ok(mod.questions.length >= 10, `${mod.questions.length} questions`);
        assert.ok(new Set(mod.questions.map((q) => q.type)).size >= 3);
        assert.ok(mod.questions.some((q) => q.type === 'branching'));
        for (const q of mod.questions) {
          assert.ok(q.stem.length >= 60, `${q.id}: the stem should describe a situation`);
          assert.ok(q.id.startsWith(`${mod.meta.id}-`), `${q.id}: question ids start with the module id`);
        }
      });

      test('no empty or repeated option text or feedback; every wrong option names its misconception', () => {
        for (const q of mod.questions) {
          const texts: string[] = [];
          const feedback: string[] = [];
          if (q.type === 'single' || q.type === 'multiple') {
            for (const o of q.options) {
              texts.push(o.text);
              feedback.push(o.feedback);
              if (!o.correct) assert.ok(o.misconception, `${q.id}/${o.id}`);
            }
          } else if (q.type === 'order') {
            texts.push(...q.items.map((i) => i.text));
          } else {
            for (const node of q.nodes) {
              texts.push(...node.choices.map((c) => c.text));
              for (const c of node.choices) if (c.quality !== 'goed') assert.ok(c.misconception, `${q.id}/${node.id}/${c.id}`);
            }
          }
          assert.ok(texts.every((x) => x.trim().length > 0), `${q.id}: empty text`);
          assert.equal(new Set(texts).size, texts.length, `${q.id}: an option text is repeated`);
          assert.equal(new Set(feedback).size, feedback.length, `${q.id}: a feedback text is repeated`);
        }
      });

      if (SAFETY_MODULES.includes(mod.meta.id)) {
        test('its branching cases hold a red line for acute danger', () => {
          const branching = mod.questions.filter((q) => q.type === 'branching');
          assert.ok(branching.some((q) => q.type === 'branching' && q.nodes.some((n) => n.choices.some((c) => c.redLine))));
          if (mod.meta.id === 'veiligheid') {
            for (const q of branching) assert.ok(q.type === 'branching' && q.nodes.some((n) => n.choices.some((c) => c.redLine)), `${q.id} has no red line`);
          }
        });
      }
    });
  }
});
