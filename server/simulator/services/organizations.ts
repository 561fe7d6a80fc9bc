import "server-only";
import type { TSimAccount } from "../data/organization";
import { SimError } from "../errors";
import { awsJson } from "../protocols/aws-json";
import { parseJsonBody, type SimRuntime, type TRequest, type TService } from "../runtime";

const PREFIX = "AWSOrganizationsV20161128.";
const invalid = (message: string, reason = "INVALID_INPUT") => new SimError(400, "InvalidInputException", message, { Reason: reason });

function accountShape(rt: SimRuntime, a: TSimAccount) {
  const org = rt.data.org;
  return {
    Id: a.id, Arn: `arn:aws:organizations::${org.managementAccountId}:account/${org.id}/${a.id}`, Email: a.email, Name: a.name,
    Status: a.status, State: a.status, JoinedMethod: a.joinedMethod, JoinedTimestamp: a.joinedSeconds,
  };
}

/**
 * Pages of at most 20 (default 10). The first page of accounts under the Prod OU is deliberately empty
 * with a NextToken, as the real API sometimes answers.
 */
function paged<T>(input: Record<string, unknown>, scope: string, items: T[], emptyFirstPage = false): { items: T[]; NextToken?: string } {
  const max = input.MaxResults === undefined ? 10 : Number(input.MaxResults);
  if (!Number.isInteger(max) || max < 1 || max > 20) throw invalid("MaxResults must be between 1 and 20", "MAX_LIMIT_EXCEEDED_FILTER");
  let offset = 0;
  if (input.NextToken) {
    const [tokenScope, value] = Buffer.from(String(input.NextToken), "base64url").toString().split("|");
    offset = Number(value);
    if (tokenScope !== scope || !Number.isInteger(offset) || offset < 0) throw invalid("The NextToken is invalid", "INVALID_PAGINATION_TOKEN");
  } else if (emptyFirstPage && items.length > 0) {
    return { items: [], NextToken: Buffer.from(`${scope}|0`).toString("base64url") };
  }
  const next = offset + max;
  return { items: items.slice(offset, next), ...(next < items.length ? { NextToken: Buffer.from(`${scope}|${next}`).toString("base64url") } : {}) };
}

function parentExists(rt: SimRuntime, parentId: unknown): string {
  const org = rt.data.org;
  const id = String(parentId ?? "");
  if (id !== org.rootId && !org.ous.some((ou) => ou.id === id)) throw new SimError(400, "ParentNotFoundException", `Parent ${id} not found`);
  return id;
}

function handle(operation: string, req: TRequest, rt: SimRuntime) {
  const input = parseJsonBody(req.body);
  const org = rt.data.org;
  const ouShape = (ou: (typeof org.ous)[number]) => ({ Id: ou.id, Arn: ou.arn, Name: ou.name });
  switch (operation) {
    case "DescribeOrganization":
      return {
        Organization: {
          Id: org.id, Arn: org.arn, FeatureSet: "ALL", MasterAccountArn: `arn:aws:organizations::${org.managementAccountId}:account/${org.id}/${org.managementAccountId}`,
          MasterAccountId: org.managementAccountId, MasterAccountEmail: org.accounts[0]?.email,
          AvailablePolicyTypes: [{ Type: "SERVICE_CONTROL_POLICY", Status: "ENABLED" }],
        },
      };
    case "ListRoots": {
      const page = paged(input, "roots", [{ Id: org.rootId, Arn: org.rootArn, Name: "Root", PolicyTypes: [{ Type: "SERVICE_CONTROL_POLICY", Status: "ENABLED" }] }]);
      return { Roots: page.items, NextToken: page.NextToken };
    }
    case "ListOrganizationalUnitsForParent": {
      const parent = parentExists(rt, input.ParentId);
      const page = paged(input, `ous:${parent}`, org.ous.filter((ou) => ou.parentId === parent).map(ouShape));
      return { OrganizationalUnits: page.items, NextToken: page.NextToken };
    }
    case "ListAccountsForParent": {
      const parent = parentExists(rt, input.ParentId);
      const prod = org.ous.find((ou) => ou.name === "Prod")?.id;
      const page = paged(input, `accounts:${parent}`, org.accounts.filter((a) => a.ouId === parent).map((a) => accountShape(rt, a)), parent === prod);
      return { Accounts: page.items, NextToken: page.NextToken };
    }
    case "ListAccounts": {
      const page = paged(input, "accounts", org.accounts.map((a) => accountShape(rt, a)));
      return { Accounts: page.items, NextToken: page.NextToken };
    }
    case "ListChildren": {
      const parent = parentExists(rt, input.ParentId);
      const type = String(input.ChildType ?? "");
      if (type !== "ACCOUNT" && type !== "ORGANIZATIONAL_UNIT") throw invalid("ChildType must be ACCOUNT or ORGANIZATIONAL_UNIT");
      const children = type === "ACCOUNT"
        ? org.accounts.filter((a) => a.ouId === parent).map((a) => ({ Id: a.id, Type: "ACCOUNT" }))
        : org.ous.filter((ou) => ou.parentId === parent).map((ou) => ({ Id: ou.id, Type: "ORGANIZATIONAL_UNIT" }));
      const page = paged(input, `children:${type}:${parent}`, children);
      return { Children: page.items, NextToken: page.NextToken };
    }
    case "ListParents": {
      const id = String(input.ChildId ?? "");
      const parentId = org.accounts.find((a) => a.id === id)?.ouId ?? org.ous.find((ou) => ou.id === id)?.parentId;
      if (!parentId) throw new SimError(400, "ChildNotFoundException", `Child ${id} not found`);
      return { Parents: [{ Id: parentId, Type: parentId === org.rootId ? "ROOT" : "ORGANIZATIONAL_UNIT" }] };
    }
    case "DescribeAccount": {
      const account = org.accounts.find((a) => a.id === input.AccountId);
      if (!account) throw new SimError(400, "AccountNotFoundException", `Account ${String(input.AccountId)} not found`);
      return { Account: accountShape(rt, account) };
    }
    case "DescribeOrganizationalUnit": {
      const ou = org.ous.find((o) => o.id === input.OrganizationalUnitId);
      if (!ou) throw new SimError(400, "OrganizationalUnitNotFoundException", `OU ${String(input.OrganizationalUnitId)} not found`);
      return { OrganizationalUnit: ouShape(ou) };
    }
    case "ListTagsForResource": {
      const id = String(input.ResourceId ?? "");
      const account = org.accounts.find((a) => a.id === id);
      if (!account && id !== org.rootId && !org.ous.some((ou) => ou.id === id)) throw new SimError(400, "TargetNotFoundException", `Resource ${id} not found`);
      const page = paged(input, `tags:${id}`, account?.tags ?? []);
      return { Tags: page.items, NextToken: page.NextToken };
    }
    case "ListDelegatedAdministrators": {
      const admin = org.accounts.find((a) => a.id === org.adminAccountId) as TSimAccount;
      const principal = input.ServicePrincipal as string | undefined;
      const delegated = !principal || ["securityhub.amazonaws.com", "guardduty.amazonaws.com", "inspector2.amazonaws.com"].includes(principal);
      const page = paged(input, `delegated:${principal ?? ""}`, delegated ? [{ ...accountShape(rt, admin), DelegationEnabledDate: admin.joinedSeconds + 86_400 }] : []);
      return { DelegatedAdministrators: page.items, NextToken: page.NextToken };
    }
    default:
      throw new SimError(400, "UnknownOperationException", `The simulator does not implement Organizations ${operation}`);
  }
}

export const organizations: TService = {
  label: "Organizations",
  operation: (req) => {
    const target = String(req.headers["x-amz-target"] ?? "");
    return req.method === "POST" && target.startsWith(PREFIX) ? target.slice(PREFIX.length) : null;
  },
  handle: (operation, req, rt) => awsJson(handle(operation, req, rt)),
};
