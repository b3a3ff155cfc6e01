// The floors of the code base as rules (docs/decisions/0008-lagen-en-grenzen.md): a floor imports
// only from floors below it, never up, and nothing imports in a circle. `npm test` runs this
// (scripts/lint.sh); a violation names the two files and the rule.

/**
 * src/lib, lowest floor first: folders (`name/`) and the few single files at its root (`name.ts`).
 * A module may import its own floor (as long as no circle forms) and anything lower.
 */
const LIB_FLOORS = [
  ['i18n/', 'settings/', 'env.ts', 'db.ts', 'ids.ts', 'time-zone.ts'],
  ['content/'],
  ['quiz/', 'search/'],
  ['auth/', 'mail/'],
  ['progress/', 'review/', 'toets/', 'teams/', 'certificates/'],
  ['learning/', 'reports/', 'privacy/', 'admin/', 'reminders/'],
  ['http/'],
  ['forms/'],
  ['views/'],
];

const lib = (part) => (part.endsWith('/') ? `^src/lib/${part}` : `^src/lib/${part.replace('.', '\\.')}$`);
const floorRules = LIB_FLOORS.flatMap((floor, index) => {
  const higher = LIB_FLOORS.slice(index + 1).flat();
  if (higher.length === 0) return [];
  return [
    {
      name: `src-lib-floor-${floor[0].replace(/\W/g, '')}`,
      comment: `${floor.join(', ')} may not import a higher floor of src/lib (${higher.join(', ')})`,
      severity: 'error',
      from: { path: floor.map(lib).join('|') },
      to: { path: higher.map(lib).join('|') },
    },
  ];
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'an import circle makes two modules one; break it by moving the shared part down',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'db-is-the-ground',
      comment: 'db/ (schema, migrations, clients) imports nothing of the app',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: '^(src|scripts|tests)/' },
    },
    // content/course.ts is the one door to Astro's content collections (astro:content); everything
    // else in src/lib runs under plain node --test.
    {
      name: 'lib-has-no-http-frameworks',
      comment: 'src/lib holds domain logic: no Astro pages or components, and no astro:* modules (node --test runs it)',
      severity: 'error',
      from: { path: '^src/lib/', pathNot: '^src/lib/content/course\\.ts$' },
      to: { path: '^src/(pages|components)/|^astro:' },
    },
    {
      name: 'app-does-not-import-tools',
      comment: 'the app never imports scripts or tests',
      severity: 'error',
      from: { path: '^(src|db)/' },
      to: { path: '^(scripts|tests)/' },
    },
    {
      name: 'lib-folders-are-known',
      comment: 'every folder and root file of src/lib has a floor in .dependency-cruiser.cjs: add a new one there',
      severity: 'error',
      from: { path: '^src/lib/', pathNot: LIB_FLOORS.flat().map(lib).join('|') },
      to: {},
    },
    ...floorRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|dist-[^/]*|test-results|\\.tools|\\.astro)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.astro'] },
  },
};
