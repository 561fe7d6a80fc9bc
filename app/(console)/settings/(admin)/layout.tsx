import type { ReactNode } from "react";
import { requirePageUser } from "@/server/auth/guard";

// The admin pages check the role here, above their loading.tsx: forbidden() must be thrown
// before the response starts streaming, or the 403 status would be lost.
export default async function AdminSettingsLayout({ children }: { children: ReactNode }) {
  await requirePageUser("ADMIN");
  return children;
}
