/**
 * A scroll container's visible cue: `data-overflow="start" | "middle" | "end"` while its content is wider than
 * it (which edge the learner has reached), removed when everything fits; the styles show the hint
 * (`data-scroll-hint`, in the page's language: tables carry theirs from the renderer, `hint` sets one) above it.
 * `focusable` also makes the container reachable by keyboard only while it scrolls (tables are always
 * reachable: their tabindex is in the HTML, for readers without JavaScript).
 */
export function watchOverflow(el: HTMLElement, { focusable = false, hint = '' } = {}) {
	if (hint) el.dataset.scrollHint = hint;
	const update = () => {
		const extra = el.scrollWidth - el.clientWidth;
		if (extra <= 1) {
			delete el.dataset.overflow;
			if (focusable) el.removeAttribute('tabindex');
			return;
		}
		el.dataset.overflow = el.scrollLeft <= 1 ? 'start' : el.scrollLeft >= extra - 1 ? 'end' : 'middle';
		if (focusable) el.tabIndex = 0;
	};
	new ResizeObserver(update).observe(el);
	el.addEventListener('scroll', update, { passive: true });
	update();
}
