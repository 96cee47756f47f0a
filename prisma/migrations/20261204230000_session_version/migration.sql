-- Sessions that end: every JWT carries the user's session_version from sign-in and is treated
-- as signed out once the user's version has moved on (password reset, invitation accepted,
-- deactivation, "sign out everywhere").
ALTER TABLE "users" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 0;
