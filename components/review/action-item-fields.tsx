"use client";

import { ExternalLink } from "lucide-react";
import { useTranslations } from "next-intl";
import { Input, Label, Select } from "@/components/ui/field";
import { isApiError } from "@/components/lib/api-client";
import type { TUserOption } from "@/server/checklists/recurring/checklists.types";
import { isActionItemLink, type TActionItemPatch, type TActionItemView } from "@/server/review/review.types";

// The fields of an action item (title, owner, due date, link), shared by the add form and the inline editor,
// and what both need around them: the draft, the fields a 400 names, the link as shown in the table.

export type TItemDraft = { title: string; ownerId: string; dueDate: string; link: string };
export type TItemField = keyof TItemDraft;

export const emptyDraft: TItemDraft = { title: "", ownerId: "", dueDate: "", link: "" };
export const draftOf = (item: TActionItemView): TItemDraft => ({ title: item.title, ownerId: item.ownerId ?? "", dueDate: item.dueDate ?? "", link: item.link ?? "" });

/** The body of a POST: empty optional fields are sent as null. */
export const inputOf = (draft: TItemDraft) => ({ title: draft.title.trim(), ownerId: draft.ownerId || null, dueDate: draft.dueDate || null, link: draft.link.trim() || null });

/** The body of a PATCH: only what changed, so the audit log shows the edit and nothing else. */
export function patchOf(item: TActionItemView, draft: TItemDraft): TActionItemPatch {
  const next = inputOf(draft);
  const patch: TActionItemPatch = {};
  if (next.title !== item.title) patch.title = next.title;
  if (next.ownerId !== item.ownerId) patch.ownerId = next.ownerId;
  if (next.dueDate !== item.dueDate) patch.dueDate = next.dueDate;
  if (next.link !== item.link) patch.link = next.link;
  return patch;
}

const SERVER_FIELDS: Record<string, TItemField> = { title: "title", ownerId: "ownerId", dueDate: "dueDate", link: "link" };

/** The fields a 400 names: the API joins zod issues as "link: must be …; title: is required". */
export function invalidFields(error: unknown): Set<TItemField> {
  if (!isApiError(error) || error.status !== 400) return new Set();
  return new Set([...error.message.matchAll(/(?:^|; )(\w+): /g)].flatMap((m) => {
    const field = SERVER_FIELDS[m[1] ?? ""];
    return field ? [field] : [];
  }));
}

const userLabel = (u: TUserOption) => (u.name ? `${u.name} <${u.email}>` : u.email);

/**
 * Title, owner (the same user picker as the attendees), due date and link. `testId` prefixes the hooks:
 * `${testId}-title|owner|due|link`. `currentOwner` keeps an owner who is no longer in the picker (disabled user) selectable.
 */
export function ActionItemFields({ idPrefix, testId, draft, onChange, users, disabled, invalid, errorId, currentOwner, autoFocus }: {
  idPrefix: string; testId: string; draft: TItemDraft; onChange: (draft: TItemDraft) => void; users: TUserOption[]; disabled?: boolean;
  invalid: Set<TItemField>; errorId?: string; currentOwner?: { id: string; label: string } | null; autoFocus?: boolean;
}) {
  const t = useTranslations("review");
  const set = (field: TItemField) => (e: { target: { value: string } }) => onChange({ ...draft, [field]: e.target.value });
  const aria = (field: TItemField) => (invalid.has(field) ? { "aria-invalid": true, "aria-describedby": errorId } : {});
  const extraOwner = currentOwner && !users.some((u) => u.id === currentOwner.id) ? currentOwner : null;
  return (
    <>
      <div className="flex min-w-56 flex-1 flex-col gap-1"><Label htmlFor={`${idPrefix}-title`}>{t("itemTitle")}</Label>
        <Input id={`${idPrefix}-title`} className="w-full" value={draft.title} maxLength={500} onChange={set("title")} disabled={disabled} autoFocus={autoFocus}
          {...aria("title")} data-testid={`${testId}-title`} /></div>
      <div className="flex flex-col gap-1"><Label htmlFor={`${idPrefix}-owner`}>{t("itemOwner")}</Label>
        <Select id={`${idPrefix}-owner`} className="w-56" value={draft.ownerId} onChange={set("ownerId")} disabled={disabled} {...aria("ownerId")} data-testid={`${testId}-owner`}>
          <option value="">{t("noOwner")}</option>
          {extraOwner ? <option value={extraOwner.id}>{extraOwner.label}</option> : null}
          {users.map((u) => <option key={u.id} value={u.id}>{userLabel(u)}</option>)}
        </Select></div>
      <div className="flex flex-col gap-1"><Label htmlFor={`${idPrefix}-due`}>{t("itemDue")}</Label>
        <Input id={`${idPrefix}-due`} type="date" className="w-40" value={draft.dueDate} onChange={set("dueDate")} disabled={disabled} {...aria("dueDate")} data-testid={`${testId}-due`} /></div>
      <div className="flex min-w-56 flex-1 flex-col gap-1"><Label htmlFor={`${idPrefix}-link`}>{t("itemLinkOptional")}</Label>
        <Input id={`${idPrefix}-link`} inputMode="url" className="w-full" value={draft.link} maxLength={2000} placeholder={t("itemLinkPlaceholder")} onChange={set("link")}
          disabled={disabled} {...aria("link")} data-testid={`${testId}-link`} /></div>
    </>
  );
}

/** The link of an item, opened in a new tab. Only a Kanshi path or http(s) becomes a link (the server allows nothing else). */
export function ItemLink({ link }: { link: string | null }) {
  const t = useTranslations("review");
  if (!link) return <span className="text-muted-foreground">–</span>;
  const safe = isActionItemLink(link);
  const shown = link.replace(/^https?:\/\//i, "");
  if (!safe) return <span className="break-all">{link}</span>;
  return (
    <a href={link} target="_blank" rel="noopener noreferrer" title={link} data-testid="action-item-link-open"
      className="inline-flex max-w-64 items-center gap-1 text-link hover:underline">
      <span className="truncate">{shown}</span>
      <ExternalLink className="size-3.5 shrink-0" aria-hidden="true" />
      <span className="sr-only">{t("opensInNewTab")}</span>
    </a>
  );
}
