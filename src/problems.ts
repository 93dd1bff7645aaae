/**
 * Problems found in content, collected across all files and printed together, one line each:
 * file, line, field, what was expected and what was found.
 */

/** One thing wrong with one file. `message` names the field in backticks. */
export interface Problem {
	file: string;
	line?: number | undefined;
	message: string;
}

/**
 * Adds problems one by one: spreading a list into push() runs out of stack past about 100,000
 * (a megabyte of duplicate tags is 250,000 problems).
 */
export function addProblems(to: Problem[], found: Iterable<Problem>): void {
	for (const problem of found) to.push(problem);
}

/** Problems shown for one file; the rest are counted, so a report stays readable and quick. */
export const MAX_PROBLEMS_PER_FILE = 20;

// Characters a report shows as escapes: controls, line and paragraph separators and
// bidirectional overrides, any of which in a file name or a quoted value could forge, hide or
// reorder lines of the report in a terminal.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_RE = /[\x00-\x1F\x7F-\x9F\u2028\u2029\u202A-\u202E\u2066-\u2069]/gu;

/** `\x1b`, `\u{202e}`: a character as an editor can see it in a message. */
export function escapedChar(char: string): string {
	const code = char.codePointAt(0) ?? 0;
	return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u{${code.toString(16)}}`;
}

/** Text with every control character shown as an escape (`\x1b`), never raw. */
export function visible(text: string): string {
	return text.replace(UNSAFE_RE, escapedChar);
}

/**
 * Sorts problems by file and line so a report reads top to bottom. Files are grouped first,
 * so tens of thousands of problems in one file sort by number, not by name.
 */
export function sortProblems(problems: Problem[]): Problem[] {
	const byFile = new Map<string, Problem[]>();
	for (const p of problems) {
		const list = byFile.get(p.file);
		if (list) list.push(p);
		else byFile.set(p.file, [p]);
	}
	// The sort is stable: problems on one line keep the order they were found in (field order).
	return [...byFile.keys()]
		.sort((a, b) => a.localeCompare(b))
		.flatMap((file) => (byFile.get(file) ?? []).sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
}

/** The lines of a report: at most MAX_PROBLEMS_PER_FILE a file, then how many more it has. */
function reportLines(sorted: Problem[]): string[] {
	const lines: string[] = [];
	for (let i = 0; i < sorted.length;) {
		const file = sorted[i]?.file;
		let shown = 0;
		for (; i < sorted.length && sorted[i]?.file === file; i++) {
			const p = sorted[i] as Problem;
			if (shown++ < MAX_PROBLEMS_PER_FILE)
				lines.push(visible(`${p.file}${p.line ? `:${String(p.line)}` : ""}  ${p.message}`));
		}
		const more = shown - MAX_PROBLEMS_PER_FILE;
		if (more > 0)
			lines.push(
				visible(
					`${String(file)}  ...and ${more.toLocaleString("en")} more problem${more === 1 ? "" : "s"} in this file, not listed; fix the ones above and check again`,
				),
			);
	}
	return lines;
}

/** The report an editor reads: one line a problem, then a count. */
export function formatProblems(problems: Problem[], footer = "nothing was written."): string {
	const sorted = sortProblems(problems);
	const lines = reportLines(sorted);
	const files = new Set(sorted.map((p) => p.file)).size;
	const count = `${counted(sorted.length, "problem")} in ${counted(files, "file")}`;
	lines.push(footer ? `${count}; ${footer}` : `${count}.`);
	return lines.join("\n");
}

/** "1 problem", "3 problems": a count with its noun in the right number. */
export function counted(n: number, noun: string, plural = `${noun}s`): string {
	return `${String(n)} ${n === 1 ? noun : plural}`;
}

/**
 * Describes a value found in YAML for a message: `"Osorio"`, `2018 (a number)`; with
 * `withLength`, for messages about length, `"Osorio" (6 characters)`.
 */
export function describeFound(value: unknown, withLength = false): string {
	if (value === undefined) return "nothing";
	if (value === null) return "an empty value";
	if (typeof value === "string") {
		// Characters as readers count them (code points), so an emoji is one, as zod counts it.
		const chars = Array.from(value);
		const shown = JSON.stringify(
			chars.length > 60 ? `${chars.slice(0, 57).join("")}...` : value,
		);
		return withLength ? `${shown} (${counted(chars.length, "character")})` : shown;
	}
	if (typeof value === "number") return `${String(value)} (a number)`;
	if (typeof value === "boolean") return `${String(value)} (true or false)`;
	if (Array.isArray(value)) return `a list of ${String(value.length)}`;
	if (value instanceof Date) return value.toISOString();
	return "a mapping of fields";
}

/** `image.alt`, `tags[2]`, `corrections[0].date`. */
export function fieldName(path: readonly PropertyKey[]): string {
	let out = "";
	for (const part of path) {
		if (typeof part === "number") out += `[${String(part)}]`;
		else out += out ? `.${String(part)}` : String(part);
	}
	return out;
}

/** Levenshtein distance, for "did you mean" hints on misspelt fields. */
function distance(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		let prev = row[0] ?? 0;
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const current = row[j] ?? 0;
			row[j] = Math.min(
				current + 1,
				(row[j - 1] ?? 0) + 1,
				prev + (a[i - 1] === b[j - 1] ? 0 : 1),
			);
			prev = current;
		}
	}
	return row[b.length] ?? 0;
}

/** The known name closest to a misspelt one, if any is close enough to be a likely typo. */
export function closest(name: string, known: readonly string[]): string | undefined {
	let best: string | undefined;
	let bestDistance = Infinity;
	for (const candidate of known) {
		const d = distance(name.toLowerCase(), candidate.toLowerCase());
		if (d < bestDistance) {
			best = candidate;
			bestDistance = d;
		}
	}
	return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/**
 * Stops a production build that found problems: the report on stderr, then exit 1, before
 * anything is written. The one way a build ends on content it cannot publish.
 */
export function stopBuild(problems: Problem[]): never {
	process.stderr.write(`\n${formatProblems(problems, "nothing was written.")}\n\n`);
	process.exit(1);
}
