/** The flashcard deck: flipping, moving through it, grading cards (which reorders the deck) and deep links. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PROGRESS_KEY, skipBrowserTests, useBrowserSite } from '../helpers/browser.ts';

/** The term on the card that is showing. */
const shownTerm = (page: Page) => page.locator('.flashcard:not([hidden]) .flashcard__term').textContent();
const counter = (page: Page) => page.locator('.deck__counter').textContent();
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

	it('shows one card at a time and flips it by click, Enter and Space', async () => {
		const { page, errors } = await site.open();
		await page.goto(site.at('chapters/patching/'));
		expect(await page.locator('.flashcard:not([hidden])').count()).toBe(1);
		expect(await counter(page)).toBe('Card 1 of 4');
		expect(await shownTerm(page)).toBe('Guest OS');

		const flip = page.getByRole('button', { name: 'Guest OS' });
		const back = page.locator('#term-guest-os .flashcard__back');
		expect(await flip.getAttribute('aria-pressed')).toBe('false');
		expect(await back.isVisible()).toBe(false);

		await flip.click();
		expect(await flip.getAttribute('aria-pressed')).toBe('true');
		expect(await back.isVisible()).toBe(true);
		expect(await back.textContent()).toContain('the operating system inside an instance');

		await flip.press('Enter');
		expect(await flip.getAttribute('aria-pressed')).toBe('false');
		expect(await back.isVisible()).toBe(false);
		await flip.press('Space');
		expect(await back.isVisible()).toBe(true);

		// A click anywhere on the card flips it too.
		await page.locator('#term-guest-os').click({ position: { x: 10, y: 10 } });
		expect(await back.isVisible()).toBe(false);
		expect(errors).toEqual([]);
	});

	it('moves to the next and previous card, wrapping around', async () => {
		const { page } = await site.open();
		await page.goto(site.at('chapters/patching/'));
		await page.getByRole('button', { name: 'Next' }).click();
		expect(await counter(page)).toBe('Card 2 of 4');
		expect(await shownTerm(page)).toBe('Hypervisor');
		await page.getByRole('button', { name: 'Previous' }).click();
		await page.getByRole('button', { name: 'Previous' }).click();
		expect(await counter(page)).toBe('Card 4 of 4');
		expect(await shownTerm(page)).toBe('Patch window');
	});

	it('"I knew it" sends a card to the back of the deck and remembers it; "Review again" keeps it ahead of learned cards', async () => {
		const { page, errors } = await site.open();
		await page.goto(site.at('chapters/patching/'));
		await page.getByRole('button', { name: 'I knew it' }).click();
		expect(await shownTerm(page)).toBe('Hypervisor');
		expect(await page.locator('.deck__status').textContent()).toBe('1 of 4 learned');
		expect(await page.evaluate((key) => Object.keys(JSON.parse(localStorage.getItem(key)!).learned), PROGRESS_KEY)).toEqual(['guest-os']);

		// Hypervisor goes back behind the cards still to learn, but ahead of the learned Guest OS.
		await page.getByRole('button', { name: 'Review again' }).click();
		expect(await shownTerm(page)).toBe('Inherited control');
		expect(await deckOrder(page)).toEqual(['Inherited control', 'Patch window', 'Hypervisor', 'Guest OS']);

		// Learned cards start at the back of the deck next time.
		await page.reload();
		expect(await deckOrder(page)).toEqual(['Hypervisor', 'Inherited control', 'Patch window', 'Guest OS']);
		expect(await page.locator('.deck__status').textContent()).toBe('1 of 4 learned');

		// Reviewing a learned card again un-learns it.
		await page.getByRole('button', { name: 'Previous' }).click();
		expect(await shownTerm(page)).toBe('Guest OS');
		await page.getByRole('button', { name: 'Review again' }).click();
		expect(await page.locator('.deck__status').textContent()).toBe('0 of 4 learned');
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
