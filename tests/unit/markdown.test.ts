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
	credit: "Yuri Cortez",
	agency: "AFP",
};

function render(body: string): string {
	return renderBody({ body, href: "/articles/a/", photos: new Map([["bench.jpg", photo]]) });
}

describe("article bodies", () => {
	test("a photo alone in its paragraph becomes a figure with its caption and credit, sized from the file", () => {
		expect(render('![The bench](bench.jpg "Mexico\'s bench")')).toBe(
			'<figure class="photo"><img src="/articles/a/bench.jpg" alt="The bench" width="800" height="600" loading="lazy" decoding="async"><figcaption><span class="caption">Mexico&#39;s bench</span> <span class="credit">Photo: Yuri Cortez/AFP</span></figcaption></figure>\n',
		);
	});

	test("a credit at the end of the caption is shown as the photo's credit line", () => {
		const out = render('![The bench](bench.jpg "Mexico\'s bench. Photo: Ana Ruiz/Reuters")');
		expect(out).toContain(
			'<figcaption><span class="caption">Mexico&#39;s bench.</span> <span class="credit">Photo: Ana Ruiz/Reuters</span></figcaption>',
		);
	});

	test("a processed photo becomes a lazy <picture> with AVIF and WebP sources and the body column's sizes", () => {
		const rendition = {
			placeholder: "#334455",
			sources: [
				{
					type: "image/avif" as const,
					srcset: "/img/k-320.avif 320w, /img/k-800.avif 800w",
				},
				{
					type: "image/webp" as const,
					srcset: "/img/k-320.webp 320w, /img/k-800.webp 800w",
				},
			],
			fallback: {
				href: "/img/k-800.jpg",
				srcset: "/img/k-320.jpg 320w, /img/k-800.jpg 800w",
				width: 800,
				height: 600,
			},
			crops: [],
		};
		const out = renderBody({
			body: '![The bench](bench.jpg "Caption")',
			href: "/articles/a/",
			photos: new Map([["bench.jpg", { ...photo, rendition }]]),
		});
		const sizes = "(min-width: 40rem) 37.5rem, calc(96vw - 1.2rem)";
		expect(out).toBe(
			`<figure class="photo"><picture><source type="image/avif" srcset="/img/k-320.avif 320w, /img/k-800.avif 800w" sizes="${sizes}"><source type="image/webp" srcset="/img/k-320.webp 320w, /img/k-800.webp 800w" sizes="${sizes}"><img src="/img/k-800.jpg" srcset="/img/k-320.jpg 320w, /img/k-800.jpg 800w" sizes="${sizes}" alt="The bench" width="800" height="600" loading="lazy" decoding="async" style="background-color:#334455"></picture><figcaption><span class="caption">Caption</span> <span class="credit">Photo: Yuri Cortez/AFP</span></figcaption></figure>\n`,
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
		expect(out).toContain('<span class="caption">&lt;i&gt;caption&lt;/i&gt;</span>');
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
