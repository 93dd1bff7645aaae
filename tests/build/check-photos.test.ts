/**
 * Issue 13, item 8: `npm run check` runs every rule the build runs, photos included. Each
 * fixture is a photo the build refuses (too many pixels for the decoder, or cut short by a
 * failed download or copy, in every format Dateline takes and in every place a photo is
 * named); the check must refuse it with the same line, and the build write nothing.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { ROOT, expectRefusal, fixtureSite } from "../helpers.ts";

const TOO_LARGE =
	"which is 15000 x 10000 pixels (150 megapixels); the most Dateline accepts is 100 megapixels: export a smaller version";
const cut = (format: string) =>
	`which is cut short: the ${format} file ends before its image does (an interrupted download or copy?); copy or export it again`;
const LEAD = "content/articles/broken/index.md:8";

const CASES: [fixture: string, where: string, message: string][] = [
	[
		"check-refuse-png-150-megapixels",
		LEAD,
		`\`image.src\` names content/articles/broken/photo.png, ${TOO_LARGE}`,
	],
	[
		"check-refuse-png-900-megapixels",
		LEAD,
		"`image.src` names content/articles/broken/photo.png, which is 30000 x 30000 pixels (900 megapixels); the most Dateline accepts is 100 megapixels",
	],
	[
		"check-refuse-jpeg-cut-in-half",
		LEAD,
		`\`image.src\` names content/articles/broken/photo.jpg, ${cut("JPEG")}`,
	],
	[
		"check-refuse-progressive-jpeg-cut",
		LEAD,
		`\`image.src\` names content/articles/broken/photo.jpg, ${cut("JPEG")}`,
	],
	[
		"check-refuse-png-cut",
		LEAD,
		`\`image.src\` names content/articles/broken/photo.png, ${cut("PNG")}`,
	],
	[
		"check-refuse-webp-cut",
		LEAD,
		`\`image.src\` names content/articles/broken/photo.webp, ${cut("WebP")}`,
	],
	[
		"check-refuse-avif-cut",
		LEAD,
		`\`image.src\` names content/articles/broken/photo.avif, ${cut("AVIF")}`,
	],
	[
		"check-refuse-avatar-cut",
		"content/_data/authors.yaml",
		`\`desk.avatar\` names content/brand/desk.jpg, ${cut("JPEG")}`,
	],
];

describe("the check refuses the photos the build refuses, with the same message", () => {
	test.each(CASES)(
		"%s",
		async (fixture, where, message) => {
			const site = await fixtureSite(fixture);
			const check = spawnSync(process.execPath, ["src/cli/check.ts", site.content], {
				cwd: ROOT,
				encoding: "utf8",
			});
			expect(check.status).toBe(1);
			const line = check.stderr.split("\n").find((l) => l.startsWith(`${where}  `));
			expect(line, check.stderr).toContain(message);
			// The build refuses it too, with that very line, and writes nothing.
			await expectRefusal(fixture, where, String(line).slice(where.length + 2));
		},
		60_000,
	);
});
