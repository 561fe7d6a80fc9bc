"use client";

import { Download, Presentation, Printer, RefreshCw, X } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input, Label, Select } from "@/components/ui/field";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import type { TAttendee, TReviewView } from "@/server/review/review.types";
import { ActionItemsPanel } from "./action-items-panel";
import { AgendaSection } from "./agenda-section";
import { exportHref } from "./reviews-api";
import { useReview, useReviewMutations, useUserOptions } from "./use-review";

const textarea = "block w-full rounded-md border border-input bg-card px-3 py-2 text-sm text-foreground placeholder:text-muted-foreground";

/** A review: its agenda, and the meeting's record (attendees, notes, decisions, action items), editable by analysts while DRAFT. */
export function ReviewWorkspace({ initial, renderedAt, canEdit, currentUserId, print = false }: {
  initial: TReviewView; renderedAt: string; canEdit: boolean; currentUserId: string; print?: boolean;
}) {
  const t = useTranslations("review");
  const format = useFormatter();
  const errorMessage = useApiErrorMessage();
  const { data: review } = useReview(initial, renderedAt);
  const editable = canEdit && review.status === "DRAFT" && !print;
  const mutations = useReviewMutations(review.id);
  const users = useUserOptions(editable).data?.items ?? [];

  const [attendees, setAttendees] = useState<TAttendee[]>(() => review.attendees.map((a) => ("userId" in a ? { userId: a.userId } : { name: a.name })));
  const [notes, setNotes] = useState(review.notes);
  const [decisions, setDecisions] = useState<string[]>(review.decisions);
  const [pickUser, setPickUser] = useState("");
  const [freeName, setFreeName] = useState("");
  const [newDecision, setNewDecision] = useState("");
  const [dirty, setDirty] = useState(false);
  const change = <T,>(set: (v: T) => void) => (v: T) => { set(v); setDirty(true); };

  const labels = new Map(review.attendees.map((a) => ["userId" in a ? `u:${a.userId}` : `n:${a.name}`, a.label]));
  for (const u of users) labels.set(`u:${u.id}`, u.name ? `${u.name} <${u.email}>` : u.email);
  const labelOf = (a: TAttendee) => ("userId" in a ? labels.get(`u:${a.userId}`) ?? a.userId : a.name);
  const d = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });

  function addAttendee() {
    const next = [...attendees];
    if (pickUser && !next.some((a) => "userId" in a && a.userId === pickUser)) next.push({ userId: pickUser });
    if (freeName.trim() && !next.some((a) => "name" in a && a.name === freeName.trim())) next.push({ name: freeName.trim() });
    change(setAttendees)(next);
    setPickUser("");
    setFreeName("");
  }
  function addDecision() {
    if (!newDecision.trim()) return;
    change(setDecisions)([...decisions, newDecision.trim()]);
    setNewDecision("");
  }
  const save = () => mutations.save.mutate({ attendees, notes, decisions }, { onSuccess: () => setDirty(false) });
  function finalize() {
    if (!window.confirm(t("finalizeConfirm"))) return;
    mutations.save.mutate({ attendees, notes, decisions }, { onSuccess: () => { setDirty(false); mutations.finalize.mutate(); } });
  }
  const error = mutations.save.error ?? mutations.finalize.error ?? mutations.refresh.error;

  return (
    <div className="space-y-6" data-testid="review-page" data-status={review.status} data-print-root={print ? "" : undefined}>
      <div className="flex flex-wrap items-center gap-3">
        <Badge data-testid="review-status">{t(`status${review.status}`)}</Badge>
        <span className="text-sm" data-testid="review-period">{t("periodText", { start: d(review.periodStart), end: d(review.periodEnd) })}</span>
        <span className="text-sm text-muted-foreground">{t("agendaAsOf", { at: d(review.agendaAt) })}</span>
        <div className="ml-auto flex flex-wrap gap-2 print:hidden">
          {print ? (
            <Button variant="secondary" size="sm" onClick={() => window.print()} data-testid="review-print-now"><Printer className="size-4" aria-hidden="true" />{t("printButton")}</Button>
          ) : (
            <>
              <Link href={`/review/${review.id}?mode=meeting`} className={buttonVariants({ variant: "secondary", size: "sm" })} data-testid="review-meeting"><Presentation className="size-4" aria-hidden="true" />{t("meeting")}</Link>
              <Link href={`/review/${review.id}?print=1`} className={buttonVariants({ variant: "secondary", size: "sm" })} data-testid="review-print"><Printer className="size-4" aria-hidden="true" />{t("print")}</Link>
            </>
          )}
          <a href={exportHref(review.id, "pdf")} className={buttonVariants({ variant: "secondary", size: "sm" })} data-testid="review-export-pdf"><Download className="size-4" aria-hidden="true" />{t("exportPdf")}</a>
          <a href={exportHref(review.id, "csv")} className={buttonVariants({ variant: "secondary", size: "sm" })} data-testid="review-export-csv"><Download className="size-4" aria-hidden="true" />{t("exportCsv")}</a>
        </div>
      </div>
      {review.status === "FINAL" ? <Alert>{t("finalNotice")}</Alert> : !canEdit && !print ? <Alert>{t("viewerNotice")}</Alert> : null}

      <Card>
        <CardHeader className="flex-row items-center justify-between">
          <CardTitle>{t("agenda")}</CardTitle>
          {editable ? (
            <Button variant="ghost" size="sm" onClick={() => mutations.refresh.mutate()} disabled={mutations.refresh.isPending} data-testid="review-refresh"><RefreshCw className="size-4" aria-hidden="true" />{t("refresh")}</Button>
          ) : null}
        </CardHeader>
        <CardContent className="grid gap-6 md:grid-cols-2 print:block print:space-y-4">
          {review.agenda.sections.map((s) => <AgendaSection key={s.key} section={s} />)}
        </CardContent>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader><CardTitle>{t("attendees")}</CardTitle></CardHeader>
          <CardContent className="space-y-3">
            {attendees.length === 0 ? <p className="text-sm text-muted-foreground">{t("attendeesEmpty")}</p> : (
              <ul className="flex flex-wrap gap-2" data-testid="review-attendees">
                {attendees.map((a, i) => (
                  <li key={`${labelOf(a)}-${i}`} className="inline-flex items-center gap-1 rounded-full border border-border px-3 py-1 text-sm" data-testid="review-attendee">
                    {labelOf(a)}
                    {editable ? (
                      <button type="button" className="rounded-full p-0.5 hover:bg-accent" aria-label={t("removeAttendee", { name: labelOf(a) })} onClick={() => change(setAttendees)(attendees.filter((_, j) => j !== i))}>
                        <X className="size-3" aria-hidden="true" />
                      </button>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            {editable ? (
              <div className="flex flex-wrap items-end gap-2">
                <div className="flex flex-col gap-1"><Label htmlFor="attendee-user">{t("attendeeUser")}</Label>
                  <Select id="attendee-user" className="w-64" value={pickUser} onChange={(e) => setPickUser(e.target.value)} data-testid="attendee-user">
                    <option value="">{t("attendeeChoose")}</option>
                    {users.map((u) => <option key={u.id} value={u.id}>{u.name ? `${u.name} <${u.email}>` : u.email}</option>)}
                  </Select></div>
                <div className="flex flex-col gap-1"><Label htmlFor="attendee-name">{t("attendeeName")}</Label>
                  <Input id="attendee-name" className="w-48" value={freeName} maxLength={200} onChange={(e) => setFreeName(e.target.value)} data-testid="attendee-name" /></div>
                <Button type="button" variant="secondary" onClick={addAttendee} disabled={!pickUser && !freeName.trim()} data-testid="attendee-add">{t("addAttendee")}</Button>
              </div>
            ) : null}
          </CardContent>
        </Card>

        <Card>
          <CardHeader><CardTitle>{t("decisions")}</CardTitle></CardHeader>
          <CardContent className="space-y-3">
            {decisions.length === 0 ? <p className="text-sm text-muted-foreground">{t("decisionsEmpty")}</p> : (
              <ol className="list-decimal space-y-1 pl-5 text-sm" data-testid="review-decisions">
                {decisions.map((text, i) => (
                  <li key={`${i}-${text}`} data-testid="review-decision">
                    {text}
                    {editable ? (
                      <button type="button" className="ml-2 rounded p-0.5 align-middle hover:bg-accent" aria-label={t("removeDecision", { n: i + 1 })} onClick={() => change(setDecisions)(decisions.filter((_, j) => j !== i))}>
                        <X className="size-3" aria-hidden="true" />
                      </button>
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
            {editable ? (
              <div className="flex items-end gap-2">
                <div className="flex flex-1 flex-col gap-1"><Label htmlFor="decision-new">{t("newDecision")}</Label>
                  <Input id="decision-new" className="w-full" value={newDecision} maxLength={2000} onChange={(e) => setNewDecision(e.target.value)}
                    onKeyDown={(e) => { if (e.key === "Enter") { e.preventDefault(); addDecision(); } }} data-testid="decision-input" /></div>
                <Button type="button" variant="secondary" onClick={addDecision} disabled={!newDecision.trim()} data-testid="decision-add">{t("addDecision")}</Button>
              </div>
            ) : null}
          </CardContent>
        </Card>
      </div>

      <Card>
        <CardHeader><CardTitle>{t("notes")}</CardTitle></CardHeader>
        <CardContent>
          {editable ? (
            <>
              <Label htmlFor="review-notes" className="sr-only">{t("notes")}</Label>
              <textarea id="review-notes" rows={6} maxLength={20_000} className={textarea} value={notes} onChange={(e) => change(setNotes)(e.target.value)} data-testid="review-notes" />
            </>
          ) : notes.trim() ? <p className="text-sm whitespace-pre-wrap" data-testid="review-notes-text">{notes}</p> : <p className="text-sm text-muted-foreground">{t("notesEmpty")}</p>}
        </CardContent>
      </Card>

      <Card>
        <CardHeader><CardTitle>{t("actionItems")}</CardTitle></CardHeader>
        <CardContent>
          <ActionItemsPanel items={review.actionItems} users={users} editable={editable} canTick={canEdit && !print} currentUserId={currentUserId} mutations={mutations} />
        </CardContent>
      </Card>

      {error ? <Alert tone="danger">{errorMessage(error)}</Alert> : null}
      {editable ? (
        <div className="sticky bottom-0 flex items-center justify-end gap-3 border-t border-border bg-background py-3 print:hidden">
          {dirty ? <span className="text-sm text-muted-foreground" data-testid="review-dirty">{t("unsaved")}</span> : mutations.save.isSuccess ? <span className="text-sm text-success" role="status" data-testid="review-saved">{t("saved")}</span> : null}
          <Button variant="secondary" onClick={save} disabled={mutations.save.isPending} data-testid="review-save">{mutations.save.isPending ? t("saving") : t("save")}</Button>
          <Button onClick={finalize} disabled={mutations.save.isPending || mutations.finalize.isPending} data-testid="review-finalize">{t("finalize")}</Button>
        </div>
      ) : null}
    </div>
  );
}
