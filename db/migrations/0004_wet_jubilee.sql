CREATE INDEX `attempts_user_module_score_idx` ON `attempts` (`user_id`,`module_id`,`question_id`,`score`,`correct`,`created_at`);--> statement-breakpoint
DROP INDEX `attempts_user_module_idx`;