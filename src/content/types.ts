/** The checked content as pages, feeds and the photo pipeline read it. */
import type {
	ArticleData,
	AuthorData,
	ImageData,
	SectionData,
	SiteData,
	TagData,
} from "../schema.ts";
import type { PhotoSite, PublishablePhoto } from "../photos/types.ts";

/** A lead or body photo: the editor's fields, the measured file, and its address. */
export interface Photo extends ImageData, PublishablePhoto {
	/** Site-relative address; after the pipeline has run, its largest JPEG. */
	href: string;
	/** Where the editor named it, for messages about it. */
	where: PhotoSite;
}

/**
 * An image a data file names (the logo, the default social image, an avatar): measured, with
 * its address, published through the photo pipeline like any photo, never as it is.
 */
export interface DataPhoto extends PublishablePhoto {
	/** Site-relative address; after the pipeline has run, its largest JPEG. */
	href: string;
	/** Where the editor named it, for messages about it. */
	where: PhotoSite;
}

/** An author from authors.yaml with its id and page address. */
export interface Author extends AuthorData {
	id: string;
	href: string;
	avatarFile?: DataPhoto | undefined;
}

/** A section from sections.yaml with its id and page address. */
export interface Section extends SectionData {
	id: string;
	href: string;
}

/** A tag with its display name (from tags.yaml, else a readable form of the slug). */
export interface Tag extends TagData {
	id: string;
	href: string;
}

/** Where an article stands on a given build. */
export type ArticleStatus = "published" | "draft" | "scheduled";

/** One checked article, ready for layouts. */
export interface Article {
	slug: string;
	/** Site-relative address of the article page, e.g. /articles/osorio-to-leave-mexico/. */
	href: string;
	/** The source file relative to the project, for messages. */
	sourcePath: string;
	/** A hash of the source file's text. */
	sourceHash: string;
	data: ArticleData;
	/** The markdown body. */
	body: string;
	published: number;
	modified: number;
	status: ArticleStatus;
	authors: Author[];
	section: Section;
	tags: string[];
	image: Photo;
	/** The body's photos in the order markdown-it reads them; the renderer takes them by token. */
	bodyPhotos: Photo[];
	/** Site-relative addresses of the article's old slugs, each redirecting here. */
	aliases: string[];
}

/** The publication from site.yaml, with its brand files measured. */
export interface Site extends SiteData {
	/** The logo and the default social image; `publishedImage()` gives the file to link. */
	logoFile: DataPhoto;
	imageFile: DataPhoto;
}
