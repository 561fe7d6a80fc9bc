import "server-only";

/** Why AWS did not apply a write: an error code (UnprocessedFindings' ErrorCode or the exception's name) and its message. */
export type TAwsFailure = { code: string; message: string };

export function describeAwsError(error: unknown): TAwsFailure {
  if (error instanceof Error) return { code: error.name || "Error", message: error.message };
  return { code: "Error", message: String(error) };
}
