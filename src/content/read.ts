/**
 * Reading what editors wrote: the article files and the data files, each as UTF-8 text. Reads
 * are synchronous: for thousands of small files they beat promise-based reads threefold.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { addProblems, type Problem } from "../problems.ts";
import { schemaProblems } from "./problems-from-zod.ts";
import { prototypeKeyProblems, readYaml } from "./yaml.ts";

/**
 * The text of a file as editors meant it: without a byte-order mark, which editors cannot see,
 * with line feeds whatever ends its lines (CRLF from Windows, a lone CR from old Mac editors),
 * and refused when it is not UTF-8 (decoding turns such bytes into U+FFFD without a word).
 */
export function readableText(
	source: string,
	display: string,
	problems: Problem[],
): string | undefined {
	let text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
	if (text.includes("\r")) text = text.replace(/\r\n?/g, "\n");
	const bad = text.indexOf("\uFFFD");
	if (bad === -1) return text;
	problems.push({
		file: display,
		line: text.slice(0, bad).split("\n").length,
		message:
			"the file is not saved as UTF-8: this line holds bytes that are not UTF-8 text (an old encoding such as Latin-1?); save the file as UTF-8",
	});
	return undefined;
}

/** Resolves a photo path relative to a folder, refusing paths that leave it. */
export function photoFileIn(dir: string, src: string): string | undefined {
	if (path.isAbsolute(src) || /^[a-z]+:/i.test(src)) return undefined;
	const file = path.resolve(dir, src);
	return file.startsWith(dir + path.sep) ? file : undefined;
}

/** Reads and checks one data file; undefined (with problems added) when it is missing or wrong. */
export function readDataFile<T>(
	file: string,
	display: string,
	schema: z.ZodType<T>,
	knownFields: readonly string[],
	problems: Problem[],
	optional = false,
): T | undefined {
	let source: string;
	try {
		const text = readableText(readFileSync(file, "utf8"), display, problems);
		if (text === undefined) return undefined;
		source = text;
	} catch {
		if (optional) return undefined;
		problems.push({
			file: display,
			message: `\`${path.basename(file)}\` is required but was not found; create ${display}`,
		});
		return undefined;
	}
	const yaml = readYaml(source, display, problems);
	if (!yaml) return undefined;
	addProblems(problems, prototypeKeyProblems(yaml, source, display));
	const result = schema.safeParse(yaml.data ?? {});
	if (result.success) return result.data;
	addProblems(problems, schemaProblems(result.error, yaml, display, knownFields));
	return undefined;
}
