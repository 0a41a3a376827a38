CREATE TABLE `app_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`user_id` integer,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`action` text NOT NULL,
	`before` text,
	`after` text,
	`reason` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_events` (`entity`,`entity_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_user_idx` ON `audit_events` (`user_id`,`at`);--> statement-breakpoint
CREATE TABLE `indicators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`measurement_unit` text NOT NULL,
	`measure_type` text NOT NULL,
	`decimals` integer DEFAULT 0 NOT NULL,
	`frequency` text NOT NULL,
	`ratio_over_time` text DEFAULT 'sum' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicators_code_unique` ON `indicators` (`code`);--> statement-breakpoint
CREATE TABLE `issued_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`issued_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`issued_by` integer,
	`snapshot` text NOT NULL,
	`docx` blob,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issued_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `issued_reports_report_idx` ON `issued_reports` (`report_id`,`issued_at`);--> statement-breakpoint
CREATE TABLE `periods` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`deadline` text NOT NULL,
	CONSTRAINT "periods_order" CHECK("periods"."end_date" >= "periods"."start_date")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `periods_kind_start_idx` ON `periods` (`kind`,`start_date`);--> statement-breakpoint
CREATE TABLE `placements` (
	`structure_version_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`parent_id` integer,
	`path` text NOT NULL,
	`depth` integer NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`structure_version_id`, `unit_id`),
	FOREIGN KEY (`structure_version_id`) REFERENCES `structure_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parent_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `placements_path_idx` ON `placements` (`structure_version_id`,`path`);--> statement-breakpoint
CREATE INDEX `placements_parent_idx` ON `placements` (`structure_version_id`,`parent_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `report_sections` (
	`report_id` integer NOT NULL,
	`key` text NOT NULL,
	`title` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`report_id`, `key`),
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`term_id` integer NOT NULL,
	`kind` text NOT NULL,
	`issuing_body` text NOT NULL,
	`document_number` text DEFAULT '' NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`report_date` text,
	`as_of` text NOT NULL,
	`title` text NOT NULL,
	`signer_title` text NOT NULL,
	`signer_name` text DEFAULT '' NOT NULL,
	`recipients` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`term_id`) REFERENCES `terms`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_term_kind_idx` ON `reports` (`term_id`,`kind`);--> statement-breakpoint
CREATE TABLE `results` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`indicator_id` integer NOT NULL,
	`period_id` integer NOT NULL,
	`value` integer,
	`numerator` integer,
	`denominator` integer,
	`meets` integer,
	`note` text,
	`evidence_url` text,
	`illustrative` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by` integer,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`period_id`) REFERENCES `periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "results_ratio" CHECK("results"."numerator" IS NULL OR "results"."denominator" IS NULL OR "results"."numerator" <= "results"."denominator")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `results_unit_indicator_period_idx` ON `results` (`unit_id`,`indicator_id`,`period_id`);--> statement-breakpoint
CREATE INDEX `results_indicator_period_idx` ON `results` (`indicator_id`,`period_id`);--> statement-breakpoint
CREATE TABLE `role_assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`role` text NOT NULL,
	`unit_id` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `role_assignments_user_role_unit_idx` ON `role_assignments` (`user_id`,`role`,`unit_id`);--> statement-breakpoint
CREATE TABLE `rollups` (
	`structure_version_id` integer NOT NULL,
	`ancestor_id` integer NOT NULL,
	`indicator_id` integer NOT NULL,
	`period_id` integer NOT NULL,
	`basis` text NOT NULL,
	`value` integer DEFAULT 0 NOT NULL,
	`numerator` integer DEFAULT 0 NOT NULL,
	`denominator` integer DEFAULT 0 NOT NULL,
	`meeting` integer DEFAULT 0 NOT NULL,
	`reported` integer DEFAULT 0 NOT NULL,
	`result_count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`structure_version_id`, `ancestor_id`, `indicator_id`, `period_id`, `basis`)
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `structure_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `submissions` (
	`unit_id` integer NOT NULL,
	`period_id` integer NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`comment` text,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by` integer,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`unit_id`, `period_id`),
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`period_id`) REFERENCES `periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `submissions_period_state_idx` ON `submissions` (`period_id`,`state`);--> statement-breakpoint
CREATE TABLE `target_allocations` (
	`target_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`goal` integer NOT NULL,
	PRIMARY KEY(`target_id`, `unit_id`),
	FOREIGN KEY (`target_id`) REFERENCES `targets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `target_related_indicators` (
	`target_id` integer NOT NULL,
	`indicator_id` integer NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`target_id`, `indicator_id`),
	FOREIGN KEY (`target_id`) REFERENCES `targets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `target_yearly_plans` (
	`target_id` integer NOT NULL,
	`year` integer NOT NULL,
	`amount` integer NOT NULL,
	PRIMARY KEY(`target_id`, `year`),
	FOREIGN KEY (`target_id`) REFERENCES `targets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `targets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`term_id` integer NOT NULL,
	`code` text NOT NULL,
	`wording` text NOT NULL,
	`short_name` text NOT NULL,
	`primary_indicator_id` integer NOT NULL,
	`baseline` integer DEFAULT 0 NOT NULL,
	`goal` integer,
	`mid_term_milestone` integer,
	`direction` text DEFAULT 'at_least' NOT NULL,
	`counted` integer DEFAULT true NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`term_id`) REFERENCES `terms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`primary_indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `targets_term_code_idx` ON `targets` (`term_id`,`code`);--> statement-breakpoint
CREATE TABLE `terms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`short_name` text NOT NULL,
	`owner_unit_id` integer NOT NULL,
	`congress_date` text,
	`start_date` text NOT NULL,
	`mid_term_date` text NOT NULL,
	`end_date` text NOT NULL,
	`default_as_of` text,
	`illustrative` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`owner_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `terms_code_unique` ON `terms` (`code`);--> statement-breakpoint
CREATE TABLE `unit_successions` (
	`predecessor_id` integer NOT NULL,
	`successor_id` integer NOT NULL,
	`effective_date` text NOT NULL,
	`kind` text NOT NULL,
	`designated` integer DEFAULT true NOT NULL,
	PRIMARY KEY(`predecessor_id`, `successor_id`),
	FOREIGN KEY (`predecessor_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`successor_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `unit_successions_successor_idx` ON `unit_successions` (`successor_id`);--> statement-breakpoint
CREATE TABLE `units` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`is_grassroots` integer DEFAULT false NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	CONSTRAINT "units_validity" CHECK("units"."valid_to" IS NULL OR "units"."valid_to" > "units"."valid_from")
);
--> statement-breakpoint
CREATE INDEX `units_code_idx` ON `units` (`code`,`valid_from`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);