ALTER TABLE `audit_log` ADD `detail` text;--> statement-breakpoint
ALTER TABLE `users` ADD `last_login_at` integer;--> statement-breakpoint
CREATE INDEX `users_name_idx` ON `users` (`name`,`email`);