ALTER TABLE `targets` ADD `mission` text;--> statement-breakpoint
CREATE UNIQUE INDEX `targets_term_mission_idx` ON `targets` (`term_id`,`mission`);--> statement-breakpoint
-- Hand-written: existing terms keep the views they had, which were found by indicator code
-- (poverty THOATNGHEO, works NTM_CT) and by the first units-meeting target.
UPDATE `targets` SET `mission` = 'poverty' WHERE `id` IN (
  SELECT MIN(t.`id`) FROM `targets` t JOIN `indicators` i ON i.`id` = t.`primary_indicator_id`
  WHERE i.`code` = 'THOATNGHEO' GROUP BY t.`term_id`);--> statement-breakpoint
UPDATE `targets` SET `mission` = 'rural' WHERE `id` IN (
  SELECT MIN(t.`id`) FROM `targets` t JOIN `indicators` i ON i.`id` = t.`primary_indicator_id`
  WHERE i.`code` = 'NTM_CT' GROUP BY t.`term_id`);--> statement-breakpoint
UPDATE `targets` SET `mission` = 'grassroots' WHERE `id` IN (
  SELECT MIN(t.`id`) FROM `targets` t JOIN `indicators` i ON i.`id` = t.`primary_indicator_id`
  WHERE i.`measure_type` = 'units_meeting' GROUP BY t.`term_id`);
