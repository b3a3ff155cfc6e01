ALTER TABLE `audit_log` ADD `detail` text;--> statement-breakpoint
ALTER TABLE `users` ADD `last_login_at` integer;