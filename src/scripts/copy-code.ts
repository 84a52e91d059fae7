/**
 * A copy button on every highlighted code block of a chapter. Progressive: the page holds no button; this
 * script adds one per block (so without JavaScript, or without a clipboard, there is none), copies the code
 * with `navigator.clipboard`, shows "Copied" on the button and announces it in a status region.
 */
import type { Translate } from './ui.ts';

/** What the button copies: the code as shown, without the lines a diff marks as removed (`// [!code --]`). */
export function codeText(pre: Element): string {
	const lines = [...pre.querySelectorAll(':scope > code > .line')];
	if (!lines.length) return pre.textContent ?? '';
	return lines
		.filter((line) => !(line.classList.contains('diff') && line.classList.contains('remove')))
		.map((line) => line.textContent ?? '')
		.join('\n');
}

const SHOWN_MS = 2000;

export function enhanceCodeBlocks(t: Translate, root: ParentNode = document) {
	const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
	if (!clipboard) return;
	const blocks = [...root.querySelectorAll<HTMLElement>('.prose pre.astro-code')].filter((pre) => !pre.parentElement?.classList.contains('code-frame'));
	if (!blocks.length) return;
	// One status region for the page: screen readers hear "Copied" (or the failure) once per click.
	const status = document.createElement('span');
	status.className = 'visually-hidden';
	status.setAttribute('role', 'status');
	document.body.append(status);
	for (const pre of blocks) {
		const frame = document.createElement('div');
		frame.className = 'code-frame';
		pre.before(frame);
		const button = document.createElement('button');
		button.type = 'button';
		button.className = 'code-copy';
		button.textContent = t('code.copy');
		frame.append(pre, button);
		let timer: ReturnType<typeof setTimeout> | undefined;
		button.addEventListener('click', async () => {
			let message: string;
			try {
				await clipboard.writeText(codeText(pre));
				message = t('code.copied');
				button.textContent = message;
				button.dataset.copied = '';
			} catch {
				message = t('code.copyFailed');
			}
			// Cleared first, so the same message twice in a row is announced twice.
			status.textContent = '';
			requestAnimationFrame(() => (status.textContent = message));
			clearTimeout(timer);
			timer = setTimeout(() => {
				button.textContent = t('code.copy');
				delete button.dataset.copied;
			}, SHOWN_MS);
		});
	}
}
