/** The owner badge and control summary, shared by every directive that renders an owner tag. */
import type { Control, Owner } from '../schema/ownership.ts';
import { SHARED } from '../schema/parties.ts';
import { type Child, el, text } from './mdast.ts';
import type { RenderContext } from './types.ts';

export const matrixHref = (ctx: RenderContext, ref: string) => `${ctx.base}matrix/#${ref}`;

/** How the page names an owner: the party's label from the schema, or the interface's word for `shared`. */
export const ownerLabel = (ctx: Pick<RenderContext, 'schema' | 'ui'>, owner: Owner) => (owner === SHARED ? ctx.ui.t('owner.shared') : (ctx.schema.parties.find((p) => p.id === owner)?.label ?? owner));

/** A badge is a label, not content: search leaves it out (excerpts read as the prose does). */
export function badge(ctx: RenderContext, owner: Owner, extra: Record<string, string> = {}): Child {
	return el('span', { className: ['badge', `badge--${owner}`], 'data-pagefind-ignore': '', ...extra }, [text(ownerLabel(ctx, owner))]);
}

/** A shared control's split, party by party in the schema's order. */
export const splitParts = (ctx: Pick<RenderContext, 'schema'>, control: Control): [string, string][] =>
	control.split ? ctx.schema.parties.flatMap((p) => (control.split![p.id] ? [[p.id, control.split![p.id]!] as [string, string]] : [])) : [];

/** "Customer responsibility: title. AWS: … Customer: …" — the schema's words, for tooltips and cards. */
export function controlSummary(ctx: RenderContext, control: Control): string {
	const split = splitParts(ctx, control).map(([party, line]) => ` ${ctx.ui.t('control.splitPart', { party: ownerLabel(ctx, party), text: line })}`);
	return `${ctx.ui.t('control.summary', { owner: ownerLabel(ctx, control.owner), title: control.title })}${split.join('')}`;
}

export function splitList(ctx: RenderContext, control: Control): Child[] {
	const parts = splitParts(ctx, control);
	if (!parts.length) return [];
	return [el('dl', { className: ['split'] }, parts.flatMap(([party, line]) => [el('dt', {}, [badge(ctx, party)]), el('dd', {}, [text(line)])]))];
}
