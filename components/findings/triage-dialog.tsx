"use client";

import { useId, useState, type FormEvent } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { isApiError } from "@/components/lib/api-client";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/field";
import {
  MAX_FILTER_TARGET,
  MAX_NOTE_LENGTH,
  MAX_SELECTED_IDS,
  WORKFLOW_STATUSES,
  type TTriageAction,
  type TTriageResponse,
  type TTriageTarget,
  type TWorkflowStatus,
} from "@/server/findings/findings.types";
import type { TFacets } from "./findings-api";
import { Modal } from "@/components/ui/modal";
import { useTriage } from "./use-findings";

export type TTriageKind = "status" | "assign" | "note" | "suppress" | "unsuppress";

/** What an action applies to: chosen findings, or every finding matching the filter. */
export type TActionTarget = { kind: "ids"; ids: string[] } | { kind: "filter"; filter: string; count: number | undefined };

const NOTE_REQUIRED: readonly TWorkflowStatus[] = ["RESOLVED", "SUPPRESSED"];
/** The server refuses suppressions longer than two years. */
const MAX_SUPPRESSION_DAYS = 730;

function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function addDays(days: number): Date {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return date;
}

/** The end of the chosen day in the user's time zone. */
function endOfLocalDay(day: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 23, 59, 59, 999);
}

export function targetCount(target: TActionTarget): number | undefined {
  return target.kind === "ids" ? target.ids.length : target.count;
}

/**
 * One dialog per triage action (status with note, assign, note, suppress with reason and date,
 * unsuppress). Test hooks: status-select, assign-select, note-input, suppress-reason, suppress-until,
 * action-submit, confirm-count, triage-error.
 */
export function TriageDialog({
  kind,
  target,
  onClose,
  onDone,
  userId,
  users,
  initialStatus,
}: {
  kind: TTriageKind | null;
  target: TActionTarget | null;
  onClose: () => void;
  onDone: (kind: TTriageKind, result: TTriageResponse, detail: { status?: TWorkflowStatus }) => void;
  userId: string;
  users: TFacets["users"];
  initialStatus?: TWorkflowStatus;
}) {
  const t = useTranslations("findings.dialog");
  const open = kind !== null && target !== null;
  return (
    <Modal open={open} onClose={onClose} title={kind ? t(`${kind}Title`) : ""} testId="triage-dialog">
      {open ? (
        <TriageForm
          key={kind}
          kind={kind}
          target={target}
          onClose={onClose}
          onDone={onDone}
          userId={userId}
          users={users}
          initialStatus={initialStatus}
        />
      ) : null}
    </Modal>
  );
}

function TriageForm({
  kind,
  target,
  onClose,
  onDone,
  userId,
  users,
  initialStatus,
}: {
  kind: TTriageKind;
  target: TActionTarget;
  onClose: () => void;
  onDone: (kind: TTriageKind, result: TTriageResponse, detail: { status?: TWorkflowStatus }) => void;
  userId: string;
  users: TFacets["users"];
  initialStatus?: TWorkflowStatus;
}) {
  const t = useTranslations("findings.dialog");
  const tStatus = useTranslations("findings.values.status");
  const format = useFormatter();
  const errorMessage = useApiErrorMessage();
  const triage = useTriage();
  const ids = { status: useId(), note: useId(), owner: useId(), reason: useId(), until: useId(), hint: useId() };

  // An open finding is most often being closed; a closed one reopened.
  const [status, setStatus] = useState<TWorkflowStatus>(initialStatus === "RESOLVED" || initialStatus === "SUPPRESSED" ? "NEW" : "RESOLVED");
  const [note, setNote] = useState("");
  const [ownerId, setOwnerId] = useState(userId);
  const [reason, setReason] = useState("");
  const [until, setUntil] = useState(() => localDate(addDays(30)));
  const [invalid, setInvalid] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const count = targetCount(target);
  const tooMany =
    target.kind === "ids" ? target.ids.length > MAX_SELECTED_IDS : count === undefined || count > MAX_FILTER_TARGET;
  const noteRequired = kind === "note" || (kind === "status" && NOTE_REQUIRED.includes(status));
  const showNote = kind === "status" || kind === "note" || kind === "unsuppress";
  const tomorrow = localDate(addDays(1));
  const latest = localDate(addDays(MAX_SUPPRESSION_DAYS));

  function action(): TTriageAction | null {
    const trimmed = note.trim();
    if (noteRequired && trimmed === "") {
      setInvalid(kind === "note" ? t("noteMissing") : t("noteRequiredFor", { status: tStatus(status) }));
      return null;
    }
    switch (kind) {
      case "status":
        return { action: "status", status, ...(trimmed ? { note: trimmed } : {}) };
      case "assign":
        return { action: "assign", ownerId: ownerId === "" ? null : ownerId };
      case "note":
        return { action: "note", note: trimmed };
      case "suppress": {
        if (reason.trim() === "") {
          setInvalid(t("reasonMissing"));
          return null;
        }
        if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || endOfLocalDay(until).getTime() <= Date.now() || until < tomorrow || until > latest) {
          setInvalid(t("untilPast"));
          return null;
        }
        return { action: "suppress", reason: reason.trim(), until: endOfLocalDay(until).toISOString() };
      }
      case "unsuppress":
        return { action: "unsuppress", ...(trimmed ? { note: trimmed } : {}) };
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setInvalid(null);
    setError(null);
    if (tooMany) return;
    const body = action();
    if (!body) return;
    const apiTarget: TTriageTarget =
      target.kind === "ids" ? { ids: target.ids } : { filter: target.filter, expectedCount: target.count ?? 0 };
    triage.mutate(
      { ...body, target: apiTarget },
      {
        onSuccess: (result) => onDone(kind, result, { status: kind === "status" ? status : undefined }),
        onError: (cause) => {
          // 409: the filter now matches a different number; the counts are fetched again and shown here.
          setError(isApiError(cause) && cause.status === 409 ? `${cause.message} ${t("conflictHint")}` : errorMessage(cause));
        },
      },
    );
  }

  const countText =
    target.kind === "filter"
      ? t("targetAll", { count: count ?? 0, formatted: format.number(count ?? 0) })
      : t("target", { count: count ?? 0 });

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <p className="text-sm" data-testid="confirm-count" data-count={count}>
        {countText}
      </p>
      {tooMany ? (
        <Alert tone="danger">
          {target.kind === "ids"
            ? t("tooManyIds", { max: format.number(MAX_SELECTED_IDS) })
            : t("tooManyMatching", { max: format.number(MAX_FILTER_TARGET) })}
        </Alert>
      ) : null}

      {kind === "status" ? (
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={ids.status}>{t("statusLabel")}</Label>
          <Select
            id={ids.status}
            data-testid="status-select"
            value={status}
            onChange={(event) => setStatus(event.target.value as TWorkflowStatus)}
            className="w-full"
          >
            {WORKFLOW_STATUSES.map((value) => (
              <option key={value} value={value}>
                {tStatus(value)}
              </option>
            ))}
          </Select>
        </div>
      ) : null}

      {kind === "assign" ? (
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={ids.owner}>{t("ownerLabel")}</Label>
          <Select id={ids.owner} data-testid="assign-select" value={ownerId} onChange={(event) => setOwnerId(event.target.value)} className="w-full">
            <option value={userId}>{t("assignMe")}</option>
            <option value="">{t("unassign")}</option>
            {users
              .filter((user) => user.id !== userId)
              .map((user) => (
                <option key={user.id} value={user.id}>
                  {user.name ? `${user.name} (${user.email})` : user.email}
                </option>
              ))}
          </Select>
        </div>
      ) : null}

      {kind === "suppress" ? (
        <>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={ids.reason}>{t("reasonLabel")}</Label>
            <textarea
              id={ids.reason}
              data-testid="suppress-reason"
              value={reason}
              maxLength={MAX_NOTE_LENGTH}
              rows={3}
              required
              aria-invalid={invalid !== null && reason.trim() === "" ? true : undefined}
              onChange={(event) => setReason(event.target.value)}
              className="block w-full rounded-md border border-input bg-card px-3 py-2 text-sm aria-invalid:border-danger"
            />
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={ids.until}>{t("untilLabel")}</Label>
            <Input
              id={ids.until}
              type="date"
              data-testid="suppress-until"
              value={until}
              min={tomorrow}
              max={latest}
              required
              aria-describedby={ids.hint}
              onChange={(event) => setUntil(event.target.value)}
              className="w-48"
            />
            <p id={ids.hint} className="text-xs text-muted-foreground">
              {t("untilHint")}
            </p>
          </div>
        </>
      ) : null}

      {showNote ? (
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={ids.note}>
            {t("noteLabel")}{" "}
            <span className="font-normal text-muted-foreground">{noteRequired ? t("required") : t("optional")}</span>
          </Label>
          <textarea
            id={ids.note}
            data-testid="note-input"
            value={note}
            maxLength={MAX_NOTE_LENGTH}
            rows={4}
            required={noteRequired}
            aria-invalid={invalid !== null && noteRequired && note.trim() === "" ? true : undefined}
            aria-describedby={`${ids.note}-count`}
            onChange={(event) => setNote(event.target.value)}
            className="block w-full rounded-md border border-input bg-card px-3 py-2 text-sm aria-invalid:border-danger"
          />
          <p id={`${ids.note}-count`} className="text-right text-xs text-muted-foreground tabular-nums">
            {t("noteCount", { count: note.length, max: MAX_NOTE_LENGTH })}
          </p>
        </div>
      ) : null}

      {invalid ? (
        <Alert tone="danger" data-testid="triage-invalid">
          {invalid}
        </Alert>
      ) : null}
      {error ? (
        <Alert tone="danger" data-testid="triage-error">
          {error}
        </Alert>
      ) : null}

      <div className="flex justify-end gap-2 border-t border-border pt-4">
        <Button variant="secondary" onClick={onClose}>
          {t("cancel")}
        </Button>
        <Button type="submit" data-testid="action-submit" disabled={triage.isPending || tooMany} aria-busy={triage.isPending || undefined}>
          {triage.isPending ? t("submitting") : t(`${kind}Submit`)}
        </Button>
      </div>
    </form>
  );
}
