import path from "node:path";
import { describe, expect, test } from "vitest";
import { bundleAdminScript, decapFiles, previewSnapshot } from "../../../src/cms/plugin.ts";
import { ROOT, catalogAt } from "../../helpers.ts";

describe("Decap's files", () => {
	test("the bundle, its lazy chunks and wasm, without source maps or the duplicate cms.js", () => {
		const { files, version } = decapFiles();
		expect(version).toBe("3.16.3");
		expect(files).toContain("decap-cms.js");
		expect(files.filter((f) => /^\d+\.decap-cms\.js$/.test(f)).length).toBeGreaterThan(10);
		expect(files.filter((f) => f.endsWith(".wasm"))).toHaveLength(2);
		expect(files.filter((f) => f.endsWith(".map") || f.startsWith("cms."))).toEqual([]);
	});
});

describe("the admin script", () => {
	test("is bundled for the browser: no Node built-in or photo pipeline reaches it", async () => {
		const code = await bundleAdminScript(path.join(ROOT, "src", "cms", "admin.ts"));
		expect(code).toContain("registerPreviewTemplate");
		expect(code).toContain("preSave");
		// The site's markdown rules and layout come along; the build's own machinery does not.
		expect(code).toContain("table-scroll");
		expect(code).not.toMatch(/require\(|from"node:|from "node:/);
		expect(code).not.toContain("sharp");
		expect(code).not.toContain("ZodError");
	}, 30_000);
});

describe("the publication's snapshot for the preview", () => {
	test("holds the data files' fields and the brand files' sizes, never a path on disk", async () => {
		const catalog = await catalogAt("2026-12-01T00:00:00Z");
		const snapshot = previewSnapshot(catalog, { mexico: { name: "Mexico" } });
		expect(snapshot.site.logoFile.file).toBe("");
		expect(snapshot.site.logoFile.width).toBeGreaterThan(0);
		expect(JSON.stringify(snapshot)).not.toContain(ROOT);
		const [first] = snapshot.authors;
		expect(Object.keys(first?.[1] ?? {})).not.toContain("href");
		expect(Object.keys(first?.[1] ?? {})).toContain("name");
		expect(snapshot.sections.map(([id]) => id)).toEqual([...catalog.sections.keys()]);
		expect(snapshot.tags).toEqual({ mexico: { name: "Mexico" } });
	});
});
