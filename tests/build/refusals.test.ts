/** One fixture per refusal of the content model: the build names the file and field, exits non-zero, writes nothing. */
import { describe, expect, test } from "vitest";
import { existsSync, expectRefusal, fixtureSite, runBuild } from "../helpers.ts";

const CASES: [fixture: string, file: string, message: string][] = [
	// The list left open on line 3 is noticed on line 4; the message names the line it opens on.
	["refuse-yaml-syntax", "content/articles/broken/index.md:3", "the YAML does not parse"],
	[
		"refuse-yaml-unclosed-quote",
		"content/articles/broken/index.md:11",
		'the YAML does not parse: Missing closing "quote',
	],
	[
		"refuse-placeholder-in-body",
		"content/articles/broken/index.md:27",
		"the body still holds a `TODO:` placeholder on this line",
	],
	[
		"refuse-missing-field",
		"content/articles/broken/index.md",
		"`description` is required: write the standfirst",
	],
	[
		"refuse-wrong-type",
		"content/articles/broken/index.md:7",
		'`tags` must be a list of tags, e.g. [mexico, world-cup-2018]; found "mexico"',
	],
	[
		"refuse-unknown-field",
		"content/articles/broken/index.md:7",
		"`auther` is not a field of the content model; did you mean `authors`?",
	],
	[
		"refuse-date-without-zone",
		"content/articles/broken/index.md:4",
		'`date` must carry a time zone, e.g. 2018-07-26T17:00:00-05:00 or 2018-07-26T22:00:00Z; found "2018-07-26T17:00:00"',
	],
	[
		"refuse-date-not-real",
		"content/articles/broken/index.md:4",
		'`date` must be a real calendar date and time; found "2018-02-30T10:00:00Z"',
	],
	[
		"refuse-updated-before-date",
		"content/articles/broken/index.md:7",
		"`updated` must not be before `date`",
	],
	[
		"refuse-unknown-author",
		"content/articles/broken/index.md:5",
		'`authors[1]` must be an author id from authors.yaml (`desk`, `ana-writer`); found "goal-staf"',
	],
	[
		"refuse-unknown-section",
		"content/articles/broken/index.md:6",
		'`section` must be a section id from sections.yaml (`news`, `sport`); found "politics"',
	],
	[
		"refuse-title-too-short",
		"content/articles/broken/index.md:2",
		'`title` must be 10 to 110 characters; found "Short" (5 characters)',
	],
	[
		"refuse-duplicate-slug",
		"content/articles/first-story/index.md",
		"the slug `first-story` is already used by content/articles/2018/first-story/index.md",
	],
	[
		"refuse-image-missing",
		"content/articles/broken/index.md:8",
		"`image.src` names content/articles/broken/nothere.jpg, which does not exist",
	],
	[
		"refuse-image-not-an-image",
		"content/articles/broken/index.md:8",
		"`image.src` names content/articles/broken/photo.jpg, which is not a readable image",
	],
	[
		"refuse-image-wrong-format",
		"content/articles/broken/index.md:8",
		"`image.src` names content/articles/broken/photo.jpg, which is GIF; expected JPEG, PNG, WebP or AVIF",
	],
	[
		"refuse-image-empty-alt",
		"content/articles/broken/index.md:9",
		"`image.alt` must not be empty: describe what the photo shows",
	],
	[
		"refuse-image-empty-credit",
		"content/articles/broken/index.md:10",
		"`image.credit` must not be empty: name who made the photo",
	],
	[
		"refuse-reference-photo-uncredited",
		"content/articles/broken/index.md:15",
		'the body photo ![A photo written reference-style](bench.jpg) has no credit: end its caption with "Photo: Name"',
	],
	[
		"refuse-unreadable-photo",
		"content/articles/broken/index.md:15",
		"this `![` starts a body photo Dateline cannot read",
	],
	[
		"refuse-photo-in-correction",
		"content/articles/broken/index.md:13",
		"`corrections[0].text` must not hold a photo",
	],
	["refuse-not-utf8", "content/articles/broken/index.md:13", "the file is not saved as UTF-8"],
	[
		"refuse-offset-without-colon",
		"content/articles/broken/index.md:4",
		"`date` must write its UTC offset with a colon, e.g. -05:00",
	],
	[
		"refuse-bad-data-file",
		"content/_data/authors.yaml:3",
		"`ana-writer.name` is required: give the name shown in the byline",
	],
];

describe("the build refuses broken content", () => {
	test.each(CASES)("%s", async (fixture, where, message) => {
		await expectRefusal(fixture, where, message);
	});

	test("five problems in one article, cross-references included, all in one pass", async () => {
		const site = await fixtureSite("refuse-all-at-once");
		const result = runBuild(site.content, site.output);
		expect(result.status).toBe(1);
		const file = "content/articles/broken/index.md";
		expect(result.stderr.trim().split("\n")).toEqual([
			`${file}:4  \`date\` must write its UTC offset with a colon, e.g. -05:00; found "2018-07-26T17:00:00-0500"`,
			`${file}:5  \`authors[1]\` must be an author id from authors.yaml (\`desk\`, \`ana-writer\`); found "goal-staf"`,
			`${file}:7  \`tags[0]\` must be lowercase ASCII words joined by hyphens, e.g. world-cup-2018; found "Mexico"`,
			`${file}:7  \`tags[2]\` must not repeat a tag; \`world-cup-2018\` appears twice; found "world-cup-2018"`,
			`${file}:8  \`aliases[0]\` \`second-story\` is the slug of a live article, content/articles/second-story/index.md; an old address cannot redirect while an article lives there`,
			"5 problems in 1 file; nothing was written.",
		]);
		expect(existsSync(site.output)).toBe(false);
	});

	test("three broken articles: all three problems, one line each, no stack trace, nothing written", async () => {
		const site = await fixtureSite("refuse-three-articles");
		const result = runBuild(site.content, site.output);
		expect(result.status).toBe(1);
		expect(result.stderr.trim().split("\n")).toEqual([
			'content/articles/empty-alt/index.md:9  `image.alt` must not be empty: describe what the photo shows for readers who cannot see it; found ""',
			'content/articles/no-zone/index.md:4  `date` must carry a time zone, e.g. 2018-07-26T17:00:00-05:00 or 2018-07-26T22:00:00Z; found "2018-07-26 17:00"',
			"content/articles/typo/index.md:7  `secton` is not a field of the content model; did you mean `section`? Fix its spelling or remove it.",
			"3 problems in 3 files; nothing was written.",
		]);
		expect(existsSync(site.output)).toBe(false);
	});
});
