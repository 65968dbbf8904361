/**
 * The floors of src-main/core (ARCHITECTURE.md «Floors of the core»), checked by `npm run lint`.
 *
 * A domain imports only domains on lower floors, and only through their public `index.ts`; the
 * foundation imports no domain; the timetable engine imports nothing of the app; no file imports
 * itself back through a cycle. The app floor (api/, demo/ and the files directly in core/) sits on
 * top and may import every domain, also through their `index.ts` only.
 */
const CORE = 'src-main/core';

/** Bottom to top. Domains on one floor do not import each other. */
const FLOORS = [
  ['access', 'audit'],
  ['schoolSetup'],
  ['people'],
  ['accounts'],
  ['movement'],
  ['curriculum'],
  ['timetable'],
  ['deadlines'],
  ['reports'],
  ['sync'],
];
const FOUNDATION = ['foundation', 'db'];

const DOMAINS = FLOORS.flat();
const dir = (names) => `^${CORE}/(${names.join('|')})/`;

/**
 * Temporary: imports that still run against the floors, each to be removed before this branch
 * lands its last milestone. Every entry names the importing file and what it reaches.
 */
const TEMPORARY = [];

const floorRules = FLOORS.flatMap((floor, i) => {
  const higher = FLOORS.slice(i).flat();
  return floor.map((name) => ({
    name: `floor-${name}`,
    comment: `${name} is on floor ${i + 1}: it imports only foundation and the domains below it (${FLOORS.slice(0, i).flat().join(', ') || 'none'}).`,
    severity: 'error',
    from: { path: `^${CORE}/${name}/`, pathNot: TEMPORARY.length ? TEMPORARY.map((t) => `^${t}$`) : undefined },
    to: {
      path: [dir(higher.filter((d) => d !== name)), `^${CORE}/(api|demo)/`, `^${CORE}/[^/]+\\.ts$`],
    },
  }));
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles (tools: this rule and node /work/shared/tools/cycles.mjs style checks).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'foundation-imports-no-domain',
      comment: 'The foundation (foundation/, db/) is what every domain stands on: it imports no domain and not the app floor.',
      severity: 'error',
      from: { path: dir(FOUNDATION) },
      to: { path: `^${CORE}/`, pathNot: dir(FOUNDATION) },
    },
    ...floorRules,
    {
      name: 'domain-public-index',
      comment: 'Another domain is reached only through its index.ts, the list of what it offers.',
      severity: 'error',
      from: { path: dir(DOMAINS), pathNot: TEMPORARY.length ? TEMPORARY.map((t) => `^${t}$`) : undefined },
      to: { path: `${dir(DOMAINS)}.+`, pathNot: [`${dir(DOMAINS)}index\\.ts$`, `^${CORE}/$1/`] },
    },
    {
      name: 'app-uses-domain-index',
      comment: 'The app floor (api/, demo/, core/*.ts) and the shells (cli, http, electron) reach a domain only through its index.ts.',
      severity: 'error',
      from: { path: '^src-main/', pathNot: [dir(DOMAINS), ...TEMPORARY.map((t) => `^${t}$`)] },
      to: { path: `${dir(DOMAINS)}.+`, pathNot: `${dir(DOMAINS)}index\\.ts$` },
    },
    {
      name: 'timetable-engine-is-pure',
      comment: 'The solver engine is a library under the timetable domain: it imports nothing of the app (not even src-shared).',
      severity: 'error',
      from: { path: `^${CORE}/timetable/engine/` },
      to: { path: '^(src-main|src-shared|src-renderer)/', pathNot: `^${CORE}/timetable/engine/` },
    },
    {
      name: 'engine-through-its-index',
      comment: 'Outside the timetable domain the engine is not used; inside, through engine/index.ts.',
      severity: 'error',
      from: { path: '^src-main/', pathNot: `^${CORE}/timetable/` },
      to: { path: `^${CORE}/timetable/engine/` },
    },
    {
      name: 'renderer-shared-below-features',
      comment: 'What several screens share (src-renderer/components/, api/) stands below the features: it imports no feature and not the app shell.',
      severity: 'error',
      from: { path: '^src-renderer/(components|api)/' },
      to: { path: '^src-renderer/(features|app)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|dist-main|release)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
