/** Every directive of the language. A directive that is not listed here does not exist (and is an error). */
import { callout } from './callout.ts';
import { card } from './card.ts';
import { control } from './control.ts';
import { fileTree } from './file-tree.ts';
import { flashcards } from './flashcards.ts';
import { ownershipExercise } from './ownership-exercise.ts';
import { quiz } from './quiz.ts';
import { steps } from './steps.ts';
import { tab, tabs } from './tabs.ts';
import { term } from './term.ts';
import type { DirectiveSpec } from './types.ts';

export const DIRECTIVES: readonly DirectiveSpec[] = [control, card, quiz, flashcards, callout, tabs, tab, steps, fileTree, ownershipExercise, term];

const byName = new Map<string, DirectiveSpec>();
for (const spec of DIRECTIVES) for (const name of spec.names) byName.set(name, spec);

export const directiveFor = (name: string) => byName.get(name);
export const directiveNames = () => [...byName.keys()];
