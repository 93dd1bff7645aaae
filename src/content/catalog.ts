/**
 * The catalog: every published article with its section, tags and authors, and what pages are
 * made of it (listings with stable page addresses, related articles). Built once per build
 * from checked content; nothing here reads files.
 */
import type { TagData } from "../schema.ts";
import { publishedImage } from "../photos/publish.ts";
import type { PhotoUse } from "../photos/types.ts";
import type { Article, Author, Section, Site, Tag } from "./types.ts";

/**
 * The path a site is served under, from its URL: "https://newsroom.github.io/dateline/" ->
 * "/dateline". Every address Dateline writes starts with it, so the site works under a prefix.
 */
export function basePathOf(siteUrl: string): string {
	return new URL(siteUrl).pathname.replace(/\/+$/, "");
}

/** Something with a page listing its articles. */
export type Subject =
	| { kind: "section"; item: Section }
	| { kind: "tag"; item: Tag }
	| { kind: "author"; item: Author };

/** One page of a paginated listing (a section, tag or author), with stable addresses. */
export interface ListingPage {
	subject: Subject;
	/** 1-based. */
	number: number;
	total: number;
	href: string;
	/** Every article of the listing, newest first (for counts). */
	all: Article[];
	items: Article[];
	prev: string | undefined;
	next: string | undefined;
}

/** Articles listed on one page of a section, tag or author listing. */
export const LISTING_PAGE_SIZE = 20;
// Related articles are ranked among the newest this many of each shared tag and the section,
// so a very popular tag does not make every article scan the whole archive.
const RELATED_SCAN = 400;

/** "world-cup-2018" -> "World cup 2018", for tags that tags.yaml does not name. */
export function readableSlug(slug: string): string {
	const words = slug.replace(/-/g, " ");
	return words.charAt(0).toUpperCase() + words.slice(1);
}

function pushTo<K>(map: Map<K, Article[]>, key: K, article: Article): void {
	const list = map.get(key);
	if (list) list.push(article);
	else map.set(key, [article]);
}

/**
 * Everything the pages need. A class rather than a plain object so Eleventy's data cascade
 * passes it by reference instead of deep-copying it into every page.
 */
export class Catalog {
	readonly site: Site;
	readonly authors: Map<string, Author>;
	readonly sections: Map<string, Section>;
	/** Tags used by the articles of this build, by display name. */
	readonly tags: Map<string, Tag>;
	/** Articles this build publishes, newest first. */
	readonly articles: Article[];
	readonly buildTime: number;
	/** The path the site is served under, e.g. "/dateline" for project pages; "" at a domain's root. */
	readonly basePath: string;
	/** Future-dated articles that are not drafts, soonest first (published or not in this build). */
	scheduled: Article[] = [];
	readonly #bySection = new Map<string, Article[]>();
	readonly #byTag = new Map<string, Article[]>();
	readonly #byAuthor = new Map<string, Article[]>();
	#listings: ListingPage[] | undefined;

	constructor(
		site: Site,
		authors: Map<string, Author>,
		sections: Map<string, Section>,
		tagNames: ReadonlyMap<string, TagData>,
		articles: Article[],
		buildTime: number,
	) {
		this.site = site;
		this.basePath = basePathOf(site.url);
		this.authors = authors;
		this.sections = sections;
		this.articles = articles;
		this.buildTime = buildTime;
		for (const article of articles) {
			pushTo(this.#bySection, article.section.id, article);
			for (const tag of article.tags) pushTo(this.#byTag, tag, article);
			for (const author of article.authors) pushTo(this.#byAuthor, author.id, article);
		}
		const tags = [...this.#byTag.keys()].map((id) => ({
			...(tagNames.get(id) ?? { name: readableSlug(id) }),
			id,
			href: `${this.basePath}/tags/${id}/`,
		}));
		tags.sort(
			(a, b) => a.name.localeCompare(b.name, site.language) || a.id.localeCompare(b.id),
		);
		this.tags = new Map(tags.map((t) => [t.id, t]));
	}

	/** The logo as pages, feeds and structured data link it: its largest published JPEG. */
	get logo(): ReturnType<typeof publishedImage> {
		return publishedImage(this.site.logoFile);
	}

	/** The default social image as pages link it: its largest published JPEG. */
	get socialImage(): ReturnType<typeof publishedImage> {
		return publishedImage(this.site.imageFile);
	}

	/** A root-relative path as the site serves it: `/feed.xml` -> `/dateline/feed.xml`. */
	url(rootPath: string): string {
		return `${this.basePath}${rootPath}`;
	}

	/** Where an address lands in the output folder: `/dateline/tags/x/` -> `/tags/x/index.html`. */
	outputPath(href: string): string {
		const inSite = href.startsWith(`${this.basePath}/`)
			? href.slice(this.basePath.length)
			: href;
		return inSite.endsWith("/") ? `${inSite}index.html` : inSite;
	}

	/** Old article addresses and where they redirect now. */
	get redirects(): { from: string; article: Article }[] {
		return this.articles.flatMap((article) =>
			article.aliases.map((from) => ({ from, article })),
		);
	}

	/** Sections in the order sections.yaml lists them. */
	get sectionList(): Section[] {
		return [...this.sections.values()];
	}

	/** Articles of one section, newest first. */
	inSection(id: string): Article[] {
		return this.#bySection.get(id) ?? [];
	}

	/** Articles with one tag, newest first. */
	withTag(id: string): Article[] {
		return this.#byTag.get(id) ?? [];
	}

	/** Articles by one author, newest first. */
	byAuthor(id: string): Article[] {
		return this.#byAuthor.get(id) ?? [];
	}

	/** The tag's display record (for an article's tag list). */
	tag(id: string): Tag {
		return (
			this.tags.get(id) ?? {
				id,
				name: readableSlug(id),
				href: `${this.basePath}/tags/${id}/`,
			}
		);
	}

	/** Every listing page at the default size, computed once, for Eleventy to paginate over. */
	get listings(): ListingPage[] {
		this.#listings ??= this.listingPages();
		return this.#listings;
	}

	/** Every page of every section, tag and author listing. */
	listingPages(pageSize = LISTING_PAGE_SIZE): ListingPage[] {
		const subjects: Subject[] = [
			...this.sectionList.map((item) => ({ kind: "section" as const, item })),
			...[...this.tags.values()].map((item) => ({ kind: "tag" as const, item })),
			...[...this.authors.values()].map((item) => ({ kind: "author" as const, item })),
		];
		const pages: ListingPage[] = [];
		for (const subject of subjects) {
			const all =
				subject.kind === "section"
					? this.inSection(subject.item.id)
					: subject.kind === "tag"
						? this.withTag(subject.item.id)
						: this.byAuthor(subject.item.id);
			const total = Math.max(1, Math.ceil(all.length / pageSize));
			const hrefOf = (n: number) =>
				n === 1 ? subject.item.href : `${subject.item.href}page/${String(n)}/`;
			for (let n = 1; n <= total; n++) {
				pages.push({
					subject,
					number: n,
					total,
					href: hrefOf(n),
					all,
					items: all.slice((n - 1) * pageSize, n * pageSize),
					prev: n > 1 ? hrefOf(n - 1) : undefined,
					next: n < total ? hrefOf(n + 1) : undefined,
				});
			}
		}
		return pages;
	}

	/**
	 * Articles related to one: ranked by shared tags, then by sharing its section; never the
	 * article itself; newest first on ties. Runs for every article of every build (a page's
	 * signature names its related articles), so it counts in a typed array by each article's
	 * place in `articles` (newest first, as the ties rank) and keeps the best few, with no sort.
	 */
	related(article: Article, limit = 4): Article[] {
		const scores = (this.#scores ??= new Int32Array(this.articles.length));
		const self = this.#place(article);
		const touched: number[] = [];
		const add = (list: Article[], weight: number) => {
			for (const place of this.#places(list)) {
				if (place === self) continue;
				if (scores[place] === 0) touched.push(place);
				scores[place] = (scores[place] ?? 0) + weight;
			}
		};
		for (const tag of article.tags) add(this.withTag(tag), 2);
		add(this.inSection(article.section.id), 1);
		// The best `limit`, kept in order: a higher score first, then the earlier place.
		const best: number[] = [];
		const before = (a: number, b: number) =>
			(scores[a] ?? 0) > (scores[b] ?? 0) || (scores[a] === scores[b] && a < b);
		for (const place of touched) {
			if (best.length === limit && !before(place, best[limit - 1] ?? 0)) continue;
			let i = Math.min(best.length, limit - 1);
			best[i] = place;
			while (i > 0 && before(place, best[i - 1] ?? 0)) {
				best[i] = best[i - 1] ?? 0;
				best[i - 1] = place;
				i--;
			}
		}
		for (const place of touched) scores[place] = 0;
		return best.map((place) => this.articles[place] as Article);
	}

	#scores: Int32Array | undefined;
	#placeOf: Map<Article, number> | undefined;
	readonly #placeLists = new WeakMap<Article[], Int32Array>();

	/** An article's place in `articles`. */
	#place(article: Article): number {
		this.#placeOf ??= new Map(this.articles.map((a, i) => [a, i]));
		return this.#placeOf.get(article) ?? -1;
	}

	/** The places of the newest RELATED_SCAN articles of a list, worked out once per list. */
	#places(list: Article[]): Int32Array {
		let places = this.#placeLists.get(list);
		if (!places) {
			places = Int32Array.from(list.slice(0, RELATED_SCAN), (a) => this.#place(a));
			this.#placeLists.set(list, places);
		}
		return places;
	}
}

/**
 * Every image the site publishes, each through the photo pipeline: each article's lead photo
 * (with crops) and body photos, and the images the data files name (the logo, the default
 * social image, the authors' avatars). Those belong to the publication, so its name is their
 * credit; nothing is ever published as it is.
 */
export function photoUses(catalog: Catalog): PhotoUse[] {
	const uses: PhotoUse[] = [];
	const { site } = catalog;
	const house = { credit: site.name };
	const avatars = [...catalog.authors.values()].flatMap((a) => a.avatarFile ?? []);
	for (const photo of [site.logoFile, site.imageFile, ...avatars]) {
		// The preview's stand-in publication, while site.yaml is broken, has no files.
		if (photo.file) uses.push({ photo, credit: house, crops: false, where: photo.where });
	}
	for (const article of catalog.articles) {
		const { image } = article;
		uses.push({
			photo: image,
			credit: image,
			crops: true,
			focus: image.focus,
			where: image.where,
		});
		for (const photo of article.bodyPhotos) {
			uses.push({ photo, credit: photo, crops: false, where: photo.where });
		}
	}
	return uses;
}
