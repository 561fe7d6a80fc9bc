"use client";

import { useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import type { TUserOption } from "@/server/checklists/recurring/checklists.types";
import type { TActionItemView } from "@/server/review/review.types";
import { ActionItemFields, emptyDraft, inputOf, invalidFields, type TItemDraft } from "./action-item-fields";
import { ActionItemRow } from "./action-item-row";
import type { useReviewMutations } from "./use-review";

/**
 * The review's action items: a table; analysts add, edit and delete them while the review is DRAFT; the owner
 * (any role) and analysts tick them done or open, also once the review is final.
 * Test hooks: action-items, action-item-form, action-item-title|owner|due|link|add, action-item-add-error,
 *   action-item-delete-dialog, action-item-delete-confirm (and the row's hooks in action-item-row.tsx).
 */
export function ActionItemsPanel({ items, users, editable, canTick, currentUserId, mutations }: {
  items: TActionItemView[]; users: TUserOption[]; editable: boolean; canTick: boolean; currentUserId: string; mutations: ReturnType<typeof useReviewMutations>;
}) {
  const t = useTranslations("review");
  const errorMessage = useApiErrorMessage();
  const id = useId();
  const [draft, setDraft] = useState<TItemDraft>(emptyDraft);
  const [addError, setAddError] = useState<unknown>(null);
  const [tickError, setTickError] = useState<unknown>(null);
  const [deleting, setDeleting] = useState<TActionItemView | null>(null);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const { addItem, removeItem } = mutations;
  const columns = editable ? 6 : 5;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft.title.trim() || addItem.isPending) return;
    setAddError(null);
    try {
      await addItem.mutateAsync(inputOf(draft));
      // The owner stays chosen: several items for one person are usual in a meeting.
      setDraft({ ...emptyDraft, ownerId: draft.ownerId });
    } catch (e) {
      setAddError(e);
    }
  }
  async function confirmDelete() {
    if (!deleting) return;
    setDeleteError(null);
    try {
      await removeItem.mutateAsync(deleting.id);
      setDeleting(null);
    } catch (e) {
      setDeleteError(e);
    }
  }
  const closeDelete = () => { setDeleting(null); setDeleteError(null); };

  return (
    <div className="space-y-3" data-testid="action-items">
      {items.length === 0 ? <p className="text-sm text-muted-foreground">{t("actionItemsEmpty")}</p> : (
        <div className="relative overflow-x-auto">
          <table className="w-full min-w-[40rem] text-sm">
            <thead className="text-left text-muted-foreground">
              <tr>
                <th className="whitespace-nowrap py-1 pr-2 font-medium">{t("itemStatus")}</th>
                <th className="whitespace-nowrap py-1 pr-2 font-medium">{t("itemTitle")}</th>
                <th className="whitespace-nowrap py-1 pr-2 font-medium">{t("itemOwner")}</th>
                <th className="whitespace-nowrap py-1 pr-2 font-medium">{t("itemDue")}</th>
                <th className="whitespace-nowrap py-1 pr-2 font-medium">{t("itemLink")}</th>
                {editable ? <th className="py-1"><span className="sr-only">{t("itemActions")}</span></th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <ActionItemRow key={item.id} item={item} users={users} editable={editable} canTick={canTick} currentUserId={currentUserId} mutations={mutations}
                  columns={columns} onDelete={(i) => { setDeleteError(null); setDeleting(i); }} onTickError={setTickError} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {tickError ? <Alert tone="danger">{errorMessage(tickError)}</Alert> : null}
      {editable ? (
        <form onSubmit={submit} className="space-y-2 print:hidden" aria-busy={addItem.isPending} noValidate data-testid="action-item-form">
          <div className="flex flex-wrap items-end gap-2">
            <ActionItemFields idPrefix={`${id}-add`} testId="action-item" draft={draft} onChange={setDraft} users={users} disabled={addItem.isPending}
              invalid={invalidFields(addError)} errorId={addError ? `${id}-add-error` : undefined} />
            <Button type="submit" variant="secondary" disabled={!draft.title.trim() || addItem.isPending} data-testid="action-item-add">
              {addItem.isPending ? t("adding") : t("addItem")}
            </Button>
          </div>
          {addError ? <Alert tone="danger" id={`${id}-add-error`} data-testid="action-item-add-error">{errorMessage(addError)}</Alert> : null}
        </form>
      ) : null}
      <Modal open={deleting !== null} onClose={closeDelete} title={t("deleteItemTitle")} testId="action-item-delete-dialog">
        <div className="flex flex-col gap-4">
          <p className="text-sm">{deleting ? t("deleteItemConfirm", { title: deleting.title }) : null}</p>
          {deleteError ? <Alert tone="danger">{errorMessage(deleteError)}</Alert> : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={closeDelete} data-autofocus>{t("cancel")}</Button>
            <Button variant="danger" onClick={() => void confirmDelete()} disabled={removeItem.isPending} data-testid="action-item-delete-confirm">
              {removeItem.isPending ? t("deleting") : t("deleteItemSubmit")}
            </Button>
          </div>
        </div>
      </Modal>
    </div>
  );
}
