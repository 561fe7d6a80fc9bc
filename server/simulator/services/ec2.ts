import "server-only";
import { baselineOf } from "../data/baseline";
import { accessDenied, SimError } from "../errors";
import { ec2Action, ec2Error, ec2Response } from "../protocols/ec2-query";
import type { TService } from "../runtime";

const OPERATIONS = new Set(["GetEbsEncryptionByDefault"]);

/** EC2 in the simulator (EC2 query protocol): EBS encryption by default, for the account baseline. */
export const ec2: TService = {
  label: "EC2",
  operation: (req) => {
    const action = req.method === "POST" ? ec2Action(req.body)?.action : undefined;
    return action && OPERATIONS.has(action) ? action : null;
  },
  handle(operation, req, rt) {
    const account = req.caller.account;
    const baseline = baselineOf(rt.seed, rt.data.org, account);
    if (req.caller.assumed && baseline.deniedServices.includes("ec2")) throw accessDenied("ec2", req.caller.arn, `ec2:${operation}`);
    const region = rt.regionIndex(req.caller.region);
    switch (operation) {
      case "GetEbsEncryptionByDefault": {
        const on = region >= 0 && !baseline.ebsOff.includes(region);
        return ec2Response(operation, { ebsEncryptionByDefault: on, sseType: "sse-ebs" }, req.requestId);
      }
      default:
        throw new SimError(400, "InvalidAction", `The action ${operation} is not valid for this web service.`);
    }
  },
  encodeError: (error, requestId) => ec2Error(error, requestId),
};
