import "server-only";

/** An AWS error as a service returns it; each protocol encodes it its own way. */
export class SimError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly extra: Record<string, string> = {}) {
    super(message);
  }
}

export type TServiceName = "securityhub" | "guardduty" | "organizations" | "sts" | "ssm" | "lambda" | "rds" | "eks" | "cloudtrail" | "config" | "ecr" | "ec2";

const THROTTLE: Record<TServiceName, [number, string, string]> = {
  securityhub: [429, "LimitExceededException", "Rate exceeded"],
  guardduty: [429, "TooManyRequestsException", "Rate exceeded"],
  organizations: [400, "TooManyRequestsException", "AWS Organizations can't complete your request because another request is already in progress or the request rate is too high. Try again later."],
  sts: [400, "Throttling", "Rate exceeded"],
  ssm: [400, "ThrottlingException", "Rate exceeded"],
  lambda: [429, "TooManyRequestsException", "Rate exceeded"],
  rds: [400, "Throttling", "Rate exceeded"],
  eks: [429, "ThrottlingException", "Rate exceeded"],
  cloudtrail: [400, "ThrottlingException", "Rate exceeded"],
  config: [400, "ThrottlingException", "Rate exceeded"],
  ecr: [400, "ThrottlingException", "Rate exceeded"],
  ec2: [503, "RequestLimitExceeded", "Request limit exceeded."],
};

const INTERNAL: Record<TServiceName, [number, string][]> = {
  securityhub: [[500, "InternalException"], [503, "ServiceUnavailableException"]],
  guardduty: [[500, "InternalServerErrorException"], [503, "ServiceUnavailableException"]],
  organizations: [[500, "ServiceException"], [503, "ServiceUnavailableException"]],
  sts: [[500, "InternalFailure"], [503, "ServiceUnavailable"]],
  ssm: [[500, "InternalServerError"], [503, "ServiceUnavailable"]],
  lambda: [[500, "ServiceException"], [503, "ServiceUnavailableException"]],
  rds: [[500, "InternalFailure"], [503, "ServiceUnavailable"]],
  eks: [[500, "ServerException"], [503, "ServiceUnavailableException"]],
  cloudtrail: [[500, "InternalFailure"], [503, "ServiceUnavailable"]],
  config: [[500, "InternalFailure"], [503, "ServiceUnavailable"]],
  ecr: [[500, "ServerException"], [503, "ServiceUnavailable"]],
  ec2: [[500, "InternalError"], [503, "Unavailable"]],
};

export function throttleError(service: TServiceName): SimError {
  const [status, code, message] = THROTTLE[service];
  return new SimError(status, code, message, service === "organizations" ? { Type: "Throttling" } : {});
}

export function internalError(service: TServiceName, variant: number): SimError {
  const choices = INTERNAL[service];
  const [status, code] = choices[variant % choices.length] as [number, string];
  return new SimError(status, code, "We encountered an internal error. Please try again.");
}

export function accessDenied(service: TServiceName, arn: string, action: string): SimError {
  const message = `User: ${arn} is not authorized to perform: ${action}`;
  if (service === "sts") return new SimError(403, "AccessDenied", message);
  if (service === "rds") return new SimError(403, "AccessDenied", message);
  if (service === "ec2") return new SimError(403, "UnauthorizedOperation", `You are not authorized to perform this operation. User: ${arn} is not authorized to perform: ${action}`);
  if (service === "organizations" || service === "ssm" || service === "cloudtrail" || service === "config" || service === "ecr") return new SimError(400, "AccessDeniedException", message);
  return new SimError(403, "AccessDeniedException", message);
}
