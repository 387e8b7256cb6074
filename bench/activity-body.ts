/** The body of the benchmarks' `POST /referrals/{id}/activities`: a home visit an hour ago. */
export function activityBody(): string {
  return JSON.stringify({
    kind: 'home_visit',
    occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    durationMinutes: 45,
    reached: true,
    note: 'Benchmark: Hausbesuch.',
  });
}
