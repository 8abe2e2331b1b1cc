import { z } from 'zod';

/** How every screen draws the boards (settings.display), pushed to screens inside each snapshot. */
export const DisplaySchema = z.object({
  theme: z.enum(['dark', 'light']).default('dark'),
  /** Viewing-distance preset: desk (under 1 m), room (3–4 m), hall (5–6 m). */
  scale: z.enum(['desk', 'room', 'hall']).default('room'),
  rotate: z.boolean().default(true),
  pixelShift: z.boolean().default(true),
  afterHoursDim: z.boolean().default(true),
  /** Hours between scheduled soft reloads of the board (0 = never). */
  softReloadHours: z.number().int().min(0).max(168).default(24),
});
export type Display = z.infer<typeof DisplaySchema>;
