// The floors of the code base as rules (docs/decisions/0008-lagen-en-grenzen.md): a floor imports
// only from floors below it, never up, and nothing imports in a circle. `npm test` runs this
// (scripts/lint.sh); a violation names the two files and the rule.

/** src/lib folders, lowest first. A folder may import its own floor's neighbours and anything lower. */
const LIB_FLOORS = [
  ['i18n', 'settings'],
  ['content'],
  ['quiz'],
  ['auth', 'mail'],
  ['progress', 'review', 'toets', 'teams'],
  ['learning', 'reports', 'privacy', 'admin', 'onboarding'],
  ['http'],
  ['forms'],
];

const lib = (folder) => `^src/lib/${folder}(/|\\.ts$)`;
const floorRules = LIB_FLOORS.flatMap((floor, index) => {
  const higher = LIB_FLOORS.slice(index + 1).flat();
  if (higher.length === 0) return [];
  return [{
    name: `src-lib-floor-${floor.join('-')}`,
    comment: `${floor.join(', ')} may not import a higher floor of src/lib (${higher.join(', ')})`,
    severity: 'error',
    from: { path: floor.map(lib).join('|') },
    to: { path: higher.map(lib).join('|') },
  }];
});

module.exports = {
  forbidden: [
    { name: 'no-circular', comment: 'an import circle makes two modules one; break it by moving the shared part down', severity: 'error', from: {}, to: { circular: true } },
    { name: 'db-is-the-ground', comment: 'db/ (schema, migrations, clients) imports nothing of the app', severity: 'error', from: { path: '^db/' }, to: { path: '^(src|scripts|tests)/' } },
    // content/course.ts is the one door to Astro's content collections (astro:content); everything
    // else in src/lib runs under plain node --test.
    { name: 'lib-has-no-http-frameworks', comment: 'src/lib holds domain logic: no Astro pages or components, and no astro:* modules (node --test runs it)', severity: 'error', from: { path: '^src/lib/', pathNot: '^src/lib/content/course\\.ts$' }, to: { path: '^src/(pages|components)/|^astro:' } },
    { name: 'app-does-not-import-tools', comment: 'the app never imports scripts or tests', severity: 'error', from: { path: '^(src|db)/' }, to: { path: '^(scripts|tests)/' } },
    { name: 'lib-folders-are-known', comment: 'every src/lib folder has a floor in .dependency-cruiser.cjs: add a new folder there', severity: 'error', from: { path: '^src/lib/', pathNot: `^src/lib/(${LIB_FLOORS.flat().join('|')})/|^src/lib/[^/]+\\.ts$` }, to: {} },
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
