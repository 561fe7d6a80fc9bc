"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import type { TActionItemView } from "@/server/review/review.types";
import { ItemLink } from "./action-item-fields";
import { fetchMyActionItems, patchActionItem, reviewKeys } from "./reviews-api";

/** The signed-in user's queue: their open action items across reviews; ticking one marks it done. */
export function MyActionItems({ initial, renderedAt }: { initial: TActionItemView[]; renderedAt: string }) {
  const t = useTranslations("review");
  const format = useFormatter();
  const client = useQueryClient();
  const errorMessage = useApiErrorMessage();
  const query = useQuery({ queryKey: reviewKeys.mine(), queryFn: ({ signal }) => fetchMyActionItems(signal), initialData: { items: initial }, initialDataUpdatedAt: Date.parse(renderedAt) });
  const done = useMutation({
    mutationFn: (id: string) => patchActionItem(id, { status: "done" }),
    onSuccess: () => client.invalidateQueries({ queryKey: reviewKeys.all }),
  });
  const items = query.data?.items ?? [];
  return (
    <Card data-testid="my-action-items">
      <CardHeader><CardTitle>{t("myItems")}</CardTitle></CardHeader>
      <CardContent className="space-y-3">
        {query.isError ? (
          <Alert tone="danger">{t("myItemsError")} <Button variant="link" onClick={() => query.refetch()}>{t("retry")}</Button></Alert>
        ) : items.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("myItemsEmpty")}</p>
        ) : (
          <ul className="space-y-2">
            {items.map((item) => (
              <li key={item.id} className="flex items-start gap-3" data-testid="my-action-item" data-id={item.id}>
                <input type="checkbox" className="mt-1 size-4" aria-label={t("markDone", { title: item.title })} disabled={done.isPending} onChange={() => done.mutate(item.id)} />
                <div className="min-w-0 text-sm">
                  <div className="font-medium">{item.title}</div>
                  <div className="text-muted-foreground">
                    {item.dueDate ? `${t("itemDue")} ${item.dueDate}` : null}
                    {item.overdue ? <span className="ml-2 font-medium text-danger">{t("overdue")}</span> : null}
                    {item.link ? <> · <ItemLink link={item.link} /></> : null}
                    {item.reviewPeriodEnd ? (
                      <> · <Link href={`/review/${item.reviewId}`} className="text-link hover:underline">{t("fromReview", { date: format.dateTime(new Date(item.reviewPeriodEnd), { dateStyle: "medium" }) })}</Link></>
                    ) : null}
                  </div>
                </div>
              </li>
            ))}
          </ul>
        )}
        {done.isError ? <Alert tone="danger">{errorMessage(done.error)}</Alert> : null}
      </CardContent>
    </Card>
  );
}
