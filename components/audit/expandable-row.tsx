"use client";

import { useId, useState, type ReactNode } from "react";
import { ChevronDown, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";

/**
 * A table row whose last cell toggles a full-width row below it.
 * The cells and the details are rendered on the server and passed in.
 */
export function ExpandableRow({
  cells,
  details,
  columns,
  labels,
  testId,
  dataAction,
}: {
  cells: ReactNode;
  details: ReactNode | null;
  /** Total number of columns, the toggle's included. */
  columns: number;
  labels: { show: string; hide: string; region: string; none: string };
  testId?: string;
  dataAction?: string;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();

  return (
    <>
      <tr data-testid={testId} data-action={dataAction} className="border-t border-border align-top">
        {cells}
        <td className="px-4 py-3">
          {details ? (
            <Button
              size="sm"
              variant="ghost"
              aria-expanded={open}
              aria-controls={open ? id : undefined}
              aria-label={`${open ? labels.hide : labels.show} – ${labels.region}`}
              onClick={() => setOpen((value) => !value)}
              data-testid="audit-details-toggle"
              className="-my-1"
            >
              {open ? (
                <ChevronDown aria-hidden="true" className="size-4" />
              ) : (
                <ChevronRight aria-hidden="true" className="size-4" />
              )}
              {open ? labels.hide : labels.show}
            </Button>
          ) : (
            <span className="text-muted-foreground">{labels.none}</span>
          )}
        </td>
      </tr>
      {open && details ? (
        <tr id={id} className="bg-muted/40">
          <td colSpan={columns} className="px-4 pb-4">
            <div role="region" aria-label={labels.region}>
              {details}
            </div>
          </td>
        </tr>
      ) : null}
    </>
  );
}
