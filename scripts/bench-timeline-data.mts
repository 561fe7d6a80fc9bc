// Synthetic CloudTrail events for the timeline benchmark, written by set-based SQL: each month is filled
// in a table of its own without indexes, then ATTACHed as a partition (PostgreSQL builds the partition's
// indexes once, in bulk, far faster than maintaining them row by row).
import type pg from "pg";

export const BENCH_ACCOUNTS = 60;
export const BENCH_PRINCIPALS = 3000;
export const BENCH_IPS = 20000;
export const BENCH_EVENT_NAMES = [
  "DescribeInstances", "AssumeRole", "Decrypt", "GetObject", "PutObject", "ListBuckets", "GetCallerIdentity", "DescribeSecurityGroups",
  "GenerateDataKey", "CreateLogStream", "PutEvaluations", "GetBucketAcl", "ListUsers", "GetRole", "RunInstances", "TerminateInstances",
  "CreateTags", "ConsoleLogin", "UpdateFunctionCode20150331v2", "DescribeDBInstances", "ListFunctions20150331", "GetFindings",
  "AuthorizeSecurityGroupIngress", "PutBucketPolicy", "CreateAccessKey", "StopLogging", "ScheduleKeyDeletion", "LeaveOrganization",
];

/** Principal n: its ARN (IAM user or assumed-role session), user name and access key. */
export function principal(n: number) {
  return { arn: `arn:aws:iam::1000000000${String(n % BENCH_ACCOUNTS).padStart(2, "0")}:user/user-${n}`, userName: `user-${n}`, accessKeyId: `AKIABENCH${String(n).padStart(11, "0")}` };
}
export function sourceIp(n: number): string {
  return n % 10 === 0 ? `2001:db8:${(n % 65536).toString(16)}::${(n % 4096).toString(16)}` : `${11 + (n % 200)}.${(n >> 3) % 256}.${(n >> 7) % 256}.${1 + (n % 250)}`;
}

/** Fills `rows` events evenly over the `days` before `end`, month by month, two months at a time. */
export async function fillEvents(pool: pg.Pool, options: { rows: number; days: number; end: Date; log: (m: string) => void }): Promise<void> {
  const endMs = options.end.getTime();
  const startMs = endMs - options.days * 86_400_000;
  const perMs = options.rows / (endMs - startMs);
  const months: { table: string; from: Date; to: Date }[] = [];
  for (let d = new Date(Date.UTC(new Date(startMs).getUTCFullYear(), new Date(startMs).getUTCMonth(), 1)); d.getTime() < endMs; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) {
    const to = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
    months.push({ table: `cloudtrail_events_p${d.getUTCFullYear()}_${String(d.getUTCMonth() + 1).padStart(2, "0")}`, from: d, to });
  }
  const names = `ARRAY[${BENCH_EVENT_NAMES.map((n) => `'${n}'`).join(",")}]`;
  let first = 0;
  const jobs = months.map((m) => {
    const lo = Math.max(startMs, m.from.getTime());
    const hi = Math.min(endMs, m.to.getTime());
    const count = Math.round((hi - lo) * perMs);
    const offset = first;
    first += count;
    return { ...m, lo, hi, count, offset };
  });
  let next = 0;
  await Promise.all([0, 1].map(async () => {
    while (next < jobs.length) {
      const j = jobs[next++]!;
      const started = Date.now();
      await pool.query(`DROP TABLE IF EXISTS ${j.table}`);
      await pool.query(`CREATE TABLE ${j.table} (LIKE cloudtrail_events INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
      // skewed choices: principal, IP and event name follow a power law (a few busy, a long tail)
      await pool.query(`
        INSERT INTO ${j.table} (event_id, event_time, event_name, event_source, account_id, region, principal_arn, principal_type, user_name, access_key_id,
          source_address, source_ip, user_agent, read_only, error_code, error_message, resources, raw, origin)
        SELECT md5(g::text)::uuid, ts, name, 'bench.amazonaws.com', acct, region,
          'arn:aws:iam::1000000000' || lpad((p % ${BENCH_ACCOUNTS})::text, 2, '0') || ':user/user-' || p, 'IAMUser', 'user-' || p, 'AKIABENCH' || lpad(p::text, 11, '0'),
          ip, ip::inet, 'aws-cli/2.15.30 Python/3.11.8', name LIKE 'Describe%' OR name LIKE 'Get%' OR name LIKE 'List%',
          CASE WHEN g % 50 = 0 THEN 'AccessDenied' END, CASE WHEN g % 50 = 0 THEN 'User is not authorized' END,
          ARRAY['arn:aws:s3:::bucket-' || (g % 5000), 'bucket-' || (g % 5000)],
          jsonb_build_object('eventVersion', '1.09', 'eventID', md5(g::text)::uuid, 'eventTime', ts, 'eventName', name, 'awsRegion', region,
            'recipientAccountId', acct, 'sourceIPAddress', ip, 'userIdentity', jsonb_build_object('type', 'IAMUser', 'userName', 'user-' || p),
            'requestParameters', jsonb_build_object('bucketName', 'bucket-' || (g % 5000))), 'file'
        FROM (
          SELECT g, to_timestamp(($2::bigint + (g - $1::bigint) * ($3::float8 / $4::bigint)) / 1000.0) AT TIME ZONE 'UTC' AS ts,
            (${names})[1 + floor(power(random(), 2.5) * ${BENCH_EVENT_NAMES.length})::int] AS name,
            '1000000000' || lpad((g % ${BENCH_ACCOUNTS})::text, 2, '0') AS acct,
            (ARRAY['us-east-1','ap-northeast-1','eu-west-1','us-west-2'])[1 + (g % 4)::int] AS region,
            floor(power(random(), 3) * ${BENCH_PRINCIPALS})::int AS p,
            CASE WHEN g % 10 = 0 THEN '2001:db8:' || to_hex((g / 10) % 65536) || '::1'
                 ELSE (11 + ((h % ${BENCH_IPS}) % 200)) || '.' || (((h % ${BENCH_IPS}) >> 3) % 256) || '.' || (((h % ${BENCH_IPS}) >> 7) % 256) || '.' || (1 + ((h % ${BENCH_IPS}) % 250)) END AS ip
          FROM (SELECT g, floor(power(random(), 3) * ${BENCH_IPS})::int AS h FROM generate_series($1::bigint, $1::bigint + $4::bigint - 1) g) s
        ) x`,
        [j.offset, j.lo, j.hi - j.lo, Math.max(1, j.count)],
      );
      await pool.query(`ALTER TABLE cloudtrail_events ATTACH PARTITION ${j.table} FOR VALUES FROM ('${j.from.toISOString().slice(0, 10)}') TO ('${j.to.toISOString().slice(0, 10)}')`);
      options.log(`${j.table}: ${j.count.toLocaleString("en-US")} events in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
  }));
  await pool.query(`INSERT INTO cloudtrail_event_hours (hour, events) SELECT date_trunc('hour', event_time), count(*) FROM cloudtrail_events GROUP BY 1
    ON CONFLICT (hour) DO UPDATE SET events = EXCLUDED.events`);
  await pool.query("VACUUM ANALYZE cloudtrail_events");
}
