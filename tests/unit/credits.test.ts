import { describe, expect, test } from "vitest";
import {
	captionCredit,
	creditLine,
	creditSchema,
	creditText,
	exifTags,
	xmpPacket,
} from "../../src/credits.ts";

describe("captionCredit", () => {
	test.each([
		[
			"The bench. Photo: Yuri Cortez/AFP",
			"The bench.",
			{ credit: "Yuri Cortez", agency: "AFP" },
		],
		["The bench Photo: Yuri Cortez", "The bench", { credit: "Yuri Cortez", agency: undefined }],
		["Photo: Ana Ruiz / Reuters", "", { credit: "Ana Ruiz", agency: "Reuters" }],
		["The bench. photo: Ana Ruiz", "The bench.", { credit: "Ana Ruiz", agency: undefined }],
		["The bench", "The bench", undefined],
		["Photo:", "Photo:", undefined],
		["A Photographer's view", "A Photographer's view", undefined],
		[null, "", undefined],
	])("%j", (title, caption, credit) => {
		expect(captionCredit(title)).toEqual(credit ? { caption, credit } : { caption });
	});
});

describe("xmpPacket", () => {
	test("names the creator, credit line, source and copyright notice of IPTC Core", () => {
		const xmp = xmpPacket({ credit: "José Cortez", agency: "AFP", copyright: "© 2018 AFP" });
		expect(xmp).toContain(
			"<dc:creator><rdf:Seq><rdf:li>José Cortez</rdf:li></rdf:Seq></dc:creator>",
		);
		expect(xmp).toContain("<photoshop:Credit>José Cortez/AFP</photoshop:Credit>");
		expect(xmp).toContain("<photoshop:Source>AFP</photoshop:Source>");
		expect(xmp).toContain('<rdf:li xml:lang="x-default">© 2018 AFP</rdf:li>');
	});

	test("escapes XML and leaves out what was not given", () => {
		const xmp = xmpPacket({ credit: 'A & B <"C">' });
		expect(xmp).toContain("<rdf:li>A &amp; B &lt;&quot;C&quot;&gt;</rdf:li>");
		expect(xmp).not.toContain("photoshop:Source");
		expect(xmp).not.toContain("dc:rights");
		expect(creditText({ credit: "A", agency: "B" })).toBe("A/B");
	});
});

describe("one credit, every place it is written", () => {
	const credit = { credit: "Ruiz & Cortez", agency: "AFP", copyright: "© 2018 AFP" };

	test.each([
		["the line under a photo", creditLine(credit), "Photo: Ruiz & Cortez/AFP"],
		["the IPTC credit line", creditText(credit), "Ruiz & Cortez/AFP"],
		["without an agency", creditLine({ credit: "Ana Ruiz" }), "Photo: Ana Ruiz"],
	])("%s", (_name, got, want) => {
		expect(got).toBe(want);
	});

	test("EXIF carries the credit line as Artist and the notice as Copyright", () => {
		expect(exifTags(credit)).toEqual({
			IFD0: { Artist: "Ruiz & Cortez/AFP", Copyright: "© 2018 AFP" },
		});
		expect(exifTags({ credit: "Ana Ruiz" })).toEqual({ IFD0: { Artist: "Ana Ruiz" } });
	});

	test("JSON-LD names the creator, the credit text and the copyright notice", () => {
		expect(creditSchema(credit)).toEqual({
			creator: { "@type": "Person", name: "Ruiz & Cortez" },
			creditText: "Ruiz & Cortez/AFP",
			copyrightNotice: "© 2018 AFP",
		});
		expect(creditSchema({ credit: "Ana Ruiz" })).not.toHaveProperty("copyrightNotice");
	});
});
