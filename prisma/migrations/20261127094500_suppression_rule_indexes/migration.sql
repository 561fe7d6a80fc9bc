-- CreateIndex
CREATE INDEX "findings_suppressionRuleId_idx" ON "findings"("suppressionRuleId");

-- Suppression rules on a GuardDuty finding type: Security Hub copies carry the type in ProductFields
-- (their GeneratorId is the detector), native findings as Type. Same expression as GUARDDUTY_TYPE_SQL
-- in server/findings/suppression-criteria.ts. text_pattern_ops serves equality and prefix LIKE.
CREATE INDEX "findings_guardduty_type_idx" ON "findings" ((COALESCE("raw"->'ProductFields'->>'aws/guardduty/type', "raw"->>'Type')) text_pattern_ops)
  WHERE "source" = 'GUARDDUTY';
