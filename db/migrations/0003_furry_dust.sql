CREATE TABLE `anonymous_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`anon_id` text NOT NULL,
	`module_id` text NOT NULL,
	`question_id` text NOT NULL,
	`answer` text NOT NULL,
	`correct` integer NOT NULL,
	`score` real NOT NULL,
	`content_version` text NOT NULL,
	`day` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `anonymous_attempts_module_idx` ON `anonymous_attempts` (`module_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`subject_id` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);