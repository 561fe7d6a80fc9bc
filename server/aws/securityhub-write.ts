import "server-only";
import { BatchUpdateFindingsCommand, type BatchUpdateFindingsCommandInput, type SecurityHubClient } from "@aws-sdk/client-securityhub";
import type { RateLimiter } from "./rate-limiter";
import { describeAwsError, type TAwsFailure } from "./write-errors";

/** BatchUpdateFindings takes at most 100 findings per call. */
export const BATCH_UPDATE_MAX = 100;

export type TFindingIdentifier = { Id: string; ProductArn: string };
/** The fields Kanshi writes back; BatchUpdateFindings leaves the others as they are. */
export type TFindingUpdate = Pick<BatchUpdateFindingsCommandInput, "Workflow" | "Note" | "UserDefinedFields">;
export type TBatchUpdateResult = {
  processed: TFindingIdentifier[];
  /** per finding: AWS's ErrorCode (InternalFailure, FindingNotFound …) or, when the whole call failed, the error's name */
  unprocessed: (TAwsFailure & { identifier: TFindingIdentifier; callFailed: boolean })[];
  calls: number;
};

/**
 * Updates findings, 100 per call, paced by the limiter. Never throws for AWS errors: a failed call
 * reports each of its findings as unprocessed with the error, so the caller can retry them.
 */
export async function batchUpdateFindings(
  client: SecurityHubClient,
  limiter: RateLimiter,
  scope: { accountId?: string; region: string },
  identifiers: TFindingIdentifier[],
  fields: TFindingUpdate,
): Promise<TBatchUpdateResult> {
  const result: TBatchUpdateResult = { processed: [], unprocessed: [], calls: 0 };
  for (let start = 0; start < identifiers.length; start += BATCH_UPDATE_MAX) {
    const chunk = identifiers.slice(start, start + BATCH_UPDATE_MAX);
    await limiter.take("securityhub", "BatchUpdateFindings", scope);
    result.calls++;
    try {
      const response = await client.send(new BatchUpdateFindingsCommand({ ...fields, FindingIdentifiers: chunk }));
      for (const f of response.ProcessedFindings ?? []) result.processed.push({ Id: f.Id ?? "", ProductArn: f.ProductArn ?? "" });
      for (const u of response.UnprocessedFindings ?? []) {
        const identifier = { Id: u.FindingIdentifier?.Id ?? "", ProductArn: u.FindingIdentifier?.ProductArn ?? "" };
        result.unprocessed.push({ identifier, code: u.ErrorCode ?? "Unknown", message: u.ErrorMessage ?? "", callFailed: false });
      }
    } catch (error) {
      const failure = describeAwsError(error);
      for (const identifier of chunk) result.unprocessed.push({ identifier, ...failure, callFailed: true });
    }
  }
  return result;
}
