import { describe, expect, test } from "vitest";
import { SIZES, picture } from "../../../layouts/picture.ts";
import type { Rendition } from "../../../src/photos/types.ts";

describe("picture", () => {
	const rendition: Rendition = {
		placeholder: "#123456",
		sources: [
			{ type: "image/avif", srcset: "/img/k-64.avif 64w" },
			{ type: "image/webp", srcset: "/img/k-64.webp 64w" },
		],
		fallback: { href: "/img/k-64.jpg", srcset: "/img/k-64.jpg 64w", width: 64, height: 48 },
		crops: [],
	};
	const base = { file: "/x.jpg", width: 640, height: 480, format: "JPEG", href: "/a/x.jpg" };

	test("the lead photo loads eagerly with high priority, AVIF first, then WebP and the JPEG", () => {
		expect(
			picture({ ...base, rendition }, 'a "quoted" <alt>', {
				sizes: SIZES.lead,
				eager: true,
			}).toString(),
		).toBe(
			`<picture><source type="image/avif" srcset="/img/k-64.avif 64w" sizes="${SIZES.lead}"><source type="image/webp" srcset="/img/k-64.webp 64w" sizes="${SIZES.lead}"><img src="/img/k-64.jpg" srcset="/img/k-64.jpg 64w" sizes="${SIZES.lead}" alt="a &quot;quoted&quot; &lt;alt&gt;" width="64" height="48" loading="eager" fetchpriority="high" style="background-color:#123456"></picture>`,
		);
	});

	test("other photos load lazily and decode off the main thread; a focus positions a cropped card", () => {
		const out = picture({ ...base, rendition }, "", {
			sizes: SIZES.card,
			focus: [0.25, 0.8],
		}).toString();
		expect(out).toContain('loading="lazy" decoding="async"');
		expect(out).not.toContain("fetchpriority");
		expect(out).toContain('style="background-color:#123456;object-position:25% 80%"');
	});

	test("before the pipeline has run, a plain sized <img> of the file", () => {
		expect(picture(base, "x", { sizes: SIZES.inline }).toString()).toBe(
			'<img src="/a/x.jpg" alt="x" width="640" height="480" loading="lazy" decoding="async">',
		);
	});
});
