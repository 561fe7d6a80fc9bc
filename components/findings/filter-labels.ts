"use client";

import { useCallback } from "react";
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { fetchReview, reviewKeys } from "@/components/review/reviews-api";
import { COMPLIANCE_STATUSES, REVIEW_FINDING_SECTIONS, type TComplianceStatus, type TReviewFindingSection } from "@/server/findings/findings.types";
import type { TFacets } from "./findings-api";
import type { TFilterField } from "./filter-query";

const isSection = (value: string): value is TReviewFindingSection => (REVIEW_FINDING_SECTIONS as readonly string[]).includes(value);

/** Words for a filter value: names for account, OU and user ids, translated codes, formatted dates. */
export function useFilterValueLabel(facets: TFacets | undefined) {
  const tValues = useTranslations("findings.values");
  const tSeverity = useTranslations("severity");
  const format = useFormatter();

  return useCallback(
    (field: TFilterField, value: string): string => {
      switch (field) {
        case "severity":
          return ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL"].includes(value)
            ? tSeverity(value as "CRITICAL")
            : value;
        case "status":
          return ["NEW", "NOTIFIED", "RESOLVED", "SUPPRESSED"].includes(value) ? tValues(`status.${value as "NEW"}`) : value;
        case "source":
          return value === "SECURITY_HUB" || value === "GUARDDUTY" ? tValues(`source.${value}`) : value;
        case "standard":
          return value === "fsbp" || value === "cis" ? tValues(`standard.${value}`) : value;
        case "writeBack":
          return value === "PENDING" || value === "FAILED" || value === "SYNCED" ? tValues(`writeBack.${value}`) : value;
        case "sla":
          return value === "overdue" || value === "dueSoon" ? tValues(`sla.${value}`) : value;
        case "record":
          return value === "active" || value === "archived" || value === "all" ? tValues(`record.${value}`) : value;
        case "compliance":
          return (COMPLIANCE_STATUSES as readonly string[]).includes(value) ? tValues(`compliance.${value as TComplianceStatus}`) : value;
        case "review":
          return isSection(value) ? tValues(`reviewSection.${value}`) : value;
        case "suppressionExpired":
          return value === "true" ? tValues("suppressionExpired.true") : tValues("suppressionExpired.false");
        case "owner": {
          if (value === "me") return tValues("owner.me");
          if (value === "none") return tValues("owner.none");
          const user = facets?.users.find((candidate) => candidate.id === value);
          return user ? (user.name ?? user.email) : value;
        }
        case "account": {
          const account = facets?.accounts.find((candidate) => candidate.id === value);
          return account ? `${account.name} (${value})` : value;
        }
        case "ou":
          return facets?.ous.find((candidate) => candidate.id === value)?.name ?? value;
        case "firstSeen":
        case "lastSeen":
        case "closed": {
          if (!value) return "…";
          const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
          return Number.isNaN(date.getTime()) ? value : format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" });
        }
        default:
          return value;
      }
    },
    [facets, format, tSeverity, tValues],
  );
}

/**
 * The review chip's words, e.g. "Review 2026-11-20 – 2026-11-27: Resolved": the review's period (read from GET
 * /api/reviews/:id; its id until then, or when it cannot be read) and the section. Null without a review filter.
 */
export function useReviewChipText(params: URLSearchParams): string | null {
  const t = useTranslations("findings.filter");
  const tValues = useTranslations("findings.values");
  const id = params.get("review") ?? "";
  const section = params.get("reviewSection") ?? "";
  const { data } = useQuery({
    queryKey: reviewKeys.one(id),
    queryFn: ({ signal }) => fetchReview(id, signal),
    enabled: id !== "",
    staleTime: 5 * 60_000,
    retry: false,
  });
  if (!id && !section) return null;
  const period = data ? `${data.periodStart.slice(0, 10)} – ${data.periodEnd.slice(0, 10)}` : id;
  return t("reviewChip", { period, section: isSection(section) ? tValues(`reviewSection.${section}`) : section });
}
