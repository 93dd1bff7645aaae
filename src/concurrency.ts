/** Bounded concurrency for file and photo work: enough to keep disks and cores busy, no more. */

/** A limiter: at most `n` of the functions it is given run at once, in the order given. */
export function limiter(n: number) {
	let active = 0;
	const waiting: (() => void)[] = [];
	return async <T>(fn: () => Promise<T>): Promise<T> => {
		if (active < n) active++;
		else await new Promise<void>((resolve) => waiting.push(resolve));
		try {
			return await fn();
		} finally {
			// Hand the slot straight to the next in line, so no newcomer can slip in between.
			const next = waiting.shift();
			if (next) next();
			else active--;
		}
	};
}
