// The content editor's model (Keystatic, docs/decisions/0010-keystatic-als-inhoudseditor.md): what
// a trainer edits in the browser on the development server, mapped onto the files as they are, so
// content/ stays the one source and `npm run content:check` the one judge. Per module folder: the
// module's data (module.yaml), its lessons (lessons/*.mdx, with the five blocks) and its question
// bank (questions.yaml). The question bank keeps its flat form with `type:`: one form holds the
// fields of all four kinds, each optional, and the loader ignores what a kind does not use.
// The misconception labels are a list of {code, label} here (the editor has no field for a map with
// free keys; the loader reads both forms). Not editable here (kept as it is): accreditation.
import { collection, config, fields, singleton } from '@keystatic/core';
import { block, wrapper } from '@keystatic/core/content-components';
import { t } from './src/lib/i18n/nl.ts';

const e = t.editor;

/** The module folders under content/modules, put in by astro.config.mjs when the dev server starts. */
declare const __EDITOR_MODULE_FOLDERS__: string[];
const moduleFolders = __EDITOR_MODULE_FOLDERS__;

const id = () => fields.text({ label: e.id });
const optional = (label: string, multiline = false) => fields.text({ label, multiline });

const option = fields.object({
  id: id(),
  text: optional(e.optionText, true),
  correct: fields.checkbox({ label: e.correct }),
  feedback: optional(e.feedback, true),
  misconception: optional(e.misconception),
});

const choice = fields.object({
  id: id(),
  text: optional(e.choiceText),
  consequence: optional(e.consequence, true),
  quality: fields.select({
    label: e.quality,
    options: (['goed', 'matig', 'onjuist'] as const).map((value) => ({ label: value, value })),
    defaultValue: 'goed',
  }),
  misconception: optional(e.misconception),
  next: optional(e.next),
  redLine: fields.checkbox({ label: e.redLine }),
});

const question = fields.object({
  id: id(),
  type: fields.select({
    label: e.questionType,
    options: (['single', 'multiple', 'order', 'branching'] as const).map((value) => ({ label: e.types[value], value })),
    defaultValue: 'single',
  }),
  lesson: optional(e.lesson),
  title: optional(e.title),
  revisedIn: optional(e.revisedIn),
  stem: optional(e.stem, true),
  options: fields.array(option, { label: e.options, itemLabel: (item) => item.fields.id.value }),
  items: fields.array(fields.object({ id: id(), text: optional(e.itemText) }), { label: e.items, itemLabel: (item) => item.fields.id.value }),
  explanation: optional(e.explanation, true),
  misconception: optional(e.misconception),
  start: optional(e.start),
  nodes: fields.array(
    fields.object({
      id: id(),
      situation: optional(e.situation, true),
      choices: fields.array(choice, { label: e.choices, itemLabel: (item) => item.fields.id.value }),
    }),
    { label: e.nodes, itemLabel: (item) => item.fields.id.value },
  ),
  debrief: optional(e.debrief, true),
});

const b = e.blocks;
const lessonBody = fields.mdx({
  label: e.body,
  components: {
    Casus: wrapper({ label: b.casus, schema: { titel: fields.text({ label: b.casusTitle }) } }),
    Kernpunt: wrapper({ label: b.kernpunt, schema: {} }),
    Reflectievraag: wrapper({ label: b.reflectievraag, schema: { id: fields.text({ label: b.reflectionId }) } }),
    Vraag: block({ label: b.vraag, schema: { id: fields.text({ label: b.questionId }) } }),
    Bron: block({ label: b.bron, schema: { titel: fields.text({ label: b.sourceTitle }), sectie: fields.text({ label: b.sourceSection }) } }),
  },
});

const singletons = Object.fromEntries(
  moduleFolders.flatMap((folder) => [
    [
      `${folder}-module`,
      singleton({
        label: e.module(folder),
        path: `content/modules/${folder}/module`,
        format: { data: 'yaml' },
        schema: {
          id: id(),
          title: fields.text({ label: e.title }),
          shortTitle: optional(e.shortTitle),
          summary: fields.text({ label: e.summary, multiline: true }),
          audience: fields.multiselect({
            label: e.audience,
            options: [
              { label: e.audienceNew, value: 'nieuw' },
              { label: e.audienceExperienced, value: 'ervaren' },
            ],
          }),
          minutes: fields.integer({ label: e.minutes }),
          order: fields.integer({ label: e.order }),
          version: fields.text({ label: e.version }),
          passMark: fields.number({ label: e.passMark }),
          goals: fields.array(fields.text({ label: e.goal }), { label: e.goals, itemLabel: (item) => item.value }),
          framework: fields.text({ label: e.framework }),
          reviewDate: fields.date({ label: e.reviewDate }),
          draft: fields.checkbox({ label: e.draft }),
          misconceptions: fields.array(
            fields.object({ code: fields.text({ label: e.misconceptionCode }), label: fields.text({ label: e.misconceptionLabel, multiline: true }) }),
            { label: e.misconceptions, itemLabel: (item) => item.fields.code.value },
          ),
          toets: fields.object(
            {
              questions: fields.integer({ label: e.toetsQuestions, defaultValue: 10 }),
              retakeAfterHours: fields.number({ label: e.toetsRetake, defaultValue: 24 }),
            },
            { label: e.toets },
          ),
          accreditation: fields.ignored(),
        },
      }),
    ],
    [
      `${folder}-questions`,
      singleton({
        label: e.questions(folder),
        path: `content/modules/${folder}/questions`,
        format: { data: 'yaml' },
        schema: { questions: fields.array(question, { label: e.questionList, itemLabel: (item) => item.fields.id.value }) },
      }),
    ],
  ]),
);

const collections = Object.fromEntries(
  moduleFolders.map((folder) => [
    `${folder}-lessons`,
    collection({
      label: e.lessons(folder),
      path: `content/modules/${folder}/lessons/*`,
      slugField: 'id',
      format: { contentField: 'body' },
      entryLayout: 'content',
      schema: {
        id: fields.slug({ name: { label: e.id } }),
        title: fields.text({ label: e.title }),
        order: fields.integer({ label: e.order }),
        minutes: fields.integer({ label: e.minutes }),
        goals: fields.array(fields.text({ label: e.goal }), { label: e.goals, itemLabel: (item) => item.value }),
        body: lessonBody,
      },
    }),
  ]),
);

export default config({ storage: { kind: 'local' }, singletons, collections });
