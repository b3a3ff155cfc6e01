CREATE TABLE `app_secrets` (
	`name` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `branch_progress` (
	`user_id` text NOT NULL,
	`question_id` text NOT NULL,
	`context` text NOT NULL,
	`path` text NOT NULL,
	`last_key` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `question_id`, `context`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `toets_answers` (
	`toets_id` integer NOT NULL,
	`question_id` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`answer` text NOT NULL,
	`correct` integer NOT NULL,
	`score` real NOT NULL,
	`answered_at` integer NOT NULL,
	PRIMARY KEY(`toets_id`, `question_id`),
	FOREIGN KEY (`toets_id`) REFERENCES `toets_attempts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `toets_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`module_id` text NOT NULL,
	`question_ids` text NOT NULL,
	`content_version` text NOT NULL,
	`pass_mark` real NOT NULL,
	`started_at` integer NOT NULL,
	`handed_in_at` integer,
	`score` real,
	`passed` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `toets_attempts_user_module_idx` ON `toets_attempts` (`user_id`,`module_id`,`started_at`);--> statement-breakpoint
ALTER TABLE `module_completions` ADD `toets_attempt_id` integer;