/** The owner badge and control summary, shared by every directive that renders an owner tag. */
import { type Control, OWNER_LABELS, type Owner } from '../schema/ownership.ts';
import { type Child, el, text } from './mdast.ts';
import type { RenderContext } from './types.ts';

export const matrixHref = (ctx: RenderContext, ref: string) => `${ctx.base}matrix/#${ref}`;

export function badge(owner: Owner, extra: Record<string, string> = {}): Child {
	return el('span', { className: ['badge', `badge--${owner}`], ...extra }, [text(OWNER_LABELS[owner])]);
}

/** "Title. AWS: … Customer: …" — the schema's words, for tooltips and cards. */
export function controlSummary(control: Control): string {
	const split = control.split ? ` AWS: ${control.split.aws}. Customer: ${control.split.customer}.` : '';
	return `${OWNER_LABELS[control.owner]} responsibility: ${control.title}.${split}`;
}

export function splitList(control: Control): Child[] {
	if (!control.split) return [];
	return [
		el('dl', { className: ['split'] }, [
			el('dt', {}, [badge('aws')]),
			el('dd', {}, [text(control.split.aws)]),
			el('dt', {}, [badge('customer')]),
			el('dd', {}, [text(control.split.customer)]),
		]),
	];
}
