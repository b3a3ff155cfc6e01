CREATE TABLE `checkins` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`module_id` text NOT NULL,
	`question_ids` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `checkins_user_module_idx` ON `checkins` (`user_id`,`module_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `review_items` (
	`user_id` text NOT NULL,
	`question_id` text NOT NULL,
	`module_id` text NOT NULL,
	`step` integer NOT NULL,
	`due_at` integer NOT NULL,
	`lapses` integer DEFAULT 0 NOT NULL,
	`last_correct` integer NOT NULL,
	`review_count` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `question_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `review_items_user_due_idx` ON `review_items` (`user_id`,`due_at`);--> statement-breakpoint
ALTER TABLE `lesson_progress` ADD `tested_out_at` integer;