import { createHash } from 'node:crypto';

/** A short, stable content digest (hex). */
export const digest = (...parts: (string | Uint8Array)[]) => {
	const h = createHash('sha256');
	for (const p of parts) h.update(p).update('\0');
	return h.digest('hex').slice(0, 32);
};
