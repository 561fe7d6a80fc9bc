"use client";

import { useId, useMemo, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { upcomingDues } from "@/server/checklists/recurring/cadence";
import { ZCadence, ZTimeZone } from "@/server/checklists/recurring/cadence.schema";
import { checklistKeys, patchChecklist, patchItem, postChecklist, postItem, type TChecklist, type TUpdateChecklist } from "../checklists-api";
import { useUserOptions } from "../use-checklists";
import { cadenceOf, createInput, draftFrom, emptyDraft, validate, type TDraft, type TFieldErrors } from "./editor-draft";
import { EditorItems } from "./editor-items";

const textarea = "block w-full rounded-md border border-input bg-card px-3 py-2 text-sm text-foreground placeholder:text-muted-foreground aria-invalid:border-danger";
const weekdayDate = (weekday: number) => new Date(Date.UTC(2024, 0, weekday, 12)); // 2024-01-01 was a Monday

function timeZones(): string[] {
  try {
    return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];
  } catch {
    return ["UTC", "Asia/Tokyo"];
  }
}

/**
 * Create or edit a recurring checklist: name, description, cadence with a preview of the next three due
 * dates in the checklist's time zone, owner, items (add, rename, reorder, archive, source); archive the
 * checklist. Test hooks: checklist-editor, editor-name, editor-description, editor-kind, editor-weekday,
 * editor-day, editor-quarter-month, editor-cron, editor-timezone, editor-owner, editor-preview,
 * editor-error-<field>, editor-submit, editor-error, editor-archive, editor-archive-confirm, plus EditorItems'.
 */
export function ChecklistEditor({ checklist, onClose, onDone }: { checklist?: TChecklist; onClose: () => void; onDone: (message: string, id: string) => void }) {
  const t = useTranslations("checklists.editor");
  const format = useFormatter();
  const errorMessage = useApiErrorMessage();
  const client = useQueryClient();
  const users = useUserOptions();
  const ids = { name: useId(), description: useId(), kind: useId(), weekday: useId(), day: useId(), month: useId(), cron: useId(), zone: useId(), zones: useId(), owner: useId(), preview: useId() };
  const [draft, setDraft] = useState<TDraft>(() => (checklist ? draftFrom(checklist) : emptyDraft()));
  // After the first attempt to save, the fields are checked as they change (errors clear once fixed).
  const [submitted, setSubmitted] = useState(false);
  const errors: TFieldErrors | null = useMemo(() => (submitted ? validate(draft) : null), [submitted, draft]);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [confirmArchive, setConfirmArchive] = useState(false);
  const zones = useMemo(() => timeZones(), []);
  const set = (patch: Partial<TDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const preview = useMemo(() => {
    const cadence = ZCadence.safeParse(cadenceOf(draft));
    const zone = ZTimeZone.safeParse(draft.timeZone.trim());
    if (!cadence.success || !zone.success) return null;
    return upcomingDues(cadence.data, zone.data, new Date(), 3).map((due) => format.dateTime(due, { dateStyle: "medium", timeStyle: "short", timeZone: zone.data }));
  }, [draft, format]);

  function fieldError(field: keyof Omit<TFieldErrors, "itemTitles">): string | null {
    const raw = errors?.[field];
    if (!raw) return null;
    // The parser's own detail (e.g. "got value 13 expected range 1-12") without the schema's English lead-in.
    if (field === "cadence" && draft.kind === "cron") return t("errors.cron", { detail: raw.replace(/^Invalid cron expression "[^"]*": /, "") });
    return field === "cadence" ? raw : t(`errors.${field}`);
  }

  async function save() {
    const local = validate(draft);
    setSubmitted(true);
    setProblem(null);
    if (local) return;
    setSaving(true);
    try {
      if (!checklist) {
        const created = await postChecklist(createInput(draft));
        await client.invalidateQueries({ queryKey: checklistKeys.all });
        return onDone(t("created", { name: draft.name.trim() }), created.id);
      }
      for (const item of draft.items) {
        if (!item.id || !item.original) continue;
        if (item.archived) await patchItem(item.id, { archived: true });
        else if (item.title.trim() !== item.original.title || item.source !== item.original.source) await patchItem(item.id, { title: item.title, source: item.source });
      }
      const order: string[] = [];
      for (const item of draft.items.filter((i) => !i.archived)) {
        order.push(item.id ?? (await postItem(checklist.id, { title: item.title, source: item.source })).id);
      }
      const input = createInput(draft);
      const patch: TUpdateChecklist = {};
      if (input.name.trim() !== checklist.name) patch.name = input.name;
      if ((input.description?.trim() || null) !== checklist.description) patch.description = input.description;
      if (JSON.stringify(input.cadence) !== JSON.stringify(checklist.schedule.cadence)) patch.cadence = input.cadence;
      if (input.timeZone !== checklist.schedule.timeZone) patch.timeZone = input.timeZone;
      if ((input.ownerId ?? null) !== (checklist.owner?.id ?? null)) patch.ownerId = input.ownerId ?? null;
      const before = checklist.items.map((i) => i.id).filter((id) => order.includes(id));
      if (order.slice(0, before.length).some((id, i) => id !== before[i])) patch.itemOrder = order;
      if (Object.keys(patch).length > 0) await patchChecklist(checklist.id, patch);
      await client.invalidateQueries({ queryKey: checklistKeys.all });
      onDone(t("saved", { name: draft.name.trim() }), checklist.id);
    } catch (error) {
      setProblem(errorMessage(error));
      await client.invalidateQueries({ queryKey: checklistKeys.all });
    } finally {
      setSaving(false);
    }
  }

  async function archive() {
    if (!checklist) return;
    setSaving(true);
    try {
      await patchChecklist(checklist.id, { archived: true });
      await client.invalidateQueries({ queryKey: checklistKeys.all });
      onDone(t("archived", { name: checklist.name }), checklist.id);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  const invalid = (field: keyof Omit<TFieldErrors, "itemTitles">) => (errors?.[field] ? { "aria-invalid": true as const, "aria-describedby": `${ids.name}-${field}-error` } : {});
  const error = (field: keyof Omit<TFieldErrors, "itemTitles">) => {
    const text = fieldError(field);
    return text ? <p id={`${ids.name}-${field}-error`} className="text-xs text-danger dark:text-red-300" data-testid={`editor-error-${field}`}>{text}</p> : null;
  };
  const days = [...Array.from({ length: 31 }, (_, i) => String(i + 1)), "last"];

  return (
    <Modal open onClose={onClose} title={checklist ? t("editTitle") : t("createTitle")} description={checklist ? checklist.name : t("createDescription")} testId="checklist-editor" size="lg" padded={false}>
      <form noValidate className="flex min-h-0 flex-col" onSubmit={(event) => { event.preventDefault(); void save(); }}>
        <div className="flex min-h-0 flex-col gap-4 overflow-y-auto px-5 py-4">
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={ids.name}>{t("name")}</Label>
            <Input id={ids.name} data-testid="editor-name" maxLength={120} value={draft.name} onChange={(e) => set({ name: e.target.value })} className="w-full" data-autofocus {...invalid("name")} />
            {error("name")}
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={ids.description}>{t("description")}</Label>
            <textarea id={ids.description} data-testid="editor-description" rows={2} maxLength={1000} value={draft.description} onChange={(e) => set({ description: e.target.value })} className={textarea} />
          </div>
          <fieldset className="flex flex-col gap-3 rounded-md border border-border p-3">
            <legend className="px-1 text-sm font-medium">{t("schedule")}</legend>
            <div className="flex flex-wrap items-end gap-3">
              <div className="flex flex-col gap-1.5">
                <Label htmlFor={ids.kind}>{t("cadence")}</Label>
                <Select id={ids.kind} data-testid="editor-kind" value={draft.kind} onChange={(e) => set({ kind: e.target.value as TDraft["kind"] })}>
                  {(["weekly", "monthly", "quarterly", "cron"] as const).map((kind) => <option key={kind} value={kind}>{t(`kind.${kind}`)}</option>)}
                </Select>
              </div>
              {draft.kind === "weekly" ? (
                <div className="flex flex-col gap-1.5">
                  <Label htmlFor={ids.weekday}>{t("weekday")}</Label>
                  <Select id={ids.weekday} data-testid="editor-weekday" value={draft.weekday} onChange={(e) => set({ weekday: Number(e.target.value) })}>
                    {[1, 2, 3, 4, 5, 6, 7].map((d) => <option key={d} value={d}>{format.dateTime(weekdayDate(d), { weekday: "long", timeZone: "UTC" })}</option>)}
                  </Select>
                </div>
              ) : null}
              {draft.kind === "quarterly" ? (
                <div className="flex flex-col gap-1.5">
                  <Label htmlFor={ids.month}>{t("quarterMonth")}</Label>
                  <Select id={ids.month} data-testid="editor-quarter-month" value={draft.quarterMonth} onChange={(e) => set({ quarterMonth: Number(e.target.value) })}>
                    {[1, 2, 3].map((m) => <option key={m} value={m}>{t("quarterMonthOption", { month: m })}</option>)}
                  </Select>
                </div>
              ) : null}
              {draft.kind === "monthly" || draft.kind === "quarterly" ? (
                <div className="flex flex-col gap-1.5">
                  <Label htmlFor={ids.day}>{t("day")}</Label>
                  <Select id={ids.day} data-testid="editor-day" value={draft.day} onChange={(e) => set({ day: e.target.value })}>
                    {days.map((d) => <option key={d} value={d}>{d === "last" ? t("lastDay") : d}</option>)}
                  </Select>
                </div>
              ) : null}
              {draft.kind === "cron" ? (
                <div className="flex min-w-48 flex-1 flex-col gap-1.5">
                  <Label htmlFor={ids.cron}>{t("cron")}</Label>
                  <Input id={ids.cron} data-testid="editor-cron" className="w-full font-mono" value={draft.expression} onChange={(e) => set({ expression: e.target.value })} {...invalid("cadence")} />
                </div>
              ) : null}
              <div className="flex min-w-48 flex-1 flex-col gap-1.5">
                <Label htmlFor={ids.zone}>{t("timeZone")}</Label>
                <Input id={ids.zone} data-testid="editor-timezone" list={ids.zones} className="w-full" value={draft.timeZone} onChange={(e) => set({ timeZone: e.target.value })} {...invalid("timeZone")} />
                <datalist id={ids.zones}>{zones.map((z) => <option key={z} value={z} />)}</datalist>
              </div>
            </div>
            {draft.kind === "cron" ? <p className="text-xs text-muted-foreground">{t("cronHint")}</p> : null}
            {error("cadence")}
            {error("timeZone")}
            <div id={ids.preview} data-testid="editor-preview" aria-live="polite" className="text-sm">
              {preview ? (
                <>
                  <span className="font-medium">{t("preview", { timeZone: draft.timeZone.trim() })}</span>
                  <ol className="ml-5 list-decimal">{preview.map((d) => <li key={d}>{d}</li>)}</ol>
                </>
              ) : <span className="text-muted-foreground">{t("previewUnavailable")}</span>}
            </div>
            {checklist ? <p className="text-xs text-muted-foreground">{t("historyKept")}</p> : null}
          </fieldset>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={ids.owner}>{t("owner")}</Label>
            <Select id={ids.owner} data-testid="editor-owner" value={draft.ownerId} onChange={(e) => set({ ownerId: e.target.value })} disabled={users.isPending} {...invalid("ownerId")}>
              <option value="">{users.isPending ? t("ownerLoading") : t("noOwner")}</option>
              {checklist?.owner && !users.data?.items.some((u) => u.id === checklist.owner!.id) ? <option value={checklist.owner.id}>{checklist.owner.email}</option> : null}
              {users.data?.items.map((u) => <option key={u.id} value={u.id}>{u.name ? `${u.name} (${u.email})` : u.email}</option>)}
            </Select>
            {users.isError ? <p className="text-xs text-danger dark:text-red-300">{t("ownerError")}</p> : null}
            {error("ownerId")}
          </div>
          <EditorItems items={draft.items} onChange={(items) => set({ items })} errors={errors?.itemTitles} />
          {error("items")}
          {problem ? <Alert tone="danger" data-testid="editor-error">{problem}</Alert> : null}
        </div>
        <div className="flex flex-wrap items-center justify-between gap-2 border-t border-border px-5 py-3">
          <div>
            {checklist ? (
              confirmArchive ? (
                <span className="flex items-center gap-2 text-sm">
                  {t("archiveQuestion")}
                  <Button variant="danger" size="sm" onClick={() => void archive()} disabled={saving} data-testid="editor-archive-confirm">{t("archiveConfirm")}</Button>
                  <Button variant="ghost" size="sm" onClick={() => setConfirmArchive(false)}>{t("cancel")}</Button>
                </span>
              ) : (
                <Button variant="ghost" size="sm" onClick={() => setConfirmArchive(true)} disabled={saving} data-testid="editor-archive">{t("archive")}</Button>
              )
            ) : null}
          </div>
          <div className="flex gap-2">
            <Button variant="secondary" onClick={onClose} disabled={saving}>{t("cancel")}</Button>
            <Button type="submit" data-testid="editor-submit" disabled={saving}>{saving ? t("saving") : checklist ? t("save") : t("create")}</Button>
          </div>
        </div>
      </form>
    </Modal>
  );
}
