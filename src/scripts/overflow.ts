/**
 * A scroll container's visible cue: `data-overflow="start" | "middle" | "end"` while its content is wider than
 * it (which edge the learner has reached), removed when everything fits. The styles draw the fade and the
 * "Scroll sideways" hint from it. `focusable` also makes the container reachable by keyboard only while it
 * scrolls (tables are always reachable: their tabindex is in the HTML, for readers without JavaScript).
 */
export function watchOverflow(el: HTMLElement, { focusable = false } = {}) {
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
