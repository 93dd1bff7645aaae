/**
 * The markdown-it instance for article bodies: CommonMark with tables and typographic quotes,
 * raw HTML off (editors' text is always escaped), and a photo alone in its paragraph turned
 * into a figure. markdown-it is the one reader of body photos: the content check takes them
 * from its image tokens, and the renderer hands each image token the checked photo of the same
 * place, so the two can never disagree about which photos a body holds.
 */
import MarkdownIt, {
	type MarkdownIt as MarkdownItInstance,
	type StateCore,
	type Token,
} from "markdown-it";

/** An image token of a body, with the body line it is on (1-based). */
export interface BodyImage {
	token: Token;
	line: number;
	/** The alt text as readers get it (markup stripped, escapes resolved). */
	alt: string;
}

/** How a layout draws a body photo: the checked photo, and whether it stands alone as a figure. */
export type BodyPhotoRenderer<P> = (photo: P, figure: boolean) => string;

/** What the renderer needs to know about the body being rendered or checked. */
export interface MarkdownEnv {
	[key: string | symbol]: unknown;
	/** The path the site is served under ("" at a domain's root), for editors' root-relative links. */
	basePath?: string;
	/** The checked photos of the body, in the order of its image tokens. */
	photos?: readonly unknown[];
	/** Draws a checked photo; layouts provide it. */
	renderPhoto?: BodyPhotoRenderer<never>;
	/** Filled by a parse: the body's image tokens, in order. */
	images?: BodyImage[];
	/** Filled by a parse: lines holding a `![` that does not make a photo. */
	unread?: number[];
}

/**
 * Walks the inline tokens of a parse with the body line of each child: a paragraph's children
 * are on its first line until a line break.
 */
function eachInlineChild(state: StateCore, visit: (child: Token, line: number) => void): void {
	let line = 1;
	for (const block of state.tokens) {
		if (block.map) line = block.map[0] + 1;
		if (block.type !== "inline") continue;
		let at = line;
		for (const child of block.children ?? []) {
			visit(child, at);
			if (child.type === "softbreak" || child.type === "hardbreak") at++;
		}
	}
}

/** Creates the markdown-it instance Dateline checks and renders bodies with. */
export function createMarkdown(): MarkdownItInstance {
	const md = new MarkdownIt("commonmark", { html: false, xhtmlOut: false, typographer: true });
	md.enable(["table", "replacements", "smartquotes"]);

	// Before escapes are joined into text: `\![` is an escaped `!`, never an unread photo.
	md.core.ruler.before("text_join", "dateline_unread_photos", (state) => {
		const env = state.env as MarkdownEnv;
		env.unread = [];
		eachInlineChild(state, (child, line) => {
			if (child.type === "text" && child.content.includes("![")) env.unread?.push(line);
		});
	});

	// Every image token, in order, takes the checked photo of its place.
	md.core.ruler.push("dateline_photos", (state) => {
		const env = state.env as MarkdownEnv;
		const images: BodyImage[] = [];
		eachInlineChild(state, (child, line) => {
			if (child.type !== "image") return;
			const alt = md.renderer.renderInlineAsText(child.children ?? [], md.options, env);
			child.meta = { figure: false, photo: env.photos?.[images.length] };
			images.push({ token: child, line, alt });
		});
		env.images = images;
	});
	// A photo alone in its paragraph becomes a <figure>, so photos never sit inside <p>.
	md.core.ruler.push("dateline_figures", (state) => {
		for (let i = 1; i < state.tokens.length - 1; i++) {
			const inline = state.tokens[i];
			const open = state.tokens[i - 1];
			const close = state.tokens[i + 1];
			const only = inline?.children?.length === 1 && inline.children[0]?.type === "image";
			if (only && open?.type === "paragraph_open" && close?.type === "paragraph_close") {
				open.hidden = true;
				close.hidden = true;
				(inline.children?.[0]?.meta as { figure: boolean }).figure = true;
			}
		}
	});

	md.renderer.rules.image = (tokens, idx, _options, env?: MarkdownEnv) => {
		const meta = tokens[idx]?.meta as { figure: boolean; photo: unknown } | undefined;
		const render = env?.renderPhoto as BodyPhotoRenderer<unknown> | undefined;
		// The check reads every image token of a body; one without its photo is a bug, never a page.
		if (meta?.photo === undefined || !render) {
			throw new Error(
				"Dateline renders only body photos the content check has read; this one was not.",
			);
		}
		return render(meta.photo, meta.figure);
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

/**
 * Reads a body the way the renderer will: its image tokens in order, each with its line, and
 * the lines of `![` that make no photo.
 */
export function readBody(body: string): { images: BodyImage[]; unread: number[] } {
	const env: MarkdownEnv = {};
	markdown.parse(body, env);
	return { images: env.images ?? [], unread: env.unread ?? [] };
}

/** Renders an article's body to HTML, each image token drawn from the checked photo of its place. */
export function renderBody<P>(
	body: string,
	photos: readonly P[],
	renderPhoto: BodyPhotoRenderer<P>,
	basePath = "",
): string {
	const env: MarkdownEnv = {
		basePath,
		photos,
		renderPhoto,
	};
	return markdown.render(body, env);
}

/** Renders a line of inline markdown (no paragraphs), e.g. a correction note. */
export function renderInline(text: string, basePath = ""): string {
	const env: MarkdownEnv = { basePath };
	return markdown.renderInline(text, env);
}
