import { describe, expect, test } from "vitest";
import { readBodyPhotos } from "../../../src/content/body-photos.ts";

const LEAD = { file: "/c/a/lead.jpg", credit: { credit: "Yuri Cortez", agency: "AFP" } };

function read(body: string) {
	return readBodyPhotos(body, 20, "/c/a", LEAD, "a.md");
}

describe("body photos through the image schema", () => {
	test("each photo's fields come from its token: file on disk, alt, caption and credit", () => {
		const { photos, problems } = read(
			'Text.\n\n![Ñ](foto-ñ.jpg "Bench. Photo: Ruiz &amp; Cortez/AFP")\n\n![Azteca](<estadio azteca.jpg> "Photo: Ana")',
		);
		expect(problems).toEqual([]);
		expect(photos.map((p) => [p.file, p.line, p.data])).toEqual([
			[
				"/c/a/foto-ñ.jpg",
				22,
				{
					src: "foto-ñ.jpg",
					alt: "Ñ",
					caption: "Bench.",
					credit: "Ruiz & Cortez",
					agency: "AFP",
				},
			],
			[
				"/c/a/estadio azteca.jpg",
				24,
				{ src: "estadio azteca.jpg", alt: "Azteca", credit: "Ana" },
			],
		]);
	});

	test("the lead photo shown again keeps the lead's credit", () => {
		const { photos } = read('![Again](lead.jpg "The coach")');
		expect(photos[0]?.data).toMatchObject({
			caption: "The coach",
			credit: "Yuri Cortez",
			agency: "AFP",
		});
	});

	test.each([
		[
			"no credit",
			'![Bench](bench.jpg "The bench")',
			'the body photo ![Bench](bench.jpg) has no credit: end its caption with "Photo: Name" or "Photo: Name/Agency", e.g. "The bench. Photo: Yuri Cortez/AFP"',
		],
		[
			"no alt text",
			'![](bench.jpg "Photo: A")',
			"the body photo ![](bench.jpg) must have alt text: describe what it shows inside the square brackets",
		],
		[
			"a format the site cannot show",
			'![Goal](goal.gif "Photo: A")',
			'the body photo ![Goal](goal.gif): `src` must name a JPEG, PNG, WebP or AVIF file (.jpg, .jpeg, .png, .webp or .avif); found "goal.gif"',
		],
		[
			"a file outside the folder",
			'![Other](../b/x.jpg "Photo: A")',
			'the body photo ![Other](../b/x.jpg) must name a file in the article\'s folder; found "../b/x.jpg"',
		],
		[
			"a `![` that makes no photo",
			'![Broken](x.jpg "no end',
			"this `![` starts a body photo Dateline cannot read",
		],
	])("%s is refused on its line", (_name, body, message) => {
		const { photos, problems } = read(`Intro.\n\n${body}`);
		expect(photos).toEqual([]);
		expect(problems).toEqual([
			{ file: "a.md", line: 22, message: expect.stringContaining(message) as string },
		]);
	});

	test("a body without `![` is not parsed at all", () => {
		expect(read("Plain text, [a link](x.html).")).toEqual({ photos: [], problems: [] });
	});
});
