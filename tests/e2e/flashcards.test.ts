/**
 * The flashcard deck: flipping (at a steady height), moving through it with the counter and one announcement
 * following every move, grading only after a flip on the Leitner schedule, the order due/new/later, deep links.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PROGRESS_KEY, skipBrowserTests, useBrowserSite } from '../helpers/browser.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 5, 1, 9);

/** The term on the card that is showing. */
const shownTerm = (page: Page) => page.locator('.flashcard:not([hidden]) .flashcard__term').textContent();
const counter = (page: Page) => page.locator('.deck__counter').textContent();
const announced = (page: Page) => page.locator('.deck__announce').textContent();
const review = (page: Page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').review ?? {}, PROGRESS_KEY);
/** Every term in deck order, by stepping through it with "Next". */
async function deckOrder(page: Page): Promise<string[]> {
	const terms: string[] = [];
	const count = await page.locator('.flashcard').count();
	for (let i = 0; i < count; i++) {
		terms.push((await shownTerm(page)) ?? '');
		await page.getByRole('button', { name: 'Next' }).click();
	}
	return terms;
}

describe.skipIf(skipBrowserTests())('flashcards', () => {
	const site = useBrowserSite();

	it('shows one card at a time and flips it by click, Enter and Space, keeping its height', async () => {
		const { page, errors } = await site.open();
		await page.goto(site.at('chapters/patching/'));
		expect(await page.locator('.flashcard:not([hidden])').count()).toBe(1);
		expect(await counter(page)).toBe('Card 1 of 4');
		expect(await shownTerm(page)).toBe('Guest OS');

		const flip = page.getByRole('button', { name: 'Guest OS' });
		const card = page.locator('#term-guest-os');
		const back = card.locator('.flashcard__back');
		expect(await flip.getAttribute('aria-pressed')).toBe('false');
		expect(await back.isVisible()).toBe(false);
		const before = (await card.boundingBox())!.height;

		await flip.click();
		expect(await flip.getAttribute('aria-pressed')).toBe('true');
		expect(await back.isVisible()).toBe(true);
		expect(await back.textContent()).toContain('the operating system inside an instance');
		expect((await card.boundingBox())!.height).toBe(before);

		await flip.press('Enter');
		expect(await flip.getAttribute('aria-pressed')).toBe('false');
		expect(await back.isVisible()).toBe(false);
		await flip.press('Space');
		expect(await back.isVisible()).toBe(true);

		// A click anywhere on the card flips it too.
		await card.click({ position: { x: 10, y: 10 } });
		expect(await back.isVisible()).toBe(false);
		expect(errors).toEqual([]);
	});

	it('moves to the next and previous card, wrapping around, and announces each move', async () => {
		const { page } = await site.open();
		await page.goto(site.at('chapters/patching/'));
		expect(await announced(page)).toBe('');
		await page.getByRole('button', { name: 'Next' }).click();
		expect(await counter(page)).toBe('Card 2 of 4');
		expect(await shownTerm(page)).toBe('Hypervisor');
		expect(await announced(page)).toBe('Card 2 of 4: Hypervisor.');
		await page.getByRole('button', { name: 'Previous' }).click();
		await page.getByRole('button', { name: 'Previous' }).click();
		expect(await counter(page)).toBe('Card 4 of 4');
		expect(await shownTerm(page)).toBe('Patch window');
		expect(await announced(page)).toBe('Card 4 of 4: Patch window.');
		// One live region for the deck: the counter itself is not one.
		expect(await page.locator('.flashcards [aria-live], .flashcards [role="status"]').count()).toBe(1);
	});

	it('grades a card only once it is flipped, schedules it, moves on and says so', async () => {
		const { page, errors } = await site.open();
		await page.clock.setFixedTime(T0);
		await page.goto(site.at('chapters/patching/'));
		const knew = page.getByRole('button', { name: 'I knew it' });
		const again = page.getByRole('button', { name: 'Review again' });
		expect(await knew.isDisabled()).toBe(true);
		expect(await again.isDisabled()).toBe(true);
		expect(await page.locator('.deck__grade-hint').textContent()).toBe('Flip the card to grade it.');

		await page.getByRole('button', { name: 'Guest OS' }).click();
		expect(await knew.isDisabled()).toBe(false);
		await knew.click();
		expect(await counter(page)).toBe('Card 2 of 4');
		expect(await shownTerm(page)).toBe('Hypervisor');
		expect(await announced(page)).toBe('Marked as known; next review in 2 days. Card 2 of 4: Hypervisor.');
		expect(await page.locator('.deck__status').textContent()).toBe('1 of 4 learned');
		// The next card starts face down, so it cannot be graded yet.
		expect(await knew.isDisabled()).toBe(true);

		await page.getByRole('button', { name: 'Hypervisor' }).click();
		await again.click();
		expect(await counter(page)).toBe('Card 3 of 4');
		expect(await announced(page)).toBe('Marked to review again tomorrow. Card 3 of 4: Inherited control.');
		expect(await review(page)).toEqual({
			'card:guest-os': { box: 2, due: T0 + 2 * DAY, chapter: 'patching' },
			'card:hypervisor': { box: 1, due: T0 + DAY, chapter: 'patching' },
		});

		// A day later: the due card comes first, then the new ones, then the one not due yet.
		await page.clock.setFixedTime(T0 + DAY + 3_600_000);
		await page.reload();
		expect(await deckOrder(page)).toEqual(['Hypervisor', 'Inherited control', 'Patch window', 'Guest OS']);
		expect(await page.locator('.deck__status').textContent()).toBe('1 of 4 learned · 1 due for review');

		// Knowing the due card moves it up a box.
		await page.getByRole('button', { name: 'Hypervisor' }).click();
		await knew.click();
		expect((await review(page))['card:hypervisor']).toEqual({ box: 2, due: T0 + DAY + 3_600_000 + 2 * DAY, chapter: 'patching' });
		expect(errors).toEqual([]);
	});

	it('shuffles the deck and starts again at card 1, keeping every card', async () => {
		const { page } = await site.open();
		await page.goto(site.at('chapters/patching/'));
		await page.getByRole('button', { name: 'Next' }).click();
		await page.getByRole('button', { name: 'Shuffle' }).click();
		expect(await counter(page)).toBe('Card 1 of 4');
		expect((await deckOrder(page)).sort()).toEqual(['Guest OS', 'Hypervisor', 'Inherited control', 'Patch window']);
	});

	it('a link to a card shows it, definition side up', async () => {
		const { page } = await site.open();
		await page.goto(site.at('chapters/patching/#term-inherited-control'));
		expect(await shownTerm(page)).toBe('Inherited control');
		expect(await page.locator('#term-inherited-control .flashcard__back').isVisible()).toBe(true);
		expect(await page.locator('#term-inherited-control').evaluate((el) => el.getBoundingClientRect().top < innerHeight)).toBe(true);
		// And from a link on the same page.
		await page.evaluate(() => {
			location.hash = '#term-patch-window';
		});
		await page.locator('#term-patch-window .flashcard__back').waitFor({ state: 'visible' });
		expect(await counter(page)).toBe('Card 4 of 4');
	});
});
