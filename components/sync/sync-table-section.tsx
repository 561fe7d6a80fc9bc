import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { CountHeaders, th } from "./sync-run-cells";

/**
 * The frame of a table of sync runs: heading and description, the empty state, and a table whose
 * header row has the given leading columns followed by the run counts. Rows come as `children`
 * (one tbody per run, so an error row stays with its run).
 */
export function SyncTableSection(props: {
  id: string;
  title: string;
  description: string;
  empty: { title: string; body: string } | null;
  testId: string;
  minWidth: string;
  columns: string[];
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={props.id} className="flex flex-col gap-3">
      <div>
        <h2 id={props.id} className="text-lg font-semibold">
          {props.title}
        </h2>
        <p className="text-sm text-muted-foreground">{props.description}</p>
      </div>
      {props.empty ? (
        <EmptyState headingLevel="h3" title={props.empty.title} description={props.empty.body} />
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-border bg-card">
          <table className={`w-full ${props.minWidth} border-collapse text-sm`} data-testid={props.testId}>
            <caption className="sr-only">{props.title}</caption>
            <thead className="bg-muted/60">
              <tr>
                {props.columns.map((column) => (
                  <th key={column} scope="col" className={th}>
                    {column}
                  </th>
                ))}
                <CountHeaders />
              </tr>
            </thead>
            {props.children}
          </table>
        </div>
      )}
    </section>
  );
}
