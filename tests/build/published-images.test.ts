/**
 * Issue 13, item 2: every image that reaches the site goes through the photo pipeline, whatever
 * field names it: location and camera data stripped, the credit written, never copied as it is.
 * Each fixture plants markers in an image's EXIF (make, model, serial numbers, GPS) and XMP;
 * no published file may hold one, equal a source file, or lack a credit.
 */
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, test } from "vitest";
import { FIXTURES, fixtureSite, readPage, runBuild } from "../helpers.ts";
import { jsonLd, listFiles } from "../site-checks.ts";
import { EXIF_GPS, EXIF_MAKE, ifd0 } from "../unit/photos/fixtures.ts";

const MARKERS = [
	"LEAKMAKE",
	"LEAKMODEL",
	"LEAKDESCRIPTION",
	"LEAKSERIAL",
	"LEAKLENS",
	"LEAKXMPSERIAL",
	"19,25.7N",
];
const IMAGE_RE = /\.(jpe?g|png|webp|avif)$/i;

const CASES: [fixture: string, what: string][] = [
	["publish-avatar-with-gps", "avatars (a JPEG and a WebP) with GPS, camera and serial numbers"],
	[
		"publish-brand-with-gps",
		"a logo and a social image (PNG) with GPS, camera and serial numbers",
	],
	[
		"publish-avatar-is-an-article-photo",
		"an avatar that names an article's photo, which carries GPS",
	],
];

/** Every image file of a content folder, with its bytes. */
async function sourceImages(content: string): Promise<Buffer[]> {
	const files = (await readdir(content, { recursive: true })).filter((f) => IMAGE_RE.test(f));
	return Promise.all(files.map((f) => readFile(path.join(content, f))));
}

describe("every image that reaches the site goes through the photo pipeline", () => {
	test.each(CASES)(
		"%s: %s",
		async (fixture) => {
			const site = await fixtureSite(fixture);
			const result = runBuild(site.content, site.output);
			expect(result.stderr).toBe("");
			expect(result.status).toBe(0);
			const sources = await sourceImages(site.content);
			const planted = await sourceImages(path.join(FIXTURES, fixture, "content"));
			expect(planted.some((b) => b.includes("LEAKSERIAL"))).toBe(true);
			const published = await listFiles(site.output);
			expect(published.filter((f) => IMAGE_RE.test(f)).length).toBeGreaterThan(0);
			for (const file of published) {
				const bytes = await readFile(path.join(site.output, file));
				expect(
					sources.some((s) => s.equals(bytes)),
					`${file} is a source file, copied as it is`,
				).toBe(false);
				for (const marker of MARKERS)
					expect(bytes.includes(marker), `${file} holds ${marker}`).toBe(false);
				if (!IMAGE_RE.test(file)) continue;
				const meta = await sharp(bytes).metadata();
				expect(meta.xmp?.toString("utf8"), `${file} carries no credit`).toMatch(
					/<dc:creator><rdf:Seq><rdf:li>[^<]+<\/rdf:li>/,
				);
				const exif = ifd0(meta.exif ?? Buffer.alloc(0));
				expect(exif.has(EXIF_GPS) || exif.has(EXIF_MAKE), file).toBe(false);
			}
		},
		60_000,
	);

	test("the logo, the social image and the avatars are credited to the publication", async () => {
		const site = await fixtureSite("publish-avatar-with-gps");
		expect(runBuild(site.content, site.output).status).toBe(0);
		const page = await readPage(site.output, "/articles/first-story/");
		const article = jsonLd(page).find((d) => d["@type"] === "NewsArticle") as {
			author: { image?: string }[];
			publisher: { logo: { url: string } };
		};
		const images = [article.publisher.logo.url, ...article.author.map((a) => a.image ?? "")];
		expect(images.filter(Boolean)).toHaveLength(3);
		for (const url of images.filter(Boolean)) {
			const file = path.join(site.output, new URL(url).pathname);
			const xmp = (await sharp(file).metadata()).xmp?.toString("utf8") ?? "";
			expect(xmp, url).toContain("<photoshop:Credit>The Fixture Gazette</photoshop:Credit>");
		}
	}, 60_000);
});
