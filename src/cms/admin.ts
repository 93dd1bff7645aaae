/**
 * The admin page's own script, bundled for the browser at build time (src/cms/plugin.ts): it
 * gives Decap CMS the site's article page as the preview, the site's CSS inside it, and drops
 * fields the editor left empty before an entry is saved.
 */
import {
	emptyPaths,
	previewArticle,
	previewCatalog,
	previewPage,
	SNAPSHOT_ID,
	type PreviewSnapshot,
} from "./preview.ts";

/** The parts of Immutable.js maps Decap hands out that this script uses. */
interface ImmutableMap {
	get(key: string): unknown;
	toJS(): unknown;
	deleteIn(path: (string | number)[]): ImmutableMap;
}

interface PreviewProps {
	entry: ImmutableMap;
	getAsset: (path: string) => { toString(): string } | undefined;
}

interface PreviewComponent {
	props: PreviewProps;
	state: { sizes: Record<string, { width: number; height: number }> };
	setState(state: PreviewComponent["state"]): void;
}

/** What decap-cms.js puts on `window`. */
interface DecapWindow {
	CMS: {
		registerPreviewTemplate(name: string, component: unknown): void;
		registerPreviewStyle(style: string, options: { raw: boolean }): void;
		registerEventListener(listener: {
			name: string;
			handler: (event: { entry: ImmutableMap }) => unknown;
		}): void;
	};
	createClass(spec: Record<string, unknown>): unknown;
	h(type: string, props: Record<string, unknown>): unknown;
}

function start(): void {
	const decap = window as unknown as DecapWindow;
	const element = document.getElementById(SNAPSHOT_ID);
	if (!element?.textContent) throw new Error(`the admin page has no #${SNAPSHOT_ID} data`);
	const { css, ...snapshot } = JSON.parse(element.textContent) as PreviewSnapshot & {
		css: string;
	};
	const loading = new Set<string>();

	const ArticlePreview = decap.createClass({
		getInitialState: () => ({ sizes: {} }),
		/** Measures a photo once, then draws the preview again at its real proportions. */
		measure(this: PreviewComponent, href: string) {
			if (!href || loading.has(href)) return;
			loading.add(href);
			const img = new Image();
			img.onload = () => {
				const sizes = { ...this.state.sizes };
				sizes[href] = { width: img.naturalWidth, height: img.naturalHeight };
				this.setState({ sizes });
			};
			img.src = href;
		},
		render(this: PreviewComponent & { measure(href: string): void }) {
			const { entry, getAsset } = this.props;
			const catalog = previewCatalog(snapshot);
			// A new entry has no slug until it is saved.
			const slug = entry.get("slug");
			const article = previewArticle(
				catalog,
				typeof slug === "string" && slug ? slug : "new-article",
				(entry.get("data") as ImmutableMap).toJS() as Record<string, unknown>,
				{
					href: (src) => getAsset(src)?.toString() ?? src,
					size: (href) => {
						const size = this.state.sizes[href];
						if (!size) this.measure(href);
						return size;
					},
				},
			);
			const page = new DOMParser().parseFromString(
				previewPage(catalog, article),
				"text/html",
			);
			return decap.h("div", { dangerouslySetInnerHTML: { __html: page.body.innerHTML } });
		},
	});

	decap.CMS.registerPreviewStyle(css, { raw: true });
	decap.CMS.registerPreviewTemplate("articles", ArticlePreview);
	decap.CMS.registerEventListener({
		name: "preSave",
		handler: ({ entry }) => {
			let data = entry.get("data") as ImmutableMap;
			for (const path of emptyPaths(data.toJS())) data = data.deleteIn(path);
			return data;
		},
	});
}

start();
