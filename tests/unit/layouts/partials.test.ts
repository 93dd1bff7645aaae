import { describe, expect, test } from "vitest";
import { bodyPhoto, statusMark } from "../../../layouts/partials.ts";
import { catalogAt } from "../../helpers.ts";
import type { Photo } from "../../../src/content/types.ts";
import type { Rendition } from "../../../src/photos/types.ts";

const photo: Photo = {
	file: "/x/bench.jpg",
	src: "bench.jpg",
	href: "/articles/a/bench.jpg",
	width: 800,
	height: 600,
	format: "JPEG",
	alt: "The bench",
	caption: "Mexico's bench",
	credit: "Yuri Cortez",
	agency: "AFP",
	where: { file: "a.md", subject: "the body photo", line: () => 1 },
};

describe("body photos", () => {
	test("alone in its paragraph: a figure with its caption and credit, sized from the file", () => {
		expect(bodyPhoto(photo, true)).toBe(
			'<figure class="photo"><img src="/articles/a/bench.jpg" alt="The bench" width="800" height="600" loading="lazy" decoding="async"><figcaption><span class="caption">Mexico’s bench</span> <span class="credit">Photo: Yuri Cortez/AFP</span></figcaption></figure>\n',
		);
	});

	test("inside a line of text: the photo and its credit, no figure", () => {
		expect(bodyPhoto(photo, false)).toBe(
			'<img src="/articles/a/bench.jpg" alt="The bench" width="800" height="600" loading="lazy" decoding="async"> <span class="credit">Photo: Yuri Cortez/AFP</span>',
		);
	});

	test("processed: a lazy <picture> with AVIF and WebP sources and the body column's sizes", () => {
		const rendition: Rendition = {
			placeholder: "#334455",
			sources: [
				{ type: "image/avif", srcset: "/img/k-320.avif 320w, /img/k-800.avif 800w" },
				{ type: "image/webp", srcset: "/img/k-320.webp 320w, /img/k-800.webp 800w" },
			],
			fallback: {
				href: "/img/k-800.jpg",
				srcset: "/img/k-320.jpg 320w, /img/k-800.jpg 800w",
				width: 800,
				height: 600,
			},
			crops: [],
		};
		const sizes = "(min-width: 40rem) 37.5rem, calc(96vw - 1.2rem)";
		expect(bodyPhoto({ ...photo, caption: "Caption", rendition }, true)).toBe(
			`<figure class="photo"><picture><source type="image/avif" srcset="/img/k-320.avif 320w, /img/k-800.avif 800w" sizes="${sizes}"><source type="image/webp" srcset="/img/k-320.webp 320w, /img/k-800.webp 800w" sizes="${sizes}"><img src="/img/k-800.jpg" srcset="/img/k-320.jpg 320w, /img/k-800.jpg 800w" sizes="${sizes}" alt="The bench" width="800" height="600" loading="lazy" decoding="async" style="background-color:#334455"></picture><figcaption><span class="caption">Caption</span> <span class="credit">Photo: Yuri Cortez/AFP</span></figcaption></figure>\n`,
		);
	});

	test("alt text, caption and credit are escaped", () => {
		const out = bodyPhoto(
			{ ...photo, alt: 'a "quoted" <b>', caption: "<i>caption</i>", credit: "Ruiz & Cortez" },
			true,
		);
		expect(out).toContain('alt="a &quot;quoted&quot; &lt;b&gt;"');
		expect(out).toContain('<span class="caption">&lt;i&gt;caption&lt;/i&gt;</span>');
		expect(out).toContain("Photo: Ruiz &amp; Cortez/AFP");
	});
});

describe("the preview's mark on listings", () => {
	test("a draft says so, a scheduled article says when, a published one carries nothing", async () => {
		const catalog = await catalogAt("2026-01-01T00:00:00Z", true);
		const bySlug = (slug: string) => {
			const found = catalog.articles.find((a) => a.slug === slug);
			if (!found) throw new Error(slug);
			return found;
		};
		expect(String(statusMark(catalog, bySlug("draft-story")))).toBe(
			'<p class="status-mark">Draft</p>',
		);
		expect(String(statusMark(catalog, bySlug("future-story")))).toBe(
			'<p class="status-mark">Scheduled for January 1, 2099 at 2:00 AM CST</p>',
		);
		expect(String(statusMark(catalog, bySlug("first-story")))).toBe("");
	});
});
