// ESLint for the web app (web/js, browser ES modules) and these tests (Node).
// `npm run lint` runs it from the repository root, so the globs below are
// relative to the root; run.sh runs it before the browser tests.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["web/js/**/*.js", "tests/browser/**/*.mjs"],
    languageOptions: { ecmaVersion: 2024, sourceType: "module" },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "no-unused-vars": ["error", { args: "after-used", caughtErrors: "all", ignoreRestSiblings: true }],
      // `x == null` is the one loose comparison we mean: null or undefined.
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-implicit-globals": "error",
      "prefer-const": "error",
      "no-var": "error",
      // A shadowed name is how a local `h` or `el` hides the DOM builder.
      "no-shadow": ["error", { builtinGlobals: false, hoist: "functions" }],
      "no-self-compare": "error",
      "no-unmodified-loop-condition": "error",
      "no-promise-executor-return": "error",
      "no-throw-literal": "error",
    },
  },
  {
    files: ["web/js/**/*.js"],
    languageOptions: { globals: globals.browser },
    rules: {
      // Long render functions are where screens stopped being readable.
      "max-lines-per-function": ["error", { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Node's test runner; page.evaluate() callbacks run in the page.
    files: ["tests/browser/**/*.mjs"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  { ignores: ["tests/browser/node_modules/**"] },
];
