import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { errorResponse, toErrorResponse } from "@/server/http/to-response";
import { hasRole, type TRole, type TSessionUser } from "./roles.types";
import { getSessionState } from "./session";

// The one place where pages and API routes check the session and the role.

/** For pages and layouts: the signed-in user, or a redirect to /login; a 403 page when the role is too low. */
export async function requirePageUser(role: TRole = "VIEWER"): Promise<TSessionUser> {
  const state = await getSessionState();
  if (state.status !== "active") {
    const path = (await headers()).get("x-kanshi-path") ?? "/overview";
    const query = new URLSearchParams({ callbackUrl: path });
    if (state.status === "ended") query.set("error", "SessionExpired");
    redirect(`/login?${query}`);
  }
  if (!hasRole(state.user.role, role)) forbidden();
  return state.user;
}

type RouteContext<P> = { params: Promise<P> };
type AuthedHandler<P> = (request: Request, context: { user: TSessionUser; params: P }) => Promise<Response>;

/**
 * Wraps a route handler: 401 JSON without a valid session, 403 JSON below `role`,
 * and every thrown error mapped to a JSON response in one place.
 */
export function withAuth<P = Record<string, never>>(handler: AuthedHandler<P>, options: { role: TRole }) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const state = await getSessionState();
      if (state.status !== "active") {
        const message = state.status === "ended" ? "Your session has ended; sign in again." : "Sign in to use this API.";
        return errorResponse(401, "UNAUTHENTICATED", message);
      }
      if (!hasRole(state.user.role, options.role)) {
        return errorResponse(403, "FORBIDDEN", `This needs the ${options.role} role; you are ${state.user.role}.`);
      }
      return await handler(request, { user: state.user, params: await context.params });
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

/** For routes that need no session (health, locale): same error mapping. */
export function withErrors<P = Record<string, never>>(handler: (request: Request, context: { params: P }) => Promise<Response>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      return await handler(request, { params: await context.params });
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

