import { parseHTML } from "linkedom";
import { describe, expect, test } from "vitest";
import {
	bodyPhotos,
	emptyPaths,
	previewArticle,
	previewCatalog,
	previewPage,
	type PreviewPhotos,
	type PreviewSnapshot,
} from "../../../src/cms/preview.ts";

const NOW = Date.parse("2026-12-01T15:00:00Z");
const where = { file: "", subject: "", line: () => undefined };
const brand = { file: "", width: 512, height: 512, format: "png", where };
const SNAPSHOT: PreviewSnapshot = {
	site: {
		name: "Dateline Football",
		url: "https://newsroom.example/dateline/",
		language: "en",
		timezone: "America/Mexico_City",
		logo: "brand/logo.png",
		image: "brand/social.png",
		logoFile: { ...brand, href: "/dateline/img/0123456789abcdef-512.jpg" },
		imageFile: { ...brand, href: "/dateline/img/fedcba9876543210-512.jpg" },
	},
	authors: [["goal-staff", { name: "Goal staff", type: "organization" }]],
	sections: [["national-teams", { name: "National teams" }]],
	tags: { mexico: { name: "Mexico" } },
};

/** Decap hands out blob: URLs for photos it holds; sizes arrive once a photo has loaded. */
const PHOTOS: PreviewPhotos = {
	href: (src) => `blob:admin/${src}`,
	size: (href) => (href === "blob:admin/lead.jpg" ? { width: 1600, height: 900 } : undefined),
};

function page(fields: Record<string, unknown>): Document {
	const catalog = previewCatalog(SNAPSHOT, NOW);
	const article = previewArticle(catalog, "interim-coach", fields, PHOTOS);
	return parseHTML(previewPage(catalog, article)).document;
}

const FIELDS = {
	title: "Mexico names an interim coach",
	kicker: "Source",
	description: "The federation turns to an interim coach for the September friendlies.",
	date: "2026-11-30T10:00:00-06:00",
	authors: ["goal-staff"],
	section: "national-teams",
	tags: ["mexico"],
	image: { src: "lead.jpg", alt: "The coach", credit: "Ana Pérez", agency: "AFP" },
	body: 'First paragraph.\n\n![The bench](bench.jpg "Before the match. Photo: Yuri Cortez/AFP")\n',
};

describe("the preview is the article page", () => {
	test("headline, standfirst, byline and dateline in the publication's zone", () => {
		const doc = page(FIELDS);
		expect(doc.querySelector("h1.headline")?.textContent).toBe(FIELDS.title);
		expect(doc.querySelector(".standfirst")?.textContent).toBe(FIELDS.description);
		expect(doc.querySelector(".byline")?.textContent).toBe("By Goal staff");
		expect(doc.querySelector(".dateline")?.textContent).toBe(
			"Published November 30, 2026 at 10:00 AM CST",
		);
		expect(doc.querySelector(".kicker a")?.getAttribute("href")).toBe(
			"/dateline/sections/national-teams/",
		);
	});

	test("the lead photo from the editor's file, at its size, with its credit", () => {
		const img = page(FIELDS).querySelector(".lead-photo img");
		expect(img?.getAttribute("src")).toBe("blob:admin/lead.jpg");
		expect(img?.getAttribute("alt")).toBe("The coach");
		expect([img?.getAttribute("width"), img?.getAttribute("height")]).toEqual(["1600", "900"]);
		expect(page(FIELDS).querySelector(".lead-photo .credit")?.textContent).toBe(
			"Photo: Ana Pérez/AFP",
		);
	});

	test("a body photo as a figure with its caption and the credit its caption ends with", () => {
		const figure = page(FIELDS).querySelector(".story-body figure.photo");
		expect(figure?.querySelector("img")?.getAttribute("src")).toBe("blob:admin/bench.jpg");
		expect(figure?.querySelector(".caption")?.textContent).toBe("Before the match.");
		expect(figure?.querySelector(".credit")?.textContent).toBe("Photo: Yuri Cortez/AFP");
	});

	test("a body photo without a credit says so instead of guessing", () => {
		const doc = page({ ...FIELDS, body: '![A bench](bench.jpg "The bench")\n' });
		expect(doc.querySelector(".story-body .credit")?.textContent).toBe(
			"Photo: no credit yet: end the caption with “Photo: Name”",
		);
	});

	test("drafts and future dates carry their banners", () => {
		expect(page({ ...FIELDS, draft: true }).querySelector(".banner")?.textContent).toContain(
			"Draft.",
		);
		expect(
			page({ ...FIELDS, date: "2027-01-01T09:00:00-06:00" }).querySelector(".banner")
				?.textContent,
		).toContain("Scheduled for January 1, 2027 at 9:00 AM CST.");
	});

	test("a new, empty form still renders, dated now", () => {
		const doc = page({});
		expect(doc.querySelector("h1.headline")?.textContent).toBe("");
		expect(doc.querySelector(".kicker")?.textContent).toBe("No section yet");
		expect(doc.querySelector(".dateline")?.textContent).toBe(
			"Published December 1, 2026 at 9:00 AM CST",
		);
	});

	test("what the editor types is escaped", () => {
		const doc = page({ ...FIELDS, title: "<script>alert(1)</script> in the headline" });
		expect(doc.querySelector("h1.headline script")).toBeNull();
		expect(doc.querySelector("h1.headline")?.textContent).toContain("<script>");
	});
});

test("bodyPhotos reads photos as markdown-it does, titles included", () => {
	expect(bodyPhotos('Text ![a](x.jpg) and\n\n![b](y.png "Cap. Photo: N")\n')).toEqual([
		{ src: "x.jpg", alt: "a", title: null },
		{ src: "y.png", alt: "b", title: "Cap. Photo: N" },
	]);
});

describe("emptied fields are dropped before saving", () => {
	test.each([
		[{ title: "T", kicker: "" }, [["kicker"]]],
		[{ updated: null }, [["updated"]]],
		[{ tags: [] }, [["tags"]]],
		[
			{ aliases: ["a", "", "b", ""] },
			[
				["aliases", 3],
				["aliases", 1],
			],
		],
		[
			{ image: { src: "a.jpg", caption: "", focus: [] } },
			[
				["image", "focus"],
				["image", "caption"],
			],
		],
		[{ corrections: [{ date: "", text: "" }] }, [["corrections"]]],
		[{ draft: false, focus: [0, 0.5] }, []],
	])("%j -> %j", (data, paths) => {
		expect(emptyPaths(data)).toEqual(paths);
	});
});
