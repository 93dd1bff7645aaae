// Typed linting over our TypeScript; JavaScript config files get the recommended rules only.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
	{
		ignores: [
			"_site/**",
			".cache/**",
			"node_modules/**",
			"tests/**/_site/**",
			"tests/**/.out/**",
		],
	},
	js.configs.recommended,
	{
		files: ["**/*.ts"],
		extends: [tseslint.configs.strictTypeChecked],
		languageOptions: {
			parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
		},
		rules: {
			"@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
		},
	},
	{
		// One concern per file, one job per function (the size a reader holds in mind at once).
		files: ["src/**/*.ts", "layouts/**/*.ts"],
		rules: {
			"max-lines": ["error", { max: 400, skipBlankLines: false, skipComments: false }],
			"max-lines-per-function": [
				"error",
				{ max: 80, skipBlankLines: false, skipComments: false },
			],
		},
	},
	{
		files: ["**/*.js"],
		languageOptions: { globals: { console: "readonly", process: "readonly" } },
	},
	{
		files: ["assets/js/**/*.js"],
		languageOptions: {
			sourceType: "script",
			globals: { window: "readonly", document: "readonly", URLSearchParams: "readonly" },
		},
	},
);
