/**
 * /admin/ in a production build: published only when site.yaml names a repository, with the
 * GitHub backend and the editorial workflow, Decap's files and the admin script under
 * fingerprinted /assets/ addresses (the site's path prefix in front), nothing from a CDN.
 */
import { readFile, readdir, writeFile, appendFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { existsSync, fixtureSite, readPage, runBuild } from "../helpers.ts";

let output = "";

beforeAll(async () => {
	const site = await fixtureSite();
	const siteFile = path.join(site.content, "_data", "site.yaml");
	const yaml = await readFile(siteFile, "utf8");
	await writeFile(
		siteFile,
		yaml.replace(/^url: .*$/m, "url: https://newsroom.example/dateline/"),
	);
	await appendFile(siteFile, "cms:\n  repo: newsroom/dateline\n");
	const build = runBuild(site.content, site.output);
	if (build.status !== 0) throw new Error(build.stderr);
	output = site.output;
}, 120_000);

describe("with `cms` in site.yaml", () => {
	test("config.yml: GitHub, the branch, the editorial workflow", async () => {
		const config = parse(await readFile(path.join(output, "admin", "config.yml"), "utf8")) as {
			backend: unknown;
			publish_mode: string;
			collections: { name: string; folder?: string }[];
		};
		expect(config.backend).toEqual({
			name: "github",
			repo: "newsroom/dateline",
			branch: "main",
		});
		expect(config.publish_mode).toBe("editorial_workflow");
		expect(config.collections.map((c) => c.name)).toEqual(["articles", "data"]);
		expect(config.collections[0]?.folder).toBe("content/articles");
	});

	test("the admin page loads Decap and the admin script from the site, under its prefix", async () => {
		const doc = await readPage(output, "/admin/");
		const scripts = [...doc.querySelectorAll("script[src]")].map((s) => s.getAttribute("src"));
		expect(scripts).toHaveLength(2);
		expect(scripts[0]).toMatch(
			/^\/dateline\/assets\/decap-cms-3\.16\.3-[0-9a-f]{10}\/decap-cms\.js$/,
		);
		expect(scripts[1]).toMatch(/^\/dateline\/assets\/cms-admin\.[0-9a-f]{10}\.js$/);
		for (const src of scripts) {
			expect(existsSync(path.join(output, String(src).slice("/dateline".length)))).toBe(true);
		}
		expect(doc.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe(
			"noindex, nofollow",
		);
		const snapshot = JSON.parse(doc.getElementById("dateline-cms")?.textContent ?? "{}") as {
			site: { logoFile: { file: string } };
			css: string;
		};
		expect(snapshot.site.logoFile.file).toBe("");
		expect(snapshot.css).toContain(".lead-photo");
	});

	test("the admin page's icon and its preview's logo are the logo the build published", async () => {
		const doc = await readPage(output, "/admin/");
		const icon = doc.querySelector('link[rel="icon"]')?.getAttribute("href") ?? "";
		const snapshot = JSON.parse(doc.getElementById("dateline-cms")?.textContent ?? "{}") as {
			site: { logoFile: { href: string } };
		};
		// The original is never published (it may carry the photographer's location): its JPEG is.
		expect(icon).toMatch(/^\/dateline\/img\/.+\.jpg$/);
		expect(snapshot.site.logoFile.href).toBe(icon);
		expect(existsSync(path.join(output, icon.slice("/dateline".length)))).toBe(true);
	});

	test("Decap's lazy chunks and wasm are published beside its bundle, without source maps", async () => {
		const assets = path.join(output, "assets");
		const [folder] = (await readdir(assets)).filter((f) => f.startsWith("decap-cms-"));
		const files = await readdir(path.join(assets, String(folder)));
		expect(files).toContain("decap-cms.js");
		expect(files.some((f) => /^\d+\.decap-cms\.js$/.test(f))).toBe(true);
		expect(files.some((f) => f.endsWith(".wasm"))).toBe(true);
		expect(files.some((f) => f.endsWith(".map") || f.startsWith("cms."))).toBe(false);
	});
});

test("without `cms` in site.yaml there is no /admin/ and no Decap", async () => {
	const site = await fixtureSite();
	const build = runBuild(site.content, site.output);
	expect(build.status).toBe(0);
	expect(existsSync(path.join(site.output, "admin"))).toBe(false);
	const assets = await readdir(path.join(site.output, "assets"));
	expect(assets.filter((f) => f.includes("cms"))).toEqual([]);
}, 120_000);
