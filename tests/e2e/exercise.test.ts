/**
 * The ownership exercise: per-item feedback from the schema (with the split of a shared control), answers of
 * unanswered items revealed only when asked, one announced summary, and the result saved for the home page.
 */
import { describe, expect, it } from 'vitest';
import { PROGRESS_KEY, skipBrowserTests, useBrowserSite } from '../helpers/browser.ts';

describe.skipIf(skipBrowserTests())('ownership exercise', () => {
	const site = useBrowserSite();

	it('marks each answer, explains it, and clears an item when its answer changes', async () => {
		const { page, errors } = await site.open();
		await page.goto(site.at('chapters/logging/'));
		const item = (ref: string) => page.locator(`.exercise__item[data-ref="${ref}"]`);
		const check = page.getByRole('button', { name: 'Check answers' });
		expect(await check.isVisible()).toBe(true);

		await item('ec2.guest-os-patching').getByLabel('AWS').check();
		await item('global.physical-security').getByLabel('AWS').check();
		await check.click();

		expect(await item('ec2.guest-os-patching').getAttribute('data-state')).toBe('wrong');
		expect(await item('ec2.guest-os-patching').locator('.exercise__feedback').textContent()).toBe('Not quite: the owner is Customer.');
		expect(await item('global.physical-security').getAttribute('data-state')).toBe('correct');
		expect(await item('global.physical-security').locator('.exercise__feedback').textContent()).toBe('Correct: AWS.');
		// The unanswered item keeps its answer hidden; the one summary says so and offers to reveal it.
		expect(await item('cloudtrail.trail-configuration').getAttribute('data-state')).toBeNull();
		expect(await item('cloudtrail.trail-configuration').locator('.exercise__feedback').textContent()).toBe('');
		expect(await item('cloudtrail.trail-configuration').locator('details.exercise__answer').getAttribute('open')).toBeNull();
		expect(await page.locator('.exercise__result').textContent()).toBe('1 of 2 answered correctly; 1 control has no answer yet. Answer it and check again, or reveal the answer.');
		expect(await page.locator('.exercise [role="status"], .exercise [aria-live]').count()).toBe(1);
		expect(await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').exercises ?? {}, PROGRESS_KEY)).toEqual({});

		await page.getByRole('button', { name: 'Reveal the answer' }).click();
		expect(await item('cloudtrail.trail-configuration').getAttribute('data-state')).toBe('unanswered');
		expect(await item('cloudtrail.trail-configuration').locator('.exercise__feedback').textContent()).toBe('No answer chosen. The owner is Shared.');
		expect(await page.locator('.exercise__result').textContent()).toBe('1 of 3 correct. Read the explanations, change your answers and check again.');
		expect(await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!).exercises, PROGRESS_KEY)).toMatchObject({ 'logging/1': { correct: 1, total: 3 } });

		// The schema's explanation opens, with the split for the shared control.
		const explanation = item('ec2.guest-os-patching').locator('details.exercise__answer');
		expect(await explanation.getAttribute('open')).toBe('');
		expect(await explanation.textContent()).toContain('AWS maintains the hypervisor; everything from the guest kernel up is yours.');
		const split = item('cloudtrail.trail-configuration').locator('.split');
		expect(await split.isVisible()).toBe(true);
		expect(await split.textContent()).toContain('Runs the CloudTrail service and delivers events');
		expect(await split.textContent()).toContain('Creates trails, chooses Regions, destinations and retention');

		await item('ec2.guest-os-patching').getByLabel('Customer').check();
		expect(await item('ec2.guest-os-patching').getAttribute('data-state')).toBeNull();
		expect(await item('ec2.guest-os-patching').locator('.exercise__feedback').textContent()).toBe('');
		await item('cloudtrail.trail-configuration').getByLabel('Shared').check();
		await check.click();
		expect(await page.locator('.exercise__result').textContent()).toBe('3 of 3 correct. Well done.');
		expect(await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!).exercises, PROGRESS_KEY)).toMatchObject({ 'logging/1': { correct: 3, total: 3 } });

		await page.goto(site.url);
		expect(await page.locator('[data-chapter-card="logging"] [data-chapter-status]').textContent()).toBe('✓ Read · Exercise: 3 of 3 right');
		expect(errors).toEqual([]);
	});
});
