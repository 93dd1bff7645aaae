/**
 * Signatures: a page's signature is a hash of everything it shows, so two builds that give a
 * page the same signature give it the same bytes. An article contributes a hash of its source
 * file, its status on this build, and the renditions of its photos (whose names are hashes of
 * their bytes, settings and credit); everything else a page shows comes from the data files
 * and Dateline's code, which the build key covers.
 */
import { createHash } from "node:crypto";
import type { Article, Photo } from "../content/types.ts";

const hashes = new WeakMap<Article, string>();

/** A hash of the parts, each ended so that no two lists of parts run together. */
export function sign(...parts: string[]): string {
	const hash = createHash("sha256");
	for (const part of parts) hash.update(part).update("\0");
	return hash.digest("base64url");
}

function photoParts(photo: Photo): string[] {
	const r = photo.rendition;
	return r
		? [
				r.fallback.href,
				r.placeholder,
				...r.sources.map((s) => s.srcset),
				...r.crops.map((c) => c.href),
			]
		: [photo.href];
}

/** What an article contributes to every page that shows it. */
export function articleHash(article: Article): string {
	let hash = hashes.get(article);
	if (hash === undefined) {
		hash = sign(
			article.sourceHash,
			article.slug,
			article.status,
			...photoParts(article.image),
			...article.bodyPhotos.flatMap(photoParts),
		);
		hashes.set(article, hash);
	}
	return hash;
}
