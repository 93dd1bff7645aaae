/** Photos through a whole build: markup, dedupe across articles, credit in the files, the cache. */
import { readFile, readdir, rm } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, test } from "vitest";
import { SIZES } from "../../layouts/picture.ts";
import { existsSync, fixtureSite, readPage, runBuild } from "../helpers.ts";

const SUMMARY_RE = /^Photos: .*$/m;

let site: Awaited<ReturnType<typeof fixtureSite>>;
let first: ReturnType<typeof runBuild>;
let third: Document;

beforeAll(async () => {
	site = await fixtureSite("photos-reuse");
	first = runBuild(site.content, site.output);
	expect(first.stderr).toBe("");
	expect(first.status).toBe(0);
	third = await readPage(site.output, "/articles/third-story/");
}, 60_000);

/** Every photo URL a built page names: src, srcset candidates, and og/JSON-LD crops. */
async function photoUrls(output: string): Promise<Set<string>> {
	const urls = new Set<string>();
	for (const entry of await readdir(output, { recursive: true })) {
		if (!entry.endsWith(".html")) continue;
		const source = await readFile(path.join(output, entry), "utf8");
		for (const match of source.matchAll(/\/img\/[0-9a-f]{16}-[\w-]+\.(?:avif|webp|jpg)/g)) {
			urls.add(match[0]);
		}
	}
	return urls;
}

describe("photos in a build", () => {
	test("one photo used by three articles under two names is encoded once; a credit of its own makes another", () => {
		// first-story and third-story share bytes and credit (Yuri Cortez/AFP); second-story's
		// copy is credited without the agency, so its files carry a different credit; plus the
		// first story's body photo, the logo and the social image.
		expect(SUMMARY_RE.exec(first.stdout)?.[0]).toMatch(
			/^Photos: 5 photos \(7 uses\): 5 encoded \(\d+ files\), 0 from the cache; \d+\.\d s$/,
		);
	});

	test("the lead photo is a <picture> with AVIF, WebP and JPEG, sized for its column", () => {
		const picture = third.querySelector("figure.lead-photo picture");
		const sources = [...(picture?.querySelectorAll("source") ?? [])];
		expect(sources.map((s) => s.getAttribute("type"))).toEqual(["image/avif", "image/webp"]);
		for (const s of sources) expect(s.getAttribute("sizes")).toBe(SIZES.articleLead);
		const img = picture?.querySelector("img");
		expect(img?.getAttribute("sizes")).toBe(SIZES.articleLead);
		expect(img?.getAttribute("width")).toBe("96");
		expect(img?.getAttribute("height")).toBe("64");
		expect(img?.getAttribute("loading")).toBe("eager");
		expect(img?.getAttribute("fetchpriority")).toBe("high");
		expect(img?.getAttribute("style")).toMatch(/^background-color:#[0-9a-f]{6}$/);
	});

	test("the body shows the lead photo again from the same files, with the lead's credit", async () => {
		const lead = third.querySelector("figure.lead-photo img")?.getAttribute("src");
		const body = third.querySelector(".story-body figure.photo");
		const img = body?.querySelector("picture > img");
		expect(img?.getAttribute("src")).toBe(lead);
		expect(img?.getAttribute("sizes")).toBe(SIZES.inline);
		expect(img?.getAttribute("loading")).toBe("lazy");
		expect(body?.querySelector("figcaption")?.textContent).toBe(
			"The same card Photo: Yuri Cortez/AFP",
		);
		// The same bytes and credit as the first story's photo: the very same files.
		const firstPage = await readPage(site.output, "/articles/first-story/");
		expect(firstPage.querySelector("figure.lead-photo img")?.getAttribute("src")).toBe(lead);
	});

	test("the published JPEG, WebP and AVIF carry the credit in their metadata", async () => {
		const picture = third.querySelector("figure.lead-photo picture");
		const files = [
			picture?.querySelector("img")?.getAttribute("src"),
			...[...(picture?.querySelectorAll("source") ?? [])].map(
				(s) => s.getAttribute("srcset")?.split(" ")[0],
			),
		];
		expect(files).toHaveLength(3);
		for (const href of files) {
			const meta = await sharp(path.join(site.output, String(href))).metadata();
			const xmp = meta.xmp?.toString("utf8") ?? "";
			expect(xmp, String(href)).toContain("<rdf:li>Yuri Cortez</rdf:li>");
			expect(xmp, String(href)).toContain(
				"<photoshop:Credit>Yuri Cortez/AFP</photoshop:Credit>",
			);
		}
	});

	test("every photo URL on every page exists, and no original photo is published", async () => {
		const urls = await photoUrls(site.output);
		expect(urls.size).toBeGreaterThan(0);
		for (const url of urls) expect(existsSync(path.join(site.output, url)), url).toBe(true);
		const published = await readdir(path.join(site.output, "articles"), { recursive: true });
		expect(published.filter((f) => /\.(jpe?g|png|webp|avif)$/.test(f))).toEqual([]);
	});

	test("a rebuild encodes nothing; a deleted _site is filled from the cache without encoding", async () => {
		const again = runBuild(site.content, site.output);
		expect(again.status).toBe(0);
		expect(SUMMARY_RE.exec(again.stdout)?.[0]).toMatch(
			/^Photos: 5 photos \(7 uses\): 0 encoded \(0 files\), 5 from the cache; /,
		);

		await rm(site.output, { recursive: true });
		const fresh = runBuild(site.content, site.output);
		expect(fresh.status).toBe(0);
		expect(SUMMARY_RE.exec(fresh.stdout)?.[0]).toMatch(
			/: 0 encoded \(0 files\), 5 from the cache; /,
		);
		for (const url of await photoUrls(site.output)) {
			expect(existsSync(path.join(site.output, url)), url).toBe(true);
		}
	});

	test("the cache lives outside _site, beside the content folder", () => {
		expect(existsSync(path.join(site.dir, ".cache", "photos"))).toBe(true);
	});
});
