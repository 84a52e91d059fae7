/**
 * Every rule of the checker, defined once: its id, group, severity, one-line summary, how to fix it, and at
 * least one failing example — a small input and the exact message the checker gives for it. Everything else
 * derives from this table: the rule ids and their default severities (./diagnostics.ts), `--list-rules`, the
 * `rules:` key of course.yaml and its JSON Schema, and the rules tables of docs/authoring.md
 * (`npm run docs:rules`). tests/check/rule-examples.test.ts runs every example through the checker and expects
 * exactly its message; tests/check/fixtures/<rule-id>/ show each rule at its line and column.
 *
 * An example is checked in EXAMPLE_COURSE: its `chapter` is the body of chapters/example.mdx (after a valid
 * frontmatter), and its `files` replace or add files of the course (`null` removes one; `{ symlink }` makes a
 * symbolic link).
 */

export type RuleGroup = keyof typeof RULE_GROUPS;

export const RULE_GROUPS = {
	course: 'Schema and course',
	tags: 'Owner tags and directives',
	quizzes: 'Quizzes, flashcards and terms',
	blocks: 'Tabs, steps, file trees and code blocks',
	safety: 'Safe content, links and diagrams',
	translations: 'Translations',
} as const;

export type ExampleFile = string | null | { symlink: string };

export interface RuleExample {
	/** The body of chapters/example.mdx, after EXAMPLE_FRONTMATTER. */
	chapter?: string;
	/** Files of the course by path, over EXAMPLE_COURSE. */
	files?: Readonly<Record<string, ExampleFile>>;
	/** The one diagnostic the checker reports for the example: this message, from this rule. */
	message: string;
}

export interface RuleDefinition {
	group: RuleGroup;
	/** Reported as a warning unless course.yaml (`rules:`) says otherwise; every other rule reports errors. */
	severity?: 'warning';
	summary: string;
	/** How to fix it, in Markdown (the docs show it). */
	fix: string;
	examples: readonly [RuleExample, ...RuleExample[]];
}

/** The course every example is checked in: the fixtures' shared course (tests/check/fixtures/_shared), with parties that name no provider. */
export const EXAMPLE_COURSE: Readonly<Record<string, string>> = {
	'course.yaml': 'title: Rule fixture\ndescription: A course made to show one rule.\n',
	'ownership.yaml': `parties:
  vendor: { label: Vendor }
  customer: { label: Customer }
controls:
  ec2.guest-os-patching:
    title: Patch and harden the guest operating system of an EC2 instance
    owner: customer
  global.physical-security:
    title: Physical security of data centers
    owner: vendor
  cloudtrail.trail-configuration:
    title: Turn on CloudTrail in every Region and choose where logs go
    owner: shared
    split:
      vendor: Runs the CloudTrail service and delivers events
      customer: Creates trails, chooses Regions, destinations and retention
`,
};

export const EXAMPLE_FRONTMATTER = '---\ntitle: Example\ndescription: An example of a rule.\norder: 1\n---\n\n';

/** A chapter file with its own frontmatter. */
const chapterFile = (title: string, order: number, body: string, extra = '') => `---\ntitle: ${title}\ndescription: A chapter of the example.\norder: ${order}\n${extra}---\n\n${body}\n`;

/** The parties of every example schema: the generator names no provider (tests/unit/parties.test.ts). */
const NEUTRAL = 'parties:\n  vendor: { label: Vendor }\n  customer: { label: Customer }\n';

/** A schema with parties of its own (`parties:`). */
const PARTIES = 'parties:\n  cloud: { label: Cloud }\n  customer: { label: Customer }\n  partner: { label: Partner }\n';

/** A course translated into German (`locales: [de]`), for the translation rules' examples. */
const TRANSLATED = { 'course.yaml': 'title: Rule fixture\ndescription: A course made to show one rule.\nlocales: [de]\n' };

const QUIZ = (attributes: string, body: string) => `:::quiz{${attributes}}\n${body}\n:::`;

/** A schema with controls whose owners prose often gets wrong (the untagged-claim examples). */
const CLAIMS_SCHEMA = `parties:
  vendor: { label: Vendor }
  customer: { label: Customer }
controls:
  ec2.guest-os-patching:
    title: Patch and harden the guest operating system of an EC2 instance
    owner: customer
  s3.default-encryption:
    title: Encrypt every new object at rest by default with SSE-S3
    owner: vendor
    aliases: [S3 encrypts new objects by default, S3 default encryption]
  rds.automated-backups:
    title: Run automated backups and point-in-time recovery for DB instances
    owner: shared
    split:
      vendor: Runs the backup machinery and keeps automated backups on by default
      customer: Sets the retention period, the backup window, and tests restores
`;

export const RULE_DEFINITIONS = {
	// ownership schema (ownership.yaml)
	'schema-syntax': {
		group: 'course',
		summary: 'ownership.yaml is not valid YAML',
		fix: 'Fix the YAML at that line; quote values that contain `: `.',
		examples: [
			{ files: { 'ownership.yaml': NEUTRAL + 'controls:\n  s3.default-encryption:\n    title: Encryption at rest: who turns it on\n    owner: vendor\n' }, message: 'Invalid YAML: Nested mappings are not allowed in compact mappings' },
			{ files: { 'ownership.yaml': null }, message: 'ownership.yaml is missing' },
		],
	},
	'schema-invalid': {
		group: 'course',
		summary: 'An entry in ownership.yaml does not match the schema format',
		fix: 'Follow the [schema format](#the-ownership-schema-ownershipyaml): the fix line names the field.',
		examples: [
			{ files: { 'ownership.yaml': NEUTRAL + 'controls:\n  ec2.guest-os-patching:\n    title: Patch the guest OS\n    owner: supplier\n' }, message: 'Control "ec2.guest-os-patching": unexpected owner "supplier", expected vendor | customer | shared' },
			{ files: { 'ownership.yaml': `${PARTIES}controls:\n  gke.node-upgrades:\n    title: Upgrade the nodes\n    owner: custmer\n` }, message: 'Control "gke.node-upgrades": unexpected owner "custmer", expected cloud | customer | partner | shared. Did you mean "customer"?' },
			{ files: { 'ownership.yaml': `${PARTIES}controls:\n  gke.node-upgrades:\n    title: Upgrade the nodes\n    owner: shared\n    split:\n      cloud: Releases the versions\n      customr: Chooses when\n` }, message: 'Control "gke.node-upgrades": unexpected split key "customr": it is not a party (cloud | customer | partner). Did you mean "customer"?' },
			{ files: { 'ownership.yaml': `${PARTIES}controls:\n  gke.audit-logging:\n    title: Keep audit logs\n    owner: shared\n    split:\n      cloud: Writes the logs\n` }, message: 'Control "gke.audit-logging": split names 1 party, expected two or more of cloud, customer, partner' },
			{ files: { 'ownership.yaml': 'parties:\n  vendor: { label: Vendor }\n  customer: { label: Customer }\n  shared: { label: Both }\ncontrols: {}\n' }, message: 'Unexpected party "shared": it is reserved for controls that parties split' },
			{ files: { 'ownership.yaml': NEUTRAL + 'controls:\n  global.physical-security:\n    owner: vendor\n' }, message: 'Control "global.physical-security": missing required field `title`' },
			{ files: { 'ownership.yaml': NEUTRAL + 'controls:\n  cloudtrail.trail-configuration:\n    title: Turn on CloudTrail\n    owner: shared\n' }, message: 'Control "cloudtrail.trail-configuration": split is required when owner is shared' },
			{ files: { 'ownership.yaml': NEUTRAL + 'controls:\n  iam.root-user-mfa:\n    title: Protect the root user with MFA\n    owner: customer\n    split:\n      vendor: Offers MFA\n      customer: Turns it on\n' }, message: 'Control "iam.root-user-mfa": split is only allowed when owner is shared (owner is customer)' },
			{ files: { 'ownership.yaml': NEUTRAL + 'controls:\n  vpc.security-groups:\n    title: Configure security groups\n    owner: customer\n    ntoes: Stateful firewalls of the instances.\n' }, message: 'Control "vpc.security-groups": unexpected field `ntoes`. Did you mean "notes"?' },
			{ files: { 'ownership.yaml': NEUTRAL + 'controls:\n  S3_Bucket_Policies:\n    title: Write bucket policies\n    owner: customer\n' }, message: 'Unexpected control id "S3_Bucket_Policies", expected lowercase `service.control-name`' },
		],
	},
	'schema-duplicate-id': {
		group: 'course',
		summary: 'The same control id appears twice in ownership.yaml',
		fix: 'Remove one entry or give it another id.',
		examples: [{ files: { 'ownership.yaml': NEUTRAL + 'controls:\n  ec2.guest-os-patching:\n    title: Patch the guest OS\n    owner: customer\n  ec2.guest-os-patching:\n    title: Patch the guest OS again\n    owner: customer\n' }, message: 'Duplicate control id "ec2.guest-os-patching", first defined at line 5' }],
	},
	// course configuration, files and frontmatter
	'course-config': {
		group: 'course',
		summary: 'course.yaml is missing or invalid',
		fix: 'Fix the key named, as in [A course](#a-course).',
		examples: [
			{ files: { 'course.yaml': 'title: A course\n' }, message: 'Missing required key `description` in course.yaml' },
			{ files: { 'course.yaml': 'title: A course\ndescription: About it.\nbase: \\evil.example\n' }, message: '`base`: Unexpected base "\\\\evil.example", expected a path that starts with / (letters, digits, . _ ~ - and single slashes; no backslash, no //)' },
			{ files: { 'course.yaml': 'title: A course\ndescription: About it.\ntilte: A course\n' }, message: 'Unexpected key `tilte` in course.yaml. Did you mean "title"?' },
			{ files: { 'course.yaml': null }, message: 'course.yaml is missing' },
		],
	},
	'chapter-file-name': {
		group: 'course',
		summary: 'A chapter’s file name is not a lowercase slug (it becomes the chapter’s URL)',
		fix: 'Rename the file as the fix line says.',
		examples: [{ files: { 'chapters/My Chapter.mdx': chapterFile('Mine', 1, 'Text.') }, message: 'Unexpected chapter file name "My Chapter.mdx": the name is the chapter\'s URL, so it must be lowercase words joined by dashes' }],
	},
	'not-a-chapter': {
		group: 'course',
		summary: 'A file in chapters/ is neither a chapter (.mdx) nor an image',
		fix: 'Rename `.md` to `.mdx`; move other files out of `chapters/`.',
		examples: [
			{ files: { 'chapters/notes.md': '# Notes\n' }, message: 'chapters/notes.md is not a chapter: chapters are .mdx files' },
			{ files: { 'chapters/payload.js': 'alert(1)\n' }, message: 'Unexpected file chapters/payload.js in chapters/: only chapters (.mdx), part descriptions (_part.yaml) and images belong here' },
			{ files: { 'chapters/basics/deeper/intro.mdx': chapterFile('Intro', 2, 'Text.') }, message: 'Unexpected folder chapters/basics/deeper: parts cannot contain folders' },
		],
	},
	'chapter-outside-course': {
		group: 'course',
		summary: 'A chapter file or folder is a symbolic link that leads out of the course folder',
		fix: 'Copy the file into the course instead of linking to it.',
		examples: [{ files: { 'chapters/leak.mdx': { symlink: '/etc/hostname' } }, message: 'chapters/leak.mdx is a symbolic link that leads out of the course folder (/etc/hostname)' }],
	},
	'duplicate-slug': {
		group: 'course',
		summary: 'Two chapter files map to the same URL',
		fix: 'Rename one of the two files.',
		examples: [{ files: { 'chapters/part-a/intro.mdx': chapterFile('Intro A', 2, 'Text.'), 'chapters/part-b/intro.mdx': chapterFile('Intro B', 3, 'Text.') }, message: 'chapters/part-b/intro.mdx and chapters/part-a/intro.mdx would both be /chapters/intro/' }],
	},
	'part-invalid': {
		group: 'course',
		summary: 'A part folder’s _part.yaml is invalid',
		fix: 'Give `_part.yaml` only a `title:`.',
		examples: [
			{ files: { 'chapters/basics/_part.yaml': 'title: Basics\norder: 2\n', 'chapters/basics/intro.mdx': chapterFile('Intro', 2, 'Text.') }, message: 'Unexpected key `order` in _part.yaml, expected only `title`' },
			{ files: { 'chapters/basics/_part.yaml': 'title: [unclosed\n', 'chapters/basics/intro.mdx': chapterFile('Intro', 2, 'Text.') }, message: '_part.yaml is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]' },
		],
	},
	'limit-exceeded': {
		group: 'course',
		summary: 'A chapter exceeds a size or nesting limit (course.yaml `limits:`)',
		fix: 'Split or flatten the chapter, or raise [`limits:`](#limits) in course.yaml.',
		examples: [
			{ files: { 'course.yaml': 'title: Limits\ndescription: A course with small limits.\nlimits:\n  chapterBytes: 2000\n' }, chapter: 'A long chapter. '.repeat(200), message: 'The chapter is 4 KB, more than the limit of 2 KB' },
			{ files: { 'course.yaml': 'title: Limits\ndescription: A course with small limits.\nlimits:\n  depth: 4\n' }, chapter: '> > > > > Quoted five times.', message: 'The chapter nests more than 4 levels deep here (lists, quotes, emphasis or directives inside each other)' },
		],
	},
	'frontmatter-invalid': {
		group: 'course',
		summary: 'A chapter’s frontmatter is missing a required field or has an invalid value',
		fix: 'Fix the field named, as in [Chapter frontmatter](#chapter-frontmatter).',
		examples: [
			{ files: { 'chapters/example.mdx': '---\ndescription: No title.\norder: 1\n---\n\nText.\n' }, message: 'Missing required frontmatter field "title"' },
			{ files: { 'chapters/example.mdx': '---\ntitle: Example\ndescription: An example.\norder: first\n---\n\nText.\n' }, message: 'Invalid frontmatter field "order": unexpected value "first", expected a positive whole number' },
			{ files: { 'chapters/example.mdx': chapterFile('Example', 1, 'Text.', 'updated: 2026-02-30\n') }, message: 'Invalid frontmatter field "updated": unexpected value "2026-02-30", expected a real date as YYYY-MM-DD' },
			{ files: { 'chapters/example.mdx': 'Text without frontmatter.\n' }, message: 'Missing frontmatter' },
			{ files: { 'chapters/example.mdx': '---\ntitle: [unclosed\ndescription: An example.\norder: 1\n---\n\nText.\n' }, message: 'Frontmatter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]' },
			{ files: { 'chapters/example.mdx': chapterFile('Example', 1, 'Text.', 'layout: ../layouts/Evil.astro\n') }, message: 'Unexpected frontmatter field "layout": chapters cannot choose a layout or import code: remove it' },
		],
	},
	'duplicate-order': {
		group: 'course',
		summary: 'Two chapters have the same `order`',
		fix: 'Give each chapter a different `order:`.',
		examples: [{ files: { 'chapters/foundations.mdx': chapterFile('Foundations', 1, 'Text.'), 'chapters/identity.mdx': chapterFile('Identity', 1, 'Text.'), 'chapters/example.mdx': null }, message: 'Duplicate order 1: chapter "foundations" has the same order' }],
	},
	'unknown-chapter': {
		group: 'course',
		summary: '`prerequisites` or `next` names a chapter that does not exist',
		fix: 'Use a chapter’s file name without `.mdx`.',
		examples: [{ files: { 'chapters/foundations.mdx': chapterFile('Foundations', 2, 'Text.'), 'chapters/example.mdx': chapterFile('Example', 1, 'Text.', 'prerequisites: [foundation]\n') }, message: 'Unknown chapter "foundation" in prerequisites. Did you mean "foundations"?' }],
	},
	'prerequisite-cycle': {
		group: 'course',
		summary: 'Chapter prerequisites form a cycle',
		fix: 'Remove one prerequisite to break the cycle.',
		examples: [{ files: { 'chapters/identity.mdx': chapterFile('Identity', 2, 'Text.', 'prerequisites: [network]\n'), 'chapters/network.mdx': chapterFile('Network', 3, 'Text.', 'prerequisites: [identity]\n') }, message: 'Prerequisites form a cycle: identity → network → identity' }],
	},
	'parse-error': {
		group: 'course',
		summary: 'A chapter cannot be parsed (MDX syntax error, bad encoding, empty file)',
		fix: 'Write `&lt;` for a literal `<` and `\\{` for `{`, or use inline code; save as UTF-8.',
		examples: [
			{ files: { 'chapters/example.mdx': '' }, message: 'The chapter is empty' },
			{ chapter: 'A rule that reads <port 22 is not a tag.', message: 'MDX syntax error: Unexpected character after `<`, expected a valid JSX tag (note: to create a link in MDX, use `[text](url)`)' },
		],
	},
	// owner tags and directives
	'owner-mismatch': {
		group: 'tags',
		summary: 'The owner written on a tag differs from the owner in the schema',
		fix: 'Write the schema’s owner, or correct the schema entry (its line is in the message) if the schema is wrong.',
		examples: [{ chapter: 'You must :control[patch the guest OS]{ref=ec2.guest-os-patching owner=vendor} yourself.', message: 'Owner mismatch for "ec2.guest-os-patching": written owner=vendor, but the schema says owner=customer (ownership.yaml:5: Patch and harden the guest operating system of an EC2 instance)' }],
	},
	'unknown-ref': {
		group: 'tags',
		summary: 'A tag refers to a control id that is not in the schema',
		fix: 'Use an id from ownership.yaml, or add the control there.',
		examples: [
			{ chapter: 'You must :control[patch the guest OS]{ref=ec2.guest-os-patch owner=customer} yourself.', message: 'Unknown control "ec2.guest-os-patch": it is not in ownership.yaml. Did you mean "ec2.guest-os-patching"?' },
			{ chapter: '::ownership-exercise{refs="ec2.guest-os-patching,global.physical-securty"}', message: 'Unknown control "global.physical-securty" in ownership exercise. Did you mean "global.physical-security"?' },
		],
	},
	'missing-owner': {
		group: 'tags',
		summary: 'A tag has `ref` without `owner`',
		fix: 'Add `owner=` (the fix line says which owner the schema has).',
		examples: [{ chapter: 'You must :control[patch the guest OS]{ref=ec2.guest-os-patching} yourself.', message: 'Missing "owner" for ref "ec2.guest-os-patching" on control' }],
	},
	'missing-ref': {
		group: 'tags',
		summary: 'A tag has `owner` without `ref`',
		fix: 'Add `ref=<control id>` (and `owner=`).',
		examples: [
			{ chapter: 'You must :control[patch the guest OS]{owner=customer} yourself.', message: 'Missing "ref" for owner "customer" on control' },
			{ chapter: ':::control\nA control card without its control.\n:::', message: 'Missing "ref" and "owner" on control' },
		],
	},
	'invalid-attribute': {
		group: 'tags',
		summary: 'A directive attribute has an invalid value',
		fix: 'Write a value of the expected shape.',
		examples: [
			{ chapter: 'You must :control[patch the guest OS]{ref=ec2.guest-os-patching owner=you} yourself.', message: 'Unexpected value "you" for "owner" on control, expected vendor | customer | shared' },
			{ chapter: QUIZ('id=Patch_Owner', 'Who patches the guest OS?\n\n- [ ] The vendor\n- [x] The customer\n\nThe guest OS is inside the instance.'), message: 'Unexpected value "Patch_Owner" for "id" on quiz, expected lowercase letters, digits and dashes' },
		],
	},
	'unknown-attribute': {
		group: 'tags',
		summary: 'A directive has an attribute it does not accept',
		fix: 'Rename it as suggested, or remove it.',
		examples: [{ chapter: 'You must :control[patch the guest OS]{ref=ec2.guest-os-patching onwer=customer} yourself.', message: 'Unexpected attribute "onwer" on control, expected "ref", "owner". Did you mean "owner"?' }],
	},
	'missing-attribute': {
		group: 'tags',
		summary: 'A directive lacks a required attribute',
		fix: 'Add the attribute.',
		examples: [{ chapter: ':::card{ref=global.physical-security owner=vendor}\nGuards, fences and logged access.\n:::', message: 'Missing required attribute "title" on card' }],
	},
	'unknown-directive': {
		group: 'tags',
		summary: 'A container or leaf directive name is not part of the language',
		fix: 'Use a directive of the language, in one of its forms.',
		examples: [
			{ chapter: ':::quizz{id=patch-owner}\nWho patches the guest OS?\n:::', message: 'Unknown directive ":::quizz". Did you mean ":::quiz"?' },
			{ chapter: '::controll{ref=ec2.guest-os-patching owner=customer}', message: 'Unknown directive "::controll". Did you mean ":control[…]" or ":::control"?' },
		],
	},
	'directive-kind': {
		group: 'tags',
		summary: 'A directive is used in a form it does not support (e.g. inline instead of block)',
		fix: 'Write the directive in the form given.',
		examples: [
			{ chapter: '::quiz{id=patch-owner}', message: 'Unexpected form of "quiz", expected :::quiz' },
			{ chapter: 'Remember this :note[one thing].', message: 'Unexpected form of "note", expected :::note' },
		],
	},
	// ownership claims in prose
	'untagged-claim': {
		group: 'tags',
		severity: 'warning',
		summary: 'A sentence names a control and its owner without an owner tag (a warning; the fix is the tag to add)',
		fix: 'Add the tag the fix line gives, `:control[…]{ref=… owner=…}` around the matched words. See [Untagged claims](#untagged-claims).',
		examples: [{ chapter: 'You patch and harden the guest operating system yourself.', message: 'Untagged ownership claim: "You patch and harden the guest operating system yourself." names "ec2.guest-os-patching" with owner Customer (ownership.yaml:5: Patch and harden the guest operating system of an EC2 instance)' }],
	},
	'untagged-owner-conflict': {
		group: 'tags',
		severity: 'warning',
		summary: 'A sentence without an owner tag gives a control to another party than the schema',
		fix: 'Correct the sentence and tag it, or correct the schema entry (with a source) if the sentence is right.',
		examples: [
			{ chapter: 'The vendor patches the guest operating system of your instances.', message: 'Ownership conflict: "The vendor patches the guest operating system of your instances." gives "ec2.guest-os-patching" to Vendor, but the schema says owner=customer (ownership.yaml:5: Patch and harden the guest operating system of an EC2 instance)' },
			{ files: { 'ownership.yaml': CLAIMS_SCHEMA }, chapter: 'The vendor does not encrypt new objects in S3 by default; you have to turn on S3 default encryption yourself.', message: 'Ownership conflict: "The vendor does not encrypt new objects in S3 by default; you have to turn on S3 default encryption yourself." says Vendor does not own "s3.default-encryption", but the schema says owner=vendor (ownership.yaml:8: Encrypt every new object at rest by default with SSE-S3)' },
			{ files: { 'ownership.yaml': CLAIMS_SCHEMA }, chapter: 'On RDS, the vendor runs automated backups and point-in-time recovery for you.', message: 'Ownership conflict: "On RDS, the vendor runs automated backups and point-in-time recovery for you." gives "rds.automated-backups" to Vendor alone, but the schema says owner=shared (ownership.yaml:12: Run automated backups and point-in-time recovery for DB instances; Vendor: Runs the backup machinery and keeps automated backups on by default; Customer: Sets the retention period, the backup window, and tests restores)' },
		],
	},
	// quizzes, cards, terms
	'quiz-no-options': {
		group: 'quizzes',
		summary: 'A quiz has no task list of options',
		fix: 'Write the options as a task list: `- [ ] wrong`, `- [x] right`.',
		examples: [
			{ chapter: QUIZ('id=patch-owner', 'Who patches the guest OS?\n\nThe guest OS is inside the instance.'), message: 'Quiz "patch-owner" has no options' },
			{ chapter: QUIZ('id=patch-owner', 'Who patches the guest OS?\n\n- [ ] The vendor\n- [x] The customer\n- Both\n\nThe guest OS is inside the instance.'), message: 'Quiz "patch-owner" mixes task items with plain list items' },
		],
	},
	'quiz-too-few-options': {
		group: 'quizzes',
		summary: 'A quiz has fewer than two options',
		fix: 'Add another `- [ ]` option.',
		examples: [{ chapter: QUIZ('id=patch-owner', 'Who patches the guest OS?\n\n- [x] The customer\n\nThe guest OS is inside the instance.'), message: 'Quiz "patch-owner" has 1 option, expected at least 2' }],
	},
	'quiz-no-correct': {
		group: 'quizzes',
		summary: 'A quiz has no option marked `[x]`',
		fix: 'Mark the right answer `- [x]`.',
		examples: [{ chapter: QUIZ('id=patch-owner', 'Who patches the guest OS?\n\n- [ ] The vendor\n- [ ] The customer\n\nThe guest OS is inside the instance.'), message: 'Quiz "patch-owner" has no correct option' }],
	},
	'quiz-several-correct': {
		group: 'quizzes',
		summary: 'A quiz marks several options `[x]` without the `multiple` attribute',
		fix: 'Keep one `[x]`, or add `multiple`: `:::quiz{id=… multiple}`.',
		examples: [{ chapter: QUIZ('id=customer-tasks', 'Which of these does the customer do?\n\n- [x] Patch the guest OS\n- [x] Configure security groups\n- [ ] Guard the data centers\n\nThe first two are inside the account.'), message: 'Quiz "customer-tasks" marks 2 options correct without "multiple"' }],
	},
	'quiz-no-question': {
		group: 'quizzes',
		summary: 'A quiz has no question before its options',
		fix: 'Put the question in a paragraph before the options.',
		examples: [{ chapter: QUIZ('id=patch-owner', '- [ ] The vendor\n- [x] The customer\n\nThe guest OS is inside the instance.'), message: 'Quiz "patch-owner" has no question' }],
	},
	'quiz-no-explanation': {
		group: 'quizzes',
		summary: 'A quiz has no explanation after its options',
		fix: 'Add a paragraph after the options saying why.',
		examples: [{ chapter: QUIZ('id=patch-owner', 'Who patches the guest OS?\n\n- [ ] The vendor\n- [x] The customer'), message: 'Quiz "patch-owner" has no explanation' }],
	},
	'quiz-answer-owner': {
		group: 'quizzes',
		summary: 'The correct option of a quiz with `ref` and `owner` names another party than `owner`',
		fix: 'Mark the option that names the tag’s owner (both parties for `shared`), or correct the tag. The party is read from the option’s first clause, as in [Untagged claims](#untagged-claims).',
		examples: [
			{ chapter: QUIZ('id=guest-patching ref=ec2.guest-os-patching owner=customer', 'A kernel flaw is announced. Who patches the EC2 guest OS?\n\n- [x] The vendor, because it runs EC2\n- [ ] The customer\n\nThe guest OS is inside the instance.'), message: 'Quiz "guest-patching" is tagged owner=customer, but its correct option names Vendor: "The vendor, because it runs EC2"' },
			{ chapter: QUIZ('id=trail-setup ref=cloudtrail.trail-configuration owner=shared', 'Who is responsible for CloudTrail trails?\n\n- [x] The customer\n- [ ] Both: the vendor runs the service and you create the trails\n\nThe vendor runs CloudTrail; the customer creates trails and chooses Regions.'), message: 'Quiz "trail-setup" is tagged owner=shared, but its correct option names one party, Customer: "The customer"' },
		],
	},
	'duplicate-quiz-id': {
		group: 'quizzes',
		summary: 'Two quizzes share an id',
		fix: 'Give the quiz another id, e.g. prefixed with the chapter.',
		examples: [
			{
				files: {
					'chapters/compute.mdx': chapterFile('Compute', 2, QUIZ('id=who-owns-it', 'Who patches the guest OS?\n\n- [ ] The vendor\n- [x] The customer\n\nThe guest OS is inside the instance.')),
					'chapters/facilities.mdx': chapterFile('Facilities', 3, QUIZ('id=who-owns-it', 'Who guards the doors of a data center?\n\n- [x] The vendor\n- [ ] The customer\n\nNo customer enters a data center.')),
				},
				message: 'Duplicate quiz id "who-owns-it", first used at compute.mdx:7',
			},
		],
	},
	'unclosed-directive': {
		group: 'quizzes',
		summary: 'A container directive (`:::name`) is never closed',
		fix: 'Add the closing `:::`; give an outer directive more colons than the ones inside it.',
		examples: [{ chapter: ':::tip\nA tip that never ends.', message: '`:::tip` opened at 7:1 is never closed' }],
	},
	'heading-id': {
		group: 'quizzes',
		summary: 'A heading attribute is invalid, or two headings of a chapter have the same id',
		fix: 'Give each heading its own `{#id}`; remove other attributes.',
		examples: [
			{ chapter: '## Security groups {#sg}\n\nText.\n\n## Stateful firewalls {#sg}\n\nText.', message: 'Duplicate heading id "#sg": the heading at line 7 has the same id' },
			{ chapter: '## Security groups {.class}', message: 'Unexpected heading attribute `.class`: headings accept only an id, `{#id}`' },
		],
	},
	'flashcard-invalid': {
		group: 'quizzes',
		summary: 'A flashcards block is not a list of `**Front**: back` items',
		fix: 'Write each card as `- **Front**: back`, one list per set.',
		examples: [
			{ chapter: ':::flashcards\n- Root user: the first identity of an account.\n:::', message: 'Flashcard item does not start with a **bold** front followed by a back' },
			{ chapter: ':::flashcards\nRoot user: the first identity of an account.\n:::', message: 'Flashcards need a list of cards' },
			{ chapter: ':::flashcards\n- **Root user**: the first identity of an account.\n\nLearn these.\n:::', message: 'Unexpected paragraph in flashcards, expected only one list' },
		],
	},
	'glossary-conflict': {
		group: 'quizzes',
		summary: 'A glossary term is defined twice with different text',
		fix: 'Define a term once (link to it elsewhere with `:term`), or make both definitions identical.',
		examples: [
			{ chapter: ':::flashcards\n- **Root user**: the first identity of an account.\n- **Root user**: the identity with every permission.\n:::', message: 'Flashcard "Root user" appears twice in this set' },
			{
				files: {
					'chapters/identity.mdx': chapterFile('Identity', 2, ':::flashcards\n- **Least privilege**: only the permissions a task needs.\n:::'),
					'chapters/network.mdx': chapterFile('Network', 3, ':::flashcards\n- **Least privilege**: as few permissions as possible.\n:::'),
				},
				message: 'Term "Least privilege" is defined differently at identity.mdx:8',
			},
		],
	},
	'unknown-term': {
		group: 'quizzes',
		summary: 'A `:term` refers to a term no flashcard defines',
		fix: 'Use `:term[…]{id=…}` with a defined term, or add a flashcard for it.',
		examples: [{ chapter: 'Grant :term[least privilege]{id=least-privilages}.\n\n:::flashcards\n- **Least privilege**: only the permissions a task needs.\n:::', message: 'Unknown glossary term "least-privilages". Did you mean "least-privilege"?' }],
	},
	// tabs, steps, file trees
	'tabs-invalid': {
		group: 'blocks',
		summary: 'A tabs block holds something other than labelled `:::tab` blocks, or a tab is outside tabs',
		fix: 'Put everything in `:::tab[Label]` blocks with labels of their own, inside `::::tabs`.',
		examples: [
			{ chapter: '::::tabs\nInstall it first.\n\n:::tab[Linux]\nRun the installer.\n:::\n::::', message: 'Unexpected paragraph in tabs, expected only :::tab[Label] blocks' },
			{ chapter: '::::tabs\n:::tab[CLI]\nOne way.\n:::\n\n:::tab[CLI]\nAnother way.\n:::\n::::', message: 'Duplicate tab label "CLI", first used at line 8' },
			{ chapter: ':::tab[Linux]\nRun the installer.\n:::', message: 'Unexpected :::tab outside tabs, expected it directly inside a ::::tabs block' },
			{ chapter: '::::tabs\n:::tab\nNo label.\n:::\n::::', message: 'A tab has no label' },
			{ chapter: '::::tabs\n::::', message: 'Tabs need at least one :::tab[Label] block' },
		],
	},
	'unknown-tab': {
		group: 'blocks',
		summary: 'The `default` of a tabs block names no tab of that block',
		fix: 'Write `default=` with the label of one of the block’s tabs, or remove it.',
		examples: [{ chapter: '::::tabs{default=Consol}\n:::tab[Console]\nClick.\n:::\n\n:::tab[CLI]\nType.\n:::\n::::', message: 'Unknown tab "Consol" in default, expected one of "Console", "CLI". Did you mean "Console"?' }],
	},
	'steps-invalid': {
		group: 'blocks',
		summary: 'A steps block is not exactly one numbered list',
		fix: 'Write the steps as one `1.` `2.` … list; indent what belongs to a step under it.',
		examples: [
			{ chapter: ':::steps\n- Open the console.\n- Choose the Region.\n:::', message: 'Steps need a numbered list, not a bulleted one' },
			{ chapter: ':::steps\nFirst of all:\n\n1. Open the console.\n2. Choose the Region.\n:::', message: 'Unexpected paragraph in steps, expected only one numbered list' },
		],
	},
	'file-tree-invalid': {
		group: 'blocks',
		summary: 'A file tree is not one bulleted list of names, comments and nested lists',
		fix: 'Write one bulleted list of `- name comment` items, nested two spaces per level.',
		examples: [
			{ chapter: ':::file-tree\n1. content/\n2. chapters/\n:::', message: 'A file tree needs a bulleted list, not a numbered one' },
			{ chapter: ':::file-tree\n- [content/](https://example.org/)\n:::', message: 'A file tree entry starts with a link, expected a file or directory name' },
			{ chapter: ':::file-tree\n- content/\n\n  ```\n  code\n  ```\n:::', message: 'Unexpected code in a file tree entry, expected a name, a comment and at most one nested list' },
		],
	},
	'code-meta': {
		group: 'blocks',
		summary: 'A code block’s options (after the language) are unknown, or name lines the block does not have; a diagram’s are other than `alt`',
		fix: 'Write only `title="…"`, `{lines}` the block has and `showLineNumbers` after the language (after `mermaid`, only `alt="…"`); the fix line says what to write.',
		examples: [
			{ chapter: '```sh showlinenumbers\naws s3 ls\n```', message: 'Unexpected code-block option `showlinenumbers`, expected title="…", {lines} or showLineNumbers. Did you mean "showLineNumbers"?' },
			{ chapter: '```sh {2-4}\naws s3 ls\naws s3 mb s3://logs\n```', message: 'Lines 2-4 to highlight go beyond the end of the code block, which has 2 lines' },
			{ chapter: '```yaml {3-1}\na: 1\nb: 2\nc: 3\n```', message: 'Unexpected range 3-1 in {3-1}: it ends before it starts' },
			{ chapter: '```mermaid atl="A calls B."\nflowchart LR\n  A --> B\n```', message: 'Unexpected option `atl="A calls B."` on a Mermaid diagram: its only option is alt="…", its text alternative. Did you mean "alt"?' },
		],
	},
	// safe content, links, diagrams
	'unsafe-esm': {
		group: 'safety',
		summary: 'A chapter contains `import` or `export`',
		fix: 'Remove it; use a directive (or frontmatter for data).',
		examples: [
			{ chapter: "import Widget from './widget.js';", message: 'Unexpected `import` statement: chapters cannot run code on the build machine' },
			{ chapter: 'export const answer = 42;', message: 'Unexpected `export` statement: chapters cannot define code' },
		],
	},
	'unsafe-expression': {
		group: 'safety',
		summary: 'A chapter contains a JavaScript expression',
		fix: 'Remove the braces; write `\\{` `\\}` or inline code for literal braces.',
		examples: [{ chapter: 'The answer is {6 * 7}.', message: 'Unexpected JavaScript expression `{6 * 7}`: chapters cannot run code' }],
	},
	'unsafe-jsx': {
		group: 'safety',
		summary: 'A chapter contains a JSX component',
		fix: 'Use a directive instead; write `&lt;` for a literal `<`.',
		examples: [{ chapter: '<Callout>Read this first.</Callout>', message: 'Unexpected component `<Callout>`: chapters cannot use JSX components' }],
	},
	'unsafe-html': {
		group: 'safety',
		summary: 'A chapter contains raw HTML that is not allowed',
		fix: 'Write Markdown instead; only the inline elements listed in [Writing chapters](#writing-chapters) are allowed.',
		examples: [
			{ chapter: '<div>A box.</div>', message: 'Unexpected HTML element `<div>`: chapters use Markdown and directives, with only a few inline HTML elements' },
			{ chapter: '<script>alert(1)</script>', message: 'Unexpected HTML element `<script>`: chapters cannot run scripts in readers’ browsers' },
			{ chapter: 'Press <kbd onclick="alert(1)">Enter</kbd>.', message: 'Unexpected event handler `onclick` on `<kbd>`: attributes cannot run code' },
		],
	},
	'unsafe-url': {
		group: 'safety',
		summary: 'A link uses a `javascript:` (or other script) URL',
		fix: 'Link to an `http(s)` address or a course page.',
		examples: [{ chapter: '[Click here](javascript:alert(1))', message: 'Unsafe `javascript:` URL in link: it would run code in the reader’s browser' }],
	},
	'malformed-url': {
		group: 'safety',
		summary: 'A link URL cannot be parsed',
		fix: 'Fix the address as the fix line says.',
		examples: [
			{ chapter: '[The docs](https:/docs.example.org/)', message: 'Malformed URL "https:/docs.example.org/" in link: expected `https://` at the start' },
			{ chapter: '[The docs](<https://docs.example.org/iam/user guide>)', message: 'Malformed URL "https://docs.example.org/iam/user guide" in link: it contains a space' },
		],
	},
	'broken-link': {
		group: 'safety',
		summary: 'An internal link points to a page or anchor that does not exist',
		fix: 'Link to an existing page or anchor (see [Writing chapters](#writing-chapters)).',
		examples: [
			{ files: { 'chapters/other.mdx': chapterFile('Other', 2, 'Text.') }, chapter: 'See [the other chapter](/chapters/othr/).', message: 'Broken link "/chapters/othr/": there is no chapter "othr". Did you mean "other"?' },
			{ chapter: 'See [the other chapter](./nope.mdx).', message: 'Broken link "./nope.mdx": there is no chapter file chapters/nope.mdx.' },
			{ chapter: '## Security groups\n\nSee [above](#security-group).', message: 'Broken link "#security-group": there is no anchor "#security-group" in this chapter. Did you mean "#security-groups"?' },
		],
	},
	'image-not-found': {
		group: 'safety',
		summary: 'A relative image does not exist',
		fix: 'Check the file name and folder; the path is relative to the chapter.',
		examples: [{ chapter: '![A diagram](./missing.png)', message: 'Image "./missing.png" does not exist (chapters/missing.png)' }],
	},
	'image-outside-course': {
		group: 'safety',
		summary: 'A relative image resolves to a file outside the course folder',
		fix: 'Keep images inside the course folder.',
		examples: [{ chapter: '![Secrets](../../../../../../../../etc/passwd.png)', message: 'Image "../../../../../../../../etc/passwd.png" resolves to a file outside the course folder' }],
	},
	'image-type': {
		group: 'safety',
		summary: 'A relative image is not a png, jpg, gif, webp or avif file (SVG is not accepted)',
		fix: 'Use a raster image file, without `?…`.',
		examples: [
			{ files: { 'images/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n' }, chapter: '![The logo](../images/logo.svg)', message: 'Image "../images/logo.svg" is a .svg file, expected one of png, jpg, jpeg, gif, webp, avif (SVG can carry scripts, so it is not accepted: export it as PNG or WebP)' },
			{ chapter: '![A diagram](./diagram.png?raw)', message: 'Image "./diagram.png?raw" has a query or fragment (`?raw`): images are plain files' },
		],
	},
	'mermaid-syntax': {
		group: 'safety',
		summary: 'A Mermaid diagram does not parse',
		fix: 'Fix the diagram at the line given.',
		examples: [{ chapter: '```mermaid alt="A calls B."\nflowchat LR\n  A --> B\n```', message: 'Mermaid diagram does not parse: unknown diagram type "flowchat"' }],
	},
	'diagram-no-alt': {
		group: 'safety',
		severity: 'warning',
		summary: 'A Mermaid diagram has no text alternative (`alt="…"` on its fence; a warning)',
		fix: 'Say what it shows, in a sentence or two, on the fence: ```` ```mermaid alt="…" ````.',
		examples: [
			{ chapter: '```mermaid\nflowchart LR\n  A --> B\n```', message: 'Mermaid diagram has no text alternative: screen readers, readers without JavaScript and search get nothing from it' },
			{ chapter: '```mermaid alt=""\nflowchart LR\n  A --> B\n```', message: 'Mermaid diagram has no text alternative (its `alt` is empty): screen readers, readers without JavaScript and search get nothing from it' },
		],
	},
	'policy-loosened': {
		group: 'safety',
		severity: 'warning',
		summary: 'course.yaml loosens the safe-content policy (a warning, so it is never silent)',
		fix: 'Nothing to fix if intended; remove `policy:` from course.yaml to restore the default.',
		examples: [{ files: { 'course.yaml': 'title: Loosened course\ndescription: Figures are allowed.\npolicy:\n  allowHtml: [figure, figcaption]\n' }, message: 'The safe-content policy is loosened: chapters may also use raw HTML <figcaption>, <figure> (policy.allowHtml)' }],
	},
	// translations (locales/<tag>/)
	'translation-invalid': {
		group: 'translations',
		summary: 'A translation sets what only the original may (an owner, a chapter’s order), or names a control, party, chapter or locale the course does not have',
		fix: 'Translate only words of the original; remove owners and other fields; name a translated chapter after its original; declare the locale in `locales:`. See [Translations](#translations).',
		examples: [
			{ files: { ...TRANSLATED, 'locales/de/ownership.yaml': 'controls:\n  ec2.guest-os-patching:\n    title: Das Gastbetriebssystem patchen\n    owner: vendor\n' }, message: 'Control "ec2.guest-os-patching": a translation cannot set an owner; ownership.yaml:5 says owner=customer' },
			{ files: { ...TRANSLATED, 'locales/de/ownership.yaml': 'controls:\n  ec2.guest-os-patchen:\n    title: Gibt es nicht\n' }, message: 'Unknown control "ec2.guest-os-patchen": it is not in ownership.yaml, so there is nothing to translate. Did you mean "ec2.guest-os-patching"?' },
			{ files: { ...TRANSLATED, 'locales/de/ownership.yaml': 'controls:\n  cloudtrail.trail-configuration:\n    title: CloudTrail einschalten\n    layer: logging\n' }, message: 'Control "cloudtrail.trail-configuration": `layer` cannot be translated, only title, notes, split.' },
			{ files: { ...TRANSLATED, 'locales/de/chapters/example.mdx': '---\ntitle: Beispiel\ndescription: Ein Beispiel.\norder: 2\n---\n\nText.\n' }, message: "`order: 2` differs from the original's (chapters/example.mdx has 1): a translation keeps its original's place in the course" },
			{ files: { ...TRANSLATED, 'locales/de/chapters/beispiel.mdx': '---\ntitle: Beispiel\ndescription: Ein Beispiel.\n---\n\nText.\n' }, message: 'locales/de/chapters/beispiel.mdx translates nothing: there is no chapter "beispiel" in chapters/.' },
			{ files: { ...TRANSLATED, 'locales/fr/course.yaml': 'title: Exemple\ndescription: Un exemple.\n' }, message: 'locales/fr/ is not a locale of this course' },
		],
	},
	'translation-drift': {
		group: 'translations',
		severity: 'warning',
		summary: 'A translated chapter tags different controls than its original (a warning listing the difference)',
		fix: 'Tag the controls the original tags, or change the original too.',
		examples: [
			{
				chapter: 'You :control[patch the guest OS]{ref=ec2.guest-os-patching owner=customer} of your instances, while :control[the data centers]{ref=global.physical-security owner=vendor} are the vendor’s.',
				files: { ...TRANSLATED, 'locales/de/chapters/example.mdx': '---\ntitle: Beispiel\ndescription: Ein Beispiel.\n---\n\nSie :control[patchen das Gastbetriebssystem]{ref=ec2.guest-os-patching owner=customer}; :control[CloudTrail]{ref=cloudtrail.trail-configuration owner=shared} teilen Sie sich mit dem Anbieter.\n' },
				message: 'The translation tags different controls than chapters/example.mdx (not tagged here: global.physical-security; tagged only here: cloudtrail.trail-configuration)',
			},
		],
	},
} as const satisfies Record<string, RuleDefinition>;
