/** The inline script that switches a page to the web font (src/fonts.ts) once it is worth it. */
import { html, raw, type SafeHtml } from "../src/html.ts";

// The first page of a visit paints in the fallback faces and asks for Newsreader only once
// it has loaded, painted a frame and gone idle (on a busy phone the first paint can come after
// the load event, and the lead photo's after that), so the font never competes with the lead
// photo for the first screen: preloaded, it cost Lighthouse's LCP 0.3-0.4 s. Later pages of
// the visit find the files in the cache and set Newsreader from the first paint. Without JavaScript the tuned fallbacks stay.
const LOADER = `(function(h){function on(){h.classList.add("fonts");try{sessionStorage.setItem("fonts","1")}catch(e){}}try{if(sessionStorage.getItem("fonts"))return on()}catch(e){}addEventListener("load",function(){requestAnimationFrame(function(){var i=window.requestIdleCallback;i?i(on,{timeout:2000}):setTimeout(on,300)})})})(document.documentElement)`;

/** The inline script that switches the page to the web font: at once if this visit has it. */
export function fontLoader(): SafeHtml {
	return html`<script>${raw(LOADER)}</script>`;
}
