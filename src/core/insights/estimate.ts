/**
 * Focus time protected, an ESTIMATE: each held episode is counted as one interruption avoided,
 * and each interruption as `minutesPer` minutes of lost focus (settings.history.
 * interruptionMinutes, 23 by default). Nothing here is measured; the page says so.
 */
export interface FocusEstimate {
  episodes: number
  minutesPer: number
  minutes: number
}

export const focusEstimate = (episodes: number, minutesPer: number): FocusEstimate => ({
  episodes,
  minutesPer,
  minutes: episodes * minutesPer,
})

/** Whole hours and the minutes left, for "6 h 17 min". */
export const hoursAndMinutes = (minutes: number) => ({
  hours: Math.floor(minutes / 60),
  minutes: minutes % 60,
})
