/**
 * Schema.org JSON-LD, typed with schema-dts: a NewsArticle for every article (with the lead
 * photo's credit as an ImageObject and the distribution crops), and the Organization and
 * WebSite on the home page. Serialised with jsonForScript so no value can end the script.
 */
import type {
	CorrectionComment,
	ImageObject,
	NewsArticle,
	Organization,
	Person,
	WebSite,
	WithContext,
} from "schema-dts";
import type { Article, Author } from "./content/types.ts";
import type { Catalog } from "./content/catalog.ts";
import { creditSchema } from "./credits.ts";
import { html, jsonForScript, type SafeHtml } from "./html.ts";
import { publishedImage } from "./photos/publish.ts";
import { absoluteUrl } from "./urls.ts";

function publisher(catalog: Catalog): Exclude<Organization, string> {
	const { site } = catalog;
	return {
		"@type": "Organization",
		name: site.name,
		url: absoluteUrl(catalog, catalog.url("/")),
		logo: {
			"@type": "ImageObject",
			url: absoluteUrl(catalog, catalog.logo.href),
			width: { "@type": "QuantitativeValue", value: catalog.logo.width, unitCode: "E37" },
			height: { "@type": "QuantitativeValue", value: catalog.logo.height, unitCode: "E37" },
		},
	};
}

function author(catalog: Catalog, a: Author): Person | Organization {
	const url = absoluteUrl(catalog, a.href);
	const sameAs = a.url ? { sameAs: a.url } : {};
	// The avatar as the photo pipeline published it, credited to the publication.
	const avatar = a.avatarFile
		? { image: absoluteUrl(catalog, publishedImage(a.avatarFile).href) }
		: {};
	return a.type === "organization"
		? { "@type": "Organization", name: a.name, url, ...sameAs, ...avatar }
		: {
				"@type": "Person",
				name: a.name,
				url,
				...sameAs,
				...avatar,
				...(a.role ? { jobTitle: a.role } : {}),
			};
}

/** The lead photo with its credit, for `image` and for reuse by feeds. */
export function leadImageObject(catalog: Catalog, article: Article): ImageObject {
	const photo = article.image;
	const fallback = photo.rendition?.fallback;
	return {
		"@type": "ImageObject",
		contentUrl: absoluteUrl(catalog, fallback?.href ?? photo.href),
		url: absoluteUrl(catalog, fallback?.href ?? photo.href),
		width: {
			"@type": "QuantitativeValue",
			value: fallback?.width ?? photo.width,
			unitCode: "E37",
		},
		height: {
			"@type": "QuantitativeValue",
			value: fallback?.height ?? photo.height,
			unitCode: "E37",
		},
		caption: photo.caption ?? photo.alt,
		...creditSchema(photo),
	};
}

/** The distribution crops (16:9, 4:3, 1:1) as absolute URLs; the photo itself when none exist. */
export function cropUrls(catalog: Catalog, article: Article): string[] {
	const crops = article.image.rendition?.crops ?? [];
	return crops.length > 0
		? crops.map((c) => absoluteUrl(catalog, c.href))
		: [absoluteUrl(catalog, article.image.href)];
}

/** The NewsArticle for one article. */
export function newsArticle(catalog: Catalog, article: Article): WithContext<NewsArticle> {
	const url = absoluteUrl(catalog, article.href);
	const corrections = (article.data.corrections ?? []).map((c): CorrectionComment => ({
		"@type": "CorrectionComment",
		text: c.text,
		datePublished: c.date,
	}));
	return {
		"@context": "https://schema.org",
		"@type": "NewsArticle",
		headline: article.data.title,
		description: article.data.description,
		image: [leadImageObject(catalog, article), ...cropUrls(catalog, article)],
		datePublished: article.data.date,
		dateModified: article.data.updated ?? article.data.date,
		author: article.authors.map((a) => author(catalog, a)),
		publisher: publisher(catalog),
		articleSection: article.section.name,
		keywords: article.tags.map((t) => catalog.tag(t).name),
		inLanguage: catalog.site.language,
		isAccessibleForFree: true,
		mainEntityOfPage: { "@type": "WebPage", "@id": url },
		url,
		...(corrections.length > 0 ? { correction: corrections } : {}),
	};
}

/** The Organization and WebSite for the home page. */
export function homeGraph(catalog: Catalog): [WithContext<Organization>, WithContext<WebSite>] {
	const home = absoluteUrl(catalog, catalog.url("/"));
	const website: WithContext<WebSite> = {
		"@context": "https://schema.org",
		"@type": "WebSite",
		name: catalog.site.name,
		url: home,
		inLanguage: catalog.site.language,
		publisher: { "@type": "Organization", name: catalog.site.name, url: home },
	};
	if (catalog.site.description) website.description = catalog.site.description;
	const organization: WithContext<Organization> = {
		"@context": "https://schema.org",
		...publisher(catalog),
	};
	return [organization, website];
}

/** A `<script type="application/ld+json">` element; `<` is escaped inside. */
export function jsonLdScript(data: unknown): SafeHtml {
	return html`<script type="application/ld+json">${jsonForScript(data)}</script>`;
}
