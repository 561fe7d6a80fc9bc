"use client";

import { useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Bookmark, BookmarkPlus, Settings2, Trash, Users } from "lucide-react";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/field";
import { Menu, MenuGroup, MenuItem, MenuSeparator } from "@/components/ui/menu";
import type { TSavedView } from "./findings-api";
import { findingsHref } from "./filter-query";
import { Modal } from "@/components/ui/modal";
import { useDeleteView, useSaveView, useViews } from "./use-findings";

/**
 * Saved views (personal and shared): choosing one loads its query; the current view can be saved;
 * own views can be deleted. Test hooks: views-menu, view-item (data-id), views-save, views-manage,
 * view-name, view-shared, view-submit, view-delete.
 */
export function ViewsMenu({ userId, query, onNavigate }: { userId: string; query: string; onNavigate: (href: string) => void }) {
  const t = useTranslations("findings.views");
  const views = useViews(userId, true);
  const [dialog, setDialog] = useState<"save" | "manage" | null>(null);
  const mine = views.data?.filter((view) => view.mine) ?? [];
  const shared = views.data?.filter((view) => !view.mine && view.shared) ?? [];

  const item = (view: TSavedView) => (
    <MenuItem key={view.id} data-testid="view-item" data-id={view.id} onSelect={() => onNavigate(findingsHref(view.query))}>
      {view.shared ? <Users aria-hidden="true" className="size-4 text-muted-foreground" /> : <Bookmark aria-hidden="true" className="size-4 text-muted-foreground" />}
      <span className="min-w-0 flex-1 truncate">{view.name}</span>
    </MenuItem>
  );

  return (
    <>
      <Menu
        triggerTestId="views-menu"
        menuLabel={t("menuLabel")}
        triggerClassName="border border-input bg-card"
        trigger={
          <>
            <Bookmark aria-hidden="true" className="size-4" />
            {t("menu")}
          </>
        }
      >
        {views.isError ? (
          <MenuItem aria-disabled="true" disabled>
            {t("loadError")}
          </MenuItem>
        ) : views.isPending ? (
          <MenuItem aria-disabled="true" disabled>
            {t("loading")}
          </MenuItem>
        ) : mine.length === 0 && shared.length === 0 ? (
          <MenuItem aria-disabled="true" disabled>
            {t("none")}
          </MenuItem>
        ) : null}
        {mine.length > 0 ? <MenuGroup label={t("mine")}>{mine.map(item)}</MenuGroup> : null}
        {shared.length > 0 ? <MenuGroup label={t("shared")}>{shared.map(item)}</MenuGroup> : null}
        <MenuSeparator />
        <MenuItem data-testid="views-save" onSelect={() => setDialog("save")}>
          <BookmarkPlus aria-hidden="true" className="size-4 text-muted-foreground" />
          {t("save")}
        </MenuItem>
        <MenuItem data-testid="views-manage" onSelect={() => setDialog("manage")} disabled={mine.length === 0} aria-disabled={mine.length === 0 || undefined}>
          <Settings2 aria-hidden="true" className="size-4 text-muted-foreground" />
          {t("manage")}
        </MenuItem>
      </Menu>
      <Modal open={dialog === "save"} onClose={() => setDialog(null)} title={t("saveTitle")} description={t("saveHint")} testId="view-save-dialog">
        <SaveViewForm query={query} onDone={() => setDialog(null)} />
      </Modal>
      <Modal open={dialog === "manage"} onClose={() => setDialog(null)} title={t("manageTitle")} testId="view-manage-dialog">
        <ManageViews views={mine} />
      </Modal>
    </>
  );
}

function SaveViewForm({ query, onDone }: { query: string; onDone: () => void }) {
  const t = useTranslations("findings.views");
  const errorMessage = useApiErrorMessage();
  const save = useSaveView();
  const ids = { name: useId(), shared: useId() };
  const [name, setName] = useState("");
  const [shared, setShared] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === "") return;
    save.mutate({ name: name.trim(), query, shared }, { onSuccess: onDone });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4">
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={ids.name}>{t("name")}</Label>
        <Input id={ids.name} data-testid="view-name" value={name} maxLength={100} required onChange={(event) => setName(event.target.value)} className="w-full" />
      </div>
      <label htmlFor={ids.shared} className="flex items-start gap-2 text-sm">
        <input id={ids.shared} type="checkbox" data-testid="view-shared" checked={shared} onChange={(event) => setShared(event.target.checked)} className="mt-0.5 size-4 accent-primary" />
        <span>
          <span className="font-medium">{t("sharedLabel")}</span>
          <span className="block text-muted-foreground">{t("sharedHint")}</span>
        </span>
      </label>
      <p className="rounded-md bg-muted px-3 py-2 font-mono text-xs break-all text-muted-foreground">{query || t("defaultQuery")}</p>
      {save.isError ? <Alert tone="danger">{errorMessage(save.error)}</Alert> : null}
      <div className="flex justify-end gap-2 border-t border-border pt-4">
        <Button variant="secondary" onClick={onDone}>
          {t("cancel")}
        </Button>
        <Button type="submit" data-testid="view-submit" disabled={save.isPending || name.trim() === ""}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}

function ManageViews({ views }: { views: TSavedView[] }) {
  const t = useTranslations("findings.views");
  const errorMessage = useApiErrorMessage();
  const remove = useDeleteView();
  if (views.length === 0) return <p className="text-sm text-muted-foreground">{t("none")}</p>;
  return (
    <div className="flex flex-col gap-3">
      <ul className="flex flex-col divide-y divide-border rounded-md border border-border">
        {views.map((view) => (
          <li key={view.id} className="flex items-center gap-2 px-3 py-2 text-sm">
            <span className="min-w-0 flex-1">
              <span className="block truncate font-medium">{view.name}</span>
              <span className="block truncate font-mono text-xs text-muted-foreground">{view.query || t("defaultQuery")}</span>
            </span>
            {view.shared ? <span className="text-xs text-muted-foreground">{t("sharedBadge")}</span> : null}
            <Button
              size="sm"
              variant="ghost"
              data-testid="view-delete"
              aria-label={t("delete", { name: view.name })}
              title={t("delete", { name: view.name })}
              disabled={remove.isPending}
              onClick={() => remove.mutate(view.id)}
            >
              <Trash aria-hidden="true" className="size-4" />
            </Button>
          </li>
        ))}
      </ul>
      {remove.isError ? <Alert tone="danger">{errorMessage(remove.error)}</Alert> : null}
    </div>
  );
}
