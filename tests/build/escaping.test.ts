/** What a reader or a machine sees is escaped: a headline holding `</script>` breaks nothing. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { fixtureSite, readPage, runBuild } from "../helpers.ts";
import { jsonLd, parseXmlStrict } from "../site-checks.ts";

let output = "";
const HEADLINE = "The first story has a <script> in its headline";

beforeAll(async () => {
	const site = await fixtureSite();
	output = site.output;
	const result = runBuild(site.content, site.output);
	expect(result.status).toBe(0);
}, 60_000);

describe("escaping", () => {
	test("the JSON-LD escapes < so the headline cannot end the script element", async () => {
		const source = await readFile(path.join(output, "articles/first-story/index.html"), "utf8");
		const script =
			/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(source)?.[1] ?? "";
		expect(script).not.toContain("<");
		expect(script).toContain("\\u003cscript>");
		const [ld] = jsonLd(await readPage(output, "/articles/first-story/"));
		expect(ld?.headline).toBe(HEADLINE);
	});

	test("Open Graph and the title escape the headline", async () => {
		const doc = await readPage(output, "/articles/first-story/");
		expect(doc.querySelector('meta[property="og:title"]')?.getAttribute("content")).toBe(
			HEADLINE,
		);
		expect(doc.querySelector("title")?.textContent).toBe(`${HEADLINE} | The Fixture Gazette`);
	});

	test("the Atom feed escapes the headline and the HTML content exactly once", async () => {
		const doc = parseXmlStrict(await readFile(path.join(output, "feed.xml"), "utf8"));
		const entry = doc.getElementsByTagName("entry")[0];
		expect(entry?.getElementsByTagName("title")[0]?.textContent).toBe(HEADLINE);
		const content = entry?.getElementsByTagName("content")[0]?.textContent ?? "";
		expect(content).toContain('alt="A grey test card with &quot;quotes&quot;"');
		expect(content).toContain(
			"<figcaption>The caption of the first photo<br>Photo: Yuri Cortez/AFP</figcaption>",
		);
	});

	test("the JSON Feed carries the headline as plain text", async () => {
		const feed = JSON.parse(await readFile(path.join(output, "feed.json"), "utf8")) as {
			items: { title: string }[];
		};
		expect(feed.items[0]?.title).toBe(HEADLINE);
	});
});
