// Keys that make each one-time effect (score changes, fees, notifications) happen at most once.
export const effectKey = {
  onTime: (instalmentId: number) => `on_time:${instalmentId}`,
  overdue: (instalmentId: number) => `overdue:${instalmentId}`,
  overdue30: (instalmentId: number) => `overdue_30:${instalmentId}`,
};

/** Days overdue at which the second, larger penalty applies. */
export const LONG_OVERDUE_DAYS = 30;
