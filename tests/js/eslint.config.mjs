// Lint for the handbook's browser code (generator/render/assets, the LMS launchers in
// generator/lms/assets) and these tests. Run from the repository (patterns are
// relative to it), as tests/test_javascript.py does:
//   tests/js/node_modules/.bin/eslint -c tests/js/eslint.config.mjs generator/render/assets generator/lms/assets tests/js
import js from "@eslint/js";
import globals from "globals";

export default [
  // Vendored libraries are linted by their authors, not held to our style.
  { ignores: ["generator/render/assets/vendor/**"] },
  js.configs.recommended,
  {
    // The page's scripts are classic scripts (ES5 style, no build step); learning.js is
    // also imported by Node's test runner, hence the CommonJS `module`.
    files: ["generator/render/assets/**/*.js", "generator/lms/assets/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.browser, module: "readonly" },
    },
    rules: {
      "no-control-regex": "off", // names are cleaned of control characters on purpose
      eqeqeq: "error",
      "no-unused-vars": ["error", { caughtErrors: "none" }], // catch (e) is ES5's only form
      "no-implicit-globals": "error",
      "no-var": "off",
    },
  },
  {
    files: ["tests/js/**/*.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.node },
  },
  {
    files: ["tests/js/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: globals.node },
  },
];
