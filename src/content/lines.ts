/** Lines of text as editors count them, for messages about a body. */

/**
 * The lines of `text` that hold `needle`, each once, numbered from `firstLine`. One pass: the
 * count carries on from the previous match, so a long body with many matches stays linear.
 */
export function linesHolding(text: string, needle: string, firstLine = 1): number[] {
	const lines: number[] = [];
	if (needle === "") return lines;
	let line = firstLine;
	let newline = text.indexOf("\n");
	for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
		while (newline !== -1 && newline < at) {
			line++;
			newline = text.indexOf("\n", newline + 1);
		}
		if (lines.at(-1) !== line) lines.push(line);
	}
	return lines;
}
