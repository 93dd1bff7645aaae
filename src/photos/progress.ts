/** What the photo pipeline tells the person running the build: a live line, then a summary. */
import type { PhotoStats } from "./types.ts";

/** "3 photos (7 uses): 1 encoded (21 files), 2 from the cache; 4.2 s". */
export function summary(stats: PhotoStats): string {
	const plural = (n: number, one: string, many = `${one}s`) =>
		`${String(n)} ${n === 1 ? one : many}`;
	return `Photos: ${plural(stats.photos, "photo")} (${plural(stats.uses, "use")}): ${String(stats.encoded)} encoded (${plural(stats.files, "file")}), ${String(stats.cached)} from the cache; ${(stats.ms / 1000).toFixed(1)} s`;
}

/** How a run reports: "auto" is a live line on a terminal, and only the summary in CI logs. */
export function progressMode(
	wanted: "auto" | "live" | "summary" | "none",
	out: Pick<NodeJS.WriteStream, "isTTY">,
	env: NodeJS.ProcessEnv = process.env,
): "live" | "summary" | "none" {
	if (wanted !== "auto") return wanted;
	return out.isTTY && !env.CI ? "live" : "summary";
}

/** A progress line on a terminal: redrawn as photos finish, and twice a second while they don't. */
export function liveProgress(out: NodeJS.WriteStream): {
	update: (done: number, total: number) => void;
	clear: () => void;
} {
	const started = performance.now();
	let [done, total] = [0, 0];
	const draw = () => {
		const elapsed = ((performance.now() - started) / 1000).toFixed(1);
		out.write(`\r\x1b[2KPhotos: ${String(done)} of ${String(total)} done, ${elapsed} s`);
	};
	const timer = setInterval(draw, 500);
	timer.unref();
	return {
		update: (d: number, t: number) => {
			[done, total] = [d, t];
			draw();
		},
		clear: () => {
			clearInterval(timer);
			out.write("\r\x1b[2K");
		},
	};
}
