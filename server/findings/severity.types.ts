// Pure: shared by server and client.
export const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL"] as const;
export type TSeverity = (typeof SEVERITIES)[number];

/** GuardDuty's numeric severity in Kanshi's bands: 9.0+ CRITICAL, 7.0–8.9 HIGH, 4.0–6.9 MEDIUM, 1.0–3.9 LOW. */
export function guardDutySeverity(value: number): TSeverity {
  if (value >= 9) return "CRITICAL";
  if (value >= 7) return "HIGH";
  if (value >= 4) return "MEDIUM";
  if (value >= 1) return "LOW";
  return "INFORMATIONAL";
}
