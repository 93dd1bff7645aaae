/** Debian's Chromium as the browser tests and Lighthouse launch it on these machines. */

/** The browser: Debian's package, or another Chrome named by CHROMIUM_PATH. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Headless, and kept off the network: without these flags Chromium calls home at start-up. */
export const CHROMIUM_ARGS = [
	"--headless",
	"--no-sandbox",
	"--disable-gpu",
	"--disable-background-networking",
	"--disable-component-update",
	"--no-first-run",
];
