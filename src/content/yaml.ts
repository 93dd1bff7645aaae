/**
 * YAML as editors write it: parsed fast with js-yaml's core schema (no timestamps, so dates
 * stay as written and a missing offset can be caught), and again with the `yaml` package only
 * when a message needs a line: it is ten times slower, which counts at tens of thousands of
 * articles.
 */
import jsyaml from "js-yaml";
import {
	Document,
	LineCounter,
	isMap,
	isScalar,
	isSeq,
	parseDocument,
	type Pair,
	type YAMLMap,
} from "yaml";
import { fieldName, type Problem } from "../problems.ts";
import { SLOW_PARSE_LIMIT, yamlFailure } from "./yaml-errors.ts";

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
			let doc = new Document();
			if (source.length <= SLOW_PARSE_LIMIT)
				try {
					// js-yaml refused duplicate keys already; checking them again costs time quadratic in keys.
					doc = parseDocument(source, { lineCounter: lines, uniqueKeys: false });
				} catch {
					// Lines are a help to messages, never a reason to fail: without them, none is shown.
				}
			full = { doc, lines };
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
	} catch (error) {
		problems.push({ file, ...yamlFailure(source, error) });
		return undefined;
	}
	return withPositions(data, source);
}

// Each mapping's keys, indexed the first time a line is asked of it: a file with thousands of
// unknown fields must not search them all for each one.
const PAIRS = new WeakMap<YAMLMap, Map<unknown, Pair>>();

function pairOf(node: YAMLMap, key: PropertyKey): Pair | undefined {
	let index = PAIRS.get(node);
	if (!index) {
		index = new Map();
		for (const pair of node.items) {
			if (isScalar(pair.key) && !index.has(pair.key.value)) index.set(pair.key.value, pair);
		}
		PAIRS.set(node, index);
	}
	return index.get(key);
}

/** The line of the deepest part of `fieldPath` that the YAML holds. */
export function lineOf(yaml: Yaml, fieldPath: readonly PropertyKey[]): number | undefined {
	let node: unknown = yaml.doc.contents;
	let offset: number | undefined;
	for (const part of fieldPath) {
		if (isMap(node)) {
			const pair = pairOf(node, part);
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

/** The value at a field path of parsed data (own fields only), or undefined. */
export function valueAt(data: unknown, fieldPath: readonly PropertyKey[]): unknown {
	let value = data;
	for (const part of fieldPath) {
		if (value === null || typeof value !== "object" || !Object.hasOwn(value, part))
			return undefined;
		value = (value as Record<PropertyKey, unknown>)[part];
	}
	return value;
}

/**
 * `__proto__` used as a name anywhere in the YAML: zod drops such a key without a word (an
 * author or section would vanish), so it is refused, with its line. Only texts that hold it
 * are walked.
 */
export function prototypeKeyProblems(yaml: Yaml, source: string, file: string): Problem[] {
	if (!source.includes("__proto__")) return [];
	const problems: Problem[] = [];
	const seen = new Set<unknown>();
	const walk = (value: unknown, at: PropertyKey[]) => {
		// Aliases share values: each is walked once, however many times it is named.
		if (value === null || typeof value !== "object" || seen.has(value)) return;
		seen.add(value);
		for (const key of Object.keys(value)) {
			const here = [...at, Array.isArray(value) ? Number(key) : key];
			if (key === "__proto__")
				problems.push({
					file,
					line: lineOf(yaml, here),
					message: `\`${fieldName(here)}\` cannot be a name in Dateline: ids are lowercase ASCII words joined by hyphens, and fields are those of the content model; rename or remove it`,
				});
			walk((value as Record<string, unknown>)[key], here);
		}
	};
	walk(yaml.data, []);
	return problems;
}
