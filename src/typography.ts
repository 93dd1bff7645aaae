/**
 * Typographic quotes and dashes for the plain-text fields readers see in HTML (headline,
 * standfirst, caption, kicker, descriptions), by markdown-it's own typographer rules, so they
 * match the article body it renders. Feeds and JSON-LD keep the editor's text as written.
 */
import MarkdownIt from "markdown-it";

// The "zero" preset reads every character as text: no emphasis, links, entities or escapes,
// so only the typographer changes anything.
const typographer = new MarkdownIt("zero", { typographer: true }).enable([
	"replacements",
	"smartquotes",
]);

/** "Osorio's \"dream\" -- 2015" -> "Osorio’s “dream” – 2015"; other characters untouched. */
export function typographic(text: string): string {
	if (!/['"-.(]/.test(text)) return text;
	const [inline] = typographer.parseInline(text, {});
	return (inline?.children ?? []).map((t) => t.content).join("");
}

// A whole paragraph in emphasis that opens "Editor's note" (the body is rendered, so its
// apostrophe is already curly); the inner text may hold other markup but no closing </em>.
const EDITORS_NOTE = /<p><em>(Editor’s note:?)[ \n]*((?:(?!<\/em>)[\s\S])*)<\/em><\/p>/g;

/**
 * Sets an editor's note written as `*Editor's note: ...*` as a note in small type, its label
 * in bold, rather than a long italic paragraph at body size. Other paragraphs are untouched.
 */
export function editorsNotes(bodyHtml: string): string {
	return bodyHtml.replace(EDITORS_NOTE, '<p class="editors-note"><strong>$1</strong> $2</p>');
}
