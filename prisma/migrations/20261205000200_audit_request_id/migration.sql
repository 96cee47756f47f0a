-- The request id of the HTTP request that wrote the row (the request-id response header and
-- the request_id of its log lines), so an audit entry leads to the logs of its request.
-- Null for rows written outside a request (sweeps, scripts) and for rows written before.
ALTER TABLE "audit_logs" ADD COLUMN "request_id" VARCHAR(64);
