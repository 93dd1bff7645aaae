import { describe, expect, test } from "vitest";
import { manifest, minifyCss } from "../../src/pages.ts";
import { catalogAt } from "../helpers.ts";

describe("pages", () => {
	test.each([
		["/* a note */ body { color : red ; }", "body{color:red}"],
		["a,\n b > c { margin: 0 }", "a,b>c{margin:0}"],
	])("minifies %j", (css, small) => {
		expect(minifyCss(css)).toBe(small);
	});

	test("the web app manifest names the publication and its logo", async () => {
		const catalog = await catalogAt("2026-01-01T00:00:00Z");
		const data = JSON.parse(manifest(catalog)) as Record<string, unknown>;
		expect(data).toMatchObject({
			name: catalog.site.name,
			start_url: "/",
			icons: [{ src: "/brand/logo.png", sizes: "64x64", type: "image/png" }],
		});
	});
});
