/** Photo markup: `<picture>` with AVIF, WebP and the JPEG fallback, and the `sizes` of each place. */
import { html, type SafeHtml } from "../src/html.ts";
import type { PublishablePhoto } from "../src/photos/types.ts";

/**
 * `sizes` for each place a photo appears; they mirror assets/css/. The wide container
 * is 76rem with a gap of clamp(1rem, 0.6rem + 2vw, 2rem) each side; the body column 40rem;
 * cards fill columns of at least 16rem.
 */
export const SIZES = {
	/** A lead photo in the wide container (the default of `leadFigure`). */
	lead: "(min-width: 76rem) 72rem, (min-width: 70rem) calc(100vw - 4rem), calc(96vw - 1.2rem)",
	/** The article's lead photo: edge to edge on a phone, 7/12 of the wide column from 64rem. */
	articleLead:
		"(min-width: 76rem) 42rem, (min-width: 64rem) calc(57vw - 3rem), (min-width: 40rem) calc(100vw - 4rem), 100vw",
	/** A list row's thumbnail: 6.5rem on a phone, 14rem from 48rem. */
	row: "(min-width: 48rem) 14rem, 6.5rem",
	/** The home page's lead story: the photo takes 3fr of a 3fr 2fr grid from 56rem. */
	homeLead: "(min-width: 76rem) 42rem, (min-width: 56rem) calc(60vw - 3rem), calc(96vw - 1.2rem)",
	/** A body photo in `.story-body`. */
	inline: "(min-width: 40rem) 37.5rem, calc(96vw - 1.2rem)",
	/** `.card-grid` columns: one, two, three, then four of about 16.5rem. */
	card: "(min-width: 76rem) 16.5rem, (min-width: 74rem) calc(25vw - 2.5rem), (min-width: 55rem) calc(33.4vw - 2rem), (min-width: 36rem) calc(50vw - 2rem), calc(100vw - 2rem)",
} as const;

/** The `<picture>` for a photo, or a plain `<img>` of its file before the pipeline has run. */
export function picture(
	photo: PublishablePhoto & { href: string },
	alt: string,
	options: { sizes: string; eager?: boolean; focus?: readonly [number, number] | undefined },
): SafeHtml {
	const loading = options.eager
		? html` loading="eager" fetchpriority="high"`
		: html` loading="lazy" decoding="async"`;
	const r = photo.rendition;
	if (!r) {
		return html`<img src="${photo.href}" alt="${alt}" width="${photo.width}" height="${photo.height}"${loading}>`;
	}
	// Cards crop with object-fit; the editor's focus keeps the subject in frame there too.
	const position = options.focus
		? `;object-position:${options.focus.map((f) => `${String(Math.round(f * 100))}%`).join(" ")}`
		: "";
	return html`<picture>${r.sources.map(
		(s) => html`<source type="${s.type}" srcset="${s.srcset}" sizes="${options.sizes}">`,
	)}<img src="${r.fallback.href}" srcset="${r.fallback.srcset}" sizes="${options.sizes}" alt="${alt}" width="${r.fallback.width}" height="${r.fallback.height}"${loading} style="background-color:${r.placeholder}${position}"></picture>`;
}
