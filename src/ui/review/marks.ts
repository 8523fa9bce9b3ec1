/**
 * Performance marks the review page leaves for the bench (bench/review.ts): when its first
 * rows were in hand, so that the time to render and paint them can be told from the time to
 * load the page and read the database.
 */
export const ROWS_MARK = 'margen:review-rows'
