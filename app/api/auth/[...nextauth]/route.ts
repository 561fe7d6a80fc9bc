// GET/POST /api/auth/* – next-auth; credential sign-ins are throttled before they reach it
import NextAuth from "next-auth";
import { getAuthOptions } from "@/server/auth/auth-options";
import { refuseIfThrottled } from "@/server/auth/refuse-if-throttled";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, context: Context): Promise<Response> {
  return NextAuth(getAuthOptions())(request, context);
}

export async function POST(request: Request, context: Context): Promise<Response> {
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "callback/credentials") {
    const refusal = await refuseIfThrottled(request);
    if (refusal) return refusal;
  }
  return handler(request, context);
}

export { handler as GET };
