"use client";

import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Input, Label } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { createFeed, eolKeys, fetchFeeds, revokeFeed } from "./eol-api";

/**
 * Secret iCal feed URLs a team calendar subscribes to: create one (its URL is shown once), list them
 * (creation info only), revoke. Test hooks: eol-feeds-dialog, eol-feed-name, eol-feed-create, eol-feed-url,
 * eol-feed (data-id), eol-feed-revoke, eol-feeds-error.
 */
export function EolFeedsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslations("checklistsEol.feeds");
  const format = useFormatter();
  const errorMessage = useApiErrorMessage();
  const client = useQueryClient();
  const [name, setName] = useState("");
  const [created, setCreated] = useState<{ name: string; url: string } | null>(null);
  const feeds = useQuery({ queryKey: eolKeys.feeds(), queryFn: ({ signal }) => fetchFeeds(signal), enabled: open });
  const create = useMutation({
    mutationFn: () => createFeed(name),
    onSuccess: (feed) => {
      setCreated({ name: feed.name, url: feed.url });
      setName("");
      void client.invalidateQueries({ queryKey: eolKeys.feeds() });
    },
  });
  const revoke = useMutation({ mutationFn: revokeFeed, onSuccess: () => client.invalidateQueries({ queryKey: eolKeys.feeds() }) });
  const close = () => {
    setCreated(null);
    create.reset();
    revoke.reset();
    onClose();
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }

  return (
    <Modal open={open} onClose={close} title={t("title")} description={t("description")} testId="eol-feeds-dialog" size="lg">
      <div className="flex flex-col gap-4">
        <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
          <div className="flex min-w-60 flex-1 flex-col gap-1">
            <Label htmlFor="eol-feed-name">{t("name")}</Label>
            <Input id="eol-feed-name" className="w-full" value={name} onChange={(e) => setName(e.target.value)} placeholder={t("namePlaceholder")} maxLength={100} data-testid="eol-feed-name" />
          </div>
          <Button type="submit" disabled={create.isPending || !name.trim()} data-testid="eol-feed-create">{create.isPending ? t("creating") : t("create")}</Button>
        </form>
        {created ? (
          <Alert tone="success">
            <p>{t("created", { name: created.name })}</p>
            <div className="mt-1 flex items-center gap-1">
              <code className="min-w-0 flex-1 truncate rounded bg-card px-2 py-1 font-mono text-xs text-foreground" data-testid="eol-feed-url">{created.url}</code>
              <CopyButton value={created.url} label={t("url")} />
            </div>
          </Alert>
        ) : null}
        {create.isError || revoke.isError || feeds.isError ? <Alert tone="danger" data-testid="eol-feeds-error">{errorMessage(create.error ?? revoke.error ?? feeds.error)}</Alert> : null}
        <section aria-labelledby="eol-feeds-list">
          <h3 id="eol-feeds-list" className="mb-2 text-sm font-semibold">{t("list")}</h3>
          {feeds.isPending ? <p role="status" className="text-sm text-muted-foreground">{t("loading")}</p> : feeds.data?.items.length ? (
            <ul className="flex flex-col divide-y divide-border rounded-md border border-border">
              {feeds.data.items.map((f) => (
                <li key={f.id} data-testid="eol-feed" data-id={f.id} className="flex items-center gap-3 px-3 py-2 text-sm">
                  <div className="min-w-0 flex-1">
                    <div className="font-medium">{f.name}</div>
                    <div className="text-xs text-muted-foreground">
                      {t("createdBy", { time: format.dateTime(new Date(f.createdAt), { dateStyle: "medium", timeStyle: "short" }), who: f.createdByEmail ?? "—" })}
                      {" · "}
                      {f.lastUsedAt ? t("lastUsed", { time: format.dateTime(new Date(f.lastUsedAt), { dateStyle: "medium", timeStyle: "short" }) }) : t("neverUsed")}
                    </div>
                  </div>
                  <Button variant="secondary" size="sm" disabled={revoke.isPending} onClick={() => { if (window.confirm(t("revokeConfirm", { name: f.name }))) revoke.mutate(f.id); }} data-testid="eol-feed-revoke">
                    {t("revoke")}
                  </Button>
                </li>
              ))}
            </ul>
          ) : <p className="text-sm text-muted-foreground">{t("none")}</p>}
        </section>
      </div>
    </Modal>
  );
}
