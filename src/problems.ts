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

/** Sorts problems by file and line so a report reads top to bottom. */
export function sortProblems(problems: Problem[]): Problem[] {
	return [...problems].sort(
		(a, b) =>
			a.file.localeCompare(b.file) ||
			(a.line ?? 0) - (b.line ?? 0) ||
			a.message.localeCompare(b.message),
	);
}

/** The report an editor reads: one line a problem, then a count. */
export function formatProblems(problems: Problem[], footer = "nothing was written."): string {
	const sorted = sortProblems(problems);
	const lines = sorted.map((p) => `${p.file}${p.line ? `:${String(p.line)}` : ""}  ${p.message}`);
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
