/** Turns zod's issues into problems that name the field, what was expected and what was found. */
import type { z } from "zod";
import { closest, describeFound, fieldName, type Problem } from "../problems.ts";
import { lineOf, valueAt, type Yaml } from "./yaml.ts";

/** Whether an issue is about a text's length, so the length found is worth saying. */
export function aboutLength(issue: z.core.$ZodIssue): boolean {
	if (issue.code === "too_big") return issue.origin === "string";
	return issue.code === "too_small" && issue.origin === "string" && Number(issue.minimum) > 1;
}

/** One problem per issue, each with the line of its field when the YAML holds it. */
export function schemaProblems(
	error: z.ZodError,
	yaml: Yaml,
	file: string,
	knownFields: readonly string[],
): Problem[] {
	const problems: Problem[] = [];
	for (const issue of error.issues) {
		if (issue.code === "unrecognized_keys") {
			for (const key of issue.keys) {
				const field = fieldName([...issue.path, key]);
				const guess = issue.path.length === 0 ? closest(key, knownFields) : undefined;
				problems.push({
					file,
					line: lineOf(yaml, [...issue.path, key]),
					message: `\`${field}\` is not a field of the content model${guess ? `; did you mean \`${guess}\`?` : ""} Fix its spelling or remove it.`,
				});
			}
			continue;
		}
		// A rule may show the value otherwise than as written, e.g. with a password hidden.
		const shown =
			issue.code === "custom"
				? (issue.params as { found?: unknown } | undefined)?.found
				: undefined;
		const found = shown ?? valueAt(yaml.data, issue.path);
		if (issue.path.length === 0 && issue.code === "invalid_type") {
			problems.push({
				file,
				message: `the YAML must be fields, one per line, as \`name: value\`; found ${describeFound(found)}`,
			});
			continue;
		}
		const field = fieldName(issue.path);
		const message =
			issue.code === "invalid_key"
				? `\`${field}\` ${issue.issues[0]?.message ?? issue.message}`
				: `\`${field}\` ${issue.message}`;
		problems.push({
			file,
			line: lineOf(yaml, issue.path),
			message:
				found === undefined || issue.code === "invalid_key"
					? message
					: `${message}; found ${describeFound(found, aboutLength(issue))}`,
		});
	}
	return problems;
}
