"use client";

import { useEffect, useRef, useState, type DragEvent } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { FileJson, Upload } from "lucide-react";
import { ApiError, NETWORK_ERROR } from "@/components/lib/api-client";
import { cn } from "@/components/lib/cn";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { MAX_IMPORT_BYTES, type TImportResult } from "@/server/findings/import-asff.types";
import { findingKeys } from "./findings-api";
import { Modal } from "@/components/ui/modal";

type TPhase =
  /** `problem` blocks the import (empty, too large) unless it only says the last upload was cancelled */
  | { kind: "choose"; file: File | null; problem: string | null; blocked: boolean }
  | { kind: "uploading"; file: File; progress: number }
  | { kind: "processing"; file: File }
  | { kind: "done"; file: File; result: TImportResult }
  | { kind: "failed"; file: File; message: string };

/**
 * POSTs the file as it is (no reading into memory) with upload progress, which fetch() cannot
 * report. Errors come back as the API's `{ error: { code, message } }`, as an ApiError.
 */
function uploadFile(file: File, handlers: { onProgress(fraction: number): void; onUploaded(): void }): { promise: Promise<TImportResult>; abort(): void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<TImportResult>((resolve, reject) => {
    xhr.open("POST", "/api/findings/import");
    xhr.setRequestHeader("content-type", "application/json");
    xhr.setRequestHeader("accept", "application/json");
    // Headers are Latin-1: a Japanese file name travels URI-encoded.
    xhr.setRequestHeader("x-file-name", encodeURIComponent(file.name));
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => event.lengthComputable && handlers.onProgress(event.loaded / event.total);
    xhr.upload.onload = () => handlers.onUploaded();
    xhr.onload = () => {
      const body = xhr.response as { error?: { code?: string; message?: string } } | TImportResult | null;
      if (xhr.status >= 200 && xhr.status < 300 && body && "imported" in body) return resolve(body);
      const error = body && "error" in body ? body.error : undefined;
      reject(new ApiError(xhr.status, error?.code ?? `HTTP_${xhr.status}`, error?.message ?? xhr.statusText));
    };
    xhr.onerror = () => reject(new ApiError(0, NETWORK_ERROR, "The upload failed"));
    xhr.onabort = () => reject(new DOMException("The upload was cancelled", "AbortError"));
    xhr.send(file);
  });
  return { promise, abort: () => xhr.abort() };
}

/**
 * Import findings from an ASFF JSON file: choose or drop a file, upload with progress, then the
 * counts or the server's list of problems. Stays mounted while closed, so an import started here
 * keeps running (and refreshes the findings queries) when the dialog is closed.
 */
export function ImportDialog({ open, onOpenChange, onImported }: { open: boolean; onOpenChange(open: boolean): void; onImported?(result: TImportResult): void }) {
  const t = useTranslations("findingsImport");
  const format = useFormatter();
  const errorMessage = useApiErrorMessage();
  const queryClient = useQueryClient();
  const [phase, setPhase] = useState<TPhase>({ kind: "choose", file: null, problem: null, blocked: false });
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const running = useRef<{ abort(): void } | null>(null);

  const size = (bytes: number) =>
    bytes < 1024 * 1024
      ? format.number(bytes / 1024, { style: "unit", unit: "kilobyte", maximumFractionDigits: 0 })
      : format.number(bytes / (1024 * 1024), { style: "unit", unit: "megabyte", maximumFractionDigits: 1 });

  function choose(file: File | undefined) {
    if (!file) return;
    let problem: string | null = null;
    if (file.size === 0) problem = t("empty");
    else if (file.size > MAX_IMPORT_BYTES) problem = t("tooLarge", { size: size(file.size), max: size(MAX_IMPORT_BYTES) });
    setPhase({ kind: "choose", file, problem, blocked: problem !== null });
  }

  async function start(file: File) {
    setPhase({ kind: "uploading", file, progress: 0 });
    const upload = uploadFile(file, {
      onProgress: (progress) => setPhase((p) => (p.kind === "uploading" ? { ...p, progress } : p)),
      onUploaded: () => setPhase((p) => (p.kind === "uploading" ? { kind: "processing", file } : p)),
    });
    running.current = upload;
    try {
      const result = await upload.promise;
      setPhase({ kind: "done", file, result });
      void queryClient.invalidateQueries({ queryKey: findingKeys.all });
      onImported?.(result);
    } catch (error) {
      const aborted = error instanceof DOMException && error.name === "AbortError";
      setPhase(aborted ? { kind: "choose", file, problem: t("aborted"), blocked: false } : { kind: "failed", file, message: errorMessage(error) });
    } finally {
      running.current = null;
    }
  }

  function reset() {
    setPhase({ kind: "choose", file: null, problem: null, blocked: false });
    if (input.current) input.current.value = "";
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0]);
  }

  const close = () => {
    onOpenChange(false);
    // A finished import starts afresh next time; a running one is shown again.
    if (phase.kind === "done" || phase.kind === "failed") reset();
  };
  const busy = phase.kind === "uploading" || phase.kind === "processing";

  // Each step replaces the buttons: focus moves to the step's main control instead of being lost.
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open) body.current?.querySelector<HTMLElement>("[data-autofocus]")?.focus();
  }, [open, phase.kind]);

  return (
    <Modal
      open={open}
      onClose={close}
      title={t("title")}
      description={t.rich("description", { code: (chunks) => <code className="font-mono text-xs">{chunks}</code> })}
      testId="import-dialog"
      className="w-[min(36rem,calc(100vw-2rem))]"
    >
      <div ref={body}>
        {phase.kind === "choose" ? (
          <div className="space-y-4">
            <div
              onDragOver={(event) => {
                event.preventDefault();
                event.dataTransfer.dropEffect = "copy";
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={onDrop}
              className={cn(
                "flex flex-col items-center gap-3 rounded-lg border-2 border-dashed px-4 py-8 text-center text-sm transition-colors",
                dragging ? "border-primary bg-accent" : "border-border",
              )}
              data-testid="import-dropzone"
            >
              <FileJson aria-hidden="true" className="size-8 text-muted-foreground" />
              <p className="text-muted-foreground">{dragging ? t("dropActive") : t("drop")}</p>
              <p className="text-xs text-muted-foreground">{t("or")}</p>
              <Button variant="secondary" size="sm" data-autofocus onClick={() => input.current?.click()}>
                <Upload aria-hidden="true" className="size-4" />
                {phase.file ? t("chooseAnother") : t("choose")}
              </Button>
              <input
                ref={input}
                type="file"
                accept=".json,application/json"
                aria-label={t("fileLabel")}
                className="hidden"
                data-testid="import-file-input"
                onChange={(event) => choose(event.target.files?.[0])}
              />
            </div>
            {phase.file ? (
              <p className="truncate text-sm" data-testid="import-file">
                {t("selected", { name: phase.file.name, size: size(phase.file.size) })}
              </p>
            ) : null}
            {phase.problem ? <Alert tone="danger">{phase.problem}</Alert> : null}
            <div className="flex justify-end gap-2">
              <Button variant="ghost" onClick={close}>
                {t("cancel")}
              </Button>
              <Button disabled={!phase.file || phase.blocked} onClick={() => phase.file && void start(phase.file)} data-testid="import-submit">
                {t("submit")}
              </Button>
            </div>
          </div>
        ) : null}

        {busy ? (
          <div className="space-y-4" aria-live="polite">
            <p className="truncate text-sm">
              {phase.kind === "uploading" ? t("uploading", { name: phase.file.name, percent: Math.round(phase.progress * 100) }) : t("processing")}
            </p>
            <div
              role="progressbar"
              aria-label={t("title")}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={phase.kind === "uploading" ? Math.round(phase.progress * 100) : undefined}
              className="h-2 overflow-hidden rounded-full bg-muted"
            >
              <div
                className={cn("h-full rounded-full bg-primary transition-[width]", phase.kind === "processing" && "w-1/3 animate-pulse")}
                style={phase.kind === "uploading" ? { width: `${Math.round(phase.progress * 100)}%` } : undefined}
              />
            </div>
            <p className="text-xs text-muted-foreground">{t("keepsRunning")}</p>
            <div className="flex justify-end gap-2">
              {phase.kind === "uploading" ? (
                <Button variant="secondary" onClick={() => running.current?.abort()} data-autofocus>
                  {t("cancelUpload")}
                </Button>
              ) : null}
              <Button variant="ghost" onClick={close}>
                {t("close")}
              </Button>
            </div>
          </div>
        ) : null}

        {phase.kind === "done" ? (
          <div className="space-y-4" data-testid="import-result">
            <Alert tone="success">
              <p className="font-medium">{t("done", { imported: phase.result.imported })}</p>
              <p>{t("counts", phase.result)}</p>
            </Alert>
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={reset}>
                {t("importAnother")}
              </Button>
              <Button onClick={close} data-autofocus>
                {t("close")}
              </Button>
            </div>
          </div>
        ) : null}

        {phase.kind === "failed" ? (
          <div className="space-y-4" data-testid="import-error">
            <Alert tone="danger">
              <p className="font-medium">{t("failed")}</p>
              <ImportProblems message={phase.message} />
            </Alert>
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={reset} data-autofocus>
                {t("chooseAnother")}
              </Button>
              <Button variant="ghost" onClick={close}>
                {t("close")}
              </Button>
            </div>
          </div>
        ) : null}
      </div>
    </Modal>
  );
}

/** The server's message: a headline, then one line per invalid finding ("finding #3 (Id): problem"). */
function ImportProblems({ message }: { message: string }) {
  const [head, ...problems] = message.split("\n");
  return (
    <div className="mt-1 space-y-2">
      <p>{head}</p>
      {problems.length ? (
        <ul className="max-h-60 list-disc space-y-1 overflow-y-auto pl-5 font-mono text-xs break-all">
          {problems.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
