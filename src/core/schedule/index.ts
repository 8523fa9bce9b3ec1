/** Weekly schedule maths: pure, in the system's local time zone. */
export { covered, merge } from './intervals'
export { dayKey, wallKey } from './local-time'
export type { ManualSession, QuietOptions, QuietSpan, Span } from './periods'
export { HORIZON, nextBoundary, quietAt } from './quiet'
export * from './schema'
export { snoozeUntil } from './snooze'
export * from './validate'
export { quietSpans, weekIntervals } from './week'
