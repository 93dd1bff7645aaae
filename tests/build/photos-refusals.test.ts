/** Photos the build refuses: the message names the file, line and what to do; nothing is written. */
import { describe, test } from "vitest";
import { expectRefusal } from "../helpers.ts";

const CASES: [fixture: string, where: string, message: string][] = [
	[
		"photos-refuse-truncated",
		"content/articles/broken/index.md:8",
		"`image.src` names content/articles/broken/photo.jpg, which is cut short: the JPEG file ends before its image does",
	],
	[
		"photos-refuse-tiff",
		"content/articles/broken/index.md:8",
		"`image.src` names content/articles/broken/photo.jpg, which is TIFF; expected JPEG, PNG, WebP or AVIF",
	],
	[
		"photos-refuse-svg",
		"content/articles/broken/index.md:8",
		'`image.src` must name a JPEG, PNG, WebP or AVIF file (.jpg, .jpeg, .png, .webp or .avif); found "photo.svg"',
	],
	[
		"photos-refuse-gif-in-body",
		"content/articles/broken/index.md:15",
		'the body photo ![An animation](anim.gif): `src` must name a JPEG, PNG, WebP or AVIF file (.jpg, .jpeg, .png, .webp or .avif); found "anim.gif"',
	],
	[
		"photos-refuse-uncredited",
		"content/articles/broken/index.md:15",
		'has no credit: end its caption with "Photo: Name" or "Photo: Name/Agency", e.g. "The bench before kick-off. Photo: Yuri Cortez/AFP"',
	],
	[
		"photos-refuse-focus",
		"content/articles/broken/index.md:11",
		"`image.focus[0]` must be a fraction from 0 to 1 (0 the left edge, 1 the right), e.g. 0.5 for the middle; found 1.5 (a number)",
	],
];

describe("the build refuses photos it cannot publish with a credit", () => {
	test.each(CASES)("%s", async (fixture, where, message) => {
		await expectRefusal(fixture, where, message);
	});
});
