import { describe, expect, test } from "vitest";
import { readBody, renderBody, renderInline } from "../../src/markdown.ts";

interface Shown {
	credit: string;
}

/** Draws a checked photo as a marker naming its credit and how it stands. */
const marker = (photo: Shown, figure: boolean) =>
	`[${figure ? "figure" : "inline"} ${photo.credit}]`;

function render(body: string, photos: Shown[] = []): string {
	return renderBody(body, photos, marker);
}

describe("reading a body's photos", () => {
	test("every image token, in order, with the line it is on and its alt text as readers get it", () => {
		const body = [
			"Intro paragraph.",
			"",
			'![The *bench*](bench.jpg "Bench. Photo: Ana Ruiz")',
			"",
			"A line with a photo",
			'in it ![Crowd](crowd.jpg "Crowd. Photo: B")',
		].join("\n");
		const { images, unread } = readBody(body);
		expect(images.map((i) => [i.line, i.alt, i.token.attrGet("src")])).toEqual([
			[3, "The bench", "bench.jpg"],
			[6, "Crowd", "crowd.jpg"],
		]);
		expect(unread).toEqual([]);
	});

	test("file names with accents and spaces come as markdown-it encodes them, titles decoded", () => {
		const { images } = readBody(
			'![Ñ](foto-ñ.jpg "Bench. Photo: Ruiz &amp; Cortez/AFP")\n\n![Azteca](<estadio azteca.jpg> "x")',
		);
		expect(images.map((i) => i.token.attrGet("src"))).toEqual([
			"foto-%C3%B1.jpg",
			"estadio%20azteca.jpg",
		]);
		expect(images[0]?.token.attrGet("title")).toBe("Bench. Photo: Ruiz & Cortez/AFP");
	});

	test("a reference-style photo is read like any other", () => {
		const { images } = readBody('![Bench][b]\n\n[b]: bench.jpg "Bench. Photo: A"\n');
		expect(images.map((i) => [i.line, i.token.attrGet("src")])).toEqual([[1, "bench.jpg"]]);
	});

	test("a `![` that makes no photo is reported with its line; an escaped one is text", () => {
		const body =
			'One.\n\nTwo ![broken](x.jpg "no end\n\nAn escaped \\![ is fine.\n\n`![code]` too.';
		expect(readBody(body).unread).toEqual([3]);
	});
});

describe("rendering a body", () => {
	test("each image token draws the checked photo of its place, even two of the same file", () => {
		const body = '![A](same.jpg "One. Photo: First")\n\n![B](same.jpg "Two. Photo: Second")';
		expect(render(body, [{ credit: "First" }, { credit: "Second" }])).toBe(
			"[figure First][figure Second]",
		);
	});

	test("a photo alone in its paragraph is a figure; inside a line of text it is not", () => {
		expect(render("Text ![A](a.jpg) more.", [{ credit: "C" }])).toBe(
			"<p>Text [inline C] more.</p>\n",
		);
	});

	test("a photo the check did not read is never rendered", () => {
		expect(() => render("![A](a.jpg)")).toThrow(/only body photos the content check has read/);
	});

	test("raw HTML in markdown is shown as text, never run", () => {
		const out = render('Hello <script>alert("x")</script> world');
		expect(out).not.toContain("<script>");
		expect(out).toContain("&lt;script&gt;");
	});

	test("tables render inside a scrolling wrapper", () => {
		const out = render("| Year | Event |\n| --- | --- |\n| 2016 | Copa America |\n");
		expect(out).toContain('<div class="table-scroll"><table>');
		expect(out).toContain("<td>Copa America</td>");
	});

	test("quotes become typographic", () => {
		expect(render('Mexico\'s "El Tri"')).toBe("<p>Mexico’s “El Tri”</p>\n");
	});

	test("root-relative links get the path the site is served under", () => {
		expect(renderBody("[x](/articles/a/) [y](https://e.org/)", [], marker, "/d")).toBe(
			'<p><a href="/d/articles/a/">x</a> <a href="https://e.org/">y</a></p>\n',
		);
	});

	test("inline markdown renders without a paragraph", () => {
		expect(renderInline("An *earlier* version")).toBe("An <em>earlier</em> version");
	});
});
