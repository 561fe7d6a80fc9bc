"use client";

import { Pencil, Trash2 } from "lucide-react";
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import type { TUserOption } from "@/server/checklists/recurring/checklists.types";
import type { TActionItemView } from "@/server/review/review.types";
import { ActionItemFields, draftOf, invalidFields, ItemLink, patchOf, type TItemDraft } from "./action-item-fields";
import type { useReviewMutations } from "./use-review";

type TMutations = ReturnType<typeof useReviewMutations>;

/**
 * One action item: a table row, or (Edit, DRAFT review, analysts) an inline editor in its place.
 * In the editor Enter saves and Esc cancels; a 400 from the server is shown under the fields and marks the field it names.
 * Test hooks: action-item (data-id, data-status), action-item-edit, action-item-delete, action-item-link-open,
 *   action-item-editor (data-id), action-item-edit-title|owner|due|link, action-item-save, action-item-cancel, action-item-edit-error.
 */
export function ActionItemRow({ item, users, editable, canTick, currentUserId, mutations, columns, onDelete, onTickError }: {
  item: TActionItemView; users: TUserOption[]; editable: boolean; canTick: boolean; currentUserId: string; mutations: TMutations;
  columns: number; onDelete: (item: TActionItemView) => void; onTickError: (error: unknown) => void;
}) {
  const t = useTranslations("review");
  const errorMessage = useApiErrorMessage();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<TItemDraft>(() => draftOf(item));
  const [saving, setSaving] = useState(false);
  const [ticking, setTicking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  // Back on the Edit button after Save or Cancel, so the keyboard user stays on their row.
  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      editButton.current?.focus();
    }
  }, [editing]);

  function open() {
    setDraft(draftOf(item));
    setError(null);
    setEditing(true);
  }
  function close() {
    returnFocus.current = true;
    setError(null);
    setEditing(false);
  }
  async function save(event?: FormEvent) {
    event?.preventDefault();
    if (saving) return;
    const body = patchOf(item, draft);
    if (!Object.keys(body).length) return close();
    setSaving(true);
    setError(null);
    try {
      await mutations.updateItem.mutateAsync({ itemId: item.id, body });
      close();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }
  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "Enter" && !event.nativeEvent.isComposing && (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement)) {
      // Inputs submit on Enter by themselves, selects and date fields do not: one rule for all (not while an IME composes).
      event.preventDefault();
      void save();
    }
  }
  async function tick(done: boolean) {
    setTicking(true);
    onTickError(null);
    try {
      await mutations.updateItem.mutateAsync({ itemId: item.id, body: { status: done ? "done" : "open" } });
    } catch (e) {
      onTickError(e);
    } finally {
      setTicking(false);
    }
  }

  // A final review has no editor (e.g. it was finalized in another tab while this row was open).
  if (editing && editable) {
    const errorId = `${id}-error`;
    return (
      <tr className="border-t border-border bg-muted/40" data-testid="action-item-editor" data-id={item.id}>
        <td colSpan={columns} className="p-3">
          <form onSubmit={save} onKeyDown={onKeyDown} aria-label={t("editItemForm", { title: item.title })} aria-busy={saving} className="space-y-3" noValidate>
            <div className="flex flex-wrap items-end gap-2">
              <ActionItemFields idPrefix={id} testId="action-item-edit" draft={draft} onChange={setDraft} users={users} disabled={saving}
                invalid={invalidFields(error)} errorId={error ? errorId : undefined} autoFocus
                currentOwner={item.ownerId ? { id: item.ownerId, label: item.ownerEmail ?? item.ownerId } : null} />
            </div>
            {error ? <Alert tone="danger" id={errorId} data-testid="action-item-edit-error">{errorMessage(error)}</Alert> : null}
            <div className="flex items-center justify-end gap-2">
              <span className="mr-auto text-xs text-muted-foreground">{t("editKeysHint")}</span>
              <Button variant="secondary" size="sm" onClick={close} disabled={saving} data-testid="action-item-cancel">{t("cancel")}</Button>
              <Button type="submit" size="sm" disabled={saving} data-testid="action-item-save">{saving ? t("saving") : t("save")}</Button>
            </div>
          </form>
        </td>
      </tr>
    );
  }

  const mayTick = canTick || item.ownerId === currentUserId;
  return (
    <tr className="border-t border-border" data-testid="action-item" data-id={item.id} data-status={item.status}>
      <td className="py-2 pr-2">
        <input type="checkbox" className="size-4" checked={item.status === "done"} aria-label={t("markDone", { title: item.title })}
          disabled={!mayTick || ticking} aria-busy={ticking} onChange={(e) => void tick(e.target.checked)} data-testid="action-item-done" />
      </td>
      <td className="min-w-[12rem] py-2 pr-2" data-testid="action-item-title-text">{item.title}</td>
      <td className="min-w-[9rem] py-2 pr-2 [overflow-wrap:anywhere]">{item.ownerEmail ?? <span className="text-muted-foreground">{t("noOwner")}</span>}</td>
      <td className="whitespace-nowrap py-2 pr-2 tabular-nums" data-testid="action-item-due-text">{item.dueDate ?? "–"}{item.overdue ? <span className="ml-2 text-danger">{t("overdue")}</span> : null}</td>
      <td className="py-2 pr-2"><ItemLink link={item.link} /></td>
      {editable ? (
        <td className="py-2 text-right whitespace-nowrap">
          <Button ref={editButton} variant="ghost" size="sm" aria-label={t("editItem", { title: item.title })} onClick={open} data-testid="action-item-edit">
            <Pencil className="size-4" aria-hidden="true" />
          </Button>
          <Button variant="ghost" size="sm" aria-label={t("deleteItem", { title: item.title })} onClick={() => onDelete(item)} data-testid="action-item-delete">
            <Trash2 className="size-4" aria-hidden="true" />
          </Button>
        </td>
      ) : null}
    </tr>
  );
}
