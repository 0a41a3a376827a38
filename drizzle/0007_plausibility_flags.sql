ALTER TABLE `indicators` ADD `flag_growth` integer;--> statement-breakpoint
ALTER TABLE `indicators` ADD `flag_min_change` integer;--> statement-breakpoint
ALTER TABLE `results` ADD `flag` text;--> statement-breakpoint
CREATE INDEX `results_flagged_idx` ON `results` (`unit_id`,`period_id`) WHERE "results"."flag" IS NOT NULL;