-- Two-factor sign-in with TOTP: the secret sealed at rest (AES-256-GCM, key derived from
-- NEXTAUTH_SECRET), when it was enabled, and the last accepted time step (a code is refused
-- for that step or an earlier one, so an observed code cannot be replayed).
ALTER TABLE "users" ADD COLUMN "totp_secret_sealed" TEXT,
ADD COLUMN "totp_enabled_at" TIMESTAMPTZ(3),
ADD COLUMN "totp_last_step" INTEGER;

-- Recovery codes: only their SHA-256 is kept, each works once.
CREATE TABLE "recovery_codes" (
    "id" BIGSERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "code_hash" CHAR(64) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recovery_codes_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "recovery_codes_user_id_code_hash_key" ON "recovery_codes"("user_id", "code_hash");

ALTER TABLE "recovery_codes" ADD CONSTRAINT "recovery_codes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- security.require_2fa_roles gets no row here: a database without one runs on the default
-- (admin and support, lib/settings/definitions.ts), which production gets, while a fresh demo
-- database gets the demo seed's [] (its createMany skips keys a migration already wrote).
