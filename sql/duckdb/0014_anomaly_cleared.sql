-- Issue 16: an anomaly a later detection run no longer found has cleared (the data was corrected). The anomaly store never
-- deletes a finding, so what "cleared" means is defined once, here, as rpt.anomalies.cleared_at: the first sweep
-- (dw.detection_sweep, written by every detection run for the kinds and months it examined) after the anomaly was last
-- detected whose kind and months cover it. Alerts resolve on it; Bất thường shows it. Same view on SQL Server
-- (sql/sqlserver/0014_anomaly_cleared.sql).
CREATE OR REPLACE VIEW rpt.anomalies AS
SELECT a.anomaly_id, a.detected_at, a.kind, a.subject_kind, a.subject_code, a.unit_code, a.facility_code, a.claim_id, a.period_label,
       a.period_start, a.period_end, a.measure, a.value, a.expected, a.score, a.severity, a.method, a.explanation, a.status, a.reviewed_by,
       a.reviewed_at, a.review_note, a.first_detected_at, a.last_detected_at,
       (SELECT MIN(s.swept_at) FROM dw.detection_sweep s
        WHERE s.kind = a.kind AND s.swept_at > a.last_detected_at
          AND (s.period_from IS NULL OR (a.period_start IS NOT NULL AND a.period_start >= s.period_from))
          AND (s.period_to IS NULL OR (a.period_end IS NOT NULL AND a.period_end <= s.period_to))) AS cleared_at
FROM dw.anomaly a;
