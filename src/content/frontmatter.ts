/**
 * Splits an article into its frontmatter and body with gray-matter, js-yaml's core schema as
 * its YAML engine. Options are always passed, so gray-matter keeps no cache of its own (without
 * options it would hold every file it ever read). Frontmatter in any language but YAML is
 * refused before gray-matter sees it: its JavaScript engine would run it, and it looks engines
 * up by the name after `---` in a plain object (`---constructor` finds one).
 */
import matter from "gray-matter";
import { loadYaml } from "./yaml.ts";

/** What the engine hands back: the parsed YAML, or the error js-yaml threw. */
type Parsed = { value: unknown } | { error: unknown };

/** An article's frontmatter and body, or why it has none. */
export type Split =
	| {
			/** The raw YAML, starting with the rest of the first `---` line, so YAML line numbers are file line numbers. */
			matter: string;
			parsed: Parsed;
			body: string;
			/** The file line the body starts on. */
			bodyLine: number;
	  }
	| { missing: "start" | "end" }
	| { language: string };

const OPTIONS = {
	language: "yaml",
	engines: {
		yaml: (source: string): Parsed => {
			try {
				return { value: loadYaml(source) };
			} catch (error) {
				return { error };
			}
		},
	},
};

/** The frontmatter between `---` lines at the very top, parsed, and the body after it. */
export function splitFrontmatter(source: string): Split {
	const opening = /^---(?!-)([^\r\n]*)/.exec(source);
	if (!opening) return { missing: "start" };
	const language = (opening[1] ?? "").trim();
	if (language && !/^ya?ml$/i.test(language)) return { language };
	const file = matter(source, OPTIONS);
	const parsed = file.data as unknown;
	// Unclosed, gray-matter takes the rest of the file as frontmatter and leaves no body.
	if (file.content === "" && source.indexOf("\n---", 3) === -1) return { missing: "end" };
	const head = source.slice(0, source.length - file.content.length);
	let bodyLine = 1;
	for (let i = head.indexOf("\n"); i !== -1; i = head.indexOf("\n", i + 1)) bodyLine++;
	return {
		matter: file.matter,
		// An empty block (only `---` lines, or comments) gives gray-matter's empty data.
		parsed: isParsed(parsed) ? parsed : { value: {} },
		body: file.content,
		bodyLine,
	};
}

function isParsed(value: unknown): value is Parsed {
	return typeof value === "object" && value !== null && ("value" in value || "error" in value);
}
