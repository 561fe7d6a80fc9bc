"use client";

import { Trash2 } from "lucide-react";
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/field";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import type { TUserOption } from "@/server/checklists/recurring/checklists.types";
import type { TActionItemView } from "@/server/review/review.types";
import type { useReviewMutations } from "./use-review";

/** The review's action items: a table; analysts add and remove while DRAFT, owners and analysts tick them done. */
export function ActionItemsPanel({ items, users, editable, canTick, currentUserId, mutations }: {
  items: TActionItemView[]; users: TUserOption[]; editable: boolean; canTick: boolean; currentUserId: string; mutations: ReturnType<typeof useReviewMutations>;
}) {
  const t = useTranslations("review");
  const errorMessage = useApiErrorMessage();
  const [title, setTitle] = useState("");
  const [ownerId, setOwnerId] = useState("");
  const [dueDate, setDueDate] = useState("");
  const { addItem, updateItem, removeItem } = mutations;
  const error = addItem.error ?? updateItem.error ?? removeItem.error;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) return;
    addItem.mutate({ title: title.trim(), ownerId: ownerId || null, dueDate: dueDate || null }, { onSuccess: () => { setTitle(""); setDueDate(""); } });
  }

  return (
    <div className="space-y-3" data-testid="action-items">
      {items.length === 0 ? <p className="text-sm text-muted-foreground">{t("actionItemsEmpty")}</p> : (
        <table className="w-full text-sm">
          <thead className="text-left text-muted-foreground">
            <tr><th className="py-1 pr-2 font-medium">{t("itemStatus")}</th><th className="py-1 pr-2 font-medium">{t("itemTitle")}</th><th className="py-1 pr-2 font-medium">{t("itemOwner")}</th><th className="py-1 pr-2 font-medium">{t("itemDue")}</th>{editable ? <th className="sr-only">{t("deleteItem", { title: "" })}</th> : null}</tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} className="border-t border-border" data-testid="action-item" data-id={item.id} data-status={item.status}>
                <td className="py-2 pr-2">
                  <input type="checkbox" className="size-4" checked={item.status === "done"} aria-label={t("markDone", { title: item.title })}
                    disabled={!(canTick || item.ownerId === currentUserId) || updateItem.isPending}
                    onChange={(e) => updateItem.mutate({ itemId: item.id, body: { status: e.target.checked ? "done" : "open" } })} />
                </td>
                <td className="py-2 pr-2">{item.title}</td>
                <td className="py-2 pr-2">{item.ownerEmail ?? <span className="text-muted-foreground">{t("noOwner")}</span>}</td>
                <td className="py-2 pr-2 tabular-nums">{item.dueDate ?? "–"}{item.overdue ? <span className="ml-2 text-danger">{t("overdue")}</span> : null}</td>
                {editable ? (
                  <td className="py-2 text-right">
                    <Button variant="ghost" size="sm" aria-label={t("deleteItem", { title: item.title })} onClick={() => removeItem.mutate(item.id)} data-testid="action-item-delete"><Trash2 className="size-4" aria-hidden="true" /></Button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editable ? (
        <form onSubmit={submit} className="flex flex-wrap items-end gap-2" data-testid="action-item-form">
          <div className="flex min-w-56 flex-1 flex-col gap-1"><Label htmlFor="ai-title">{t("itemTitle")}</Label>
            <Input id="ai-title" className="w-full" value={title} maxLength={500} onChange={(e) => setTitle(e.target.value)} data-testid="action-item-title" /></div>
          <div className="flex flex-col gap-1"><Label htmlFor="ai-owner">{t("itemOwner")}</Label>
            <Select id="ai-owner" className="w-56" value={ownerId} onChange={(e) => setOwnerId(e.target.value)} data-testid="action-item-owner">
              <option value="">{t("noOwner")}</option>
              {users.map((u) => <option key={u.id} value={u.id}>{u.name ? `${u.name} <${u.email}>` : u.email}</option>)}
            </Select></div>
          <div className="flex flex-col gap-1"><Label htmlFor="ai-due">{t("itemDue")}</Label>
            <Input id="ai-due" type="date" className="w-40" value={dueDate} onChange={(e) => setDueDate(e.target.value)} data-testid="action-item-due" /></div>
          <Button type="submit" variant="secondary" disabled={!title.trim() || addItem.isPending} data-testid="action-item-add">{t("addItem")}</Button>
        </form>
      ) : null}
      {error ? <Alert tone="danger">{errorMessage(error)}</Alert> : null}
    </div>
  );
}
