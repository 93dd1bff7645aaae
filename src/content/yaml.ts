/**
 * YAML as editors write it: parsed fast with js-yaml's core schema (no timestamps, so dates
 * stay as written and a missing offset can be caught), and again with the `yaml` package only
 * when a message needs a line: it is ten times slower, which counts at tens of thousands of
 * articles.
 */
import jsyaml from "js-yaml";
import {
	LineCounter,
	isCollection,
	isMap,
	isScalar,
	isSeq,
	parseDocument,
	visit,
	type Document,
	type Node,
} from "yaml";
import type { Problem } from "../problems.ts";

/** A parsed YAML document with the means to find a field's line. */
export interface Yaml {
	data: unknown;
	readonly doc: Document;
	readonly lines: LineCounter;
}

/** The fast parse; throws js-yaml's error when the text is not YAML it reads. */
export function loadYaml(source: string): unknown {
	return jsyaml.load(source, { schema: jsyaml.CORE_SCHEMA });
}

/** A document already parsed fast, whose positions are worked out only when asked for. */
export function withPositions(data: unknown, source: string): Yaml {
	let full: { doc: Document; lines: LineCounter } | undefined;
	const positions = () => {
		if (!full) {
			const lines = new LineCounter();
			full = { doc: parseDocument(source, { lineCounter: lines, uniqueKeys: true }), lines };
		}
		return full;
	};
	return {
		data,
		get doc() {
			return positions().doc;
		},
		get lines() {
			return positions().lines;
		},
	};
}

/** Parses YAML for the content check, adding a problem with its line when it does not parse. */
export function readYaml(source: string, file: string, problems: Problem[]): Yaml | undefined {
	let data: unknown;
	try {
		data = loadYaml(source);
	} catch {
		// The slow parser reports the error with its line, in its own words.
		return parseSlowly(source, file, problems);
	}
	return withPositions(data, source);
}

/** Parses with the `yaml` package, which says where an error is. */
export function parseSlowly(source: string, file: string, problems: Problem[]): Yaml | undefined {
	const lines = new LineCounter();
	const doc = parseDocument(source, {
		lineCounter: lines,
		prettyErrors: false,
		uniqueKeys: true,
	});
	// The first error only: the ones after it are mostly its echoes (a tab gives seven).
	const [error] = doc.errors;
	if (error) {
		const line = lines.linePos(problemStart(doc, source, error.pos[0])).line;
		const detail =
			error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? "";
		const hint =
			error.code === "DUPLICATE_KEY"
				? "a field appears twice; keep one of them"
				: error.code === "TAB_AS_INDENT"
					? "it is indented with a tab; indent with spaces"
					: `${detail}; fix the indentation or quoting on this line`;
		problems.push({ file, line, message: `the YAML does not parse: ${hint}` });
		return undefined;
	}
	return { data: doc.toJS() as unknown, doc, lines };
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

/** The line of the deepest part of `fieldPath` that the YAML holds. */
export function lineOf(yaml: Yaml, fieldPath: readonly PropertyKey[]): number | undefined {
	let node: unknown = yaml.doc.contents;
	let offset: number | undefined;
	for (const part of fieldPath) {
		if (isMap(node)) {
			const pair = node.items.find((p) => isScalar(p.key) && p.key.value === part);
			if (!pair) break;
			if (isScalar(pair.key) && pair.key.range) offset = pair.key.range[0];
			node = pair.value;
		} else if (isSeq(node) && typeof part === "number") {
			const item: unknown = node.items[part];
			if (item && typeof item === "object" && "range" in item && Array.isArray(item.range)) {
				offset = item.range[0] as number;
			}
			node = item;
		} else break;
	}
	return offset === undefined ? undefined : yaml.lines.linePos(offset).line;
}

/** The value at a field path of parsed data, or undefined. */
export function valueAt(data: unknown, fieldPath: readonly PropertyKey[]): unknown {
	let value = data;
	for (const part of fieldPath) {
		if (value === null || typeof value !== "object") return undefined;
		value = (value as Record<PropertyKey, unknown>)[part];
	}
	return value;
}
