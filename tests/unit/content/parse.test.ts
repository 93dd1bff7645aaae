import { describe, expect, test } from "vitest";
import { parseArticle, validFields } from "../../../src/content/parse.ts";
import { articleSchema } from "../../../src/schema.ts";
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

	test("an article whose schema check fails keeps the fields that pass, for the rules", () => {
		const { draft, problems } = parse(
			FRONT.replace("date: 2018-07-26T17:00:00-05:00", "date: 2018-07-26T17:00:00-0500")
				.replace("authors: [desk]", "authors: [desk, nobody]\ntags: [Mexico]")
				.replace("  alt: A photo\n", "  alt: A photo\n  focus: [2, 0]\n"),
		);
		expect(problems.map((p) => p.message.split(";")[0])).toEqual([
			"`date` must write its UTC offset with a colon, e.g. -05:00",
			"`tags[0]` must be lowercase ASCII words joined by hyphens, e.g. world-cup-2018",
			"`image.focus[0]` must be a fraction from 0 to 1 (0 the left edge, 1 the right), e.g. 0.5 for the middle",
		]);
		expect(draft?.complete).toBe(false);
		expect(draft?.data).toEqual({
			title: "A headline long enough",
			description: "A standfirst that is long enough to pass the fifty character minimum.",
			authors: ["desk", "nobody"],
			section: "news",
			image: { src: "photo.jpg", alt: "A photo", credit: "Yuri Cortez" },
		});
		expect(draft?.leadFile).toBe("/c/articles/a-story/photo.jpg");
	});

	test("valid fields: what is not a mapping has none; what is absent stays absent", () => {
		expect(validFields(articleSchema.shape, ["a"])).toEqual({});
		expect(validFields(articleSchema.shape, { title: 2018, draft: true })).toEqual({
			draft: true,
		});
	});

	test("the lead photo again in the body does not repeat a refused lead credit", () => {
		const { problems } = parse(
			`${FRONT.replace("credit: Yuri Cortez", 'credit: ""')}\n![The photo again](photo.jpg)\n`,
		);
		expect(problems.map((p) => p.message.split(":")[0])).toEqual([
			"`image.credit` must not be empty",
		]);
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
