/**
 * Mermaid diagrams are checked with mermaid's own parser, so a diagram that passes the check renders in the
 * browser. The parser is loaded once per process, lazily, in a worker thread (./mermaid-worker.ts), and only
 * when a chapter has a diagram: the worker starts as soon as the first chapter with a diagram has been read,
 * so loading mermaid overlaps checking the other chapters. Results are cached by diagram text, so the dev
 * server re-parses only diagrams that changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort, receiveMessageOnPort, type Worker } from 'node:worker_threads';
import { diagnostic } from '../../core/diagnostics.ts';
import { typeScriptWorker } from '../../core/worker.ts';
import type { CourseRule } from './course-rules.ts';

/** A stuck parser must not hang the build or the dev server forever. Generous: loading mermaid takes ~0.5 s. */
const TIMEOUT_MS = 60_000;

interface Bridge {
	worker: Worker;
	port: MessagePort;
}

let bridge: Bridge | undefined;
let unavailable: string | undefined;
const cache = new Map<string, string | null>();

// Resolved by hand (not `new URL(…, import.meta.url)`), so bundlers leave the path alone.
const WORKER_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'mermaid-worker.ts');

function start(): Bridge | undefined {
	if (bridge || unavailable) return bridge;
	if (!fs.existsSync(WORKER_FILE)) {
		unavailable = `the validator (${WORKER_FILE}) is missing`;
		return undefined;
	}
	try {
		const { port1, port2 } = new MessageChannel();
		const worker = typeScriptWorker(WORKER_FILE, { workerData: { port: port2 }, transferList: [port2] });
		// The worker must never keep a finished CLI run (or a test) alive.
		worker.unref();
		port1.unref();
		worker.on('error', (error: Error) => {
			unavailable = `the validator failed: ${error.message}`;
			bridge = undefined;
		});
		bridge = { worker, port: port1 };
	} catch (error) {
		unavailable = `the validator could not start: ${(error as Error).message}`;
	}
	return bridge;
}

/** Parse diagrams synchronously: `null` for a valid diagram, the parser's message otherwise. */
export function parseDiagrams(codes: string[]): { results: (string | null)[] } | { unavailable: string } {
	const todo = [...new Set(codes.filter((c) => !cache.has(c)))];
	if (todo.length) {
		const b = start();
		if (!b) return { unavailable: unavailable! };
		const flag = new Int32Array(new SharedArrayBuffer(4));
		b.port.postMessage({ codes: todo, flag });
		if (Atomics.wait(flag, 0, 0, TIMEOUT_MS) === 'timed-out') {
			void b.worker.terminate();
			bridge = undefined;
			unavailable = `the parser did not answer within ${TIMEOUT_MS / 1000} s`;
			return { unavailable };
		}
		const reply = receiveMessageOnPort(b.port)?.message as (string | null)[] | { fatal: string } | undefined;
		if (!reply || !Array.isArray(reply)) {
			unavailable = reply?.fatal ?? 'the parser sent no answer';
			return { unavailable };
		}
		todo.forEach((code, i) => cache.set(code, reply[i] ?? null));
	}
	return { results: codes.map((c) => cache.get(c) ?? null) };
}

let queue: Promise<void> = Promise.resolve();

/**
 * Parse diagrams without blocking: the pipeline sends each chapter's diagrams as soon as the chapter is checked,
 * so the parser works (on its own thread) while other chapters are still being checked. Results land in the
 * cache the course rule reads. Requests are queued: one is in flight at a time.
 */
export function validateDiagrams(codes: readonly string[]): Promise<void> {
	queue = queue.then(async () => {
		const todo = [...new Set(codes.filter((c) => !cache.has(c)))];
		if (!todo.length) return;
		const b = start();
		if (!b) return;
		const flag = new Int32Array(new SharedArrayBuffer(4));
		b.port.ref(); // keep the process alive while the answer is on its way
		try {
			b.port.postMessage({ codes: todo, flag });
			const wait = Atomics.waitAsync(flag, 0, 0, TIMEOUT_MS);
			if ((wait.async ? await wait.value : wait.value) === 'timed-out') {
				void b.worker.terminate();
				bridge = undefined;
				unavailable = `the parser did not answer within ${TIMEOUT_MS / 1000} s`;
				return;
			}
			const reply = receiveMessageOnPort(b.port)?.message as (string | null)[] | { fatal: string } | undefined;
			if (!reply || !Array.isArray(reply)) {
				unavailable = reply?.fatal ?? 'the parser sent no answer';
				return;
			}
			todo.forEach((code, i) => cache.set(code, reply[i] ?? null));
		} finally {
			b.port.unref();
		}
	});
	return queue;
}

/** Results known from an earlier run (the pipeline keeps them on disk, by diagram text and mermaid version). */
export function rememberDiagrams(results: Iterable<[string, string | null]>) {
	for (const [code, result] of results) cache.set(code, result);
}

export const diagramResult = (code: string) => cache.get(code);

/** Course rule: every ```mermaid block must parse. Reported at the fence line with the parser's message. */
export const mermaidSyntax: CourseRule = ({ chapters, diagnostics }) => {
	const diagrams = chapters.flatMap((c) => c.diagrams.map((d) => ({ ...d, file: c.file })));
	if (!diagrams.length) return;
	const parsed = parseDiagrams(diagrams.map((d) => d.code));
	if ('unavailable' in parsed) {
		// Not an error in the course; but never silently unchecked.
		const first = diagrams[0]!;
		diagnostics.push(diagnostic(first.file, first, 'mermaid-syntax', `Mermaid diagrams were not checked: ${parsed.unavailable}`, 'Run `npm ci` so that mermaid is installed, then check again.', 'warning'));
		return;
	}
	diagrams.forEach((d, i) => {
		const error = parsed.results[i];
		if (error) diagnostics.push(diagnostic(d.file, d, 'mermaid-syntax', `Mermaid diagram does not parse: ${explain(error, d.code)}`, hintFor(error, d.code)));
	});
};

/**
 * The parser's message on one line. Mermaid's older (jison) parsers print "Parse error on line N:", an excerpt,
 * a caret line and "Expecting …, got …"; their line numbers count lines mermaid adds itself, so the excerpt
 * (what the author wrote) is kept and the number dropped. The newer (langium) parsers give line and column.
 */
export function explain(message: string, code: string): string {
	if (/^No diagram type detected/.test(message)) {
		const first = code.trim().split('\n')[0]?.trim();
		return first ? `unknown diagram type "${first.split(/\s/)[0]}"` : 'the diagram is empty';
	}
	const jison = /^Parse error on line \d+:\n(.*)\n-*\^\n([\s\S]*)$/.exec(message);
	if (jison) {
		// The excerpt is the last characters before the error, newlines removed; an elided start cuts a word, drop it.
		const excerpt = jison[1]!;
		const near = (excerpt.startsWith('...') ? excerpt.slice(3).replace(/^\S*\s+/, '') : excerpt).trim();
		return `${shortenExpecting(jison[2]!.trim())} near \`${near}\``;
	}
	const langium = /Parse error on line (\d+), column (\d+): ([\s\S]*)$/.exec(message);
	if (langium) return `${langium[3]!.trim().replace(/\.$/, '')} (diagram line ${langium[1]}, column ${langium[2]})`;
	return message.replace(/\s*\n\s*/g, ' ').trim();
}

/** "Expecting 'A', 'B', … 20 more, got 'X'": the full list of token names is noise for an author. */
function shortenExpecting(s: string): string {
	const m = /^Expecting (.*), got (.*)$/s.exec(s);
	if (!m) return s.replace(/\s*\n\s*/g, ' ');
	const tokens = m[1]!.split(/,\s*/);
	const shown = tokens.length > 5 ? `${tokens.slice(0, 5).join(', ')} or ${tokens.length - 5} more` : tokens.join(', ');
	// Jison reports the end of input as token 1 or 'EOF'.
	const got = /^'(?:1|EOF)'$/.test(m[2]!.trim()) ? 'the end of the diagram' : m[2];
	return `expecting ${shown}, got ${got}`;
}

const KNOWN_TYPES = 'flowchart LR, sequenceDiagram, classDiagram, stateDiagram-v2, erDiagram, pie, timeline, mindmap';

function hintFor(message: string, code: string): string {
	if (/^No diagram type detected/.test(message))
		return code.trim() ? `Start the diagram with its type, e.g. ${KNOWN_TYPES}.` : 'Write the diagram in the block, or remove the empty block.';
	const where = /^Parse error on line \d+:\n/.test(message) ? 'near the quoted text' : 'at the line and column given';
	return `Fix the diagram ${where} (an unclosed bracket or quote is the usual cause); https://mermaid.live shows it render as you edit.`;
}
