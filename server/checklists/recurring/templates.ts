import type { TSchedule } from "./cadence.schema";

// The default checklists an AWS security team runs (created once; teams edit them afterwards).
// Items with a source other than "manual" are fed by Kanshi's own data (patches, findings, EOL).

export type TChecklistTemplate = {
  key: string;
  name: string;
  description: string;
  schedule: TSchedule;
  items: { title: string; description?: string; source: "manual" | "patches" | "findings" | "eol" }[];
};

const weekly = (weekday: number): TSchedule => ({ cadence: { kind: "weekly", weekday }, timeZone: "Asia/Tokyo" });

export const TEMPLATES: TChecklistTemplate[] = [
  {
    key: "technology-update",
    name: "Technology update check",
    description: "New AWS security features and versions that need a decision.",
    schedule: weekly(1),
    items: [
      { title: "ALB / CloudFront TLS security policies are the current recommended ones", source: "manual" },
      { title: "Security Hub standards are on their latest versions (FSBP, CIS)", source: "manual" },
      { title: "New GuardDuty protection plans and Security Hub controls reviewed", source: "manual" },
    ],
  },
  {
    key: "patch-status",
    name: "Patch status",
    description: "SSM Patch Manager compliance across the organization.",
    schedule: weekly(2),
    items: [
      { title: "No instance with missing critical or security patches", source: "patches" },
      { title: "No patch scan older than 7 days", source: "patches" },
      { title: "Instances pending reboot after patching are rebooted", source: "patches" },
    ],
  },
  {
    key: "eradicate-critical-high",
    name: "Eradicate Security Hub CRITICAL/HIGH",
    description: "The open CRITICAL and HIGH findings are owned and moving.",
    schedule: weekly(3),
    items: [
      { title: "Every open CRITICAL finding has an owner", source: "findings" },
      { title: "No CRITICAL/HIGH finding past its SLA without a decision", source: "findings" },
      { title: "Suppressions expiring within 14 days reviewed", source: "findings" },
    ],
  },
  {
    key: "support-end-dates",
    name: "Support end dates of commercial software",
    description: "End-of-life and end-of-support dates coming up.",
    schedule: { cadence: { kind: "monthly", day: 1 }, timeZone: "Asia/Tokyo" },
    items: [
      { title: "Products past end of life have a migration plan", source: "eol" },
      { title: "Products reaching end of life within 90 days are scheduled", source: "eol" },
      { title: "Commercial licences and support contracts due for renewal checked", source: "manual" },
    ],
  },
];
