import { describe, expect, test } from "vitest";
import { parseArticle, type Draft } from "../../../src/content/parse.ts";
import {
	formatTagNotes,
	suggestedName,
	tagNote,
	unnamedTags,
} from "../../../src/content/tag-notes.ts";
import type { Problem } from "../../../src/problems.ts";
import { articleSource } from "./fixtures.ts";

function draft(slug: string, date: string, tags: string): Draft {
	const problems: Problem[] = [];
	const source = articleSource(`tags: [${tags}]\n`).replace(
		"date: 2018-07-26T17:00:00-05:00",
		`date: ${date}`,
	);
	const parsed = parseArticle(source, `/c/articles/${slug}/index.md`, `${slug}.md`, problems);
	if (!parsed) throw new Error(JSON.stringify(problems));
	return parsed;
}

describe("tags tags.yaml does not name", () => {
	test.each([
		["jaime-lozano", "Jaime Lozano"],
		["world-cup-2018", "World Cup 2018"],
		["usmnt", "Usmnt"],
	])("the suggested name of %s is %s", (tag, name) => {
		expect(suggestedName(tag)).toBe(name);
	});

	test("the note says what pages show and what to add where", () => {
		expect(tagNote("jaime-lozano", "content/_data/tags.yaml")).toBe(
			'the tag `jaime-lozano` is not in tags.yaml, so pages show it as "Jaime lozano"; to name it, add `jaime-lozano: { name: "Jaime Lozano" }` to content/_data/tags.yaml',
		);
	});

	test("one note a tag, at its newest use, with the count of articles", () => {
		const old = draft("old", "2018-07-20T10:00:00Z", "mexico, jaime-lozano");
		const recent = draft("recent", "2018-07-26T10:00:00Z", "usmnt, jaime-lozano");
		const unnamed = unnamedTags([old, recent], { usmnt: { name: "USMNT" } });
		expect(unnamed.map((u) => [u.tag, u.uses, u.file, u.line()])).toEqual([
			["jaime-lozano", 2, "recent.md", 11],
			["mexico", 1, "old.md", 11],
		]);
		expect(formatTagNotes(unnamed, "tags.yaml")).toEqual([
			'recent.md:11  note: the tag `jaime-lozano` (in 2 articles) is not in tags.yaml, so pages show it as "Jaime lozano"; to name it, add `jaime-lozano: { name: "Jaime Lozano" }` to tags.yaml',
			'old.md:11  note: the tag `mexico` is not in tags.yaml, so pages show it as "Mexico"; to name it, add `mexico: { name: "Mexico" }` to tags.yaml',
		]);
	});

	test("past the limit, the rest are counted", () => {
		const many = draft("a", "2018-07-20T10:00:00Z", "a, b, c");
		const lines = formatTagNotes(unnamedTags([many], {}), "tags.yaml", 1);
		expect(lines).toHaveLength(2);
		expect(lines[1]).toBe(
			"... and 2 more tags not in tags.yaml, each shown as its slug with a capital.",
		);
	});

	test("a file name's control characters are shown as escapes, never sent to the terminal", () => {
		const evil = draft("evil\u001b[31m\nforged", "2018-07-20T10:00:00Z", "mexico");
		const [line] = formatTagNotes(unnamedTags([evil], {}), "tags.yaml");
		expect(line).toMatch(/^evil\\x1b\[31m\\x0aforged\.md:11 {2}note: the tag `mexico`/);
	});
});
