import { describe, expect, test } from "vitest";
import { parseArticle } from "../../src/content/parse.ts";
import type { Problem } from "../../src/problems.ts";
import { authorsSchema, siteSchema } from "../../src/schema.ts";

const VALID = `---
title: Osorio to leave Mexican national team
kicker: Source
description: Juan Carlos Osorio has turned down a contract extension and will leave the job he has held since 2015.
date: 2018-07-26T17:00:00-05:00
updated: 2018-07-27T09:30:00-05:00
authors: [goal-staff]
section: football
tags: [mexico, juan-carlos-osorio]
image:
  src: osorio.jpg
  alt: Juan Carlos Osorio watches from the touchline
  caption: Juan Carlos Osorio, Mexico's head coach since 2015
  credit: Yuri Cortez
  agency: AFP
draft: false
corrections:
  - date: 2018-07-27T09:30:00-05:00
    text: An earlier version misstated the score of the Chile match.
---

Body.
`;

/** The valid article with one line replaced (or removed, when `to` is null). */
function withLine(from: string, to: string | null): string {
	const lines = VALID.split("\n");
	const index = lines.findIndex((line) => line.startsWith(from));
	if (index < 0) throw new Error(`no line starts with ${from}`);
	if (to === null) lines.splice(index, 1);
	else lines[index] = to;
	return lines.join("\n");
}

function check(source: string): Problem[] {
	const problems: Problem[] = [];
	parseArticle(
		source,
		"/x/osorio-leaves-mexico/index.md",
		"content/articles/osorio-leaves-mexico/index.md",
		problems,
	);
	return problems;
}

describe("article frontmatter", () => {
	test("accepts the example of the README's content model", () => {
		const problems: Problem[] = [];
		const draft = parseArticle(VALID, "/x/osorio-leaves-mexico/index.md", "a.md", problems);
		expect(problems).toEqual([]);
		expect(draft?.slug).toBe("osorio-leaves-mexico");
		expect(draft?.data.date).toBe("2018-07-26T17:00:00-05:00");
		expect(draft?.data.image?.credit).toBe("Yuri Cortez");
		expect(draft?.body.trim()).toBe("Body.");
	});

	test.each<[string, string, string | null, number | undefined, string]>([
		["missing title", "title:", null, undefined, "`title` is required: write the headline"],
		[
			"short title",
			"title:",
			"title: Osorio",
			2,
			'`title` must be 10 to 110 characters; found "Osorio" (6 characters)',
		],
		[
			"long title",
			"title:",
			`title: ${"x".repeat(111)}`,
			2,
			"`title` must be 10 to 110 characters",
		],
		[
			"numeric title",
			"title:",
			"title: 2018",
			2,
			"`title` must be text; found 2018 (a number)",
		],
		[
			"short standfirst",
			"description:",
			"description: Too short.",
			4,
			"`description` must be 50 to 300 characters",
		],
		[
			"date without zone",
			"date:",
			"date: 2018-07-26T17:00:00",
			5,
			'`date` must carry a time zone, e.g. 2018-07-26T17:00:00-05:00 or 2018-07-26T22:00:00Z; found "2018-07-26T17:00:00"',
		],
		[
			"date only",
			"date:",
			"date: 2018-07-26",
			5,
			"`date` must be a date and time with a time zone",
		],
		[
			"impossible date",
			"date:",
			"date: 2018-02-30T10:00:00Z",
			5,
			"`date` must be a real calendar date and time",
		],
		[
			"updated before date",
			"updated:",
			"updated: 2018-07-25T09:30:00-05:00",
			6,
			"`updated` must not be before `date` (2018-07-26T17:00:00-05:00)",
		],
		["no authors", "authors:", "authors: []", 7, "`authors` must name at least one author id"],
		[
			"authors not a list",
			"authors:",
			"authors: goal-staff",
			7,
			'`authors` must be a list of author ids, e.g. [goal-staff]; found "goal-staff"',
		],
		[
			"section with capitals",
			"section:",
			"section: Football",
			8,
			"`section` must be lowercase ASCII words joined by hyphens",
		],
		[
			"tag with a space",
			"tags:",
			"tags: [mexico, World Cup]",
			9,
			'`tags[1]` must be lowercase ASCII words joined by hyphens, e.g. world-cup-2018; found "World Cup"',
		],
		[
			"duplicate tag",
			"tags:",
			"tags: [mexico, mexico]",
			9,
			"`tags[1]` must not repeat a tag; `mexico` appears twice",
		],
		[
			"empty alt",
			"  alt:",
			'  alt: ""',
			12,
			"`image.alt` must not be empty: describe what the photo shows",
		],
		[
			"missing credit",
			"  credit:",
			null,
			10,
			"`image.credit` is required: name who made the photo",
		],
		[
			"blank credit",
			"  credit:",
			"  credit: '   '",
			14,
			"`image.credit` must not be empty: name who made the photo",
		],
		[
			"gif photo",
			"  src:",
			"  src: osorio.gif",
			11,
			"`image.src` must name a JPEG, PNG, WebP or AVIF file",
		],
		[
			"draft as text",
			"draft:",
			"draft: maybe",
			16,
			'`draft` must be true or false; found "maybe"',
		],
		[
			"misspelt field",
			"authors:",
			"auther: [goal-staff]",
			7,
			"`auther` is not a field of the content model; did you mean `authors`?",
		],
		[
			"unknown image field",
			"  agency:",
			"  photographer: AFP",
			15,
			"`image.photographer` is not a field of the content model",
		],
		[
			"correction without zone",
			"  - date:",
			"  - date: 2018-07-27",
			18,
			"`corrections[0].date` must be a date and time with a time zone",
		],
	])("%s", (_name, from, to, line, message) => {
		const problems = check(withLine(from, to));
		expect(problems.map((p) => p.message)).toContainEqual(expect.stringContaining(message));
		const problem = problems.find((p) => p.message.includes(message));
		expect(problem?.file).toBe("content/articles/osorio-leaves-mexico/index.md");
		expect(problem?.line).toBe(line);
	});

	test("reports every problem in a file, not only the first", () => {
		const source = withLine("title:", "title: Short")
			.replace("date: 2018-07-26T17:00:00-05:00", "date: 2018-07-26 17:00")
			.replace("  alt: Juan Carlos Osorio watches from the touchline", '  alt: ""');
		const problems = check(source);
		expect(problems.map((p) => p.message.split(" ")[0])).toEqual([
			"`title`",
			"`date`",
			"`image.alt`",
		]);
	});

	test("YAML that does not parse is reported with its line", () => {
		const problems = check(withLine("tags:", "tags: [mexico, juan-carlos-osorio"));
		expect(problems[0]?.message).toContain("the YAML does not parse");
		expect(problems[0]?.line).toBeGreaterThanOrEqual(9);
	});

	test("a file without frontmatter is refused", () => {
		expect(check("# Just a heading\n")[0]?.message).toContain("must start with frontmatter");
	});

	test("a folder name that is not a slug is refused", () => {
		const problems: Problem[] = [];
		parseArticle(VALID, "/x/Osorio_Leaves/index.md", "a.md", problems);
		expect(problems[0]?.message).toContain(
			"the folder name `Osorio_Leaves` is the article's slug",
		);
	});
});

describe("data files", () => {
	test("site.yaml needs a real time zone and an absolute URL", () => {
		const result = siteSchema.safeParse({
			name: "Dateline",
			url: "dateline.example",
			language: "en",
			timezone: "Mexico City",
			logo: "brand/logo.png",
			image: "brand/social.png",
		});
		expect(result.success).toBe(false);
		const messages = result.error?.issues.map((i) => `${i.path.join(".")} ${i.message}`);
		expect(messages).toEqual([
			"url must be an absolute http or https URL",
			"timezone must be an IANA time zone, e.g. America/Mexico_City",
		]);
	});

	test.each([
		[
			"https://editor:s3cret@g.example/",
			"must not hold a user name or password",
			"https://…@g.example/",
		],
		[
			"https://g.example@evil.example/",
			"must not hold a user name or password",
			"https://…@evil.example/",
		],
		["https://g.example/?utm=1", "must not hold a query (`?…`)", undefined],
		["https://g.example/?", "must not hold a query (`?…`)", undefined],
		["https://g.example/#top", "must not hold a fragment (`#…`)", undefined],
	])("site.yaml's url %s is refused, its password never shown", (url, message, found) => {
		const result = siteSchema.safeParse({
			name: "G",
			url,
			language: "en",
			timezone: "UTC",
			logo: "brand/logo.png",
			image: "brand/logo.png",
		});
		const issue = result.error?.issues[0];
		expect(issue?.message).toContain(message);
		if (found) expect(issue).toMatchObject({ params: { found } });
	});

	test.each([
		["https://editor:s3cret@img.example/", "must not hold a user name or password"],
		["https://img.example/?v=1", "must not hold a query (?…) or a fragment (#…)"],
	])("site.yaml's photos.url %s is refused", (url, message) => {
		const result = siteSchema.safeParse({
			name: "G",
			url: "https://g.example/",
			language: "en",
			timezone: "UTC",
			logo: "brand/logo.png",
			image: "brand/logo.png",
			photos: { url },
		});
		expect(result.error?.issues.map((i) => `${i.path.join(".")} ${i.message}`)).toEqual([
			expect.stringContaining(`photos.url ${message}`),
		]);
	});

	test("authors.yaml ids are slugs and every author has a name", () => {
		const result = authorsSchema.safeParse({
			"Goal Staff": { name: "Goal staff" },
			desk: { role: "Desk" },
		});
		expect(result.error?.issues.map((i) => i.path.join("."))).toEqual([
			"Goal Staff",
			"desk.name",
		]);
	});
});
