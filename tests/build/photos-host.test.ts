/**
 * Photos on their own host (`photos: { url }` in site.yaml): renditions go to `_photos/` beside
 * the site under names that never change, every address a reader or a machine gets points
 * there, rclone copies only what the host lacks, and the cache keeps only what is used.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, test } from "vitest";
import { ROOT, fixtureSite, readPage, runBuild } from "../helpers.ts";
import { jsonLd, listFiles } from "../site-checks.ts";

const HOST = "https://img.example.org/gazette/";
const SUMMARY_RE = /^Photos: .*$/m;
const ENV = { SOURCE_DATE_EPOCH: "1532692800" };

let site: Awaited<ReturnType<typeof fixtureSite>>;
let built: ReturnType<typeof runBuild>;
let photos = "";

/** `npm run photos` on a site's content, with more arguments. */
function photosCommand(content: string, ...args: string[]) {
	const run = spawnSync(process.execPath, ["src/cli/photos.ts", content, ...args], {
		cwd: ROOT,
		encoding: "utf8",
		env: { ...process.env, ...ENV, CI: "true" },
	});
	return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Every text file of the site, with its text. */
async function texts(output: string): Promise<[string, string][]> {
	const files = (await listFiles(output)).filter((f) =>
		/\.(html|xml|json|webmanifest|txt)$/.test(f),
	);
	return Promise.all(
		files.map(
			async (f) => [f, await readFile(path.join(output, f), "utf8")] as [string, string],
		),
	);
}

beforeAll(async () => {
	site = await fixtureSite("photos-host");
	built = runBuild(site.content, site.output, ENV);
	expect(built.stderr).toBe("");
	expect(built.status).toBe(0);
	photos = path.join(site.dir, "_photos");
}, 90_000);

describe("photos on their own host", () => {
	test("renditions go to _photos/ beside the site, never into it, with names that are hashes", async () => {
		expect(existsSync(path.join(site.output, "img"))).toBe(false);
		const names = await readdir(photos);
		expect(names.length).toBeGreaterThan(0);
		for (const name of names) expect(name).toMatch(/^[0-9a-f]{16}-[\dx-]+\.(avif|webp|jpg)$/);
		const published = (await listFiles(site.output)).filter((f) =>
			/\.(jpe?g|png|webp|avif)$/.test(f),
		);
		expect(published).toEqual([]);
	});

	test("pages, feeds, JSON-LD, Open Graph, the manifest and search results name the host, and the host's files exist", async () => {
		const named = new Set<string>();
		for (const [file, text] of await texts(site.output)) {
			expect(text, file).not.toMatch(/["' ,(]\/img\//);
			for (const m of text.matchAll(
				/https:\/\/img\.example\.org\/gazette\/([0-9a-f]{16}-[\w-]+\.(?:avif|webp|jpg))/g,
			))
				named.add(m[1] ?? "");
		}
		const onDisk = new Set(await readdir(photos));
		expect(named.size).toBeGreaterThan(5);
		for (const name of named) expect(onDisk.has(name), name).toBe(true);

		const page = await readPage(site.output, "/articles/first-story/");
		expect(page.querySelector('meta[property="og:image"]')?.getAttribute("content")).toMatch(
			new RegExp(`^${HOST}[0-9a-f]{16}-16x9-`),
		);
		expect(page.querySelector('link[rel="icon"]')?.getAttribute("href")).toMatch(
			new RegExp(`^${HOST}`),
		);
		for (const img of page.querySelectorAll("picture img, picture source")) {
			const set = img.getAttribute("srcset") ?? "";
			for (const candidate of set.split(", "))
				expect(candidate).toMatch(new RegExp(`^${HOST}`));
		}
		const article = jsonLd(page).find((d) => d["@type"] === "NewsArticle") as {
			image: (string | { url: string })[];
			publisher: { logo: { url: string } };
		};
		for (const image of article.image)
			expect(typeof image === "string" ? image : image.url).toMatch(new RegExp(`^${HOST}`));
		expect(article.publisher.logo.url).toMatch(new RegExp(`^${HOST}`));

		const feed = await readFile(path.join(site.output, "feed.xml"), "utf8");
		expect(feed).toMatch(new RegExp(`<link rel="enclosure" type="image/jpeg" href="${HOST}`));
		const json = JSON.parse(await readFile(path.join(site.output, "feed.json"), "utf8")) as {
			icon: string;
			items: { image: string }[];
		};
		expect(json.icon).toMatch(new RegExp(`^${HOST}`));
		for (const item of json.items) expect(item.image).toMatch(new RegExp(`^${HOST}`));

		// Pagefind's result records, in each quarter's index, each with the image a result shows.
		const shards = await readdir(path.join(site.output, "pagefind"));
		const fragments = shards.map((shard) =>
			path.join(site.output, "pagefind", shard, "fragment"),
		);
		const images = await Promise.all(
			(
				await Promise.all(
					fragments.map(async (dir) =>
						(await readdir(dir)).map((f) => path.join(dir, f)),
					),
				)
			)
				.flat()
				.map(async (file) => {
					const text = gunzipSync(await readFile(file)).toString("utf8");
					return (
						JSON.parse(text.slice(text.indexOf("{"))) as { meta: { image?: string } }
					).meta.image;
				}),
		);
		expect(images.length).toBeGreaterThan(0);
		for (const image of images) expect(image).toMatch(new RegExp(`^${HOST}`));
	});

	test("the build says where the site and its photos stand against the hosts' limits", () => {
		expect(built.stdout).toMatch(
			/^Host fit: _site\/ holds \d+ files, [\d.]+ (KB|MB); photos on https:\/\/img\.example\.org\/gazette\/: 21 files, \d+ KB \(21 new in _photos\/\)\.$/m,
		);
	});

	test("rclone copies _photos/ to the bucket, and a second run transfers nothing", async () => {
		const bucket = await mkdtemp(path.join(tmpdir(), "dateline-bucket-"));
		const upload = () =>
			spawnSync("bash", [path.join(ROOT, "scripts", "upload-photos.sh"), photos], {
				cwd: site.dir,
				encoding: "utf8",
				env: { ...process.env, RCLONE_CONFIG_PHOTOS_TYPE: "local", PHOTOS_BUCKET: bucket },
			});
		const first = upload();
		expect(first.status, first.stderr).toBe(0);
		expect(first.stderr.match(/: Copied \(new\)/g)?.length).toBe(
			(await readdir(photos)).length,
		);
		expect((await readdir(bucket)).sort()).toEqual((await readdir(photos)).sort());
		const second = upload();
		expect(second.status, second.stderr).toBe(0);
		expect(second.stderr).not.toMatch(/Copied/);
		expect(second.stderr.match(/There was nothing to transfer/g)?.length).toBe(3);
	});

	test("once uploaded, the cache keeps manifests only, and the next build encodes and copies nothing", async () => {
		const marked = photosCommand(site.content, "--uploaded");
		expect(marked.status, marked.stderr).toBe(0);
		expect(marked.stdout).toMatch(
			/^\d+ cache entries now on https:\/\/img\.example\.org\/gazette\/: 21 files, \d+ KB freed from the cache\.$/m,
		);
		const cache = path.join(site.dir, ".cache", "photos");
		for (const entry of (await readdir(cache)).filter((e) => e !== "index.json"))
			expect(await readdir(path.join(cache, entry))).toEqual(["manifest.json"]);
		const before = await readFile(
			path.join(site.output, "articles", "first-story", "index.html"),
			"utf8",
		);
		const again = runBuild(site.content, site.output, ENV);
		expect(again.status, again.stderr).toBe(0);
		expect(SUMMARY_RE.exec(again.stdout)?.[0]).toMatch(
			/: 0 encoded \(0 files\), 5 from the cache; /,
		);
		expect(again.stdout).toMatch(/\(0 new in _photos\/\)/);
		expect(
			await readFile(path.join(site.output, "articles", "first-story", "index.html"), "utf8"),
		).toBe(before);
	}, 60_000);

	test("prune removes what no article uses any more, says what it freed, and keeps what they use", async () => {
		const pruning = await fixtureSite("photos-host");
		const first = runBuild(pruning.content, pruning.output, ENV);
		expect(first.status, first.stderr).toBe(0);
		// The first story's body photo leaves it: no article uses its renditions any more.
		const story = path.join(pruning.content, "articles", "first-story", "index.md");
		const body = (await readFile(story, "utf8")).replace(/^!\[A second photo.*$/m, "");
		await writeFile(story, body);
		const pruned = photosCommand(pruning.content, "--prune");
		expect(pruned.status, pruned.stderr).toBe(0);
		// Its ladder: three files and the manifest.
		expect(pruned.stdout).toMatch(
			/^Pruned 1 cache entry no article uses: 4 files, \d+ KB freed; kept 6 \(\d+ files, \d+ KB\)\.$/m,
		);
		const again = photosCommand(pruning.content, "--prune");
		expect(again.stdout).toMatch(
			/^Pruned 0 cache entries no article uses: 0 files, 0 KB freed;/m,
		);
		const rebuilt = runBuild(pruning.content, pruning.output, ENV);
		expect(SUMMARY_RE.exec(rebuilt.stdout)?.[0]).toMatch(
			/^Photos: 4 photos \(4 uses\): 0 encoded \(0 files\), 4 from the cache; /,
		);
	}, 90_000);
});

describe("without a photo host", () => {
	test("a copy of the same content builds into _site/img/ as before, with no _photos/", async () => {
		const plain = await fixtureSite();
		await cp(
			path.join(ROOT, "tests", "fixtures", "site", "content", "_data", "site.yaml"),
			path.join(plain.content, "_data", "site.yaml"),
		);
		const result = runBuild(plain.content, plain.output, ENV);
		expect(result.status, result.stderr).toBe(0);
		expect((await readdir(path.join(plain.output, "img"))).length).toBeGreaterThan(0);
		expect(existsSync(path.join(plain.dir, "_photos"))).toBe(false);
		expect(result.stdout).toMatch(
			/^Host fit: _site\/ holds \d+ files, [\d.]+ (KB|MB) \(photos included: 21 files, \d+ KB\)\.$/m,
		);
	}, 60_000);
});
