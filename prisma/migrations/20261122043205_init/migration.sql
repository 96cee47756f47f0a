-- CreateEnum
CREATE TYPE "currency_kind" AS ENUM ('fiat', 'crypto');

-- CreateEnum
CREATE TYPE "withdrawal_status" AS ENUM ('pending', 'approved', 'rejected', 'paid');

-- CreateEnum
CREATE TYPE "requisite_status" AS ENUM ('active', 'inactive', 'blocked');

-- CreateEnum
CREATE TYPE "order_type" AS ENUM ('payin', 'payout');

-- CreateEnum
CREATE TYPE "order_status" AS ENUM ('created', 'awaiting_payment', 'assigned', 'paid', 'disputed', 'completed', 'cancelled', 'expired', 'failed');

-- CreateEnum
CREATE TYPE "callback_status" AS ENUM ('pending', 'delivering', 'succeeded', 'failed');

-- CreateEnum
CREATE TYPE "dispute_status" AS ENUM ('open', 'resolved_completed', 'resolved_cancelled');

-- CreateEnum
CREATE TYPE "email_status" AS ENUM ('queued', 'sent', 'stored', 'failed');

-- CreateTable
CREATE TABLE "roles" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(32) NOT NULL,
    "description" TEXT,

    CONSTRAINT "roles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "password_hash" TEXT NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "role_id" INTEGER NOT NULL,
    "name" VARCHAR(120),
    "locale" VARCHAR(8) NOT NULL DEFAULT 'en',
    "last_login_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "admins" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "username" VARCHAR(64) NOT NULL,
    "granted_permissions" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "admins_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "supports" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "username" VARCHAR(64) NOT NULL,
    "role_description" TEXT,
    "granted_permissions" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "supports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "teamleads" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "username" VARCHAR(64) NOT NULL,
    "granted_permissions" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "teamleads_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "currencies" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(10) NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "kind" "currency_kind" NOT NULL,
    "exponent" SMALLINT NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "is_paused" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "currencies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "exchange_rates" (
    "id" BIGSERIAL NOT NULL,
    "base_currency_id" INTEGER NOT NULL,
    "quote_currency_id" INTEGER NOT NULL,
    "rate" DECIMAL(24,10) NOT NULL,
    "source" VARCHAR(32) NOT NULL DEFAULT 'manual',
    "created_by" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "exchange_rates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_methods" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(32) NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "payment_methods_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "banks" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(32) NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "country" VARCHAR(2) NOT NULL DEFAULT 'RU',
    "is_active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "banks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "merchant_store" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "api_key" VARCHAR(64),
    "callback_url" VARCHAR(2048),
    "webhook_secret" VARCHAR(128) NOT NULL,
    "webhook_secret_previous" VARCHAR(128),
    "webhook_secret_rotated_at" TIMESTAMPTZ(3),
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "limits" JSONB NOT NULL DEFAULT '{}',
    "payin_commission" DECIMAL(9,6) NOT NULL DEFAULT 0.03,
    "payout_commission" DECIMAL(9,6) NOT NULL DEFAULT 0.02,
    "allow_amount_adjustment" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "merchant_store_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "merchant_api_keys" (
    "id" SERIAL NOT NULL,
    "store_id" INTEGER NOT NULL,
    "name" VARCHAR(80) NOT NULL,
    "key_prefix" VARCHAR(24) NOT NULL,
    "key_hash" CHAR(64) NOT NULL,
    "created_by" INTEGER,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "merchant_api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "balance_store" (
    "id" SERIAL NOT NULL,
    "store_id" INTEGER NOT NULL,
    "currency_id" INTEGER NOT NULL,
    "amount" BIGINT NOT NULL DEFAULT 0,
    "held" BIGINT NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "balance_store_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "withdrawal_requests" (
    "id" SERIAL NOT NULL,
    "store_id" INTEGER NOT NULL,
    "currency_id" INTEGER NOT NULL,
    "amount" BIGINT NOT NULL,
    "address" VARCHAR(128) NOT NULL,
    "status" "withdrawal_status" NOT NULL DEFAULT 'pending',
    "note" VARCHAR(1000),
    "decided_by" INTEGER,
    "decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "withdrawal_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "trader" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "traffic_priority" INTEGER NOT NULL DEFAULT 0,
    "team_lead_id" INTEGER,
    "is_traffic_enabled_by_teamlead" BOOLEAN NOT NULL DEFAULT true,
    "payin_reward" DECIMAL(9,6) NOT NULL DEFAULT 0.02,
    "payout_reward" DECIMAL(9,6) NOT NULL DEFAULT 0.015,
    "last_seen_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "trader_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "trader_api_tokens" (
    "id" SERIAL NOT NULL,
    "trader_id" INTEGER NOT NULL,
    "name" VARCHAR(80) NOT NULL,
    "token_prefix" VARCHAR(24) NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "trader_api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "req_trader" (
    "id" SERIAL NOT NULL,
    "trader_id" INTEGER NOT NULL,
    "type" VARCHAR(32) NOT NULL,
    "payment_method_id" INTEGER,
    "bank_id" INTEGER,
    "details" JSONB NOT NULL,
    "status" "requisite_status" NOT NULL DEFAULT 'active',
    "last_used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "req_trader_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "full_requisites_settings" (
    "req_id" INTEGER NOT NULL,
    "currency_id" INTEGER NOT NULL,
    "min_amount" BIGINT NOT NULL,
    "max_amount" BIGINT NOT NULL,
    "daily_limit" BIGINT NOT NULL,
    "monthly_limit" BIGINT,
    "daily_count_limit" INTEGER,

    CONSTRAINT "full_requisites_settings_pkey" PRIMARY KEY ("req_id")
);

-- CreateTable
CREATE TABLE "incoming_orders" (
    "id" VARCHAR(32) NOT NULL,
    "type" "order_type" NOT NULL,
    "store_id" INTEGER NOT NULL,
    "amount" BIGINT NOT NULL,
    "original_amount" BIGINT NOT NULL,
    "currency_id" INTEGER NOT NULL,
    "customer_id" VARCHAR(128) NOT NULL,
    "merchant_order_id" VARCHAR(128) NOT NULL,
    "payment_method_id" INTEGER,
    "status" "order_status" NOT NULL DEFAULT 'created',
    "metadata" JSONB,
    "destination" JSONB,
    "requisite_id" INTEGER,
    "trader_id" INTEGER,
    "rate" DECIMAL(24,10),
    "crypto_amount" BIGINT,
    "expires_at" TIMESTAMPTZ(3),
    "next_match_at" TIMESTAMPTZ(3),
    "last_attempt_at" TIMESTAMPTZ(3),
    "retry_count" INTEGER NOT NULL DEFAULT 0,
    "failure_reason" VARCHAR(64),
    "matched_at" TIMESTAMPTZ(3),
    "paid_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "incoming_orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_history" (
    "id" BIGSERIAL NOT NULL,
    "incoming_order_id" VARCHAR(32) NOT NULL,
    "requisite_id" INTEGER,
    "trader_id" INTEGER,
    "store_commission" DECIMAL(9,6),
    "store_commission_amount" BIGINT,
    "trader_commission" DECIMAL(9,6),
    "trader_commission_amount" BIGINT,
    "platform_profit" BIGINT,
    "rate" DECIMAL(24,10),
    "from_status" "order_status",
    "status" "order_status" NOT NULL,
    "actor_user_id" INTEGER,
    "actor_type" VARCHAR(32) NOT NULL DEFAULT 'system',
    "note" VARCHAR(2000),
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_keys" (
    "id" BIGSERIAL NOT NULL,
    "store_id" INTEGER NOT NULL,
    "key" VARCHAR(255) NOT NULL,
    "request_hash" CHAR(64) NOT NULL,
    "response_status" INTEGER,
    "response_body" JSONB,
    "order_id" VARCHAR(32),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "risk_events" (
    "id" BIGSERIAL NOT NULL,
    "store_id" INTEGER NOT NULL,
    "customer_id" VARCHAR(128),
    "merchant_order_id" VARCHAR(128),
    "code" VARCHAR(64) NOT NULL,
    "details" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "risk_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "balance_store_history" (
    "id" BIGSERIAL NOT NULL,
    "balance_store_id" INTEGER NOT NULL,
    "store_id" INTEGER NOT NULL,
    "currency_id" INTEGER NOT NULL,
    "order_id" VARCHAR(32),
    "delta" BIGINT NOT NULL,
    "held_delta" BIGINT NOT NULL DEFAULT 0,
    "balance_after" BIGINT NOT NULL,
    "held_after" BIGINT NOT NULL,
    "reason" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "balance_store_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "balance_trader_fiat" (
    "id" SERIAL NOT NULL,
    "trader_id" INTEGER NOT NULL,
    "currency_id" INTEGER NOT NULL,
    "amount" BIGINT NOT NULL DEFAULT 0,
    "held" BIGINT NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "balance_trader_fiat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "balance_trader_fiat_history" (
    "id" BIGSERIAL NOT NULL,
    "balance_id" INTEGER NOT NULL,
    "trader_id" INTEGER NOT NULL,
    "currency_id" INTEGER NOT NULL,
    "order_id" VARCHAR(32),
    "delta" BIGINT NOT NULL,
    "held_delta" BIGINT NOT NULL DEFAULT 0,
    "balance_after" BIGINT NOT NULL,
    "held_after" BIGINT NOT NULL,
    "reason" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "balance_trader_fiat_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "balance_trader_crypto" (
    "id" SERIAL NOT NULL,
    "trader_id" INTEGER NOT NULL,
    "currency_id" INTEGER NOT NULL,
    "amount" BIGINT NOT NULL DEFAULT 0,
    "held" BIGINT NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "balance_trader_crypto_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "balance_trader_crypto_history" (
    "id" BIGSERIAL NOT NULL,
    "balance_id" INTEGER NOT NULL,
    "trader_id" INTEGER NOT NULL,
    "currency_id" INTEGER NOT NULL,
    "order_id" VARCHAR(32),
    "delta" BIGINT NOT NULL,
    "held_delta" BIGINT NOT NULL DEFAULT 0,
    "balance_after" BIGINT NOT NULL,
    "held_after" BIGINT NOT NULL,
    "reason" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "balance_trader_crypto_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "balance_platform" (
    "id" SERIAL NOT NULL,
    "currency_id" INTEGER NOT NULL,
    "amount" BIGINT NOT NULL DEFAULT 0,
    "held" BIGINT NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "balance_platform_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "balance_platform_history" (
    "id" BIGSERIAL NOT NULL,
    "balance_id" INTEGER NOT NULL,
    "currency_id" INTEGER NOT NULL,
    "order_id" VARCHAR(32),
    "delta" BIGINT NOT NULL,
    "held_delta" BIGINT NOT NULL DEFAULT 0,
    "balance_after" BIGINT NOT NULL,
    "held_after" BIGINT NOT NULL,
    "reason" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "balance_platform_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "callback_deliveries" (
    "id" BIGSERIAL NOT NULL,
    "webhook_id" VARCHAR(64) NOT NULL,
    "order_id" VARCHAR(32) NOT NULL,
    "store_id" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "event_type" VARCHAR(64) NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "callback_status" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),
    "last_attempt_at" TIMESTAMPTZ(3),
    "last_status_code" INTEGER,
    "last_error" VARCHAR(1000),
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "callback_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "callback_attempts" (
    "id" BIGSERIAL NOT NULL,
    "delivery_id" BIGINT NOT NULL,
    "url" VARCHAR(2048) NOT NULL,
    "status_code" INTEGER,
    "latency_ms" INTEGER,
    "error" VARCHAR(1000),
    "attempted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "callback_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "disputes" (
    "id" SERIAL NOT NULL,
    "order_id" VARCHAR(32) NOT NULL,
    "status" "dispute_status" NOT NULL DEFAULT 'open',
    "opened_via" VARCHAR(32) NOT NULL,
    "opened_by" INTEGER,
    "reason" VARCHAR(2000) NOT NULL,
    "resolution_note" VARCHAR(2000),
    "resolved_by" INTEGER,
    "resolved_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "disputes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "receipts" (
    "id" SERIAL NOT NULL,
    "order_id" VARCHAR(32) NOT NULL,
    "dispute_id" INTEGER,
    "uploaded_by" INTEGER,
    "uploaded_via" VARCHAR(32) NOT NULL,
    "file_name" VARCHAR(255) NOT NULL,
    "content_type" VARCHAR(100) NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "data" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "receipts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" BIGSERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "type" VARCHAR(64) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "body" VARCHAR(2000),
    "data" JSONB,
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_outbox" (
    "id" BIGSERIAL NOT NULL,
    "to" VARCHAR(254) NOT NULL,
    "subject" VARCHAR(255) NOT NULL,
    "template" VARCHAR(64) NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" "email_status" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "provider_id" VARCHAR(128),
    "last_error" VARCHAR(1000),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "email_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "configuration_settings" (
    "id" SERIAL NOT NULL,
    "key" VARCHAR(128) NOT NULL,
    "value" JSONB NOT NULL,
    "description" VARCHAR(1000),
    "updated_by" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "configuration_settings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_logs" (
    "id" BIGSERIAL NOT NULL,
    "user_id" INTEGER,
    "actor_type" VARCHAR(32) NOT NULL DEFAULT 'user',
    "action" VARCHAR(64) NOT NULL,
    "entity_type" VARCHAR(64) NOT NULL,
    "entity_id" VARCHAR(64),
    "old_values" JSONB,
    "new_values" JSONB,
    "ip" VARCHAR(64),
    "user_agent" VARCHAR(512),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_attempts" (
    "key" VARCHAR(300) NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "last_failed_at" TIMESTAMPTZ(3) NOT NULL,
    "locked_until" TIMESTAMPTZ(3),

    CONSTRAINT "login_attempts_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "daily_metrics" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "store_id" INTEGER NOT NULL,
    "trader_id" INTEGER NOT NULL DEFAULT 0,
    "currency_id" INTEGER NOT NULL,
    "type" "order_type" NOT NULL,
    "created_count" INTEGER NOT NULL DEFAULT 0,
    "completed_count" INTEGER NOT NULL DEFAULT 0,
    "failed_count" INTEGER NOT NULL DEFAULT 0,
    "completed_amount" BIGINT NOT NULL DEFAULT 0,
    "completed_crypto" BIGINT NOT NULL DEFAULT 0,
    "platform_profit" BIGINT NOT NULL DEFAULT 0,
    "trader_reward" BIGINT NOT NULL DEFAULT 0,
    "completion_seconds_sum" BIGINT NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "daily_metrics_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "roles_name_key" ON "roles"("name");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "users_role_id_idx" ON "users"("role_id");

-- CreateIndex
CREATE INDEX "users_is_active_idx" ON "users"("is_active");

-- CreateIndex
CREATE UNIQUE INDEX "admins_user_id_key" ON "admins"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "admins_username_key" ON "admins"("username");

-- CreateIndex
CREATE UNIQUE INDEX "supports_user_id_key" ON "supports"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "supports_username_key" ON "supports"("username");

-- CreateIndex
CREATE UNIQUE INDEX "teamleads_user_id_key" ON "teamleads"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "teamleads_username_key" ON "teamleads"("username");

-- CreateIndex
CREATE UNIQUE INDEX "currencies_code_key" ON "currencies"("code");

-- CreateIndex
CREATE INDEX "exchange_rates_base_currency_id_quote_currency_id_created_a_idx" ON "exchange_rates"("base_currency_id", "quote_currency_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "exchange_rates_quote_currency_id_idx" ON "exchange_rates"("quote_currency_id");

-- CreateIndex
CREATE INDEX "exchange_rates_created_by_idx" ON "exchange_rates"("created_by");

-- CreateIndex
CREATE UNIQUE INDEX "payment_methods_code_key" ON "payment_methods"("code");

-- CreateIndex
CREATE UNIQUE INDEX "banks_code_key" ON "banks"("code");

-- CreateIndex
CREATE INDEX "merchant_store_user_id_idx" ON "merchant_store"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "merchant_api_keys_key_hash_key" ON "merchant_api_keys"("key_hash");

-- CreateIndex
CREATE INDEX "merchant_api_keys_store_id_idx" ON "merchant_api_keys"("store_id");

-- CreateIndex
CREATE INDEX "merchant_api_keys_created_by_idx" ON "merchant_api_keys"("created_by");

-- CreateIndex
CREATE INDEX "balance_store_currency_id_idx" ON "balance_store"("currency_id");

-- CreateIndex
CREATE UNIQUE INDEX "balance_store_store_id_currency_id_key" ON "balance_store"("store_id", "currency_id");

-- CreateIndex
CREATE INDEX "withdrawal_requests_store_id_created_at_idx" ON "withdrawal_requests"("store_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "withdrawal_requests_status_created_at_idx" ON "withdrawal_requests"("status", "created_at");

-- CreateIndex
CREATE INDEX "withdrawal_requests_currency_id_idx" ON "withdrawal_requests"("currency_id");

-- CreateIndex
CREATE INDEX "withdrawal_requests_decided_by_idx" ON "withdrawal_requests"("decided_by");

-- CreateIndex
CREATE UNIQUE INDEX "trader_user_id_key" ON "trader"("user_id");

-- CreateIndex
CREATE INDEX "trader_team_lead_id_idx" ON "trader"("team_lead_id");

-- CreateIndex
CREATE INDEX "trader_is_active_is_traffic_enabled_by_teamlead_traffic_pri_idx" ON "trader"("is_active", "is_traffic_enabled_by_teamlead", "traffic_priority");

-- CreateIndex
CREATE UNIQUE INDEX "trader_api_tokens_token_hash_key" ON "trader_api_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "trader_api_tokens_trader_id_idx" ON "trader_api_tokens"("trader_id");

-- CreateIndex
CREATE INDEX "req_trader_trader_id_idx" ON "req_trader"("trader_id");

-- CreateIndex
CREATE INDEX "req_trader_payment_method_id_idx" ON "req_trader"("payment_method_id");

-- CreateIndex
CREATE INDEX "req_trader_bank_id_idx" ON "req_trader"("bank_id");

-- CreateIndex
CREATE INDEX "req_trader_status_last_used_at_idx" ON "req_trader"("status", "last_used_at");

-- CreateIndex
CREATE INDEX "full_requisites_settings_currency_id_min_amount_max_amount_idx" ON "full_requisites_settings"("currency_id", "min_amount", "max_amount");

-- CreateIndex
CREATE INDEX "incoming_orders_store_id_id_idx" ON "incoming_orders"("store_id", "id" DESC);

-- CreateIndex
CREATE INDEX "incoming_orders_store_id_status_id_idx" ON "incoming_orders"("store_id", "status", "id" DESC);

-- CreateIndex
CREATE INDEX "incoming_orders_store_id_created_at_idx" ON "incoming_orders"("store_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "incoming_orders_store_id_customer_id_created_at_idx" ON "incoming_orders"("store_id", "customer_id", "created_at");

-- CreateIndex
CREATE INDEX "incoming_orders_trader_id_status_idx" ON "incoming_orders"("trader_id", "status");

-- CreateIndex
CREATE INDEX "incoming_orders_requisite_id_status_idx" ON "incoming_orders"("requisite_id", "status");

-- CreateIndex
CREATE INDEX "incoming_orders_status_expires_at_idx" ON "incoming_orders"("status", "expires_at");

-- CreateIndex
CREATE INDEX "incoming_orders_status_next_match_at_idx" ON "incoming_orders"("status", "next_match_at");

-- CreateIndex
CREATE INDEX "incoming_orders_currency_id_idx" ON "incoming_orders"("currency_id");

-- CreateIndex
CREATE INDEX "incoming_orders_payment_method_id_idx" ON "incoming_orders"("payment_method_id");

-- CreateIndex
CREATE INDEX "incoming_orders_created_at_idx" ON "incoming_orders"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "incoming_orders_store_id_merchant_order_id_key" ON "incoming_orders"("store_id", "merchant_order_id");

-- CreateIndex
CREATE INDEX "order_history_incoming_order_id_processed_at_idx" ON "order_history"("incoming_order_id", "processed_at");

-- CreateIndex
CREATE INDEX "order_history_requisite_id_idx" ON "order_history"("requisite_id");

-- CreateIndex
CREATE INDEX "order_history_trader_id_processed_at_idx" ON "order_history"("trader_id", "processed_at");

-- CreateIndex
CREATE INDEX "order_history_actor_user_id_idx" ON "order_history"("actor_user_id");

-- CreateIndex
CREATE INDEX "order_history_status_processed_at_idx" ON "order_history"("status", "processed_at");

-- CreateIndex
CREATE INDEX "idempotency_keys_order_id_idx" ON "idempotency_keys"("order_id");

-- CreateIndex
CREATE INDEX "idempotency_keys_created_at_idx" ON "idempotency_keys"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "idempotency_keys_store_id_key_key" ON "idempotency_keys"("store_id", "key");

-- CreateIndex
CREATE INDEX "risk_events_store_id_created_at_idx" ON "risk_events"("store_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "risk_events_code_created_at_idx" ON "risk_events"("code", "created_at");

-- CreateIndex
CREATE INDEX "balance_store_history_balance_store_id_id_idx" ON "balance_store_history"("balance_store_id", "id");

-- CreateIndex
CREATE INDEX "balance_store_history_store_id_created_at_idx" ON "balance_store_history"("store_id", "created_at");

-- CreateIndex
CREATE INDEX "balance_store_history_currency_id_idx" ON "balance_store_history"("currency_id");

-- CreateIndex
CREATE INDEX "balance_store_history_order_id_idx" ON "balance_store_history"("order_id");

-- CreateIndex
CREATE INDEX "balance_trader_fiat_currency_id_idx" ON "balance_trader_fiat"("currency_id");

-- CreateIndex
CREATE UNIQUE INDEX "balance_trader_fiat_trader_id_currency_id_key" ON "balance_trader_fiat"("trader_id", "currency_id");

-- CreateIndex
CREATE INDEX "balance_trader_fiat_history_balance_id_id_idx" ON "balance_trader_fiat_history"("balance_id", "id");

-- CreateIndex
CREATE INDEX "balance_trader_fiat_history_trader_id_created_at_idx" ON "balance_trader_fiat_history"("trader_id", "created_at");

-- CreateIndex
CREATE INDEX "balance_trader_fiat_history_currency_id_idx" ON "balance_trader_fiat_history"("currency_id");

-- CreateIndex
CREATE INDEX "balance_trader_fiat_history_order_id_idx" ON "balance_trader_fiat_history"("order_id");

-- CreateIndex
CREATE INDEX "balance_trader_crypto_currency_id_idx" ON "balance_trader_crypto"("currency_id");

-- CreateIndex
CREATE UNIQUE INDEX "balance_trader_crypto_trader_id_currency_id_key" ON "balance_trader_crypto"("trader_id", "currency_id");

-- CreateIndex
CREATE INDEX "balance_trader_crypto_history_balance_id_id_idx" ON "balance_trader_crypto_history"("balance_id", "id");

-- CreateIndex
CREATE INDEX "balance_trader_crypto_history_trader_id_created_at_idx" ON "balance_trader_crypto_history"("trader_id", "created_at");

-- CreateIndex
CREATE INDEX "balance_trader_crypto_history_currency_id_idx" ON "balance_trader_crypto_history"("currency_id");

-- CreateIndex
CREATE INDEX "balance_trader_crypto_history_order_id_idx" ON "balance_trader_crypto_history"("order_id");

-- CreateIndex
CREATE UNIQUE INDEX "balance_platform_currency_id_key" ON "balance_platform"("currency_id");

-- CreateIndex
CREATE INDEX "balance_platform_history_balance_id_id_idx" ON "balance_platform_history"("balance_id", "id");

-- CreateIndex
CREATE INDEX "balance_platform_history_currency_id_created_at_idx" ON "balance_platform_history"("currency_id", "created_at");

-- CreateIndex
CREATE INDEX "balance_platform_history_order_id_idx" ON "balance_platform_history"("order_id");

-- CreateIndex
CREATE UNIQUE INDEX "callback_deliveries_webhook_id_key" ON "callback_deliveries"("webhook_id");

-- CreateIndex
CREATE INDEX "callback_deliveries_status_next_attempt_at_idx" ON "callback_deliveries"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "callback_deliveries_store_id_created_at_idx" ON "callback_deliveries"("store_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "callback_deliveries_order_id_sequence_key" ON "callback_deliveries"("order_id", "sequence");

-- CreateIndex
CREATE INDEX "callback_attempts_delivery_id_attempted_at_idx" ON "callback_attempts"("delivery_id", "attempted_at");

-- CreateIndex
CREATE INDEX "disputes_order_id_idx" ON "disputes"("order_id");

-- CreateIndex
CREATE INDEX "disputes_status_created_at_idx" ON "disputes"("status", "created_at");

-- CreateIndex
CREATE INDEX "disputes_opened_by_idx" ON "disputes"("opened_by");

-- CreateIndex
CREATE INDEX "disputes_resolved_by_idx" ON "disputes"("resolved_by");

-- CreateIndex
CREATE INDEX "receipts_order_id_idx" ON "receipts"("order_id");

-- CreateIndex
CREATE INDEX "receipts_dispute_id_idx" ON "receipts"("dispute_id");

-- CreateIndex
CREATE INDEX "receipts_uploaded_by_idx" ON "receipts"("uploaded_by");

-- CreateIndex
CREATE INDEX "notifications_user_id_read_at_created_at_idx" ON "notifications"("user_id", "read_at", "created_at" DESC);

-- CreateIndex
CREATE INDEX "email_outbox_status_created_at_idx" ON "email_outbox"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "configuration_settings_key_key" ON "configuration_settings"("key");

-- CreateIndex
CREATE INDEX "configuration_settings_updated_by_idx" ON "configuration_settings"("updated_by");

-- CreateIndex
CREATE INDEX "audit_logs_user_id_created_at_idx" ON "audit_logs"("user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_logs_entity_type_entity_id_idx" ON "audit_logs"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_logs_action_created_at_idx" ON "audit_logs"("action", "created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_logs_created_at_idx" ON "audit_logs"("created_at" DESC);

-- CreateIndex
CREATE INDEX "daily_metrics_store_id_day_idx" ON "daily_metrics"("store_id", "day");

-- CreateIndex
CREATE INDEX "daily_metrics_trader_id_day_idx" ON "daily_metrics"("trader_id", "day");

-- CreateIndex
CREATE INDEX "daily_metrics_currency_id_day_idx" ON "daily_metrics"("currency_id", "day");

-- CreateIndex
CREATE UNIQUE INDEX "daily_metrics_day_store_id_trader_id_currency_id_type_key" ON "daily_metrics"("day", "store_id", "trader_id", "currency_id", "type");

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_role_id_fkey" FOREIGN KEY ("role_id") REFERENCES "roles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "admins" ADD CONSTRAINT "admins_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supports" ADD CONSTRAINT "supports_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "teamleads" ADD CONSTRAINT "teamleads_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exchange_rates" ADD CONSTRAINT "exchange_rates_base_currency_id_fkey" FOREIGN KEY ("base_currency_id") REFERENCES "currencies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exchange_rates" ADD CONSTRAINT "exchange_rates_quote_currency_id_fkey" FOREIGN KEY ("quote_currency_id") REFERENCES "currencies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exchange_rates" ADD CONSTRAINT "exchange_rates_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "merchant_store" ADD CONSTRAINT "merchant_store_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "merchant_api_keys" ADD CONSTRAINT "merchant_api_keys_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "merchant_store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "merchant_api_keys" ADD CONSTRAINT "merchant_api_keys_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "balance_store" ADD CONSTRAINT "balance_store_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "merchant_store"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "balance_store" ADD CONSTRAINT "balance_store_currency_id_fkey" FOREIGN KEY ("currency_id") REFERENCES "currencies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "withdrawal_requests" ADD CONSTRAINT "withdrawal_requests_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "merchant_store"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "withdrawal_requests" ADD CONSTRAINT "withdrawal_requests_currency_id_fkey" FOREIGN KEY ("currency_id") REFERENCES "currencies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "withdrawal_requests" ADD CONSTRAINT "withdrawal_requests_decided_by_fkey" FOREIGN KEY ("decided_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trader" ADD CONSTRAINT "trader_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trader" ADD CONSTRAINT "trader_team_lead_id_fkey" FOREIGN KEY ("team_lead_id") REFERENCES "teamleads"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trader_api_tokens" ADD CONSTRAINT "trader_api_tokens_trader_id_fkey" FOREIGN KEY ("trader_id") REFERENCES "trader"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "req_trader" ADD CONSTRAINT "req_trader_trader_id_fkey" FOREIGN KEY ("trader_id") REFERENCES "trader"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "req_trader" ADD CONSTRAINT "req_trader_payment_method_id_fkey" FOREIGN KEY ("payment_method_id") REFERENCES "payment_methods"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "req_trader" ADD CONSTRAINT "req_trader_bank_id_fkey" FOREIGN KEY ("bank_id") REFERENCES "banks"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "full_requisites_settings" ADD CONSTRAINT "full_requisites_settings_req_id_fkey" FOREIGN KEY ("req_id") REFERENCES "req_trader"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "full_requisites_settings" ADD CONSTRAINT "full_requisites_settings_currency_id_fkey" FOREIGN KEY ("currency_id") REFERENCES "currencies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incoming_orders" ADD CONSTRAINT "incoming_orders_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "merchant_store"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incoming_orders" ADD CONSTRAINT "incoming_orders_currency_id_fkey" FOREIGN KEY ("currency_id") REFERENCES "currencies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incoming_orders" ADD CONSTRAINT "incoming_orders_payment_method_id_fkey" FOREIGN KEY ("payment_method_id") REFERENCES "payment_methods"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incoming_orders" ADD CONSTRAINT "incoming_orders_requisite_id_fkey" FOREIGN KEY ("requisite_id") REFERENCES "req_trader"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incoming_orders" ADD CONSTRAINT "incoming_orders_trader_id_fkey" FOREIGN KEY ("trader_id") REFERENCES "trader"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_history" ADD CONSTRAINT "order_history_incoming_order_id_fkey" FOREIGN KEY ("incoming_order_id") REFERENCES "incoming_orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_history" ADD CONSTRAINT "order_history_requisite_id_fkey" FOREIGN KEY ("requisite_id") REFERENCES "req_trader"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_history" ADD CONSTRAINT "order_history_trader_id_fkey" FOREIGN KEY ("trader_id") REFERENCES "trader"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_history" ADD CONSTRAINT "order_history_actor_user_id_fkey" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "merchant_store"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "incoming_orders"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "risk_events" ADD CONSTRAINT "risk_events_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "merchant_store"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "balance_store_history" ADD CONSTRAINT "balance_store_history_balance_store_id_fkey" FOREIGN KEY ("balance_store_id") REFERENCES "balance_store"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "balance_store_history" ADD CONSTRAINT "balance_store_history_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "merchant_store"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "balance_store_history" ADD CONSTRAINT "balance_store_history_currency_id_fkey" FOREIGN KEY ("currency_id") REFERENCES "currencies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "balance_store_history" ADD CONSTRAINT "balance_store_history_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "incoming_orders"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "balance_trader_fiat" ADD CONSTRAINT "balance_trader_fiat_trader_id_fkey" FOREIGN KEY ("trader_id") REFERENCES "trader"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "balance_trader_fiat" ADD CONSTRAINT "balance_trader_fiat_currency_id_fkey" FOREIGN KEY ("currency_id") REFERENCES "currencies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "balance_trader_fiat_history" ADD CONSTRAINT "balance_trader_fiat_history_balance_id_fkey" FOREIGN KEY ("balance_id") REFERENCES "balance_trader_fiat"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "balance_trader_fiat_history" ADD CONSTRAINT "balance_trader_fiat_history_trader_id_fkey" FOREIGN KEY ("trader_id") REFERENCES "trader"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "balance_trader_fiat_history" ADD CONSTRAINT "balance_trader_fiat_history_currency_id_fkey" FOREIGN KEY ("currency_id") REFERENCES "currencies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "balance_trader_fiat_history" ADD CONSTRAINT "balance_trader_fiat_history_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "incoming_orders"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "balance_trader_crypto" ADD CONSTRAINT "balance_trader_crypto_trader_id_fkey" FOREIGN KEY ("trader_id") REFERENCES "trader"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "balance_trader_crypto" ADD CONSTRAINT "balance_trader_crypto_currency_id_fkey" FOREIGN KEY ("currency_id") REFERENCES "currencies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "balance_trader_crypto_history" ADD CONSTRAINT "balance_trader_crypto_history_balance_id_fkey" FOREIGN KEY ("balance_id") REFERENCES "balance_trader_crypto"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "balance_trader_crypto_history" ADD CONSTRAINT "balance_trader_crypto_history_trader_id_fkey" FOREIGN KEY ("trader_id") REFERENCES "trader"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "balance_trader_crypto_history" ADD CONSTRAINT "balance_trader_crypto_history_currency_id_fkey" FOREIGN KEY ("currency_id") REFERENCES "currencies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "balance_trader_crypto_history" ADD CONSTRAINT "balance_trader_crypto_history_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "incoming_orders"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "balance_platform" ADD CONSTRAINT "balance_platform_currency_id_fkey" FOREIGN KEY ("currency_id") REFERENCES "currencies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "balance_platform_history" ADD CONSTRAINT "balance_platform_history_balance_id_fkey" FOREIGN KEY ("balance_id") REFERENCES "balance_platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "balance_platform_history" ADD CONSTRAINT "balance_platform_history_currency_id_fkey" FOREIGN KEY ("currency_id") REFERENCES "currencies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "balance_platform_history" ADD CONSTRAINT "balance_platform_history_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "incoming_orders"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "callback_deliveries" ADD CONSTRAINT "callback_deliveries_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "incoming_orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "callback_deliveries" ADD CONSTRAINT "callback_deliveries_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "merchant_store"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "callback_attempts" ADD CONSTRAINT "callback_attempts_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "callback_deliveries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "incoming_orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_opened_by_fkey" FOREIGN KEY ("opened_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_resolved_by_fkey" FOREIGN KEY ("resolved_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "incoming_orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_dispute_id_fkey" FOREIGN KEY ("dispute_id") REFERENCES "disputes"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_uploaded_by_fkey" FOREIGN KEY ("uploaded_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "configuration_settings" ADD CONSTRAINT "configuration_settings_updated_by_fkey" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "daily_metrics" ADD CONSTRAINT "daily_metrics_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "merchant_store"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "daily_metrics" ADD CONSTRAINT "daily_metrics_currency_id_fkey" FOREIGN KEY ("currency_id") REFERENCES "currencies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ───────────── Constraints Prisma's schema language cannot express (hand-written) ─────────────

-- Balances never go negative, neither available nor held, nor any value a history row records.
ALTER TABLE "balance_store" ADD CONSTRAINT "balance_store_non_negative" CHECK ("amount" >= 0 AND "held" >= 0);
ALTER TABLE "balance_trader_fiat" ADD CONSTRAINT "balance_trader_fiat_non_negative" CHECK ("amount" >= 0 AND "held" >= 0);
ALTER TABLE "balance_trader_crypto" ADD CONSTRAINT "balance_trader_crypto_non_negative" CHECK ("amount" >= 0 AND "held" >= 0);
ALTER TABLE "balance_platform" ADD CONSTRAINT "balance_platform_non_negative" CHECK ("amount" >= 0 AND "held" >= 0);
ALTER TABLE "balance_store_history" ADD CONSTRAINT "balance_store_history_non_negative" CHECK ("balance_after" >= 0 AND "held_after" >= 0);
ALTER TABLE "balance_trader_fiat_history" ADD CONSTRAINT "balance_trader_fiat_history_non_negative" CHECK ("balance_after" >= 0 AND "held_after" >= 0);
ALTER TABLE "balance_trader_crypto_history" ADD CONSTRAINT "balance_trader_crypto_history_non_negative" CHECK ("balance_after" >= 0 AND "held_after" >= 0);
ALTER TABLE "balance_platform_history" ADD CONSTRAINT "balance_platform_history_non_negative" CHECK ("balance_after" >= 0 AND "held_after" >= 0);

-- Orders: positive amounts, the id prefix matches the type, a payout has a destination, and
-- every state after matching carries its requisite, trader, rate and USDT value.
ALTER TABLE "incoming_orders" ADD CONSTRAINT "incoming_orders_amount_positive" CHECK ("amount" > 0 AND "original_amount" > 0);
ALTER TABLE "incoming_orders" ADD CONSTRAINT "incoming_orders_crypto_amount_positive" CHECK ("crypto_amount" IS NULL OR "crypto_amount" > 0);
ALTER TABLE "incoming_orders" ADD CONSTRAINT "incoming_orders_retry_count_non_negative" CHECK ("retry_count" >= 0);
ALTER TABLE "incoming_orders" ADD CONSTRAINT "incoming_orders_id_prefix" CHECK (("type" = 'payin' AND "id" LIKE 'pi\_%') OR ("type" = 'payout' AND "id" LIKE 'po\_%'));
ALTER TABLE "incoming_orders" ADD CONSTRAINT "incoming_orders_payout_destination" CHECK ("type" = 'payin' OR "destination" IS NOT NULL);
ALTER TABLE "incoming_orders" ADD CONSTRAINT "incoming_orders_matched_fields" CHECK (
  "status" IN ('created', 'failed', 'cancelled', 'expired')
  OR ("requisite_id" IS NOT NULL AND "trader_id" IS NOT NULL AND "rate" IS NOT NULL AND "crypto_amount" IS NOT NULL)
);
ALTER TABLE "incoming_orders" ADD CONSTRAINT "incoming_orders_customer_id_not_blank" CHECK (length(btrim("customer_id")) > 0 AND length(btrim("merchant_order_id")) > 0);

-- Requisite limits are coherent.
ALTER TABLE "full_requisites_settings" ADD CONSTRAINT "full_requisites_settings_bounds" CHECK (
  "min_amount" > 0 AND "min_amount" <= "max_amount" AND "daily_limit" > 0
  AND ("monthly_limit" IS NULL OR "monthly_limit" >= "daily_limit")
  AND ("daily_count_limit" IS NULL OR "daily_count_limit" > 0)
);

-- Commission fractions are in [0, 1), rates are positive.
ALTER TABLE "merchant_store" ADD CONSTRAINT "merchant_store_commission_range" CHECK ("payin_commission" >= 0 AND "payin_commission" < 1 AND "payout_commission" >= 0 AND "payout_commission" < 1);
ALTER TABLE "trader" ADD CONSTRAINT "trader_reward_range" CHECK ("payin_reward" >= 0 AND "payin_reward" < 1 AND "payout_reward" >= 0 AND "payout_reward" < 1);
ALTER TABLE "exchange_rates" ADD CONSTRAINT "exchange_rates_rate_positive" CHECK ("rate" > 0 AND "base_currency_id" <> "quote_currency_id");
ALTER TABLE "currencies" ADD CONSTRAINT "currencies_exponent_range" CHECK ("exponent" BETWEEN 0 AND 18);
ALTER TABLE "withdrawal_requests" ADD CONSTRAINT "withdrawal_requests_amount_positive" CHECK ("amount" > 0);
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_size_non_negative" CHECK ("size_bytes" >= 0);
ALTER TABLE "callback_deliveries" ADD CONSTRAINT "callback_deliveries_counters" CHECK ("attempts" >= 0 AND "sequence" >= 1);

-- Identity hygiene.
ALTER TABLE "users" ADD CONSTRAINT "users_email_lowercase" CHECK ("email" = lower("email") AND position('@' IN "email") > 1);
ALTER TABLE "configuration_settings" ADD CONSTRAINT "configuration_settings_key_format" CHECK ("key" ~ '^[a-z0-9_]+(\.[a-z0-9_]+)+$');

-- At most one open dispute per order.
CREATE UNIQUE INDEX "disputes_one_open_per_order" ON "disputes" ("order_id") WHERE "status" = 'open';
