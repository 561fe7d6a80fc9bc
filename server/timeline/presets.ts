import "server-only";
import type { TTimelinePreset, TTimelinePresetId } from "./timeline.types";

// The sensitive-event presets: each a named SQL condition over cloudtrail_events (columns and the raw
// record), constant text without parameters. Event names are listed so the planner can use the
// (event_name, event_time) index for every preset but root activity.

type TPresetRule = TTimelinePreset & { sql: string };

const names = (list: string[]) => `event_name IN (${list.map((n) => `'${n}'`).join(", ")})`;

const RULES: TPresetRule[] = [
  {
    id: "root-activity",
    title: "Root user activity",
    description: "Any call made with the account's root user credentials (console or keys).",
    eventNames: [],
    sql: `principal_type = 'Root'`,
  },
  {
    id: "console-signin-risk",
    title: "Console sign-in without MFA or failed",
    description: "ConsoleLogin events that did not use MFA (additionalEventData.MFAUsed = No) or that failed.",
    eventNames: ["ConsoleLogin"],
    sql: `event_name = 'ConsoleLogin' AND (raw->'additionalEventData'->>'MFAUsed' = 'No' OR error_code IS NOT NULL OR raw->'responseElements'->>'ConsoleLogin' = 'Failure')`,
  },
  {
    id: "trail-tampering",
    title: "CloudTrail stopped, deleted or changed",
    description: "StopLogging, DeleteTrail and UpdateTrail on any trail.",
    eventNames: ["StopLogging", "DeleteTrail", "UpdateTrail"],
    sql: `event_source = 'cloudtrail.amazonaws.com' AND ${names(["StopLogging", "DeleteTrail", "UpdateTrail"])}`,
  },
  {
    id: "security-services-disabled",
    title: "Security Hub, GuardDuty or Config disabled",
    description: "DisableSecurityHub; GuardDuty DeleteDetector or UpdateDetector with enable = false; Config StopConfigurationRecorder, DeleteConfigurationRecorder or DeleteDeliveryChannel.",
    eventNames: ["DisableSecurityHub", "DeleteDetector", "UpdateDetector", "StopConfigurationRecorder", "DeleteConfigurationRecorder", "DeleteDeliveryChannel"],
    sql: `((event_source = 'securityhub.amazonaws.com' AND event_name = 'DisableSecurityHub')
      OR (event_source = 'guardduty.amazonaws.com' AND (event_name = 'DeleteDetector' OR (event_name = 'UpdateDetector' AND raw->'requestParameters'->>'enable' = 'false')))
      OR (event_source = 'config.amazonaws.com' AND ${names(["StopConfigurationRecorder", "DeleteConfigurationRecorder", "DeleteDeliveryChannel"])}))`,
  },
  {
    id: "iam-credentials",
    title: "IAM users, keys and policies created",
    description: "CreateAccessKey, CreateUser, AttachUserPolicy and PutUserPolicy.",
    eventNames: ["CreateAccessKey", "CreateUser", "AttachUserPolicy", "PutUserPolicy"],
    sql: `event_source = 'iam.amazonaws.com' AND ${names(["CreateAccessKey", "CreateUser", "AttachUserPolicy", "PutUserPolicy"])}`,
  },
  {
    id: "open-ingress",
    title: "Security group opened to the internet",
    description: "AuthorizeSecurityGroupIngress or ModifySecurityGroupRules allowing 0.0.0.0/0 or ::/0.",
    eventNames: ["AuthorizeSecurityGroupIngress", "ModifySecurityGroupRules"],
    sql: `${names(["AuthorizeSecurityGroupIngress", "ModifySecurityGroupRules"])}
      AND raw @? '$.requestParameters.** ? (@.cidrIp == "0.0.0.0/0" || @.cidrIpv4 == "0.0.0.0/0" || @.cidrIpv6 == "::/0")'`,
  },
  {
    id: "s3-public-exposure",
    title: "S3 bucket policy, ACL or public access block changed",
    description: "PutBucketPolicy, PutBucketAcl and DeletePublicAccessBlock (CloudTrail may name it DeleteBucketPublicAccessBlock).",
    eventNames: ["PutBucketPolicy", "PutBucketAcl", "DeletePublicAccessBlock", "DeleteBucketPublicAccessBlock"],
    sql: `event_source = 's3.amazonaws.com' AND ${names(["PutBucketPolicy", "PutBucketAcl", "DeletePublicAccessBlock", "DeleteBucketPublicAccessBlock"])}`,
  },
  {
    id: "kms-key-disable",
    title: "KMS key disabled or scheduled for deletion",
    description: "ScheduleKeyDeletion and DisableKey.",
    eventNames: ["ScheduleKeyDeletion", "DisableKey"],
    sql: `event_source = 'kms.amazonaws.com' AND ${names(["ScheduleKeyDeletion", "DisableKey"])}`,
  },
  {
    id: "leave-organization",
    title: "Account left the organization",
    description: "LeaveOrganization, successful or not.",
    eventNames: ["LeaveOrganization"],
    sql: `event_source = 'organizations.amazonaws.com' AND event_name = 'LeaveOrganization'`,
  },
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function presetSql(id: TTimelinePresetId): string {
  return `(${(BY_ID.get(id) as TPresetRule).sql})`;
}

export function listPresets(): TTimelinePreset[] {
  return RULES.map(({ sql: _sql, ...preset }) => {
    void _sql;
    return preset;
  });
}
