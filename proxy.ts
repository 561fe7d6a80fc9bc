import { NextResponse, type NextRequest } from "next/server";
import { securityHeaders } from "@/server/http/security-headers";

// Runs before every request: a fresh CSP nonce for the page (read by app/layout.tsx from
// x-nonce), the security headers on the response, and the path for the login redirect.
// Sessions are checked by the pages and routes themselves (requirePageUser, withAuth), not here; the one
// public path besides login and health is the EOL iCal feed, /api/eol/ical/<token>, where the secret token
// is the key (a calendar app subscribing to it has no session). A session guard added here must let it through.
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const headers = securityHeaders({ nonce, dev: process.env.NODE_ENV === "development", https });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("x-kanshi-path", request.nextUrl.pathname + request.nextUrl.search);
  // Next reads the policy from the request to put the nonce on its own scripts.
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = { matcher: "/:path*" };
