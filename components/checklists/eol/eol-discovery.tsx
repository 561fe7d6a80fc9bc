"use client";

import { useEffect, useRef } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { Radar } from "lucide-react";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { eolKeys, fetchDiscovery, startDiscovery, type TDiscoveryRunView } from "./eol-api";

/**
 * The latest AWS discovery run and, for analysts, "Discover now": progress while it runs, then the
 * counts and every scope that could not be read (e.g. AccessDenied). Test hooks: eol-discover, eol-discovery (data-status).
 */
export function EolDiscovery({ initial, canEdit }: { initial: TDiscoveryRunView | null; canEdit: boolean }) {
  const t = useTranslations("checklistsEol.discovery");
  const format = useFormatter();
  const errorMessage = useApiErrorMessage();
  const client = useQueryClient();
  const query = useQuery({
    queryKey: eolKeys.discovery(),
    queryFn: ({ signal }) => fetchDiscovery(signal),
    initialData: { run: initial },
    refetchInterval: (q) => (q.state.data?.run?.status === "RUNNING" ? 2_000 : false),
  });
  const start = useMutation({
    mutationFn: startDiscovery,
    onSuccess: (data) => client.setQueryData(eolKeys.discovery(), data),
  });
  const run = query.data.run;
  const status = run?.status;
  const seen = useRef(status);
  useEffect(() => {
    // A run finished while the page was open: the inventory changed.
    if (seen.current === "RUNNING" && status !== "RUNNING") void client.invalidateQueries({ queryKey: eolKeys.all, predicate: (q) => q.queryKey[1] !== "discovery" });
    seen.current = status;
  }, [status, client]);
  const failed = run?.scopes.filter((s) => !s.ok) ?? [];
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });

  return (
    <div className="flex flex-col gap-2" data-testid="eol-discovery" data-status={run?.status ?? "NONE"}>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        {canEdit ? (
          <Button variant="secondary" size="sm" onClick={() => start.mutate()} disabled={start.isPending || run?.status === "RUNNING"} data-testid="eol-discover">
            <Radar aria-hidden="true" className="size-4" />
            {run?.status === "RUNNING" ? t("running") : t("button")}
          </Button>
        ) : null}
        <p role="status" className="text-muted-foreground">
          {!run ? t("never") : run.status === "RUNNING" ? t("progress", { time: when(run.startedAt) }) : t("last", { time: when(run.finishedAt ?? run.startedAt), ...run.counts })}
        </p>
      </div>
      {start.isError ? <Alert tone="danger">{errorMessage(start.error)}</Alert> : null}
      {run && run.status !== "RUNNING" && run.error ? (
        <Alert tone="danger" data-testid="eol-discovery-error">
          <p>{failed.length ? t("failedScopes", { count: failed.length, total: run.scopes.length }) : t("failed", { error: run.error })}</p>
          {failed.length ? (
            <ul className="mt-1 list-disc pl-5 text-xs">
              {failed.slice(0, 20).map((s) => <li key={`${s.accountId}/${s.region}/${s.service}`}>{t("scope", { account: s.accountId, region: s.region, service: s.service, error: s.error ?? "" })}</li>)}
            </ul>
          ) : null}
        </Alert>
      ) : null}
    </div>
  );
}
