/**
 * How a submission's personal answers were erased: on schedule (`retention`), early by an admin
 * (`request`), or because the report was never confirmed within 24 hours (`unconfirmed`).
 */
export const erasureKinds = ['retention', 'request', 'unconfirmed'] as const;

/** One of {@link erasureKinds}. */
export type ErasureKind = (typeof erasureKinds)[number];
