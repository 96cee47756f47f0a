-- Reset and invitation links are no longer stored readable in the outbox: the token is kept
-- sealed (AES-256-GCM, key derived from NEXTAUTH_SECRET) in its own column, and html/text
-- hold "[redacted]" in its place. Only the sender unseals it, at send time.
ALTER TABLE "email_outbox" ADD COLUMN "sealed_secret" TEXT;

-- Links already in the outbox: unsent ones still need them to be delivered and cannot be
-- sealed in SQL, so they stay, and every email that is no longer going out loses its token.
UPDATE "email_outbox"
SET "html" = regexp_replace("html", '(token=)[A-Za-z0-9_-]{43}', '\1[redacted]', 'g'),
    "text" = regexp_replace("text", '(token=)[A-Za-z0-9_-]{43}', '\1[redacted]', 'g')
WHERE "template" IN ('password_reset', 'invitation') AND "status" <> 'queued';

-- Retention of rate-limit buckets, idempotency keys and old mail (lib/db/retention.ts).
INSERT INTO "configuration_settings" ("key", "value", "description", "updated_at") VALUES
  ('retention.idempotency_hours', '48', 'Completed gateway idempotency keys are deleted this many hours after the request (at least 24): a retry with the same key after that runs again.', CURRENT_TIMESTAMP),
  ('retention.mail_days', '30', 'Sent, stored and failed emails are deleted from the mail outbox this many days after they were queued.', CURRENT_TIMESTAMP)
ON CONFLICT ("key") DO NOTHING;
