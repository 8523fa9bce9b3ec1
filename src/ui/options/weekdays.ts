/** Weekday names in the UI language, indexed as `Date#getDay` (0 = Sunday). */
export function weekdayNames(lang: string, width: 'long' | 'short' = 'long'): string[] {
  const fmt = new Intl.DateTimeFormat(lang, { weekday: width })
  // 7 January 2024 was a Sunday.
  return Array.from({ length: 7 }, (_, d) => fmt.format(new Date(2024, 0, 7 + d)))
}

/** Monday first, as the week view and the day checkboxes show it. */
export const DISPLAY_ORDER = [1, 2, 3, 4, 5, 6, 0] as const
