-- The standards a control finding counts for (issue 7, consolidated control findings): keys of STANDARDS
-- (server/findings/findings.types.ts), in that order. A consolidated finding (GeneratorId
-- "security-control/<ControlId>") lists every standard in Compliance.AssociatedStandards, a per-standard finding
-- names its standard in the generator id prefix or ProductFields.StandardsArn. Unknown standards are left out.

ALTER TABLE "findings" ADD COLUMN "standards" TEXT[] NOT NULL DEFAULT '{}';

-- Backfill from the stored raw finding, the same rules as server/findings/normalize.ts (findingStandards).
WITH known(ord, key, path) AS (VALUES
    (1, 'fsbp', 'aws-foundational-security-best-practices/v/1.0.0'),
    (2, 'cis', 'cis-aws-foundations-benchmark/v/1.4.0')),
computed AS (
  SELECT f.id, ARRAY(
      SELECT k.key FROM known k
      WHERE starts_with(f."generatorId", k.path || '/')
         OR regexp_replace(f.raw -> 'ProductFields' ->> 'StandardsArn', '^arn:[^:]+:securityhub:[^:]*:[^:]*:', '') = 'standards/' || k.path
         OR EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(f.raw -> 'Compliance' -> 'AssociatedStandards') = 'array'
                      THEN f.raw -> 'Compliance' -> 'AssociatedStandards' ELSE '[]'::jsonb END) a
                    WHERE regexp_replace(a ->> 'StandardsId', '^arn:[^:]+:securityhub:[^:]*:[^:]*:', '') = 'standards/' || k.path)
      ORDER BY k.ord) AS keys
  FROM "findings" f
  WHERE f.source = 'SECURITY_HUB' AND (f."controlId" IS NOT NULL OR f.raw ? 'Compliance' OR f.raw -> 'ProductFields' ? 'StandardsArn')
)
UPDATE "findings" f SET "standards" = c.keys FROM computed c WHERE c.id = f.id AND cardinality(c.keys) > 0;

-- The score grouping reads (account, control, standards) and the status columns from this index alone. It
-- replaces the generator-id index of 20261127131000_compliance_scores.
DROP INDEX IF EXISTS "findings_compliance_controls_idx";
CREATE INDEX "findings_compliance_controls_idx" ON "findings"("awsAccountId", "controlId", "standards") INCLUDE ("complianceStatus", "recordState", "workflowStatus", "severity") WHERE "controlId" IS NOT NULL AND "standards" <> '{}';
