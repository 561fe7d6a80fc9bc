import "server-only";
import { ListFunctionsCommand, type LambdaClient } from "@aws-sdk/client-lambda";
import type { RateLimiter } from "./rate-limiter";

// Lambda is per account and region: the scope names whose functions these are.
type TScope = { accountId?: string; region: string };

export type TLambdaFunctionInfo = {
  name: string;
  arn: string;
  /** null for container-image functions: their runtime is inside the image */
  runtime: string | null;
  packageType: "Zip" | "Image";
  lastModified: string | null;
};

/** Every function ($LATEST) of the scope's account and region, 50 per page (ListFunctions' page maximum). */
export async function listFunctions(client: LambdaClient, limiter: RateLimiter, scope: TScope): Promise<TLambdaFunctionInfo[]> {
  const out: TLambdaFunctionInfo[] = [];
  let Marker: string | undefined;
  do {
    await limiter.take("lambda", "ListFunctions", scope);
    const page = await client.send(new ListFunctionsCommand({ MaxItems: 50, Marker }));
    for (const f of page.Functions ?? []) {
      if (!f.FunctionName || !f.FunctionArn) continue;
      out.push({
        name: f.FunctionName,
        arn: f.FunctionArn,
        runtime: f.Runtime ?? null,
        packageType: f.PackageType === "Image" ? "Image" : "Zip",
        lastModified: f.LastModified ?? null,
      });
    }
    Marker = page.NextMarker || undefined;
  } while (Marker);
  return out;
}
