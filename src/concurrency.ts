/**
 * Two ways to bound work in flight. They stay two: measured at 20,000 articles, the content
 * check runs about 0.3 s slower through the queueing limiter than through `mapLimit`'s
 * shared index, and the photo pipeline needs the limiter's slots handed across stages.
 */

/** Maps over items with at most `limit` calls in flight, keeping the results in order. */
export async function mapLimit<T, R>(
	items: readonly T[],
	limit: number,
	fn: (item: T) => Promise<R>,
): Promise<R[]> {
	const results = new Array<R>(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await fn(items[index] as T);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
	return results;
}

/** A limiter: at most `n` of the functions it is given run at once, in the order given. */
export function limiter(n: number): <T>(fn: () => Promise<T>) => Promise<T> {
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
