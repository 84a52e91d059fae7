/**
 * The targets of issue 11 ("Faster than Starlight"), as the benchmark measures them: one row per target, the
 * measured value (from a result of scripts/bench.ts) and the goal. Goals are set for 1,000 chapters (10,000 for
 * the memory of a 10,000-chapter build). Ratios are ours / Starlight in one alternating run; memory is the
 * largest process's peak RSS (GNU time); the plain corpus is the same text for both.
 */
export interface TargetInput {
	chapters: number;
	ratios: { plainCold?: number | null; courseVsStarlightPlain?: number | null; plainWarm?: number | null; baselineTime?: number | null };
	/** Largest process's peak RSS in MB (GNU time's KB / 1024): our cold build of the plain corpus, else of the course. */
	peakMb: number | null;
	checkColdMs: number;
	checkAgainMs: number;
	distBytes: number;
	searchBytes?: number;
}

export interface TargetRow {
	target: string;
	measured: number | null;
	/** The goal: measured ≤ goal. */
	goal: number;
	unit: '×' | 'GB' | 's' | 'MB' | 'KB';
	met: boolean | null;
}

export function targetRows(r: TargetInput): TargetRow[] {
	const row = (target: string, measured: number | null | undefined, goal: number, unit: TargetRow['unit']): TargetRow => ({
		target,
		measured: measured ?? null,
		goal,
		unit,
		met: measured === null || measured === undefined ? null : measured <= goal,
	});
	const big = r.chapters >= 10_000;
	return [
		row('cold build, plain chapters, ours / Starlight (wall)', r.ratios.plainCold, 0.6, '×'),
		row('cold build, course with directives / Starlight on its plain twin (wall)', r.ratios.courseVsStarlightPlain, 1.0, '×'),
		row('rebuild after editing one chapter, ours / Starlight (same edit, plain)', r.ratios.plainWarm, 0.25, '×'),
		row(`peak memory, cold build${r.ratios.plainCold === undefined ? '' : ' of the plain chapters'} (largest process)`, r.peakMb === null ? null : r.peakMb / 1024, big ? 6 : 1, 'GB'),
		...(r.ratios.baselineTime !== undefined ? [row('cold build time / the baseline result’s (10,000 vs 1,000 chapters: ≤ 11×)', r.ratios.baselineTime, 11, '×')] : []),
		row('npm run check, cold', r.checkColdMs / 1000, 5, 's'),
		row('npm run check, again with nothing changed', r.checkAgainMs / 1000, 1, 's'),
		row('dist/', r.distBytes / 1e6, 40, 'MB'),
		row('first one-word search, bytes fetched', r.searchBytes === undefined ? null : r.searchBytes / 1e3, 150, 'KB'),
	];
}

export function formatTargets(rows: TargetRow[], chapters: number): string {
	const width = Math.max(...rows.map((r) => r.target.length));
	const value = (x: number | null, unit: string) => (x === null ? 'not measured' : `${unit === '×' || unit === 'GB' ? x.toFixed(2) : x >= 100 ? Math.round(x) : x.toFixed(1)}${unit === '×' ? '' : ` ${unit}`}`);
	const lines = [`Targets (issue 11; goals are set for ${chapters >= 10_000 ? '10,000' : '1,000'} chapters, this run has ${chapters.toLocaleString('en')}):`];
	for (const r of rows) lines.push(`  ${r.met === null ? ' ' : r.met ? '✓' : '✗'} ${r.target.padEnd(width)}  ${value(r.measured, r.unit).padStart(12)}   goal ≤ ${value(r.goal, r.unit)}`);
	return lines.join('\n');
}
