/**
 * The output folder through a full build: the last site is set aside (renamed, which is
 * instant) rather than emptied, the new one is written into an empty folder, and the old one
 * is removed only once the build has finished. A build that fails halfway puts the last site
 * back when the process exits, so a failed build never leaves a half-written site that looks
 * complete, nor an empty one.
 */
import { existsSync, renameSync, rmSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";

/** Where the last site waits while a full build writes the new one. */
export function asidePath(output: string): string {
	return `${path.resolve(output)}.previous`;
}

function inside(child: string, parent: string): boolean {
	return child === parent || child.startsWith(parent + path.sep);
}

/** Refuses an output folder that holds the project or its content: a build replaces it whole. */
export function checkOutput(output: string, contentDir: string): string {
	const dir = path.resolve(output);
	if (dir === path.parse(dir).root || inside(process.cwd(), dir) || inside(contentDir, dir)) {
		throw new Error(
			`Refusing to replace the output folder ${dir}: it holds the project or its content.`,
		);
	}
	return dir;
}

let pending: { dir: string; aside: string } | undefined;

/** Puts the last site back if the build that set it aside did not finish. */
function restore(): void {
	if (!pending) return;
	const { dir, aside } = pending;
	pending = undefined;
	rmSync(dir, { recursive: true, force: true });
	renameSync(aside, dir);
	process.stderr.write(
		`[dateline] The build did not finish: ${dir} holds the last complete site again.\n`,
	);
}

process.on("exit", restore);

/**
 * Before a full build writes anything: moves the last site (if any) aside, leaving the output
 * folder empty. A site set aside by a build that was killed outright is dropped first.
 */
export async function setAside(output: string, contentDir: string): Promise<void> {
	const dir = checkOutput(output, contentDir);
	const aside = asidePath(dir);
	await rm(aside, { recursive: true, force: true });
	if (!existsSync(dir)) return;
	await rename(dir, aside);
	pending = { dir, aside };
}

/** After a build has written everything: the last site, if set aside, is removed. */
export async function dropAside(): Promise<void> {
	if (!pending) return;
	const { aside } = pending;
	pending = undefined;
	await rm(aside, { recursive: true, force: true });
}
