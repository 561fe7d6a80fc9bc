"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { ChevronDown, CloudDownload, History, LoaderCircle, RefreshCw, Upload } from "lucide-react";
import type { TRole } from "@/server/auth/roles.types";
import type { TTrailImportSummary } from "@/server/timeline/timeline.types";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { useIngestStatus, useSaveSettings, useSettings, useStartIngest, useUploadTrailFiles } from "./use-timeline";

const STATUS_TONE = { PENDING: "neutral", RUNNING: "info", OK: "success", FAILED: "danger" } as const;

/**
 * Ingest status: totals, a running indicator and per account × region backfill progress (polled while a run
 * goes); ANALYST/ADMIN: Sync now and Backfill 90 days; ADMIN: upload trail files and the retention setting.
 * Test hooks: ingest-panel (data-running, data-events), ingest-scopes, ingest-scope (data-account, data-region,
 * data-status, data-percent), ingest-sync, ingest-backfill, ingest-error, trail-upload, upload-dialog, upload-input,
 * upload-submit, upload-result (data-failed), upload-file (data-file, data-ok), retention-open, retention-input, retention-save.
 */
export function IngestPanel({ role, onFinished }: { role: TRole; onFinished: () => void }) {
  const t = useTranslations("timeline.ingest");
  const format = useFormatter();
  const errorMessage = useApiErrorMessage();
  const status = useIngestStatus();
  const start = useStartIngest();
  const [uploadOpen, setUploadOpen] = useState(false);
  const [retentionOpen, setRetentionOpen] = useState(false);
  const wasRunning = useRef(false);
  const data = status.data;
  const canRun = role !== "VIEWER";
  const isAdmin = role === "ADMIN";

  // When a run ends, the list and histogram are asked again.
  const isRunning = data?.running;
  useEffect(() => {
    if (isRunning === undefined) return;
    if (wasRunning.current && !isRunning) onFinished();
    wasRunning.current = isRunning;
  }, [isRunning, onFinished]);

  const running = data?.running ?? false;
  const percent = data && data.scopes.length > 0 ? Math.round(data.scopes.reduce((sum, scope) => sum + scope.backfillPercent, 0) / data.scopes.length) : 0;

  return (
    <section aria-labelledby="ingest-heading" data-testid="ingest-panel" data-running={running} data-events={data?.totals.events} className="rounded-lg border border-border bg-card p-3">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="ingest-heading" className="flex items-center gap-1.5 text-sm font-semibold">
          {running ? <LoaderCircle aria-hidden="true" className="size-4 motion-safe:animate-spin" /> : <History aria-hidden="true" className="size-4" />}
          {t("title")}
        </h2>
        <p className="text-xs text-muted-foreground" aria-live="polite">
          {status.isError
            ? errorMessage(status.error)
            : data
              ? running
                ? t("running", { percent })
                : t("summary", { events: format.number(data.totals.events), complete: data.totals.complete, scopes: data.totals.scopes, failed: data.totals.failed, retention: data.retentionDays })
              : t("loading")}
        </p>
        <div className="ml-auto flex flex-wrap gap-1.5">
          {canRun ? (
            <>
              <Button size="sm" variant="secondary" data-testid="ingest-sync" disabled={running || start.isPending} onClick={() => start.mutate("sync")}>
                <RefreshCw aria-hidden="true" className="size-4" />
                {t("sync")}
              </Button>
              <Button size="sm" variant="secondary" data-testid="ingest-backfill" disabled={running || start.isPending} onClick={() => start.mutate("backfill")}>
                <CloudDownload aria-hidden="true" className="size-4" />
                {t("backfill")}
              </Button>
            </>
          ) : null}
          {isAdmin ? (
            <>
              <Button size="sm" variant="secondary" data-testid="trail-upload" onClick={() => setUploadOpen(true)}>
                <Upload aria-hidden="true" className="size-4" />
                {t("upload")}
              </Button>
              <Button size="sm" variant="ghost" data-testid="retention-open" onClick={() => setRetentionOpen(true)}>
                {t("retention.open", { days: data?.retentionDays ?? "…" })}
              </Button>
            </>
          ) : null}
        </div>
      </div>
      {start.isError ? (
        <Alert tone="danger" className="mt-2" data-testid="ingest-error">
          {errorMessage(start.error)}
        </Alert>
      ) : null}
      {data && data.scopes.length > 0 ? (
        <details className="mt-2 text-sm" open={running || undefined}>
          <summary className="inline-flex cursor-pointer items-center gap-1 text-xs text-link">
            <ChevronDown aria-hidden="true" className="size-3.5" />
            {t("scopes", { count: data.scopes.length })}
          </summary>
          <div className="relative mt-2 overflow-x-auto">
            <table className="w-full min-w-[36rem] text-xs" data-testid="ingest-scopes">
              <caption className="sr-only">{t("scopesCaption")}</caption>
              <thead>
                <tr className="text-left text-muted-foreground">
                  <th scope="col" className="whitespace-nowrap py-1 pr-2 font-medium">{t("col.account")}</th>
                  <th scope="col" className="whitespace-nowrap py-1 pr-2 font-medium">{t("col.region")}</th>
                  <th scope="col" className="whitespace-nowrap py-1 pr-2 font-medium">{t("col.status")}</th>
                  <th scope="col" className="w-48 whitespace-nowrap py-1 pr-2 font-medium">{t("col.backfill")}</th>
                  <th scope="col" className="whitespace-nowrap py-1 pr-2 text-right font-medium">{t("col.events")}</th>
                  <th scope="col" className="whitespace-nowrap py-1 font-medium">{t("col.latest")}</th>
                </tr>
              </thead>
              <tbody>
                {data.scopes.map((scope) => (
                  <tr
                    key={`${scope.accountId}-${scope.region}`}
                    data-testid="ingest-scope"
                    data-account={scope.accountId}
                    data-region={scope.region}
                    data-status={scope.status}
                    data-percent={scope.backfillPercent}
                    className="border-t border-border"
                  >
                    <td className="py-1 pr-2">
                      {scope.accountName ? `${scope.accountName} ` : null}
                      <span className="font-mono text-muted-foreground">{scope.accountId}</span>
                    </td>
                    <td className="whitespace-nowrap py-1 pr-2 font-mono">{scope.region}</td>
                    <td className="py-1 pr-2">
                      <Badge tone={STATUS_TONE[scope.status]} title={scope.error ?? undefined}>
                        {t(`status.${scope.status}`)}
                      </Badge>
                      {scope.error ? <span className="ml-1 text-danger dark:text-red-300">{scope.error}</span> : null}
                    </td>
                    <td className="py-1 pr-2">
                      <div className="flex items-center gap-2">
                        <progress max={100} value={scope.backfillPercent} aria-label={t("progressLabel", { account: scope.accountId, region: scope.region })} className="h-2 flex-1 accent-primary" />
                        <span className="w-9 text-right tabular-nums">{Math.round(scope.backfillPercent)}%</span>
                      </div>
                    </td>
                    <td className="py-1 pr-2 text-right tabular-nums">{format.number(scope.eventsStored)}</td>
                    <td className="py-1 tabular-nums">{scope.latestTime ? format.dateTime(new Date(scope.latestTime), { dateStyle: "short", timeStyle: "short" }) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : data && !running ? (
        <p className="mt-1 text-xs text-muted-foreground">{canRun ? t("noScopesAct") : t("noScopes")}</p>
      ) : null}
      {isAdmin ? <UploadDialog open={uploadOpen} onClose={() => setUploadOpen(false)} /> : null}
      {isAdmin ? <RetentionDialog open={retentionOpen} onClose={() => setRetentionOpen(false)} /> : null}
    </section>
  );
}

function UploadDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslations("timeline.ingest.uploadDialog");
  const errorMessage = useApiErrorMessage();
  const format = useFormatter();
  const upload = useUploadTrailFiles();
  const [files, setFiles] = useState<File[]>([]);
  const inputId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (files.length > 0) upload.mutate(files);
  }
  const result: TTrailImportSummary | undefined = upload.data;

  return (
    <Modal
      open={open}
      onClose={() => {
        upload.reset();
        setFiles([]);
        onClose();
      }}
      title={t("title")}
      description={t("description")}
      testId="upload-dialog"
      size="lg"
    >
      <form onSubmit={submit} className="flex flex-col gap-3">
        <Label htmlFor={inputId}>{t("files")}</Label>
        <Input id={inputId} type="file" multiple accept=".gz,.json,application/gzip,application/json" data-testid="upload-input" onChange={(event) => setFiles([...(event.target.files ?? [])])} />
        {upload.isError ? (
          <Alert tone="danger" data-testid="upload-error">
            {errorMessage(upload.error)}
          </Alert>
        ) : null}
        {result ? (
          <div data-testid="upload-result" data-failed={result.failedFiles} className="flex flex-col gap-2">
            <p className="text-sm" role="status">
              {t("summary", { inserted: format.number(result.inserted), duplicates: format.number(result.duplicates), invalid: format.number(result.invalid), failed: result.failedFiles, rate: format.number(Math.round(result.eventsPerSecond)) })}
            </p>
            <ul className="flex max-h-60 flex-col gap-1 overflow-y-auto text-xs">
              {result.files.map((file) => (
                <li key={file.file} data-testid="upload-file" data-file={file.file} data-ok={file.ok} className="rounded-md border border-border px-2 py-1">
                  <span className="font-mono">{file.file}</span>{" "}
                  {file.ok ? (
                    <span className="text-muted-foreground">{t("fileOk", { records: file.records, inserted: file.inserted, duplicates: file.duplicates, invalid: file.invalid })}</span>
                  ) : (
                    <span className="text-danger dark:text-red-300">{t("fileFailed", { error: file.error ?? "" })}</span>
                  )}
                  {file.invalidSamples.length > 0 ? <span className="block text-muted-foreground">{file.invalidSamples.join(" · ")}</span> : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="flex justify-end gap-2 border-t border-border pt-3">
          <Button type="submit" data-testid="upload-submit" disabled={files.length === 0 || upload.isPending}>
            {upload.isPending ? <LoaderCircle aria-hidden="true" className="size-4 motion-safe:animate-spin" /> : <Upload aria-hidden="true" className="size-4" />}
            {t("submit", { count: files.length })}
          </Button>
        </div>
      </form>
    </Modal>
  );
}

function RetentionDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslations("timeline.ingest.retention");
  const errorMessage = useApiErrorMessage();
  const settings = useSettings(open);
  const save = useSaveSettings();
  const [value, setValue] = useState<string | null>(null);
  const inputId = useId();
  const shown = value ?? (settings.data ? String(settings.data.retentionDays) : "");

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ retentionDays: Number(shown) }, { onSuccess: () => onClose() });
  }

  return (
    <Modal open={open} onClose={onClose} title={t("title")} description={t("description")} testId="retention-dialog">
      <form onSubmit={submit} className="flex flex-col gap-3">
        <Label htmlFor={inputId}>{t("label")}</Label>
        <Input id={inputId} type="number" min={1} step={1} data-testid="retention-input" value={shown} onChange={(event) => setValue(event.target.value)} className="w-40" />
        {save.isError ? (
          <Alert tone="danger" data-testid="retention-error">
            {errorMessage(save.error)}
          </Alert>
        ) : null}
        <div className="flex justify-end gap-2 border-t border-border pt-3">
          <Button variant="secondary" onClick={onClose}>
            {t("cancel")}
          </Button>
          <Button type="submit" data-testid="retention-save" disabled={save.isPending || shown === ""}>
            {t("save")}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
