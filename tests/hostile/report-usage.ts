/**
 * Preloaded (`node --import`) into a checker process whose cost is measured: on exit it writes one line,
 * `@@usage {"cpuSeconds":…,"maxRssMB":…}`, to stderr. CPU time covers every thread of the process (the
 * Mermaid worker included); the runner strips the line before looking at stderr.
 */
import fs from 'node:fs';

process.on('exit', () => {
	const u = process.resourceUsage();
	// userCPUTime/systemCPUTime are microseconds; maxRSS is kilobytes.
	fs.writeSync(2, `\n@@usage ${JSON.stringify({ cpuSeconds: (u.userCPUTime + u.systemCPUTime) / 1e6, maxRssMB: u.maxRSS / 1024 })}\n`);
});
