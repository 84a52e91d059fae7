/**
 * Which section teaches each quiz (src/check/teaching.ts): the practice exam's review links go there, never to
 * a section that only holds quizzes. Each case is a small chapter and the section its quiz must point at.
 */
import { describe, expect, it } from 'vitest';
import { parseOwnershipSchema } from '../../src/schema/ownership.ts';
import { checkText } from '../helpers/check.ts';

const { schema } = parseOwnershipSchema(
	`controls:
  ec2.guest-os-patching:
    title: Patch and harden the guest operating system of an EC2 instance
    owner: customer
  s3.default-encryption:
    title: Default encryption of new S3 objects
    owner: aws
`,
	'ownership.yaml',
);

const FRONT = '---\ntitle: T\ndescription: D\norder: 1\n---\n\n';
const quiz = (attrs: string, question: string) => `:::quiz{${attrs}}\n${question}\n\n- [ ] One\n- [x] Two\n\nBecause.\n:::\n`;

/** quiz id → the section it teaches, for a chapter. */
function teaches(body: string): Record<string, string | undefined> {
	const { facts, diagnostics } = checkText('/course/chapters/t.mdx', FRONT + body, schema);
	expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
	return Object.fromEntries(facts.quizzes.map((q) => [q.id, q.teaches]));
}

const PATCHING = 'Patching the guest operating system of every instance is the customer’s job: the kernel, the packages and the agents inside it.';
const ENCRYPTION = 'Every new object uploaded to a bucket is encrypted at rest with server-side keys that the storage service manages for you.';

describe('the section that teaches a quiz', () => {
	it('is the section the quiz follows, when there is prose before it there', () => {
		expect(teaches(`## Patching\n\n${PATCHING}\n\n${quiz('id=q1', 'Who patches the kernel?')}`)).toEqual({ q1: 'patching' });
	});

	it('is not a "check your understanding" section that only holds quizzes: the control the quiz is about says where', () => {
		const md = `## Patching\n\nYou must :control[patch the guest OS]{ref=ec2.guest-os-patching owner=customer}. ${PATCHING}\n\n## Encryption\n\n${ENCRYPTION}\n\n## Check your understanding\n\nTest yourself.\n\n${quiz('id=q1 ref=ec2.guest-os-patching owner=customer', 'Who applies a fix to the instance?')}`;
		expect(teaches(md)).toEqual({ q1: 'patching' });
	});

	it('without a control, is the section whose words the quiz shares most (rare words count more)', () => {
		const md = `## Patching\n\n${PATCHING}\n\n## Encryption\n\n${ENCRYPTION}\n\n## Check your understanding\n\n${quiz('id=q1', 'An object is uploaded to a new bucket without headers. Is it encrypted at rest?')}`;
		expect(teaches(md)).toEqual({ q1: 'encryption' });
	});

	it('after a run of subsections, is the subsection the quiz is about', () => {
		const md = `## Defaults\n\n### Storage\n\n${ENCRYPTION}\n\n### Instances\n\n${PATCHING}\n\n${quiz('id=q1', 'Is a new object in a bucket encrypted at rest?')}${quiz('id=q2', 'Who patches the kernel of an instance?')}`;
		expect(teaches(md)).toEqual({ q1: 'storage', q2: 'instances' });
	});

	it('falls back to the nearest teaching section above when no word matches, and to none at all', () => {
		expect(teaches(`## Patching\n\n${PATCHING}\n\n## Quiz\n\n${quiz('id=q1', 'Zebra xylophone?')}`)).toEqual({ q1: 'patching' });
		expect(teaches(`## Quiz\n\n${quiz('id=q1', 'Zebra xylophone?')}`)).toEqual({ q1: undefined });
	});
});
