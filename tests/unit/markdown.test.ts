import { describe, expect, test } from "vitest";
import { renderBody, renderInline } from "../../src/markdown.ts";
import type { InlinePhoto } from "../../src/content.ts";

const photo: InlinePhoto = {
	file: "/x/bench.jpg",
	src: "bench.jpg",
	href: "/articles/a/bench.jpg",
	width: 800,
	height: 600,
	format: "JPEG",
};

function render(body: string): string {
	return renderBody({ body, href: "/articles/a/", photos: new Map([["bench.jpg", photo]]) });
}

describe("article bodies", () => {
	test("a photo alone in its paragraph becomes a figure with its caption, sized from the file", () => {
		expect(render('![The bench](bench.jpg "Mexico\'s bench")')).toBe(
			'<figure class="photo"><img src="/articles/a/bench.jpg" alt="The bench" width="800" height="600" loading="lazy" decoding="async"><figcaption>Mexico&#39;s bench</figcaption></figure>\n',
		);
	});

	test("raw HTML in markdown is shown as text, never run", () => {
		const out = render('Hello <script>alert("x")</script> world');
		expect(out).not.toContain("<script>");
		expect(out).toContain("&lt;script&gt;");
	});

	test("alt text and captions are escaped", () => {
		const out = render('![a "quoted" <b>](bench.jpg "<i>caption</i>")');
		expect(out).toContain('alt="a &quot;quoted&quot; &lt;b&gt;"');
		expect(out).toContain("<figcaption>&lt;i&gt;caption&lt;/i&gt;</figcaption>");
	});

	test("tables render inside a scrolling wrapper", () => {
		const out = render("| Year | Event |\n| --- | --- |\n| 2016 | Copa America |\n");
		expect(out).toContain('<div class="table-scroll"><table>');
		expect(out).toContain("<td>Copa America</td>");
	});

	test("quotes become typographic", () => {
		expect(render('Mexico\'s "El Tri"')).toBe("<p>Mexico’s “El Tri”</p>\n");
	});

	test("inline markdown renders without a paragraph", () => {
		expect(renderInline("An *earlier* version")).toBe("An <em>earlier</em> version");
	});
});
