// All interface text in one place, in Dutch (nl-NL). A second language is a second file with
// the same shape. Content text (lessons, questions) lives in content/, not here.
import type { Role } from '../../../db/schema.ts';
import { TIME_ZONE } from '../time-zone.ts';

/** "3 seconden", "1 minuut": how long to wait, rounded up, for the throttling messages. */
function waitTime(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return seconds === 1 ? '1 seconde' : `${seconds} seconden`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minuut' : `${minutes} minuten`;
}

/** Whether a team's name already starts with the word "team" ("Team Noord"), so no text says it twice. */
function startsWithTeam(name: string): boolean {
  return /^team\b/i.test(name.trim());
}

/** "Team Noord" for a team called "Noord", and for one called "Team Noord" too. */
function teamTitle(name: string): string {
  return startsWithTeam(name) ? name : `Team ${name}`;
}

/** "in het team Noord", but "in Team Noord". */
function inTeam(name: string): string {
  return startsWithTeam(name) ? `in ${name}` : `in het team ${name}`;
}

/** Accreditation points as Dutch writes them: "2", "1,5". */
function formatPoints(points: number): string {
  return new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 }).format(points);
}

export const t = {
  site: { name: 'Leergang Toegang', tagline: 'Leren en bijblijven voor de toegang tot jeugdhulp' },
  nav: {
    label: 'Hoofdmenu',
    skip: 'Naar de inhoud',
    modules: 'Modules',
    progress: 'Mijn voortgang',
    review: 'Herhalen',
    team: 'Team',
    account: 'Wachtwoord wijzigen',
    logout: 'Uitloggen',
    login: 'Inloggen',
    signedInAs: 'Ingelogd als',
  },
  roles: { learner: 'Professional', trainer: 'Opleider', admin: 'Beheerder' } satisfies Record<Role, string>,
  home: {
    title: 'Welkom bij de Leergang Toegang',
    intro:
      'Leer in je eigen tempo hoe je gezinnen samen met hen in beeld brengt, wanneer je wel en niet verwijst en hoe je op tijd handelt als een kind niet veilig is.',
    cta: 'Naar de modules',
    login: 'Log in om te beginnen',
  },
  login: {
    title: 'Inloggen',
    email: 'Werk-e-mailadres',
    password: 'Wachtwoord',
    submit: 'Inloggen',
    invalid: 'Dit e-mailadres en wachtwoord horen niet bij elkaar. Controleer ze en probeer het opnieuw.',
    throttled: (retryAfterMs: number) => `Te veel mislukte pogingen. Probeer het over ${waitTime(retryAfterMs)} opnieuw.`,
    noAccount: 'Nog geen account? Je opleider of beheerder stuurt je een uitnodiging.',
    useSso: 'Dit account logt in met het organisatie-account. Gebruik de knop hierboven.',
    or: 'Of log in met je e-mailadres en wachtwoord',
  },
  sso: {
    title: 'Inloggen met je organisatie-account',
    unreachable: 'Je organisatie-account is nu niet bereikbaar. Probeer het over een paar minuten opnieuw of log in met je wachtwoord.',
    cancelled: 'Inloggen met je organisatie-account is afgebroken. Je bent niet ingelogd.',
    tryAgain: 'Opnieuw proberen',
    toLogin: 'Naar de inlogpagina',
    throttled: (retryAfterMs: number) => `Te veel inlogpogingen vanaf dit adres. Probeer het over ${waitTime(retryAfterMs)} opnieuw.`,
    settingTitle: 'Inloggen met organisatie-account',
    settingIntro: (label: string) =>
      `Deze leergang is gekoppeld aan de inlog van je organisatie („${label}”). Zet inloggen met een wachtwoord uit voor accounts die aan een organisatie-account gekoppeld zijn: wie de organisatie verlaat, komt dan ook hier niet meer binnen. Accounts zonder koppeling houden hun wachtwoord.`,
    passwordOn: 'Wachtwoord mag ook (nu aan)',
    passwordOff: 'Alleen organisatie-account (wachtwoord uit)',
    passwordLabel: 'Inloggen met wachtwoord voor gekoppelde accounts',
    save: 'Instelling opslaan',
    saved: 'De instelling is opgeslagen.',
    linked: 'Gekoppeld aan een organisatie-account',
    notLinked: 'Niet gekoppeld',
    /** Why single sign-on did not let someone in (src/lib/auth/sso/sso-messages.ts). */
    refused: {
      deactivated: 'Je account is uitgeschakeld. Neem contact op met je opleider of de beheerder van de Leergang.',
      'email-not-verified':
        'Je organisatie-account geeft geen bevestigd e-mailadres door, dus we weten niet zeker wie je bent. Vraag je opleider om een uitnodiging.',
      'domain-not-allowed': 'Je organisatie-account hoort niet bij een gemeente die toegang heeft tot de Leergang. Vraag je opleider om een uitnodiging.',
      invalid: 'Inloggen met je organisatie-account is niet gelukt. Probeer het opnieuw.',
      expired: 'Deze inlogpoging is verlopen of al gebruikt. Probeer het opnieuw.',
    },
  },
  invitation: {
    title: 'Uitnodiging aannemen',
    intro: (email: string) => `Je bent uitgenodigd met het adres ${email}. Kies je naam en een wachtwoord.`,
    name: 'Je naam',
    password: 'Kies een wachtwoord',
    passwordRepeat: 'Herhaal het wachtwoord',
    submit: 'Account aanmaken',
    unknown: 'Deze uitnodiging bestaat niet. Controleer de link of vraag om een nieuwe.',
    expired: 'Deze uitnodiging is verlopen. Vraag je opleider om een nieuwe.',
    used: 'Deze uitnodiging is al gebruikt. Log in met je e-mailadres en wachtwoord.',
    emailTaken: 'Er bestaat al een account met dit e-mailadres. Log in of vraag om hulp.',
    existingAccount:
      'Er bestaat al een account met dit e-mailadres. Log in met dat account: daarna zie je de uitnodiging en kies je zelf of je het team in wilt.',
    logIn: 'Inloggen om de uitnodiging te bekijken',
    otherAccount: 'Deze uitnodiging is voor iemand anders. Je bent ingelogd met een ander account; log uit als de uitnodiging voor jou bedoeld is.',
  },
  teamInvitations: {
    title: 'Uitnodigingen voor een team',
    intro:
      'Een opleider wil je in een team. De opleiders van dat team zien dan je voortgang en je scores. Je beslist zelf: zonder jouw ja word je niet toegevoegd.',
    none: 'Er staan geen uitnodigingen voor je klaar.',
    team: (name: string) => (startsWithTeam(name) ? name : `Team: ${name}`),
    until: (date: string) => `Geldig tot ${date}`,
    accept: 'Ja, ik doe mee',
    decline: 'Nee, liever niet',
    accepted: (name: string) => `Je zit nu ${inTeam(name)}.`,
    declined: (name: string) => `Je hebt de uitnodiging voor ${name} afgeslagen. Je bent niet aan het team toegevoegd.`,
    unknown: 'Deze uitnodiging bestaat niet meer, is verlopen of is niet voor jou.',
    notice: (n: number) => (n === 1 ? 'Er staat een uitnodiging voor een team voor je klaar.' : `Er staan ${n} uitnodigingen voor een team voor je klaar.`),
    noticeLink: 'Bekijk en beslis',
  },
  password: {
    title: 'Wachtwoord wijzigen',
    current: 'Huidig wachtwoord',
    new: 'Nieuw wachtwoord',
    repeat: 'Herhaal het nieuwe wachtwoord',
    submit: 'Wachtwoord wijzigen',
    wrongCurrent: 'Je huidige wachtwoord klopt niet.',
    throttled: (retryAfterMs: number) => `Te vaak een verkeerd wachtwoord. Probeer het over ${waitTime(retryAfterMs)} opnieuw.`,
    changed: 'Je wachtwoord is gewijzigd. Je bent op andere apparaten uitgelogd.',
    hint: (min: number) => `Minstens ${min} tekens. Een zin van een paar woorden werkt goed.`,
    ssoOnly: 'Je logt in met je organisatie-account en hebt hier geen eigen wachtwoord. Je wachtwoord wijzig je bij je organisatie.',
  },
  reset: {
    forgotLink: 'Wachtwoord vergeten?',
    forgotTitle: 'Wachtwoord vergeten',
    forgotIntro:
      'Vul je werk-e-mailadres in. Hoort het bij een account, dan sturen we je een link om een nieuw wachtwoord te kiezen. Je voortgang en certificaten blijven bewaard.',
    forgotSubmit: 'Stuur me een link',
    sent: 'Als dit adres bij een account hoort, hebben we een e-mail gestuurd met een link. De link werkt één keer en een uur lang. Geen e-mail gekregen? Kijk in je spam of vraag je opleider of beheerder om een herstellink.',
    noMail: 'Deze leergang verstuurt geen e-mail. Vraag je opleider of beheerder om een herstellink: die maken ze voor je op je persoonlijke pagina.',
    throttled: (retryAfterMs: number) => `Te veel aanvragen. Probeer het over ${waitTime(retryAfterMs)} opnieuw.`,
    title: 'Nieuw wachtwoord kiezen',
    intro: (name: string) => `Kies een nieuw wachtwoord voor het account van ${name}. Daarna log je overal opnieuw in.`,
    submit: 'Wachtwoord opslaan',
    unknown: 'Deze link bestaat niet. Controleer of je de hele link hebt gekopieerd, of vraag een nieuwe aan.',
    expired: 'Deze link is verlopen: een herstellink werkt een uur. Vraag een nieuwe aan.',
    used: 'Deze link is al gebruikt. Vraag een nieuwe aan als je je wachtwoord opnieuw wilt wijzigen.',
    askNew: 'Nieuwe link aanvragen',
    done: 'Je wachtwoord is gewijzigd. Log in met je nieuwe wachtwoord.',
    create: 'Herstellink maken',
    createFor: (name: string) => `Herstellink maken voor ${name}`,
    createIntro:
      'Is de professional het wachtwoord vergeten? Maak een herstellink en geef die persoonlijk door. De link werkt één keer en een uur lang; de voortgang blijft bewaard.',
    created: (until: string) => `Herstellink gemaakt. Hij werkt één keer, tot ${until}. Geef hem alleen aan deze persoon.`,
    linkLabel: 'Herstellink',
    notAllowed: 'Een herstellink maak je alleen voor professionals in een team dat je begeleidt. Voor opleiders en beheerders maakt een beheerder de link.',
  },
  validation: {
    required: 'Vul dit veld in.',
    email: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl.',
    tooShort: (min: number) => `Gebruik minstens ${min} tekens.`,
    tooLong: (max: number) => `Gebruik hoogstens ${max} tekens.`,
    mismatch: 'De twee wachtwoorden zijn niet gelijk.',
    formHasErrors: 'Het formulier bevat fouten. Verbeter de velden hieronder.',
  },
  errors: {
    crossSite: 'Dit verzoek komt van een andere website en is geweigerd.',
    signInFirst: 'Log eerst in.',
    forbidden: 'Je hebt geen toegang tot deze pagina.',
    forbiddenTitle: 'Geen toegang',
    forbiddenBody: 'Deze pagina is alleen voor opleiders en beheerders. Denk je dat dit niet klopt? Neem contact op met je beheerder.',
    notFoundTitle: 'Pagina niet gevonden',
    notFoundBody: 'Deze pagina bestaat niet (meer). Misschien is de link veranderd.',
    serverTitle: 'Er ging iets mis',
    serverBody: 'Er ging aan onze kant iets mis. Je voortgang is bewaard. Probeer het over een moment opnieuw.',
    badForm: 'Dit formulier kon niet worden gelezen. Laad de pagina opnieuw en probeer het nog eens.',
    tooLarge: 'Wat je verstuurde is te groot.',
    busy: 'De database is even bezet. Er is niets opgeslagen; probeer het over een paar seconden opnieuw.',
    backHome: 'Naar de startpagina',
    methodNotAllowed: 'Dit soort verzoek kan deze website niet verwerken. Open de pagina gewoon in je browser.',
    badRequest: 'Dit verzoek kon niet worden gelezen. Controleer het adres en probeer het opnieuw.',
    notJson: 'Stuur de gegevens als JSON (Content-Type: application/json).',
    requestTooLarge: 'Het verzoek is te groot.',
    badJson: 'Dit is geen geldige JSON.',
  },
  catalog: {
    title: 'Modules',
    intro: 'Kies een module. Je voortgang wordt steeds bewaard, dus je kunt altijd stoppen en later verder.',
    minutes: (n: number) => `${n} min`,
    audience: { nieuw: 'nieuwe medewerker', ervaren: 'ervaren medewerker' },
    forAudience: 'Vooral voor',
    start: 'Beginnen',
    resume: 'Verder waar je was',
    review: 'Bekijken',
    progressLabel: (title: string) => `Voortgang ${title}`,
    empty: 'Er zijn nog geen modules.',
  },
  /** A person's status in a module, the same words for the learner and the trainer (module-status.ts checks that every status has one). */
  status: { 'niet-begonnen': 'Niet begonnen', bezig: 'Bezig', afgerond: 'Afgerond', 'te-laat': 'Te laat' },
  module: {
    goals: 'Leerdoelen',
    lessons: 'Lessen',
    questions: 'Oefenvragen',
    questionsIntro: (count: number) =>
      `Oefen met ${count} casusvragen. Je krijgt meteen feedback en mag elke vraag zo vaak proberen als je wilt. Oefenen telt niet voor je certificaat.`,
    toQuestions: 'Naar de oefenvragen',
    toets: 'Afsluitende toets',
    toetsIntro: (count: number, passMark: number) =>
      `Je rondt de module af met een toets van ongeveer ${count} vragen. Je hebt ${passMark}% nodig. In de toets telt je eerste antwoord en zie je de uitslag pas als je hem inlevert.`,
    toToets: 'Naar de toets',
    completedBeforeToets: 'Afgerond vóór de afsluitende toets bestond.',
    lessonDone: 'Gelezen',
    lessonTestedOut: 'Overgeslagen (getoetst)',
    lessonOpened: 'Begonnen',
    lessonTodo: 'Nog niet gelezen',
    completed: (date: string, score: number) => `Afgerond op ${date} met een score van ${score}%.`,
    certificate: 'Bekijk je certificaat',
    score: 'Score',
    version: 'Versie',
  },
  lesson: {
    progress: (n: number, total: number) => `Les ${n} van ${total}`,
    goals: 'Na deze les kun je',
    complete: 'Les afronden en verder',
    completeLast: 'Les afronden en naar de toets',
    completed: 'Je hebt deze les afgerond.',
    next: 'Volgende les',
    previous: 'Vorige les',
    toQuestions: 'Naar de oefenvragen',
    backToModule: 'Terug naar de module',
    readingTime: (n: number) => `Leestijd ongeveer ${n} minuten`,
    questionLabel: 'Vraag bij deze les',
  },
  question: {
    typeLabel: {
      single: 'Kies één antwoord',
      multiple: 'Kies alle juiste antwoorden',
      order: 'Zet in de juiste volgorde',
      branching: 'Casus met beslissingen',
    },
    submit: 'Antwoord controleren',
    retry: 'Opnieuw proberen',
    correct: 'Goed',
    partlyCorrect: 'Gedeeltelijk goed',
    wrong: 'Niet goed',
    yourChoice: 'jouw keuze',
    rightAnswer: 'juist antwoord',
    position: (n: number) => `Positie ${n}`,
    positionFor: (item: string) => `Positie van: ${item}`,
    correctPosition: (n: number) => `hoort op plek ${n}`,
    correctOrder: 'De juiste volgorde',
    branchStep: (step: number) => `Stap ${step}: wat doe je?`,
    choiceMade: 'Jouw keuze',
    consequence: 'Wat er gebeurt',
    debrief: 'Nabespreking',
    redLine: 'De casus stopt hier. Deze keuze laat een kind in acuut gevaar achter. Wat je eerder goed deed, weegt daar niet tegenop.',
    pathQuality: { goed: 'sterke keuze', matig: 'kan beter', onjuist: 'onjuiste keuze' },
    scoreOf: (score: number) => `Score: ${score}%`,
    answeredBefore: 'Dit is de feedback op je laatste antwoord. Je mag opnieuw oefenen.',
    inOpenToets: 'Deze vraag zit in je toets die nog openstaat. Je ziet hem hier weer als je de toets hebt ingeleverd.',
    notProcessed: 'Antwoord niet verwerkt',
    backToQuestion: 'Terug naar de vraag',
    changed: 'Deze vraag is gewijzigd sinds je haar beantwoordde. Beantwoord haar opnieuw.',
    unknown: 'Deze vraag bestaat niet (meer).',
    notFinished: 'Kies een van de mogelijkheden om verder te gaan.',
    saved: 'Je antwoord is opgeslagen.',
    caseStart: 'Start casus',
  },
  /** Why an answer was not taken (src/lib/learning/, the scoring in src/lib/quiz/, the toets in src/lib/toets/). */
  answer: {
    inOpenToets: 'Deze vraag zit in je toets die nog openstaat. Beantwoord hem in de toets; na het inleveren kun je hem weer oefenen.',
    noOpenToets: 'Je hebt voor deze module geen toets openstaan. Start de toets opnieuw vanaf de toetspagina.',
    notInDraw: 'Deze vraag hoort niet bij je toets.',
    stepTaken: 'Deze stap van de casus is al gezet, bijvoorbeeld in een ander venster. Laad de pagina opnieuw.',
    wrongStep: 'Deze keuze hoort niet bij deze stap van de casus. Laad de pagina opnieuw.',
    /** An answer of another type than the question (e.g. a single choice for a branching case). */
    wrongType: 'Dit antwoord hoort niet bij deze vraag.',
    caseNotFinished: 'De casus is nog niet afgerond.',
    alreadyAnswered: 'Deze vraag heb je in deze toets al beantwoord. In een toets telt je eerste antwoord.',
    toetsClosed: 'Deze toets is al ingeleverd. Je antwoord is niet opgeslagen.',
    keyUsed: 'Dit formulier is al gebruikt voor een ander antwoord. Laad de pagina opnieuw en antwoord nog een keer.',
    /** Scoring refuses an answer it cannot score (src/lib/quiz/score-answer.ts, option-tokens.ts). */
    chooseOne: 'Kies een van de antwoorden.',
    chooseAtLeastOne: 'Kies minstens één antwoord.',
    unknownChoice: 'Een gekozen antwoord hoort niet bij deze vraag.',
    unknownChoiceReload: 'Een gekozen antwoord hoort niet bij deze vraag. Laad de pagina opnieuw.',
    unknownStepReload: 'Een stap hoort niet bij deze vraag. Laad de pagina opnieuw.',
    eachStepOnce: 'Zet elke stap precies één keer op een plek.',
    choiceNotInStep: 'Deze keuze hoort niet bij deze stap van de casus.',
    caseAlreadyEnded: 'De casus was al afgelopen.',
    oneDecisionAtATime: 'Een vertakte casus beantwoord je stap voor stap.',
    /** The JSON endpoint's refusal of a malformed answer: which field, and zod's reason. */
    invalid: (field: string, reason: string) => `Ongeldig antwoord (${field || 'invoer'}): ${reason}`,
    /** zod's reasons for a malformed answer (src/lib/quiz/answer-from-form.ts, answer-schemas.ts), shown after `invalid`. */
    reason: {
      unknownChoice: 'onbekende keuze',
      duplicateChoice: 'een keuze staat er dubbel in',
      unknownModule: 'onbekende module',
      unknownQuestion: 'onbekende vraag',
      formExpired: 'formulier is verlopen: laad de pagina opnieuw',
      unknownContext: 'onbekende plek van de vraag',
    },
  },
  questions: {
    title: (module: string) => `Oefenvragen: ${module}`,
    intro:
      'Oefen zo vaak als je wilt: je krijgt na elk antwoord meteen feedback. Oefenen telt niet voor je certificaat; daarvoor maak je de afsluitende toets.',
    question: (n: number, total: number) => `Vraag ${n} van ${total}`,
    next: 'Volgende vraag',
    previous: 'Vorige vraag',
    overview: 'Overzicht van de vragen',
    notAnswered: 'Nog niet beantwoord',
    best: (score: number) => `Beste score ${score}%`,
    practiceScore: (score: number) => `Je oefenscore: ${score}% (beste antwoord per vraag).`,
    moduleCompleted: 'Gefeliciteerd, je hebt de module afgerond!',
  },
  reflection: {
    label: 'Reflectievraag',
    private: 'Alleen jij ziet wat je hier schrijft. Je opleider kan het niet lezen.',
    save: 'Bewaren',
    saved: 'Bewaard.',
    tooLong: (max: number) => `Je tekst is te lang: hoogstens ${max} tekens.`,
  },
  kernpunt: 'Kernpunt',
  casus: 'Casus',
  bron: 'Bron',
  progress: {
    title: 'Mijn voortgang',
    intro: 'Hier zie je per module hoe ver je bent. Een certificaat kun je afdrukken of als pdf bewaren voor je SKJ-registratie.',
    module: 'Module',
    status: 'Status',
    score: 'Toets',
    toetsAttempts: 'Toetspogingen',
    toetsPassed: (score: number) => `beste toetsscore ${score}% (gehaald)`,
    /** ModuleProgress.percent: the lessons and the toets are the steps of a module. */
    stepsDone: (percent: number) => `${percent}% van de lessen en de toets gedaan`,
    toetsNotPassed: (n: number) => `niet gehaald (${n}×)`,
    beforeToets: 'afgerond vóór de toets',
    completedOn: 'Afgerond op',
    studyTime: 'Studietijd',
    certificate: 'Certificaat',
    showCertificate: (module: string) => `Certificaat ${module}`,
    none: '—',
    minutes: (n: number) => `${n} min`,
  },
  certificate: {
    title: 'Certificaat van deelname',
    issuedBy: 'Uitgegeven door',
    body: 'Hierbij verklaren wij dat',
    completed: 'de e-learningmodule',
    completedWithTest: (score: number, passMark: number) => `heeft afgerond, inclusief de afsluitende toets (score ${score}%, norm ${passMark}%).`,
    completedBeforeToets: (score: number) =>
      `heeft afgerond met een score van ${score}% op de toetsvragen. Deze module is afgerond vóór de afsluitende toets bestond.`,
    details: 'Gegevens van dit certificaat',
    toetsDate: 'Datum van de toets',
    toetsScore: 'Toetsscore',
    toetsScoreValue: (score: number, passMark: number) => `${score}% (norm ${passMark}%)`,
    date: 'Datum van afronding',
    studyTime: 'Gemeten studietijd',
    estimated: 'Geschatte studielast',
    version: 'Inhoudsversie',
    accreditation: 'Accreditatie',
    accreditationValue: (a: { number: string; points?: number; body?: string }) =>
      [a.body ? `${a.body} ${a.number}` : a.number, a.points === undefined ? null : `${formatPoints(a.points)} ${a.points === 1 ? 'punt' : 'punten'}`]
        .filter(Boolean)
        .join(', '),
    noAccreditation: 'Geen accreditatie aangevraagd',
    verifyAt: 'Controleer dit certificaat op',
    code: 'Controlecode',
    print: 'Afdrukken of bewaren als pdf: kies Afdrukken in je browser (Ctrl+P of ⌘P) en dan ‘Opslaan als pdf’. Het certificaat past op één A4.',
    notCompleted: 'Je hebt deze module nog niet afgerond. Het certificaat verschijnt zodra je dat hebt gedaan.',
  },
  verifyCertificate: {
    title: 'Certificaat controleren',
    intro:
      'Heb je een certificaat van de Leergang Toegang gekregen, bijvoorbeeld als werkgever of voor het SKJ-register? Vul de controlecode in die onderaan het certificaat staat. Je ziet dan of het certificaat echt is.',
    codeLabel: 'Controlecode',
    codeHint: '20 tekens: letters en de cijfers 2 tot en met 7, bijvoorbeeld ABCD-EFGH-JKLM-NPQR-ST23',
    submit: 'Controleren',
    badCode: 'Dit is geen geldige controlecode. Een code heeft 20 tekens: letters en de cijfers 2 tot en met 7. Streepjes en spaties mogen.',
    valid: 'Dit certificaat is geldig.',
    name: 'Naam',
    module: 'Module',
    version: 'Inhoudsversie',
    date: 'Afgerond op',
    issuedBy: 'Uitgegeven door',
    code: 'Controlecode',
    onlyThis: 'Deze pagina laat alleen zien wat op het certificaat staat om het te controleren. Andere gegevens van de deelnemer delen we niet.',
    revokedTitle: 'Certificaat niet meer geldig',
    revoked: 'Dit certificaat is niet meer geldig. Het account van de deelnemer is verwijderd. Daarom bewaren we geen gegevens meer over dit certificaat.',
    unknownTitle: 'Certificaat niet gevonden',
    unknown: 'We vinden geen certificaat met deze controlecode. Kijk of je de code goed hebt overgenomen en probeer het opnieuw.',
    another: 'Een andere code controleren',
  },
  teams: {
    title: 'Teams',
    intro: 'Kies een team om de voortgang te zien, collega’s uit te nodigen en leerpaden toe te wijzen.',
    none: 'Je beheert nog geen teams. Maak hieronder een team aan.',
    name: 'Naam van het team',
    members: (n: number) => `${n} ${n === 1 ? 'professional' : 'professionals'}`,
    create: 'Team aanmaken',
    created: (name: string) => (startsWithTeam(name) ? `„${name}” is aangemaakt.` : `Team „${name}” is aangemaakt.`),
    newTeam: 'Nieuw team',
    allAccounts: 'Alle accounts',
    analysis: 'Vraaganalyse per module',
    analysisIntro: 'Zie welke vragen te makkelijk, te moeilijk of misleidend zijn.',
    preview: 'Voorbeeld met antwoorden',
    draft: 'concept',
  },
  dashboard: {
    title: (team: string) => teamTitle(team),
    invite: 'Collega’s uitnodigen',
    paths: 'Leerpaden toewijzen',
    export: 'Voortgang downloaden (CSV)',
    progress: 'Voortgang per professional',
    filterStatus: 'Toon status',
    filterModule: 'Module',
    allStatuses: 'Alle',
    allModules: 'Alle modules',
    sort: 'Sorteer op',
    sortName: 'Naam',
    sortProgress: 'Afgeronde modules',
    apply: 'Toepassen',
    showChart: 'Grafiek tonen',
    professional: 'Professional',
    noMembers: 'Dit team heeft nog geen professionals. Nodig collega’s uit.',
    cell: (status: string, score: number) => `${status}, score ${score}%`,
    toetsScore: (score: number) => `toets ${score}%`,
    toetsAttempts: (n: number) => `${n} ${n === 1 ? 'toetspoging' : 'toetspogingen'}, niet gehaald`,
    beforeToets: 'vóór de toets',
    completedChart: 'Afgerond per module',
    completedChartLabel: (module: string, pct: number, n: number, total: number) => `${module}: ${pct}% (${n} van ${total})`,
    overTimeChart: 'Afgeronde modules in de afgelopen 12 weken (percentage van alles)',
    pathOverTime: (path: string) => `Voortgang van leerpad „${path}” in de afgelopen 12 weken`,
    overTimeLabel: (week: string, n: number) => `week van ${week}: ${n} afgerond in totaal`,
    chartAsTable: 'Toon als tabel',
    week: 'Week vanaf',
    total: 'Totaal afgerond',
    percentCompleted: 'Percentage afgerond',
    olderVersion: (version: string) => `afgerond op versie ${version}`,
    olderVersions: 'Afgerond op een oudere versie',
    olderVersionsIntro: 'Deze professionals rondden een module af vóór de laatste inhoudelijke wijziging. Vernieuwde vragen komen vanzelf in hun herhaling.',
    trainers: 'Opleiders van dit team',
  },
  /** The team's progress as CSV (src/lib/reports/progress-csv.ts): the column names, and the cell for "yes". */
  progressCsv: {
    header: [
      'Naam',
      'E-mailadres',
      'Team',
      'Module',
      'Status',
      'Toetspogingen',
      'Beste gehaalde toetsscore (%)',
      'Afgerond op',
      'Afgerond vóór de toets',
      'Versie bij afronding',
      'Huidige versie',
    ],
    yes: 'ja',
  },
  invite: {
    title: (team: string) => `Collega’s uitnodigen voor ${team}`,
    intro:
      'Plak een lijst (naam, werk-e-mailadres, team) of kies een CSV-bestand. Je ziet eerst een voorbeeld; er wordt pas iets opgeslagen als je bevestigt. Daarna zie je de links om te kopiëren; is er een mailserver ingesteld, dan worden ze ook gemaild.',
    list: 'Lijst met collega’s',
    listHint: 'Eén collega per regel: naam, e-mailadres en eventueel een team. Komma, puntkomma of tab mag.',
    file: 'Of kies een CSV-bestand',
    role: 'Rol',
    preview: 'Voorbeeld bekijken',
    confirm: (n: number) => `${n} ${n === 1 ? 'uitnodiging' : 'uitnodigingen'} maken`,
    rows: 'Voorbeeld',
    line: 'Regel',
    status: 'Controle',
    ok: 'In orde',
    trainerRoleAdminOnly:
      'Alleen een beheerder kan iemand de rol opleider geven. Nodig collega’s uit als professional; vraag de beheerder om opleidersrechten.',
    invalidCount: (n: number) =>
      `${n} ${n === 1 ? 'regel bevat' : 'regels bevatten'} een fout en ${n === 1 ? 'wordt' : 'worden'} overgeslagen. Verbeter de lijst of ga verder met de goede regels.`,
    empty: 'De lijst is leeg.',
    tooMany: (max: number) => `Je kunt hoogstens ${max} regels tegelijk invoeren.`,
    done: 'Uitnodigingen gemaakt. Een link werkt één keer en 7 dagen lang. Is er geen e-mail verstuurd, kopieer de link dan en stuur hem zelf naar de collega.',
    resultCaption: 'Resultaat van de uitnodigingen',
    link: 'Link',
    mail: 'E-mail',
    mailSent: 'verstuurd',
    mailFailed: (reason: string) => `niet verstuurd (${reason}); kopieer de link`,
  },
  paths: {
    title: (team: string) => `Leerpaden voor ${team}`,
    intro:
      'Een leerpad is een reeks modules in volgorde, met een datum waarop het af moet zijn. Wijs het toe aan het hele team (ook aan wie later instroomt) of aan één professional.',
    existing: 'Leerpaden',
    none: 'Er zijn nog geen leerpaden.',
    create: 'Nieuw leerpad',
    name: 'Naam van het leerpad',
    modules: 'Modules (in deze volgorde)',
    order: (title: string) => `Plek van ${title}`,
    notIncluded: 'Niet in het leerpad',
    position: (n: number) => `Plek ${n}`,
    save: 'Leerpad opslaan',
    assign: 'Leerpad toewijzen',
    path: 'Leerpad',
    to: 'Aan',
    wholeTeam: 'Het hele team',
    dueDate: 'Af op (datum)',
    assignSubmit: 'Toewijzen',
    assigned: 'Toegewezen.',
    createdPath: 'Leerpad opgeslagen.',
    current: 'Toewijzingen',
    noModules: 'Kies minstens één module.',
    badDate: 'Kies een datum.',
    choosePath: 'Kies een leerpad.',
    chooseTo: 'Kies aan wie je het leerpad toewijst.',
  },
  myPaths: {
    title: 'Jouw leerpad',
    due: (date: string) => `Af op ${date}`,
    overdue: 'Te laat',
    next: 'Volgende',
    done: 'Klaar',
    viaTeam: 'via je team',
  },
  analysis: {
    title: (module: string) => `Vraaganalyse: ${module}`,
    intro:
      'Per vraag: hoeveel professionals haar maakten, hoeveel er bij de eerste poging goed zaten (moeilijkheid), en of wie de module goed maakt deze vraag ook goed maakt (onderscheidend vermogen).',
    scope: (n: number) => `Gebaseerd op ${n} ${n === 1 ? 'professional' : 'professionals'}.`,
    team: 'Team',
    allTeams: 'Al mijn teams',
    question: 'Vraag',
    attempts: 'Pogingen',
    learners: 'Professionals',
    facility: 'Eerste keer goed',
    discrimination: 'Onderscheidend vermogen',
    flags: 'Signalen',
    options: 'Gekozen antwoorden',
    misconceptions: 'Meest voorkomende misverstanden',
    noData: 'Nog geen antwoorden.',
    flag: {
      'te-weinig-pogingen': 'Te weinig pogingen om iets te zeggen',
      'bijna-iedereen-fout': 'Bijna iedereen heeft het fout: is de vraag of het antwoord juist?',
      'afleider-vaker-gekozen': 'Een fout antwoord wordt vaker gekozen dan het goede: misleidend?',
      'negatieve-discriminatie': 'Wie de module goed maakt, maakt deze vraag vaker fout: controleer de sleutel',
      'te-makkelijk': 'Vrijwel iedereen heeft het goed: te makkelijk?',
    } as Record<string, string>,
    definitions: 'Uitleg bij de getallen',
    definitionFacility: 'Eerste keer goed: het deel van de professionals dat bij de eerste poging het volledig goede antwoord gaf.',
    definitionDiscrimination:
      'Onderscheidend vermogen: de samenhang (van -1 tot 1) tussen de score op deze vraag en de score op de andere vragen van de module, bij de eerste poging. Boven 0,2 is goed; onder 0 is een waarschuwing.',
    definitionMin: (n: number) => `Bij minder dan ${n} professionals zeggen de getallen weinig; dan staat er geen signaal.`,
    key: 'juist',
  },
  preview: {
    title: (module: string) => `Voorbeeld met antwoorden: ${module}`,
    intro: 'Alleen voor opleiders: elke vraag met het juiste antwoord en alle feedback.',
    correct: 'Juist',
    wrong: 'Onjuist',
    misconception: 'misverstand',
    next: 'daarna',
    ends: 'einde casus',
    redLine: 'rode lijn',
  },
  person: {
    title: (name: string) => `Voortgang van ${name}`,
    tableCaption: (name: string) => `Voortgang per module van ${name}`,
    noReflections: 'Reflecties zijn privé en staan hier niet.',
    attempts: 'Pogingen',
    lastAttempt: 'Laatste poging',
  },
  team: {
    title: 'Team',
    intro: 'Overzicht van de professionals en hun voortgang, en uitnodigingen voor nieuwe collega’s.',
    people: 'Professionals',
    name: 'Naam',
    email: 'E-mailadres',
    role: 'Rol',
    completed: 'Afgeronde modules',
    overdue: 'Achterstallige herhalingen',
    forgotten: 'Vaakst vergeten vragen',
    forgottenIntro:
      'Vragen die bij het herhalen fout gingen nadat ze eerder goed waren. Een hoog getal kan wijzen op een lastig onderwerp, of op een vraag die beter kan.',
    forgottenNone: 'Nog geen vergeten vragen.',
    question: 'Vraag',
    module: 'Module',
    lapses: 'Keer vergeten',
    lapsePeople: 'Professionals',
    invite: 'Collega uitnodigen',
    inviteEmail: 'Werk-e-mailadres van de collega',
    inviteRole: 'Rol',
    inviteSubmit: 'Uitnodiging maken',
    inviteCreated: (email: string) => `Uitnodiging voor ${email} gemaakt. Kopieer de link en stuur hem zelf door; hij is 7 dagen geldig en werkt één keer.`,
    inviteExists: 'Er bestaat al een account met dit e-mailadres.',
    inviteLink: 'Uitnodigingslink',
    chooseRole: 'Kies een rol.',
    trainerCannotInviteAdmin: 'Alleen een beheerder kan een beheerder uitnodigen.',
  },
  logout: { done: 'Je bent uitgelogd.' },
  myData: {
    title: 'Mijn gegevens',
    intro:
      'Je kunt alles wat de Leergang Toegang over jou bewaart downloaden, en je account verwijderen. Lees in de privacyverklaring wat we bewaren en waarom.',
    download: 'Download mijn gegevens (JSON)',
    deleteTitle: 'Account verwijderen',
    deleteIntro:
      'Hiermee verdwijnen je account, je voortgang, je reflecties, je herhaalschema en je certificaten. Je antwoorden blijven alleen naamloos bewaard voor de vraagstatistiek. Dit kun je niet ongedaan maken. Bewaar eerst je certificaten als je die nodig hebt.',
    confirmLabel: 'Typ je e-mailadres ter bevestiging',
    passwordLabel: 'Je wachtwoord',
    deleteSubmit: 'Mijn account definitief verwijderen',
    mismatch: 'Het e-mailadres of wachtwoord klopt niet. Je account is niet verwijderd.',
    throttled: (retryAfterMs: number) => `Te vaak een verkeerd wachtwoord. Je account is niet verwijderd. Probeer het over ${waitTime(retryAfterMs)} opnieuw.`,
    deleted: 'Het account en alle bijbehorende gegevens zijn verwijderd.',
    privacyLink: 'Privacyverklaring',
    ssoConfirm:
      'Je logt in met je organisatie-account. Log voor de zekerheid eerst opnieuw in met je organisatie-account; daarna heb je tien minuten om je account te verwijderen.',
    ssoLoginAgain: 'Opnieuw inloggen met je organisatie-account',
    ssoNotRecent: 'Log eerst opnieuw in met je organisatie-account (de knop hieronder). Je account is niet verwijderd.',
    emailMismatch: 'Het e-mailadres klopt niet. Je account is niet verwijderd.',
    exportNote: 'Alle gegevens die de Leergang Toegang over jou bewaart. Tijden zijn milliseconden sinds 1-1-1970 (UTC).',
  },
  accounts: {
    title: 'Accounts beheren',
    nav: 'Beheer',
    intro: 'Zoek een account, wijzig de rol, blokkeer of deblokkeer het. Elke wijziging komt in het auditlogboek.',
    search: 'Zoek op naam of e-mailadres',
    searchForm: 'Accounts zoeken',
    role: 'Rol',
    team: 'Team',
    status: 'Status',
    all: 'Alle',
    noTeam: 'geen team',
    statuses: { actief: 'Actief', geblokkeerd: 'Geblokkeerd' },
    apply: 'Zoeken',
    clear: 'Filters wissen',
    found: (n: number) => (n === 1 ? '1 account gevonden' : `${n} accounts gevonden`),
    none: 'Geen accounts gevonden met deze zoekopdracht of filters.',
    caption: (page: number, pages: number) => `Accounts, pagina ${page} van ${pages}`,
    name: 'Naam',
    email: 'E-mailadres',
    teams: 'Teams',
    lastLogin: 'Laatst ingelogd',
    never: 'nog nooit',
    completed: 'Afgeronde modules',
    pagination: 'Paginering',
    previous: 'Vorige pagina',
    next: 'Volgende pagina',
    pageOf: (page: number, pages: number) => `Pagina ${page} van ${pages}`,
    invitations: 'Openstaande uitnodigingen',
    manage: (name: string) => `Account van ${name}`,
    created: 'Account gemaakt',
    changeRole: 'Rol wijzigen',
    newRole: 'Nieuwe rol',
    saveRole: 'Rol opslaan',
    block: 'Account blokkeren',
    blockIntro: 'Een geblokkeerd account kan niet meer inloggen en wordt meteen overal uitgelogd. Voortgang en certificaten blijven bewaard.',
    unblock: 'Account deblokkeren',
    unblockIntro: 'Dit account is geblokkeerd. Deblokkeren laat de persoon weer inloggen met het eigen wachtwoord.',
    blocked: 'Account geblokkeerd en overal uitgelogd.',
    unblocked: 'Account gedeblokkeerd: de persoon kan weer inloggen.',
    roleChanged: (role: string) => `Rol gewijzigd in ${role}.`,
    /** Why a change of role or status was refused (src/lib/auth/manage-account.ts): on the admin's page and in `npm run admin`. */
    refused: {
      unknown: 'Dit account bestaat niet meer.',
      self: 'Dit is je eigen account. Je eigen rol en status wijzigt een andere beheerder.',
      'last-admin': 'Dit is de laatste actieve beheerder. Maak eerst iemand anders beheerder.',
      unchanged: 'Er is niets gewijzigd: het account had die rol of status al.',
    },
    otherActions: 'Overige acties',
    data: 'Gegevens en verwijderen',
  },
  invitationsAdmin: {
    title: 'Openstaande uitnodigingen',
    intro:
      'Uitnodigingen die nog niet gebruikt zijn. Vernieuwen maakt een nieuwe link die een week geldig is; de oude link werkt dan niet meer. Intrekken maakt de link ongeldig.',
    none: 'Er staan geen uitnodigingen open.',
    caption: (total: number) => `Openstaande uitnodigingen (${total})`,
    invitee: 'Uitgenodigd',
    role: 'Rol',
    team: 'Team',
    invitedBy: 'Door',
    validUntil: 'Geldig tot',
    expired: 'verlopen',
    existing: 'heeft al een account (teamuitnodiging)',
    renew: 'Vernieuwen',
    renewFor: (email: string) => `Uitnodiging voor ${email} vernieuwen`,
    revoke: 'Intrekken',
    revokeFor: (email: string) => `Uitnodiging voor ${email} intrekken`,
    renewed: (email: string, until: string) => `Nieuwe uitnodiging voor ${email}, geldig tot ${until}. De vorige link werkt niet meer.`,
    mailed: 'De link is ook per e-mail verstuurd.',
    mailFailed: (reason: string) => `De e-mail kon niet worden verstuurd (${reason}). Geef de link op een andere manier door.`,
    revoked: (email: string) => `Uitnodiging voor ${email} ingetrokken. De link werkt niet meer.`,
    gone: 'Deze uitnodiging staat niet meer open: ze is net gebruikt, vernieuwd of ingetrokken.',
    link: 'Uitnodigingslink',
  },
  admin: {
    download: (name: string) => `Gegevens van ${name} downloaden`,
    delete: (name: string) => `Account van ${name} verwijderen`,
    deleteConfirm: 'Op verzoek van de professional (AVG). Dit kan niet ongedaan worden gemaakt.',
    actions: 'Acties',
    cannotDeleteSelf: 'Je eigen account verwijder je via Mijn gegevens.',
  },
  footer: { privacy: 'Privacy', accessibility: 'Toegankelijkheid', myData: 'Mijn gegevens' },
  review: {
    title: 'Herhalen',
    intro: 'Korte herhaling houdt je kennis fris. Vragen die je fout had, komen snel terug; vragen die je goed had, steeds later.',
    dueNow: (n: number) => (n === 0 ? 'Er staat nu niets klaar om te herhalen.' : `${n} ${n === 1 ? 'vraag staat' : 'vragen staan'} nu klaar.`),
    dueLater: (n: number) => (n === 0 ? '' : `In de komende zeven dagen ${n === 1 ? 'komt er nog 1 vraag' : `komen er nog ${n} vragen`} bij.`),
    goal: (done: number, goal: number) => `Dagdoel: ${Math.min(done, goal)} van ${goal} herhaald.`,
    goalCapped: (configured: number, target: number) =>
      `Je dagdoel is ${configured} vragen, maar vandaag ${target === 1 ? 'staat er 1 vraag' : `staan er ${target} vragen`} klaar. Meer is er vandaag niet te herhalen.`,
    countsAsReview: 'Alleen je eerste antwoord op een vraag die klaarstaat telt als herhaling en bepaalt wanneer hij terugkomt. Opnieuw proberen is oefenen.',
    goalLabel: 'Dagdoel herhalen',
    goalReached: 'Dagdoel gehaald. Goed bezig!',
    revised: 'Deze vraag is vernieuwd sinds je de module afrondde.',
    next: 'Volgende vraag',
    queue: 'Klaar om te herhalen',
    allDone: 'Je bent bij. Kom morgen terug of bekijk je modules.',
    from: (module: string) => `Uit: ${module}`,
    emptyIntro: 'Beantwoord vragen in een module; daarna verschijnen ze hier op het juiste moment.',
  },
  checkin: {
    title: (module: string) => `Instaptoets: ${module}`,
    link: 'Instaptoets: sla over wat je al weet',
    intro: (count: number) =>
      `Ken je dit onderwerp al? Beantwoord korte casusvragen, één per les (hoogstens ${count}). Heb je de vraag van een les meteen goed, dan mag je die les overslaan. Om de module af te ronden maak je daarna nog steeds de afsluitende toets.`,
    rules:
      'Zo blijft de instaptoets eerlijk: je eerste antwoord telt. Een vraag die je al eerder zag, komt niet terug. Een les die je in de instaptoets niet goed had, lees je. Een nieuwe instaptoets kan pas na een wachttijd.',
    waitUntil: (when: string) => `Een nieuwe instaptoets kan vanaf ${when}.`,
    nothingLeft: 'Er is niets meer te toetsen: voor de lessen die je nog niet hebt afgerond, zijn geen nieuwe vragen meer. Lees die lessen.',
    notAsked: 'Niet in de instaptoets: lees deze les.',
    firstAnswerCounts: 'In de instaptoets telt je eerste antwoord. Hierboven zie je de feedback.',
    start: 'Start de instaptoets',
    again: 'Nieuwe instaptoets',
    results: 'Uitslag per les',
    known: 'Je kent deze les: je mag haar overslaan.',
    notKnown: 'Nog niet helemaal: lees deze les.',
    open: 'Nog niet beantwoord.',
    markKnown: (lesson: string) => `Markeer „${lesson}” als bekend`,
    markedKnown: 'Overgeslagen (getoetst)',
    notAllowed: 'Deze les kun je pas overslaan als je de vraag uit de instaptoets goed hebt.',
    toModule: 'Naar de module',
  },
  toets: {
    title: (module: string) => `Afsluitende toets: ${module}`,
    intro: (count: number, passMark: number) =>
      `De toets telt voor je certificaat. Hij bestaat uit ${count} vragen uit deze module. Bij elke vraag telt je eerste antwoord; je ziet pas na het inleveren wat goed en fout was. Je hebt ${passMark}% nodig.`,
    lessonsFirst: 'Rond eerst alle lessen af (lezen of overslaan via de instaptoets). Daarna kun je de toets maken.',
    lessonsLeft: 'Nog af te ronden:',
    start: 'Start de toets',
    startAgain: 'Start een nieuwe toets',
    waitUntil: (when: string) =>
      `Je hebt de toets niet gehaald. Neem de tijd om de lessen en oefenvragen nog eens door te nemen. Je kunt de toets opnieuw maken vanaf ${when}.`,
    progress: (answered: number, total: number) => `${answered} van ${total} vragen beantwoord`,
    answerSaved: 'Je antwoord is opgeslagen. Je ziet de uitslag als je de toets inlevert.',
    handIn: 'Toets inleveren',
    handInWarning: (open: number) =>
      open === 0
        ? 'Je hebt alle vragen beantwoord. Na het inleveren zie je je uitslag en de feedback.'
        : `Je hebt nog ${open} ${open === 1 ? 'vraag' : 'vragen'} niet beantwoord. Een vraag zonder antwoord telt als fout.`,
    question: (n: number, total: number) => `Toetsvraag ${n} van ${total}`,
    passed: (score: number, passMark: number) => `Gehaald: je score is ${score}% (nodig: ${passMark}%).`,
    failed: (score: number, passMark: number) => `Niet gehaald: je score is ${score}% (nodig: ${passMark}%).`,
    moduleCompleted: 'Je hebt de module afgerond.',
    feedback: 'Feedback per vraag',
    notAnswered: 'Niet beantwoord: telt als fout.',
    attempts: 'Eerdere pogingen',
    attempt: 'Poging',
    date: 'Datum',
    score: 'Score',
    result: 'Uitslag',
    resultPassed: 'Gehaald',
    resultFailed: 'Niet gehaald',
    resultOpen: 'Nog bezig',
    showResult: (n: number) => `Bekijk uitslag poging ${n}`,
    handedIn: 'Je toets is ingeleverd.',
    notFound: 'Deze toets bestaat niet.',
    changed: 'Deze vraag is na je toets gewijzigd; de feedback van toen is niet meer te tonen.',
    certificateLine: (score: number, date: string) => `Afsluitende toets gehaald met ${score}% op ${date}.`,
    none: 'Nog geen toets gemaakt.',
    bestPassed: (score: number) => `Beste score ${score}%`,
  },
  /** The e-mails (src/lib/mail/): plain text, one line per entry. */
  mail: {
    greeting: (name: string) => `Beste ${name || 'collega'},`,
    invitationSubject: 'Uitnodiging voor de Leergang Toegang',
    invited: (teamName?: string) => `Je bent uitgenodigd voor de Leergang Toegang${teamName ? `, ${inTeam(teamName)}` : ''}.`,
    invitedExisting: 'Je hebt al een account. Open deze link, log in en kies of je het team in wilt. Zonder jouw ja word je niet toegevoegd:',
    invitedNew: 'Open deze link, kies je naam en een wachtwoord, en je kunt beginnen:',
    invitationValid: (until: string) => `De link werkt één keer en is geldig tot ${until}.`,
    invitationUnexpected: 'Verwachtte je deze e-mail niet? Dan kun je hem negeren.',
    resetSubject: 'Nieuw wachtwoord voor de Leergang Toegang',
    resetIntro: 'Je hebt gevraagd om een nieuw wachtwoord voor de Leergang Toegang. Open deze link en kies een nieuw wachtwoord:',
    resetValid: (until: string) => `De link werkt één keer en is geldig tot ${until}. Je voortgang en certificaten blijven bewaard.`,
    resetUnexpected: 'Heb je dit niet gevraagd? Dan kun je deze e-mail negeren; je wachtwoord blijft hetzelfde.',
  },
  dev: {
    contentErrors: (n: number) =>
      `De leerinhoud bevat ${n} ${n === 1 ? 'fout' : 'fouten'}. Je ziet de laatste goede versie tot je ${n === 1 ? 'hem' : 'ze'} verbetert:`,
  },
};

// Made once: building an Intl.DateTimeFormat costs about as much as a small database query, and
// a team dashboard formats hundreds of dates.
const dateFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE });
const weekFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', timeZone: TIME_ZONE });
const calendarDateFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const numericDateFormat = new Intl.DateTimeFormat('nl-NL', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: TIME_ZONE });

const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: TIME_ZONE,
});

/** "3 december 2026 om 14:05" (Dutch time). */
export function formatDateTime(ms: number): string {
  return dateTimeFormat.format(ms);
}

export function formatDate(ms: number): string {
  return dateFormat.format(ms);
}

/** "03-12-2026" (Dutch time): day, month and year in digits, for the CSV export. */
export function formatNumericDate(ms: number): string {
  return numericDateFormat.format(ms);
}

/** Sorts names as a Dutch reader expects (same as localeCompare with 'nl', without making a collator per call). */
export const compareDutch = new Intl.Collator('nl').compare;

/** Day and short month, e.g. "3 mrt.": the start of a week on a chart axis. */
export function formatDayMonth(ms: number): string {
  return weekFormat.format(ms);
}

/** A calendar date (YYYY-MM-DD, no time zone of its own), e.g. a due date: "1 juli 2026". */
export function formatCalendarDate(iso: string): string {
  return calendarDateFormat.format(new Date(`${iso}T00:00:00Z`));
}

export function formatMinutes(ms: number): number {
  return Math.round(ms / 60000);
}

export function percent(fraction: number): number {
  return Math.round(fraction * 100);
}
