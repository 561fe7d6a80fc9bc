// One typed fetch helper for every call from the browser to app/api.
// Errors from the API arrive as `{ error: { code, message } }`; they become an
// ApiError so callers can branch on `status` / `code` and show `message`.

export type ApiMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface ApiRequestOptions {
  method?: ApiMethod;
  /** Sent as JSON. Leave undefined for requests without a body. */
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/** `status` 0 means the request never got an HTTP answer (offline, aborted, DNS …). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
  }
}

export const NETWORK_ERROR = "NETWORK_ERROR";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function readErrorBody(body: unknown): { code?: string; message?: string } {
  if (!isRecord(body) || !isRecord(body.error)) return {};
  const { code, message } = body.error;
  return {
    code: typeof code === "string" ? code : undefined,
    message: typeof message === "string" ? message : undefined,
  };
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204 || response.status === 205) return undefined;
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("json")) {
    const text = await response.text();
    return text === "" ? undefined : text;
  }
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/**
 * Calls an app/api route and returns its parsed JSON body.
 * The type parameter is a promise about the server's answer, not a runtime check:
 * parse with zod at the call site when the shape matters.
 */
export async function apiFetch<T = unknown>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  const { method = "GET", body, signal, headers } = options;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      signal,
      credentials: "same-origin",
      headers: {
        accept: "application/json",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, NETWORK_ERROR, cause instanceof Error ? cause.message : String(cause));
  }

  const data = await readBody(response);
  if (!response.ok) {
    const { code, message } = readErrorBody(data);
    throw new ApiError(response.status, code ?? `HTTP_${response.status}`, message ?? response.statusText);
  }
  return data as T;
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}
