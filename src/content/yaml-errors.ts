/**
 * Why YAML does not parse, in words an editor can act on, with its line. js-yaml, the fast
 * parser, decides what parses; the `yaml` package words most syntax errors better, so it is
 * asked for those, on texts of a sensible size (it slows down sharply on deep or huge input).
 * Whatever either parser throws becomes a message, never a stack trace.
 */
import jsyaml from "js-yaml";
import {
	LineCounter,
	isCollection,
	isScalar,
	parseDocument,
	visit,
	type Document,
	type Node,
} from "yaml";
import { escapedChar } from "../problems.ts";

/** A line of YAML and what is wrong with it. */
export interface YamlFailure {
	line: number | undefined;
	message: string;
}

/**
 * Frontmatter and data files are a few kilobytes; past this the slow parser is not asked (a
 * megabyte of YAML takes it seconds and hundreds of megabytes), and messages go without lines.
 */
export const SLOW_PARSE_LIMIT = 64 * 1024;
// What js-yaml refuses as non-printable: C0 and C1 controls but tab, line feed, carriage return
// and next line; DEL; U+FFFE and U+FFFF.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNPRINTABLE_RE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]/u;

/** `tag:yaml.org,2002:binary` -> `!!binary`, as editors write it. */
function shortTag(tag: string): string {
	return tag.startsWith("tag:yaml.org,2002:")
		? `!!${tag.slice("tag:yaml.org,2002:".length)}`
		: tag.startsWith("!")
			? tag
			: `!<${tag}>`;
}

/** The line of a position in a text. */
function lineAt(source: string, at: number): number {
	let line = 1;
	for (let i = source.indexOf("\n"); i !== -1 && i < at; i = source.indexOf("\n", i + 1)) line++;
	return line;
}

/** The first character js-yaml cannot read, with its line and column. */
function unprintable(source: string): YamlFailure {
	const at = source.search(UNPRINTABLE_RE);
	if (at === -1)
		return { line: undefined, message: "the YAML holds a character that cannot be read" };
	const start = source.lastIndexOf("\n", at - 1) + 1;
	let line = 1;
	for (let i = source.indexOf("\n"); i !== -1 && i < at; i = source.indexOf("\n", i + 1)) line++;
	const char = String.fromCodePoint(source.codePointAt(at) ?? 0);
	return {
		line,
		message: `this line holds an invisible control character (\`${escapedChar(char)}\`) at column ${String(at - start + 1)}; delete it: it cannot be read, and it breaks feeds and sitemaps`,
	};
}

/** Whether a quoted value or a `[...]`/`{...}` list or mapping lacks its closing character. */
function unclosed(node: Node, source: string): boolean {
	const [from, to] = node.range ?? [0, 0];
	const text = source.slice(from, to).trimEnd();
	if (isScalar(node) && node.type === "QUOTE_DOUBLE")
		return !/^"(?:[^"\\]|\\[\s\S])*"$/.test(text);
	if (isScalar(node) && node.type === "QUOTE_SINGLE") return !/^'(?:[^']|'')*'$/.test(text);
	return isCollection(node) && node.flow === true && !/[\]}]$/.test(text);
}

/**
 * Where the problem behind a YAML error starts. A quote or bracket left open is noticed only
 * where the text runs out (the end of the frontmatter, lines below the mistake), so the
 * error moves back to the innermost quote or bracket that opened and never closed.
 */
function problemStart(doc: Document, source: string, pos: number): number {
	let start: number | undefined;
	visit(doc, {
		Node(_key, node) {
			const [from, to] = node.range ?? [];
			if (from === undefined || to === undefined || from >= pos || pos > to) return;
			if ((start === undefined || from > start) && unclosed(node, source)) start = from;
		},
	});
	return start ?? pos;
}

/** The `yaml` package's first error, with a hint for the common ones; undefined if it has none. */
function slowFailure(source: string): YamlFailure | undefined {
	if (source.length > SLOW_PARSE_LIMIT) return undefined;
	try {
		const lines = new LineCounter();
		const doc = parseDocument(source, {
			lineCounter: lines,
			prettyErrors: false,
			uniqueKeys: true,
		});
		// The first error only: the ones after it are mostly its echoes (a tab gives seven).
		const [error] = doc.errors;
		// Its own limits say nothing about the text: js-yaml's reason serves better.
		if (!error || error.code === "RESOURCE_EXHAUSTION") return undefined;
		const detail =
			error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? "";
		const hint =
			error.code === "DUPLICATE_KEY"
				? "a field appears twice; keep one of them"
				: error.code === "TAB_AS_INDENT"
					? "it is indented with a tab; indent with spaces"
					: `${detail}; fix the indentation or quoting on this line`;
		return {
			line: lines.linePos(problemStart(doc, source, error.pos[0])).line,
			message: `the YAML does not parse: ${hint}`,
		};
	} catch {
		return undefined;
	}
}

/** What to tell an editor about YAML that js-yaml threw `error` on. */
export function yamlFailure(source: string, error: unknown): YamlFailure {
	if (!(error instanceof jsyaml.YAMLException)) {
		const why = error instanceof Error ? error.message : String(error);
		return { line: undefined, message: `the YAML cannot be read (${why}); simplify it` };
	}
	const { reason, mark } = error as unknown as { reason: string; mark?: { line: number } };
	const line = mark ? mark.line + 1 : undefined;
	const tag = /^unknown tag !<(.*)>$/.exec(reason);
	if (tag) {
		// js-yaml marks the end of the tagged value; the tag as written says where it starts.
		const short = shortTag(tag[1] ?? "");
		const written = source.indexOf(short);
		return {
			line: written === -1 ? line : lineAt(source, written),
			message: `the YAML tag \`${short}\` is not one Dateline reads: write the value as plain text, in quotes if it could be read as a number, a date or true/false`,
		};
	}
	if (reason.startsWith("nesting exceeded maxDepth"))
		return {
			line,
			message:
				"the YAML nests lists or mappings more than 100 levels deep; no field of the content model nests more than three: remove the extra brackets or indentation",
		};
	if (reason.startsWith("merge keys exceeded"))
		return {
			line,
			message:
				"the YAML merges more mappings with `<<` than Dateline reads; write the fields out",
		};
	if (/non-printable|null byte/.test(reason)) return unprintable(source);
	return (
		slowFailure(source) ?? {
			line,
			message: `the YAML does not parse: ${reason}; fix the indentation or quoting on this line`,
		}
	);
}
