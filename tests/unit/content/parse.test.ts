import { describe, expect, test } from "vitest";
import { parseArticle } from "../../../src/content/parse.ts";
import type { Problem } from "../../../src/problems.ts";
import { articleSource } from "./fixtures.ts";

// The valid article without its body, so each test writes its own.
const FRONT = articleSource().replace(/\n\nBody\.\n$/, "\n");

function parse(source: string, file = "/c/articles/a-story/index.md") {
	const problems: Problem[] = [];
	const draft = parseArticle(source, file, "a.md", problems);
	return { draft, problems };
}

describe("one article on its own", () => {
	test("the slug is the folder's name; the lead file and body photos are resolved", () => {
		const { draft, problems } = parse(`${FRONT}\n![Bench](bench.jpg "Photo: A")\n`);
		expect(problems).toEqual([]);
		expect(draft).toMatchObject({
			slug: "a-story",
			leadFile: "/c/articles/a-story/photo.jpg",
			bodyLine: 12,
		});
		expect(draft?.bodyPhotos.map((p) => [p.file, p.line])).toEqual([
			["/c/articles/a-story/bench.jpg", 13],
		]);
	});

	test("an article with a broken body photo is kept, so its other rules run in the same pass", () => {
		const { draft, problems } = parse(`${FRONT}\n![Bench](bench.jpg)\n`);
		expect(problems).toHaveLength(1);
		expect(draft?.slug).toBe("a-story");
		expect(draft?.bodyPhotos).toEqual([]);
	});

	test.each([
		["no frontmatter", "Body.", "the article must start with frontmatter between `---` lines"],
		["unclosed", "---\ntitle: A\n", "the frontmatter is not closed"],
		[
			"not YAML",
			"---js\n{}\n---\n",
			"the frontmatter must be YAML; found `---js`: remove `js` from the first line",
		],
	])("%s is refused on line 1", (_name, source, message) => {
		const { draft, problems } = parse(source);
		expect(draft).toBeUndefined();
		expect(problems).toEqual([
			{ file: "a.md", line: 1, message: expect.stringContaining(message) as string },
		]);
	});

	test("YAML that does not parse is reported at its line", () => {
		const { problems } = parse(FRONT.replace("section: news", "section: news\nsection: sport"));
		expect(problems).toEqual([
			{
				file: "a.md",
				line: 7,
				message: "the YAML does not parse: a field appears twice; keep one of them",
			},
		]);
	});
});
