import { describe, expect, test } from "vitest";
import { badRequestPath } from "../../src/preview-guard.ts";

describe("addresses the preview server answers 400 at once", () => {
	test.each([
		["/..%2f..%2fetc/passwd", "the address climbs out of the site"],
		["/articles/..%2F..%2F..%2Fetc%2Fpasswd", "the address climbs out of the site"],
		["/%2e%2e%5c%2e%2e%5cwindows", "the address climbs out of the site"],
		["/..%5c..%5cetc", "the address climbs out of the site"],
		["/%E0%A4%A", "the address holds a broken percent-encoding"],
		["/%", "the address holds a broken percent-encoding"],
		["/a%00.html", "the address holds a NUL character"],
	])("%s: %s", (url, why) => {
		expect(badRequestPath(url)).toBe(why);
	});

	test.each([
		"/",
		"/articles/osorio-to-leave-mexico/",
		"/img/a%20b.jpg",
		"/search/?q=..%2f",
		"/brand/logo%20%231%3F.png",
		"/.11ty/reload-client.js",
	])("%s goes on to the server", (url) => {
		expect(badRequestPath(url)).toBeUndefined();
	});
});
