/**
 * Tags that tags.yaml does not name. Not a refusal: such a tag is shown as a readable form of
 * its slug, which is often not how the name is written ("jaime-lozano" becomes "Jaime lozano",
 * "usmnt" "Usmnt"), so `npm run check` and `npm run new` say what readers will see and how to
 * name it.
 */
import { counted, visible } from "../problems.ts";
import { readableSlug } from "./catalog.ts";
import type { Draft } from "./parse.ts";
import { lineOf } from "./yaml.ts";

/** Notes `npm run check` prints before it counts the rest. */
export const NOTES_SHOWN = 10;

/** A tag tags.yaml does not name, with the newest article that uses it. */
export interface UnnamedTag {
	tag: string;
	/** How many articles use it. */
	uses: number;
	/** The newest of them, as messages name it, and the line of the tag there. */
	file: string;
	line: () => number | undefined;
}

/** "Jaime Lozano": each word capitalised, a start for the name an editor writes. */
export function suggestedName(tag: string): string {
	return tag
		.split("-")
		.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
		.join(" ");
}

/** What an editor reads about one unnamed tag, used by `uses` articles. */
export function tagNote(tag: string, tagsFile: string, uses = 1): string {
	const count = uses > 1 ? ` (in ${counted(uses, "article")})` : "";
	return `the tag \`${tag}\`${count} is not in tags.yaml, so pages show it as "${readableSlug(tag)}"; to name it, add \`${tag}: { name: "${suggestedName(tag)}" }\` to ${tagsFile}`;
}

/** The tags the articles use that `named` (tags.yaml) lacks, newest use first. */
export function unnamedTags(drafts: Draft[], named: Record<string, unknown>): UnnamedTag[] {
	const newestFirst = drafts
		.map((draft) => ({ draft, at: Date.parse(draft.data.date ?? "") || 0 }))
		.sort((a, b) => b.at - a.at || a.draft.display.localeCompare(b.draft.display));
	const found = new Map<string, UnnamedTag>();
	for (const { draft } of newestFirst) {
		(draft.data.tags ?? []).forEach((tag, i) => {
			if (Object.hasOwn(named, tag)) return;
			const seen = found.get(tag);
			if (seen) seen.uses++;
			else
				found.set(tag, {
					tag,
					uses: 1,
					file: draft.display,
					line: () => lineOf(draft.yaml, ["tags", i]),
				});
		});
	}
	return [...found.values()];
}

/** One line a note, the newest first, at most `shown` of them, then how many more. */
export function formatTagNotes(
	unnamed: UnnamedTag[],
	tagsFile: string,
	shown = NOTES_SHOWN,
): string[] {
	const lines = unnamed.slice(0, shown).map((u) => {
		const where = `${u.file}${u.line() ? `:${String(u.line())}` : ""}`;
		// A folder's name is the editor's: its control characters are shown, never run.
		return visible(`${where}  note: ${tagNote(u.tag, tagsFile, u.uses)}`);
	});
	const rest = unnamed.length - shown;
	if (rest > 0)
		lines.push(
			visible(
				`... and ${counted(rest, "more tag")} not in ${tagsFile}, each shown as its slug with a capital.`,
			),
		);
	return lines;
}
