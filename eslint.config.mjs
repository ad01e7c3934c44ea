// ESLint 9 flat config: eslint-plugin-office-addins' React config (Office.js rules such as load-before-read and
// no context.sync in loops, typescript-eslint, react, prettier). `npm run lint` = `eslint src`.
import { createRequire } from "node:module";
import officeAddins from "eslint-plugin-office-addins";

// eslint-plugin-office-addins 4.0.10 sets `parser: require("@typescript-eslint/parser").default`, which is
// undefined, so TypeScript would be parsed as plain JS. Take the parser from the plugin's own dependency,
// typescript-eslint (resolved from the plugin's location, not hoisting luck).
const { parser: typescriptParser } = createRequire(import.meta.resolve("eslint-plugin-office-addins"))(
  "typescript-eslint",
);

const SCRIPT_FILES = "**/*.{js,mjs,cjs,jsx,ts,cts,mts,tsx}";
const TYPESCRIPT_FILES = ["**/*.{ts,cts,mts,tsx}"];

// The plugin's TypeScript block only matches js/ts files; widen it so .tsx components get the TS parser too.
const officeReact = officeAddins.configs.react.map((config) =>
  config.files ? { ...config, files: [SCRIPT_FILES] } : config,
);

export default [
  {
    ignores: [
      "dist/**",
      "lib/**",
      "lib-bench/**",
      "node_modules/**",
      "coverage/**",
      "demo-output/**",
      "test-output/**",
    ],
  },
  ...officeReact,
  {
    files: [SCRIPT_FILES],
    languageOptions: { parser: typescriptParser, ecmaVersion: "latest" },
    rules: {
      // Same layout the rest of the code base uses (lines up to 120, trailing commas everywhere).
      "prettier/prettier": ["error", { endOfLine: "auto", printWidth: 120, trailingComma: "all" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Full-width spaces (U+3000) are real input on Chinese order sheets: allowed in strings, comments, regexes.
      "no-irregular-whitespace": [
        "error",
        { skipStrings: true, skipComments: true, skipRegExps: true, skipTemplates: true },
      ],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    rules: {
      // V8 reads the global NaN as a tagged constant: a function that may return it boxes every number it returns,
      // as returning undefined does (together about 3 MB per 100,000-row AE.STATUS call, measured). Number.NaN
      // stays a plain double.
      "no-restricted-globals": [
        "error",
        { name: "NaN", message: "Use Number.NaN: the global NaN makes V8 box the numbers it is merged with." },
      ],
    },
  },
  {
    // Build scripts run in Node as CommonJS. `npm run lint` covers src only; `npx eslint .` lints these too.
    files: ["webpack.config.js", "scripts/**/*.js"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly" },
    },
  },
  {
    files: ["webpack.config.js", "scripts/**/*.js", "eslint.config.mjs"],
    languageOptions: { globals: { console: "readonly", Buffer: "readonly", URL: "readonly" } },
  },
  {
    files: TYPESCRIPT_FILES,
    rules: {
      // TypeScript already resolves every identifier (Office, Excel, CustomFunctions, DOM globals) under strict.
      "no-undef": "off",
      // Declaration merging (interface + var of the same name) is legal TypeScript; tsc reports real redeclarations.
      "no-redeclare": "off",
      // Props are typed; the automatic JSX runtime (tsconfig "jsx": "react-jsx") needs no React in scope.
      "react/prop-types": "off",
      "react/react-in-jsx-scope": "off",
      "react/jsx-uses-react": "off",
    },
  },
];
