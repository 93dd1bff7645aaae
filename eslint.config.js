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
