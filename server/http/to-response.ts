import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError } from "./app-error";

/** The JSON error body every API route returns: `{ error: { code, message } }`. */
export function errorResponse(status: number, code: string, message: string, headers?: HeadersInit): NextResponse {
  return NextResponse.json({ error: { code, message } }, { status, headers });
}

/** Maps anything a handler throws to a response: AppError and zod errors to 4xx, the rest to a logged 500. */
export function toErrorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) return errorResponse(error.status, error.code, error.message);
  if (error instanceof z.ZodError) {
    const message = error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
    return errorResponse(400, "BAD_REQUEST", message);
  }
  console.error("[api] unexpected error", error);
  return errorResponse(500, "INTERNAL", "Something went wrong on the server; the error was logged.");
}

/** Reads a JSON body and validates it; a missing or malformed body is a 400 that says so. */
export async function parseJsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError("BAD_REQUEST", "The request body must be valid JSON.");
  }
  return schema.parse(body);
}
