ALTER TABLE `audit_events` ADD `unit_id` integer;--> statement-breakpoint
CREATE INDEX `audit_unit_idx` ON `audit_events` (`unit_id`,`at`);