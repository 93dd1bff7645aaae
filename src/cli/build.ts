/**
 * `npm run build`: Eleventy's own command line, with Dateline's one option of its own.
 * `--full` writes the whole site again, ignoring what the last build left (src/build/plan.ts);
 * without it a build writes only the pages whose inputs changed. Every other argument
 * (`--output`, `--quiet`) goes to Eleventy as it is.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { FULL_ENV } from "../content/plugin.ts";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const args = process.argv.slice(2);

if (args.includes("--help")) {
	process.stdout.write(`Usage: npm run build [-- --full] [-- Eleventy's options]

Builds the site into _site/. A build writes only what changed since the last one; the
first build, and any after a change to Dateline's code, packages or data files, writes
everything.

  --full     write every page again, as on a fresh machine
  --output   the folder to write the site into (default: _site)
  --quiet    print only problems and the summary lines

DATELINE_CONTENT=<folder> builds the content of another folder (default: content).
\n`);
	process.exit(0);
}
if (args.includes("--full")) process.env[FULL_ENV] = "1";
// Eleventy refuses arguments it does not know, and finds a .ts config only when named.
process.argv = [
	process.argv[0] ?? process.execPath,
	path.join(ROOT, "node_modules", "@11ty", "eleventy", "cmd.cjs"),
	...(args.some((a) => a.startsWith("--config")) ? [] : ["--config=.eleventy.ts"]),
	...args.filter((a) => a !== "--full"),
];
await import(pathToFileURL(process.argv[1] ?? "").href);
