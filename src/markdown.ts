/**
 * The markdown-it instance for article bodies: CommonMark with tables and typographic quotes,
 * raw HTML off (editors' text is always escaped), and a photo alone in its paragraph turned
 * into a figure with its caption.
 */
import MarkdownIt, { type MarkdownIt as MarkdownItInstance } from "markdown-it";
import type { Article } from "./content.ts";
import { html } from "./html.ts";
import { SIZES, captionCredit, photoKey, picture } from "./images.ts";
import { creditLine } from "../layouts/partials.ts";

/** What the renderer needs to know about the article being rendered. */
export interface MarkdownEnv {
	[key: string | symbol]: unknown;
	article?: Pick<Article, "href" | "photos">;
	/** The path the site is served under ("" at a domain's root), for editors' root-relative links. */
	basePath?: string;
}

/** Creates the markdown-it instance Dateline renders bodies with. */
export function createMarkdown(): MarkdownItInstance {
	const md = new MarkdownIt("commonmark", { html: false, xhtmlOut: false, typographer: true });
	md.enable(["table", "replacements", "smartquotes"]);

	// A paragraph holding only a photo becomes a <figure>, so photos never sit inside <p>.
	md.core.ruler.push("dateline_figures", (state) => {
		const tokens = state.tokens;
		for (let i = 1; i < tokens.length - 1; i++) {
			const inline = tokens[i];
			const open = tokens[i - 1];
			const close = tokens[i + 1];
			if (
				inline?.type !== "inline" ||
				open?.type !== "paragraph_open" ||
				close?.type !== "paragraph_close"
			)
				continue;
			const children = inline.children ?? [];
			if (children.length === 1 && children[0]?.type === "image") {
				open.hidden = true;
				close.hidden = true;
				children[0].meta = { figure: true };
			}
		}
	});

	md.renderer.rules.image = (tokens, idx, _options, env?: MarkdownEnv) => {
		const token = tokens[idx];
		if (!token) return "";
		const src = String(token.attrGet("src") ?? "");
		const alt = token.children
			? md.renderer.renderInlineAsText(token.children, md.options, env ?? {})
			: token.content;
		// The caption may end with the photo's own credit ("... Photo: Name/Agency").
		const title = token.attrGet("title");
		const { caption, credit } = captionCredit(title === null ? null : String(title));
		const photos = env?.article?.photos;
		// By file and caption; else the one photo of that file (a caption markdown-it decoded
		// differently from the check, entities say).
		const bySrc = [...(photos?.values() ?? [])].filter((p) => p.src === src);
		const photo =
			photos?.get(photoKey(src, title === null ? null : String(title))) ??
			(bySrc.length === 1 ? bySrc[0] : undefined);
		if (!photo)
			return html`<img src="${src}" alt="${alt}" loading="lazy" decoding="async">`.toString();
		const img = picture(photo, alt, { sizes: SIZES.inline });
		const line = html`<span class="credit">${creditLine(credit ?? photo)}</span>`;
		// A photo inside a line of text gets no figure, but still its credit.
		if (!(token.meta as { figure?: boolean } | null)?.figure)
			return html`${img} ${line}`.toString();
		const shown = caption ? html`<span class="caption">${caption}</span> ` : "";
		return html`<figure class="photo">${img}<figcaption>${shown}${line}</figcaption></figure>\n`.toString();
	};

	// Editors link to other articles as /articles/slug/; a site served under a path needs it in front.
	const linkOpen = md.renderer.rules.link_open;
	md.renderer.rules.link_open = (tokens, idx, options, env?: MarkdownEnv, self?) => {
		const token = tokens[idx];
		const href = token?.attrGet("href");
		const base = env?.basePath ?? "";
		if (
			token &&
			base &&
			typeof href === "string" &&
			/^\/(?!\/)/.test(href) &&
			!href.startsWith(`${base}/`)
		) {
			token.attrSet("href", `${base}${href}`);
		}
		return linkOpen
			? linkOpen(tokens, idx, options, env, self ?? md.renderer)
			: md.renderer.renderToken(tokens, idx, options);
	};

	// Tables scroll sideways on phones instead of widening the page.
	md.renderer.rules.table_open = () => '<div class="table-scroll"><table>\n';
	md.renderer.rules.table_close = () => "</table></div>\n";
	return md;
}

const markdown = createMarkdown();

/** Renders an article's body to HTML. */
export function renderBody(
	article: Pick<Article, "body" | "href" | "photos">,
	basePath = "",
): string {
	const env: MarkdownEnv = { article, basePath };
	return markdown.render(article.body, env);
}

/** Renders a line of inline markdown (no paragraphs), e.g. a correction note. */
export function renderInline(text: string, basePath = ""): string {
	const env: MarkdownEnv = { basePath };
	return markdown.renderInline(text, env);
}
