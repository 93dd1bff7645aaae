/**
 * The one place a photo's credit is put into words: the line under a photo ("Photo: Name/
 * Agency"), the IPTC credit line ("Name/Agency"), the XMP and EXIF fields written into every
 * published file, the JSON-LD creator, and the credit an editor writes at the end of a body
 * photo's caption. Everything that names a photographer calls a function of this module.
 */
import type { Exif } from "sharp";

/** Who to credit for a photo, as the editor wrote it. */
export interface PhotoCredit {
	credit: string;
	agency?: string | undefined;
	copyright?: string | undefined;
}

// "... Photo: Yuri Cortez/AFP" at the end of a body photo's caption.
const CAPTION_CREDIT_RE = /(?:^|\s)Photo:\s*([^/]*?\S)\s*(?:\/\s*(.*?\S)\s*)?$/i;
const XML_ESCAPES: Record<string, string> = {
	"&": "&amp;",
	"<": "&lt;",
	">": "&gt;",
	'"': "&quot;",
};

/** "Yuri Cortez/AFP": the IPTC credit line, and what "Photo:" is followed by under a photo. */
export function creditText(credit: PhotoCredit): string {
	return credit.agency ? `${credit.credit}/${credit.agency}` : credit.credit;
}

/** "Photo: Yuri Cortez/AFP": the credit shown under every photo. */
export function creditLine(credit: PhotoCredit): string {
	return `Photo: ${creditText(credit)}`;
}

/** Splits "The bench. Photo: Yuri Cortez/AFP" into the caption and the credit it ends with. */
export function captionCredit(title: string | null | undefined): {
	caption: string;
	credit?: PhotoCredit;
} {
	const text = (title ?? "").trim();
	const match = CAPTION_CREDIT_RE.exec(text);
	if (!match?.[1]) return { caption: text };
	return {
		caption: text.slice(0, match.index).trim(),
		credit: { credit: match[1], agency: match[2] },
	};
}

function escapeXml(text: string): string {
	return text.replace(/[&<>"]/g, (ch) => XML_ESCAPES[ch] ?? ch);
}

/**
 * The XMP packet written into every file: IPTC Core's Creator (dc:creator), Credit Line
 * (photoshop:Credit), Source (the agency) and Copyright Notice (dc:rights). The caption is left
 * out on purpose: it differs between articles, and would split one photo's encodes in two.
 */
export function xmpPacket(credit: PhotoCredit): string {
	const fields = [
		`<dc:creator><rdf:Seq><rdf:li>${escapeXml(credit.credit)}</rdf:li></rdf:Seq></dc:creator>`,
		`<photoshop:Credit>${escapeXml(creditText(credit))}</photoshop:Credit>`,
		credit.agency ? `<photoshop:Source>${escapeXml(credit.agency)}</photoshop:Source>` : "",
		credit.copyright
			? `<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(credit.copyright)}</rdf:li></rdf:Alt></dc:rights><xmpRights:Marked>True</xmpRights:Marked>`
			: "",
	];
	return [
		`<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>`,
		`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`,
		`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/">`,
		...fields.filter(Boolean),
		`</rdf:Description></rdf:RDF></x:xmpmeta>`,
		`<?xpacket end="w"?>`,
	].join("\n");
}

/**
 * EXIF Artist and Copyright, for tools that read only EXIF. libexif writes these fields as
 * ASCII ("José" becomes "Jose"); the XMP keeps the exact spelling.
 */
export function exifTags(credit: PhotoCredit): Exif {
	const tags: Record<string, string> = { Artist: creditText(credit) };
	if (credit.copyright) tags.Copyright = credit.copyright;
	return { IFD0: tags };
}

/** The schema.org fields of an ImageObject that credit it: creator, creditText, copyrightNotice. */
export function creditSchema(credit: PhotoCredit): {
	creator: { "@type": "Person"; name: string };
	creditText: string;
	copyrightNotice?: string;
} {
	return {
		creator: { "@type": "Person", name: credit.credit },
		creditText: creditText(credit),
		...(credit.copyright ? { copyrightNotice: credit.copyright } : {}),
	};
}
