/**
 * `quiz-answer-owner`: a quiz tagged `ref=… owner=…` states an owner, and its marked answer must not say
 * another. A correct option that names exactly one party (./claims/parties.ts decides what names a party)
 * other than `owner` in its first clause (the answer; what follows is the reason) is an error at the option;
 * for `owner=shared`, so is an option naming a single party.
 * Options that name no party ("Update the bucket policy") or several ("AWS and the customer") pass.
 */
import type { Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { walk } from '../../core/walk.ts';
import { quizParts } from '../../directives/quiz.ts';
import type { Owner } from '../../schema/ownership.ts';
import { partiesOf } from '../../schema/parties.ts';
import { splitClauses } from './claims/claims.ts';
import { partyMentions, partyOf } from './claims/parties.ts';
import { sentencesOf } from './claims/tokens.ts';
import { type ChapterRuleContext, readsEnglish } from './index.ts';

export function quizAnswerOwner(tree: Root, ctx: ChapterRuleContext) {
	if (!readsEnglish(ctx.language)) return;
	const parties = partiesOf(ctx.schema);
	const labelOf = (id: Owner) => parties.find((p) => p.id === id)?.label ?? id;
	walk(tree, (n) => {
		const node = n as ContainerDirective;
		if (node.name !== 'quiz') return;
		const { id, ref, owner } = node.attributes ?? {};
		if (!ref || !owner || !parties.some((p) => p.id === owner)) return;
		const q = quizParts(node);
		for (const i of q.correct) {
			const option = q.options[i]!;
			const text = toString(option);
			// The answer is the option's first clause: "AWS, because …"; "SSE-S3, and the customer can change it" names no party.
			const first = splitClauses(sentencesOf(text)[0]?.tokens ?? [], parties)[0] ?? [];
			const named = partyOf(partyMentions(first, parties), parties);
			if (!named || named === 'several' || named === owner) continue;
			const reserved = parties.find((p) => p.reserved)?.id;
			const why = owner === reserved ? `is tagged owner=${owner}, but its correct option names one party, ${labelOf(named)}` : `is tagged owner=${owner}, but its correct option names ${labelOf(named)}`;
			ctx.report(
				option,
				'quiz-answer-owner',
				`Quiz "${id ?? ''}" ${why}: "${text.trim().replace(/\s+/g, ' ')}"`,
				owner === reserved
					? `Mark the option that names both parties as correct (the tag says ${ref} is shared), or correct the tag if the schema says otherwise.`
					: `Mark the option that names ${labelOf(owner as Owner)} as correct (the tag says ${ref} is owned by ${labelOf(owner as Owner)}), or correct the tag if the schema says otherwise.`,
			);
		}
	}, 'containerDirective');
}
