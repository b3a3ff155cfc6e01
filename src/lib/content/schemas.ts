// Zod schemas for everything a trainer writes under content/modules/<slug>/.
// One schema per concern; the course validator and Astro's content collections both use them,
// so an error reads the same in `astro check`, the build, the dev server and the tests.
import { z } from 'astro/zod';

const stableId = z
  .string({ error: 'ontbreekt: geef een vaste id (kleine letters, cijfers en streepjes)' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'moet bestaan uit kleine letters, cijfers en streepjes, bijvoorbeeld "giz-driftbuien"',
  });

const text = (what: string) =>
  z.string({ error: `ontbreekt: schrijf ${what}` }).trim().min(1, { error: `is leeg: schrijf ${what}` });

/** The longest short title a module may have: what fits a column header of the trainer's table on two lines. */
export const SHORT_TITLE_MAX = 16;

export const audienceSchema = z.enum(['nieuw', 'ervaren'], {
  error: 'moet "nieuw" of "ervaren" zijn',
});

/**
 * An accreditation for the certificate: the number, the points and (optionally) the register, as
 * `accreditation: {number: ABC-12345, points: 2, body: SKJ}`. The older form, the number alone
 * (`accreditation: ABC-12345`), still reads; it means a number without points.
 */
const accreditationSchema = z.preprocess(
  (value) => (typeof value === 'string' ? { number: value } : value),
  z.strictObject(
    {
      number: text('het accreditatienummer, bijvoorbeeld "ABC-12345"'),
      points: z
        .number({ error: 'moet een getal zijn: het aantal accreditatiepunten, bijvoorbeeld 2' })
        .positive({ error: 'moet meer dan 0 punten zijn' })
        .max(100, { error: 'mag niet meer dan 100 punten zijn' })
        .optional(),
      body: text('het register dat accrediteert, bijvoorbeeld "SKJ"').optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `kent ${issue.keys.map((k) => `"${k}"`).join(', ')} niet: gebruik number, points en body`
          : 'moet een accreditatienummer zijn, of number, points en body',
    },
  ),
);

const misconceptionLabel = text('in gewone woorden wat het misverstand is');
const misconceptionMap = z.record(stableId, misconceptionLabel);
const misconceptionList = z
  .array(z.object({ code: stableId, label: misconceptionLabel }), { error: 'moet een lijst zijn van code en label' })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach(({ code }, index) => {
      if (seen.has(code)) ctx.addIssue({ code: 'custom', path: [index, 'code'], message: `misverstand "${code}" staat twee keer in de lijst` });
      seen.add(code);
    });
  });

/**
 * What each misconception code of questions.yaml means, in plain Dutch: code → label. Written as
 * a list of `{code, label}` (what the content editor reads and writes: it has no field for a map
 * with free keys) or, by hand, as a map `code: label`. Either way the course sees the map.
 */
const misconceptionLabels = z.any().transform((value, ctx): Record<string, string> => {
  if (value === undefined) return {};
  const parsed = Array.isArray(value) ? misconceptionList.safeParse(value) : misconceptionMap.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    return z.NEVER;
  }
  return Array.isArray(parsed.data) ? Object.fromEntries(parsed.data.map(({ code, label }) => [code, label])) : parsed.data;
});

export const moduleMetaSchema = z.object({
  id: stableId,
  title: text('een titel'),
  /** The module's name where space is short (the trainer's table and charts); the title when absent. */
  shortTitle: z
    .string({ error: 'moet tekst zijn: een korte naam van hoogstens 16 tekens' })
    .trim()
    .min(1, { error: 'is leeg: schrijf een korte naam of laat shortTitle weg' })
    .max(SHORT_TITLE_MAX, { error: `is te lang: hoogstens ${SHORT_TITLE_MAX} tekens, zodat de kolomkop in de tabel van de opleider past` })
    .optional(),
  summary: text('een korte samenvatting (1-2 zinnen)'),
  audience: z.array(audienceSchema).min(1, { error: 'noem minstens één doelgroep: nieuw en/of ervaren' }),
  minutes: z.number({ error: 'moet een getal zijn: de geschatte studietijd in minuten' }).int().positive(),
  order: z.number({ error: 'moet een getal zijn: de plek in de catalogus' }).int().nonnegative(),
  version: text('een inhoudsversie, bijvoorbeeld "2026.1"'),
  passMark: z
    .number({ error: 'moet een getal tussen 0 en 1 zijn, bijvoorbeeld 0.7 voor 70%' })
    .min(0.5, { error: 'moet minstens 0.5 zijn (50%)' })
    .max(1, { error: 'mag niet hoger zijn dan 1 (100%)' }),
  goals: z.array(text('een leerdoel')).min(1, { error: 'noem minstens één leerdoel' }),
  accreditation: accreditationSchema.optional(),
  /** A draft is visible to trainers (preview) but not to learners. */
  draft: z.boolean().default(false),
  /** The external framework and its version the module teaches, e.g. "Meldcode 2019 (afwegingskader)". */
  framework: text('het kader en de versie die de module onderwijst, bijvoorbeeld "Meldcode 2019"'),
  /** When a subject-matter expert should look at the module again (YYYY-MM-DD). */
  reviewDate: z.iso.date({ error: 'moet een datum zijn in de vorm JJJJ-MM-DD: wanneer de module opnieuw wordt nagekeken' }),
  /** The trainer's analysis shows the label; the course check wants one for every code used. */
  misconceptions: misconceptionLabels,
  /** The afsluitende toets: how many questions it draws and how long to wait after a failed attempt. */
  toets: z
    .object({
      questions: z.number({ error: 'moet een getal zijn: hoeveel vragen de toets trekt' }).int().min(1, { error: 'moet minstens 1 zijn' }).default(10),
      retakeAfterHours: z.number({ error: 'moet een getal zijn: hoeveel uur iemand na een niet-gehaalde toets wacht' }).min(0, { error: 'mag niet negatief zijn' }).default(24),
    })
    .prefault({}),
});

export const lessonMetaSchema = z.object({
  id: stableId,
  title: text('een titel'),
  order: z.number({ error: 'moet een getal zijn: de volgorde in de module' }).int().nonnegative(),
  minutes: z.number({ error: 'moet een getal zijn: de leestijd in minuten' }).int().positive(),
  goals: z.array(text('een leerdoel')).default([]),
});

const optionSchema = z
  .object({
    id: stableId,
    text: text('de tekst van de optie'),
    correct: z.boolean().default(false),
    feedback: text('feedback die uitlegt waarom deze optie wel of niet klopt'),
    misconception: stableId.optional(),
  })
  .refine((o) => o.correct || o.misconception !== undefined, {
    error: 'een onjuiste optie heeft een "misconception" nodig: een korte code voor het misverstand',
    path: ['misconception'],
  });

const questionBase = {
  id: stableId,
  lesson: stableId.optional(),
  title: text('een korte titel'),
  stem: text('de casus of situatie waarover de vraag gaat'),
  /**
   * The module version in which this question last changed in substance (e.g. a new Meldcode).
   * Professionals who completed an older version get it in their review.
   */
  revisedIn: z.string().trim().min(1).optional(),
};

function uniqueIds(list: { id: string }[], ctx: z.RefinementCtx, field: string) {
  const seen = new Set<string>();
  list.forEach((item, index) => {
    if (seen.has(item.id)) {
      ctx.addIssue({ code: 'custom', path: [field, index, 'id'], message: `id "${item.id}" komt twee keer voor` });
    }
    seen.add(item.id);
  });
}

export const singleChoiceSchema = z
  .object({ ...questionBase, type: z.literal('single'), options: z.array(optionSchema).min(2) })
  .superRefine((q, ctx) => {
    uniqueIds(q.options, ctx, 'options');
    const correct = q.options.filter((o) => o.correct).length;
    if (correct !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: `een enkelvoudige keuzevraag heeft precies één juiste optie (correct: true), nu ${correct}`,
      });
    }
  });

export const multipleChoiceSchema = z
  .object({ ...questionBase, type: z.literal('multiple'), options: z.array(optionSchema).min(3) })
  .superRefine((q, ctx) => {
    uniqueIds(q.options, ctx, 'options');
    if (!q.options.some((o) => o.correct)) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'een meerkeuzevraag heeft minstens één juiste optie (correct: true)',
      });
    }
  });

export const orderSchema = z
  .object({
    ...questionBase,
    type: z.literal('order'),
    items: z.array(z.object({ id: stableId, text: text('de tekst van de stap') })).min(3, {
      error: 'een volgordevraag heeft minstens drie stappen',
    }),
    explanation: text('uitleg over de juiste volgorde'),
    misconception: stableId.optional(),
  })
  .superRefine((q, ctx) => uniqueIds(q.items, ctx, 'items'));

export const qualitySchema = z.enum(['goed', 'matig', 'onjuist'], {
  error: 'moet "goed", "matig" of "onjuist" zijn',
});

const choiceSchema = z
  .object({
    id: stableId,
    text: text('de keuze'),
    consequence: text('wat er gebeurt na deze keuze'),
    quality: qualitySchema,
    misconception: stableId.optional(),
    next: stableId.optional(),
    redLine: z.boolean().default(false),
  })
  .refine((c) => c.quality === 'goed' || c.misconception !== undefined, {
    error: 'een keuze die niet "goed" is heeft een "misconception" nodig',
    path: ['misconception'],
  })
  .refine((c) => !(c.redLine && c.next), {
    error: 'een keuze met redLine: true beëindigt de casus en mag geen "next" hebben',
    path: ['next'],
  });

export const branchingSchema = z
  .object({
    ...questionBase,
    type: z.literal('branching'),
    start: stableId,
    nodes: z.array(
      z.object({ id: stableId, situation: text('de situatie bij deze beslissing'), choices: z.array(choiceSchema).min(2) }),
    ),
    debrief: text('een nabespreking van de casus'),
  })
  .superRefine((q, ctx) => {
    uniqueIds(q.nodes, ctx, 'nodes');
    const ids = new Set(q.nodes.map((n) => n.id));
    if (!ids.has(q.start)) {
      ctx.addIssue({ code: 'custom', path: ['start'], message: `beslismoment "${q.start}" bestaat niet in nodes` });
    }
    q.nodes.forEach((node, n) => {
      uniqueIds(node.choices, ctx, `nodes.${n}.choices`);
      node.choices.forEach((choice, c) => {
        if (choice.next && !ids.has(choice.next)) {
          ctx.addIssue({
            code: 'custom',
            path: ['nodes', n, 'choices', c, 'next'],
            message: `verwijst naar beslismoment "${choice.next}", dat niet bestaat`,
          });
        }
      });
    });
    const depth = longestPath(q.start, q.nodes);
    if (depth < 3) {
      ctx.addIssue({
        code: 'custom',
        path: ['nodes'],
        message: `een vertakte casus heeft minstens drie beslismomenten achter elkaar; het langste pad heeft er nu ${depth}`,
      });
    }
  });

function longestPath(start: string, nodes: { id: string; choices: { next?: string }[] }[]): number {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const walk = (id: string, seen: Set<string>): number => {
    const node = byId.get(id);
    if (!node || seen.has(id)) return 0;
    const next = new Set(seen).add(id);
    return 1 + Math.max(0, ...node.choices.map((c) => (c.next ? walk(c.next, next) : 0)));
  };
  return walk(start, new Set());
}

export const questionSchema = z.discriminatedUnion(
  'type',
  [singleChoiceSchema, multipleChoiceSchema, orderSchema, branchingSchema],
  { error: 'type moet "single", "multiple", "order" of "branching" zijn' },
);

export const questionBankSchema = z
  .object({ questions: z.array(questionSchema).min(1, { error: 'een module heeft minstens één vraag' }) })
  .superRefine((bank, ctx) => uniqueIds(bank.questions, ctx, 'questions'));

export type ModuleMeta = z.infer<typeof moduleMetaSchema>;
export type LessonMeta = z.infer<typeof lessonMetaSchema>;
export type Question = z.infer<typeof questionSchema>;
export type SingleChoiceQuestion = z.infer<typeof singleChoiceSchema>;
export type MultipleChoiceQuestion = z.infer<typeof multipleChoiceSchema>;
export type OrderQuestion = z.infer<typeof orderSchema>;
export type BranchingQuestion = z.infer<typeof branchingSchema>;
export type Quality = z.infer<typeof qualitySchema>;
