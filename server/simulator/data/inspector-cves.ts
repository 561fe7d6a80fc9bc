import "server-only";

export type TCve = { id: string; pkg: string; version: string; fixed: string; manager: string; score: number; vector: string; label: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" };

const V_NET = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
const V_LOCAL = "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H";
const V_DOS = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H";
const V_LOW = "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N";

// Well-known CVEs in packages Inspector scans (OS packages, Java, Python, npm, Go).
export const CVES: TCve[] = [
  { id: "CVE-2021-44228", pkg: "org.apache.logging.log4j:log4j-core", version: "2.14.1", fixed: "2.17.1", manager: "JAR", score: 10, vector: V_NET, label: "CRITICAL" },
  { id: "CVE-2022-22965", pkg: "org.springframework:spring-beans", version: "5.3.17", fixed: "5.3.18", manager: "JAR", score: 9.8, vector: V_NET, label: "CRITICAL" },
  { id: "CVE-2024-3094", pkg: "xz-libs", version: "5.6.0", fixed: "5.6.2", manager: "OS", score: 10, vector: V_NET, label: "CRITICAL" },
  { id: "CVE-2023-38545", pkg: "curl", version: "8.3.0", fixed: "8.4.0", manager: "OS", score: 9.8, vector: V_NET, label: "CRITICAL" },
  { id: "CVE-2022-42889", pkg: "org.apache.commons:commons-text", version: "1.9", fixed: "1.10.0", manager: "JAR", score: 9.8, vector: V_NET, label: "CRITICAL" },
  { id: "CVE-2023-44487", pkg: "nghttp2-libs", version: "1.51.0", fixed: "1.57.0", manager: "OS", score: 7.5, vector: V_DOS, label: "HIGH" },
  { id: "CVE-2023-4863", pkg: "libwebp", version: "1.2.4", fixed: "1.3.2", manager: "OS", score: 8.8, vector: V_NET, label: "HIGH" },
  { id: "CVE-2022-3602", pkg: "openssl-libs", version: "3.0.5", fixed: "3.0.7", manager: "OS", score: 7.5, vector: V_DOS, label: "HIGH" },
  { id: "CVE-2021-3156", pkg: "sudo", version: "1.8.31", fixed: "1.9.5p2", manager: "OS", score: 7.8, vector: V_LOCAL, label: "HIGH" },
  { id: "CVE-2024-6387", pkg: "openssh-server", version: "9.6p1", fixed: "9.8p1", manager: "OS", score: 8.1, vector: V_NET, label: "HIGH" },
  { id: "CVE-2024-21626", pkg: "runc", version: "1.1.11", fixed: "1.1.12", manager: "OS", score: 8.6, vector: V_LOCAL, label: "HIGH" },
  { id: "CVE-2023-4911", pkg: "glibc", version: "2.34", fixed: "2.34-60", manager: "OS", score: 7.8, vector: V_LOCAL, label: "HIGH" },
  { id: "CVE-2024-2961", pkg: "glibc", version: "2.34", fixed: "2.34-100", manager: "OS", score: 8.8, vector: V_NET, label: "HIGH" },
  { id: "CVE-2021-23337", pkg: "lodash", version: "4.17.20", fixed: "4.17.21", manager: "NODE", score: 7.2, vector: V_NET, label: "HIGH" },
  { id: "CVE-2022-24999", pkg: "qs", version: "6.10.2", fixed: "6.10.3", manager: "NODE", score: 7.5, vector: V_DOS, label: "HIGH" },
  { id: "CVE-2024-45590", pkg: "body-parser", version: "1.20.2", fixed: "1.20.3", manager: "NODE", score: 7.5, vector: V_DOS, label: "HIGH" },
  { id: "CVE-2023-45288", pkg: "golang.org/x/net", version: "0.17.0", fixed: "0.23.0", manager: "GOMOD", score: 7.5, vector: V_DOS, label: "HIGH" },
  { id: "CVE-2023-2650", pkg: "openssl-libs", version: "3.0.8", fixed: "3.0.9", manager: "OS", score: 6.5, vector: V_DOS, label: "MEDIUM" },
  { id: "CVE-2022-40897", pkg: "setuptools", version: "65.5.0", fixed: "65.5.1", manager: "PYTHONPKG", score: 5.9, vector: V_DOS, label: "MEDIUM" },
  { id: "CVE-2023-32681", pkg: "requests", version: "2.30.0", fixed: "2.31.0", manager: "PYTHONPKG", score: 6.1, vector: V_LOW, label: "MEDIUM" },
  { id: "CVE-2024-35195", pkg: "requests", version: "2.31.0", fixed: "2.32.0", manager: "PYTHONPKG", score: 5.6, vector: V_LOW, label: "MEDIUM" },
  { id: "CVE-2022-25883", pkg: "semver", version: "7.5.1", fixed: "7.5.2", manager: "NODE", score: 5.3, vector: V_DOS, label: "MEDIUM" },
  { id: "CVE-2024-4067", pkg: "micromatch", version: "4.0.5", fixed: "4.0.8", manager: "NODE", score: 5.3, vector: V_DOS, label: "MEDIUM" },
  { id: "CVE-2023-26136", pkg: "tough-cookie", version: "4.1.2", fixed: "4.1.3", manager: "NODE", score: 6.5, vector: V_LOW, label: "MEDIUM" },
  { id: "CVE-2023-5363", pkg: "openssl-libs", version: "3.0.11", fixed: "3.0.12", manager: "OS", score: 5.3, vector: V_LOW, label: "MEDIUM" },
  { id: "CVE-2023-7008", pkg: "systemd", version: "252", fixed: "255", manager: "OS", score: 3.7, vector: V_LOW, label: "LOW" },
  { id: "CVE-2022-4899", pkg: "libzstd", version: "1.5.2", fixed: "1.5.4", manager: "OS", score: 3.3, vector: V_LOW, label: "LOW" },
  { id: "CVE-2023-29383", pkg: "shadow-utils", version: "4.9", fixed: "4.13", manager: "OS", score: 3.3, vector: V_LOW, label: "LOW" },
];
