// Answer cues: the form of the options must not give the answer away (issue 15 §1).
// Someone who does not know the answer should not score by picking the longest, most careful
// option, nor by ticking everything (or nothing) in a multiple-choice question. Item writers do
// this without noticing: the key gets the nuance and the qualifications, the distractors are
// written quickly. So the course validator measures it, per module, on the parsed question bank:
//   - a key more than 1.5 × the average length of its distractors: a warning (sometimes a
//     precise answer is simply longer, so the trainer decides);
//   - the key strictly the longest option in more than a third of the items: an error (then
//     "pick the longest" works better than chance, whatever each single item looks like);
//   - a multiple-choice question with fewer than a third or more than half of its options correct:
//     an error ("tick everything" or "tick nothing" would then score).
// An "item" is a single-choice question or a decision point of a branching case; the key is the
// option with `correct: true`, or the choice with `quality: goed`.
// Pure functions over the questions of one module; load-course.ts adds the file and reports the
// findings together with the other content errors, so content:check, astro check and the build
// all see them.

export const MAX_KEY_LENGTH_RATIO = 1.5;
/** The key may be strictly the longest option in at most this share of a module's items. */
export const MAX_KEY_LONGEST_SHARE = 1 / 3;
export const MIN_CORRECT_SHARE = 1 / 3;
export const MAX_CORRECT_SHARE = 1 / 2;

/** Only what the checks look at, so the tests can pass small objects. */
interface CueOption {
  id: string;
  text: string;
  correct: boolean;
}
interface CueChoice {
  id: string;
  text: string;
  quality: string;
}
export type CueQuestion =
  | { id: string; type: 'single' | 'multiple'; options: CueOption[] }
  | { id: string; type: 'branching'; nodes: { id: string; choices: CueChoice[] }[] }
  | { id: string; type: 'order' };

export interface CueFinding {
  severity: 'error' | 'warning';
  /** Path inside questions.yaml, like the schema errors: "questions.0.options.1". */
  field: string;
  message: string;
}

interface Answer {
  id: string;
  text: string;
  field: string;
}

/** One place where a learner picks one answer: a single-choice question or a decision point. */
interface CueItem {
  /** `vraag "x"` or `vraag "x", beslismoment "y"`. */
  label: string;
  /** "optie" for a question, "keuze" for a decision point. */
  kind: 'optie' | 'keuze';
  keys: Answer[];
  distractors: Answer[];
}

/** Length as a trainer counts it: characters of the text. */
export function textLength(text: string): number {
  return [...text.trim()].length;
}

function items(questions: readonly CueQuestion[]): CueItem[] {
  const list: CueItem[] = [];
  questions.forEach((q, qi) => {
    if (q.type === 'single') {
      const answers = q.options.map((o, oi) => ({ ...o, field: `questions.${qi}.options.${oi}` }));
      list.push({
        label: `vraag "${q.id}"`,
        kind: 'optie',
        keys: answers.filter((o) => o.correct),
        distractors: answers.filter((o) => !o.correct),
      });
    } else if (q.type === 'branching') {
      q.nodes.forEach((node, ni) => {
        const answers = node.choices.map((c, ci) => ({ ...c, field: `questions.${qi}.nodes.${ni}.choices.${ci}` }));
        list.push({
          label: `vraag "${q.id}", beslismoment "${node.id}"`,
          kind: 'keuze',
          keys: answers.filter((c) => c.quality === 'goed'),
          distractors: answers.filter((c) => c.quality !== 'goed'),
        });
      });
    }
  });
  // Without a key or without a distractor there is nothing to give away.
  return list.filter((item) => item.keys.length > 0 && item.distractors.length > 0);
}

const decimal = (n: number, digits: number) => n.toLocaleString('nl-NL', { maximumFractionDigits: digits });

/** Warnings: a key more than 1.5 × the average length of the distractors of its item. */
export function keyLengthWarnings(questions: readonly CueQuestion[]): CueFinding[] {
  const findings: CueFinding[] = [];
  for (const item of items(questions)) {
    const average = item.distractors.reduce((sum, d) => sum + textLength(d.text), 0) / item.distractors.length;
    for (const key of item.keys) {
      const length = textLength(key.text);
      if (length <= MAX_KEY_LENGTH_RATIO * average) continue;
      const [keyName, othersName] = item.kind === 'optie' ? ['het juiste antwoord', 'de foute opties'] : ['de goede keuze', 'de andere keuzes'];
      findings.push({
        severity: 'warning',
        field: key.field,
        message:
          `${item.label}, ${item.kind} "${key.id}": ${keyName} is ${decimal(length / average, 2)} keer zo lang als ${othersName} gemiddeld ` +
          `(${length} tegen ${decimal(average, 1)} tekens). Boven ${decimal(MAX_KEY_LENGTH_RATIO, 1)} keer verraadt de lengte het antwoord: ` +
          `maak ${othersName} even precies of ${keyName} korter.`,
      });
    }
  }
  return findings;
}

/** The items of a module where the key is strictly longer than every distractor. */
export function keyLongestItems(questions: readonly CueQuestion[]): { total: number; longest: string[] } {
  const all = items(questions);
  const longest = all.filter((item) => {
    const key = Math.max(...item.keys.map((k) => textLength(k.text)));
    return item.distractors.every((d) => textLength(d.text) < key);
  });
  return {
    total: all.length,
    longest: longest.map((item) => {
      const key = item.keys.reduce((a, b) => (textLength(b.text) > textLength(a.text) ? b : a));
      return `${item.label} (${item.kind} "${key.id}")`;
    }),
  };
}

/** Error: the key is strictly the longest option in more than a third of the module's items. */
export function keyLongestError(questions: readonly CueQuestion[]): CueFinding | undefined {
  const { total, longest } = keyLongestItems(questions);
  if (total === 0 || longest.length <= MAX_KEY_LONGEST_SHARE * total) return undefined;
  const allowed = Math.floor(MAX_KEY_LONGEST_SHARE * total);
  return {
    severity: 'error',
    field: 'questions',
    message:
      `bij ${longest.length} van de ${total} enkelvoudige vragen en beslismomenten (${Math.round((100 * longest.length) / total)}%) ` +
      `is het juiste antwoord de langste optie; dat mag hoogstens een derde zijn (hier ${allowed}), anders scoort wie gewoon de langste kiest. ` +
      `Maak bij ${longest.length - allowed} hiervan een foute optie langer of het juiste antwoord korter: ${longest.join('; ')}.`,
  };
}

/** Errors: a multiple-choice question with fewer than a third or more than half of its options correct. */
export function correctShareErrors(questions: readonly CueQuestion[]): CueFinding[] {
  const findings: CueFinding[] = [];
  questions.forEach((q, qi) => {
    if (q.type !== 'multiple') return;
    const total = q.options.length;
    const correct = q.options.filter((o) => o.correct).length;
    const tooFew = correct < MIN_CORRECT_SHARE * total;
    const tooMany = correct > MAX_CORRECT_SHARE * total;
    if (!tooFew && !tooMany) return;
    const min = Math.ceil(MIN_CORRECT_SHARE * total);
    const max = Math.floor(MAX_CORRECT_SHARE * total);
    const range = min >= max ? `${min}` : max === min + 1 ? `${min} of ${max}` : `${min} tot ${max}`;
    const advice = tooMany
      ? 'anders scoort wie alles aankruist. Voeg een onjuiste optie toe of maak een juiste optie onjuist.'
      : 'anders scoort wie bijna niets aankruist. Voeg een juiste optie toe of haal een onjuiste optie weg.';
    findings.push({
      severity: 'error',
      field: `questions.${qi}.options`,
      message:
        `vraag "${q.id}": ${correct} van de ${total} opties ${correct === 1 ? 'is' : 'zijn'} juist (correct: true). ` +
        `Bij een meerkeuzevraag is een derde tot de helft van de opties juist, bij ${total} opties dus ${range}; ${advice}`,
    });
  });
  return findings;
}

/** All answer-cue findings for the questions of one module: errors first, then warnings. */
export function checkAnswerCues(questions: readonly CueQuestion[]): CueFinding[] {
  const longest = keyLongestError(questions);
  return [...correctShareErrors(questions), ...(longest ? [longest] : []), ...keyLengthWarnings(questions)];
}
