/** The frame of every page: head, masthead with section navigation, and footer. */
import { html, raw, type SafeHtml } from "../src/html.ts";
import type { Catalog } from "../src/content.ts";

/** What every page hands the base layout. */
export interface BasePage {
	catalog: Catalog;
	/** The page's own title; the publication's name is added after it. */
	title?: string;
	description: string;
	/** Site-relative address of the page. */
	href: string;
	/** The stylesheet, inlined so the first round trip paints the page. */
	css: string;
	/** Keeps preview-only pages (drafts, scheduled) out of search engines. */
	noindex?: boolean;
	/** Marks the section link of the page's section as current. */
	sectionId?: string;
	/** Extra elements for <head>. */
	head?: SafeHtml;
	main: SafeHtml;
}

/** Resolves a site-relative address against the publication's URL. */
export function absoluteUrl(catalog: Catalog, href: string): string {
	return new URL(href.replace(/^\//, ""), catalog.site.url.replace(/\/?$/, "/")).href;
}

/** Renders a whole HTML document around a page's main content. */
export function base(page: BasePage): SafeHtml {
	const { site, sections } = page.catalog;
	const title = page.title ? `${page.title} | ${site.name}` : site.name;
	const year = new Date(page.catalog.buildTime).getUTCFullYear();
	return html`<!doctype html>
		<html lang="${site.language}">
			<head>
				<meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>${title}</title>
				<meta name="description" content="${page.description}">
				<link rel="canonical" href="${absoluteUrl(page.catalog, page.href)}">
				${page.noindex ? html`<meta name="robots" content="noindex, nofollow">` : ""}
				<meta name="color-scheme" content="light dark">
				<meta name="theme-color" content="#fbfaf7" media="(prefers-color-scheme: light)">
				<meta name="theme-color" content="#141414" media="(prefers-color-scheme: dark)">
				${page.head ?? ""}
				<style>
					${raw(page.css)}
				</style>
			</head>
			<body>
				<a class="skip-link" href="#main">Skip to content</a>
				<header class="masthead">
					<div class="wrap-wide masthead-inner">
						<a
							class="brand"
							href="/"
							${page.href === "/" ? html` aria-current="page"` : ""}
							>${site.name}</a
						>
						<nav class="sections" aria-label="Sections">
							<ul>
								${[...sections.values()].map(
									(s) =>
										html`<li>
											<a
												href="${s.href}"
												${s.id === page.sectionId ? html` aria-current="${page.href === s.href ? "page" : "true"}"` : ""}
												>${s.name}</a
											>
										</li>`,
								)}
							</ul>
						</nav>
					</div>
				</header>
				<main id="main" tabindex="-1">${page.main}</main>
				<footer class="site-footer">
					<div class="wrap-wide">
						<p class="footer-name">${site.name}</p>
						${site.description ? html`<p>${site.description}</p>` : ""}
						<p class="footer-small">© ${year} ${site.name}. Built with Dateline.</p>
					</div>
				</footer>
			</body>
		</html> `;
}
