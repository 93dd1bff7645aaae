/** A valid article's source for the content tests, with lines to add to its frontmatter. */
export function articleSource(extra = "", body = "Body."): string {
	return `---
title: A headline long enough
description: A standfirst that is long enough to pass the fifty character minimum.
date: 2018-07-26T17:00:00-05:00
authors: [desk]
section: news
image:
  src: photo.jpg
  alt: A photo
  credit: Yuri Cortez
${extra}---

${body}
`;
}
