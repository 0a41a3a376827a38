-- Hand-written: drizzle-kit generated `ALTER TABLE … ADD … NOT NULL` without defaults, which SQLite
-- refuses, and the rows already stored need their values worked out. Report settings become per
-- unit and kind, and issued reports say whose they are and under which number (docs/decisions/0018).
--  * A term's settings (one per kind until now) become those of the term's own unit: the demo's
--    province report keeps its content. Its letterhead lines split into the parent line(s) and the
--    issuing body (the last line); "45-BC/HPN" becomes number 45 and symbol BC-HPN (Decree 30 writes
--    "Số: 45/BC-HPN"); the national motto is on unless the organisation is a Party committee or the
--    Youth Union (as @chitieu/core's organisationStyle decides).
--  * Issued reports take their unit, basis and as-of date from their snapshot, and their number and
--    date from the settings the snapshot kept. A number repeated within one unit, kind and year (the
--    bug this fixes) is kept as printed but only its first issue holds the number for the unique rule.
-- The tables are rebuilt children first, through copies without foreign keys: the migrator runs in a
-- transaction, where `PRAGMA foreign_keys=OFF` does nothing, and dropping `reports` would otherwise
-- cascade to its sections.
CREATE TABLE `__new_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`term_id` integer NOT NULL,
	`kind` text NOT NULL,
	`unit_id` integer NOT NULL,
	`parent_body` text DEFAULT '[]' NOT NULL,
	`issuing_body` text NOT NULL,
	`motto` integer DEFAULT true NOT NULL,
	`document_number` text DEFAULT '' NOT NULL,
	`document_symbol` text DEFAULT '' NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`report_date` text,
	`as_of` text NOT NULL,
	`title` text NOT NULL,
	`signer_title` text NOT NULL,
	`signer_name` text DEFAULT '' NOT NULL,
	`recipients` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`term_id`) REFERENCES `terms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_reports`("id", "term_id", "kind", "unit_id", "parent_body", "issuing_body", "motto", "document_number", "document_symbol", "place", "report_date", "as_of", "title", "signer_title", "signer_name", "recipients", "version")
SELECT r.id, r.term_id, r.kind, t.owner_unit_id,
  CASE WHEN json_array_length(r.issuing_body) > 1
    THEN (SELECT json_group_array(value) FROM (SELECT value FROM json_each(r.issuing_body)
          WHERE key < json_array_length(r.issuing_body) - 1 ORDER BY key))
    ELSE '[]' END,
  CASE WHEN json_array_length(r.issuing_body) > 1
    THEN json_array(json_extract(r.issuing_body, '$[#-1]')) ELSE r.issuing_body END,
  CASE WHEN EXISTS (SELECT 1 FROM app_meta WHERE key = 'organisation' AND (
        value GLOB 'Đảng*'
        OR value GLOB 'Chi bộ*'
        OR value GLOB 'Tỉnh ủy*'
        OR value GLOB 'Thành ủy*'
        OR value GLOB 'Huyện ủy*'
        OR value GLOB 'Quận ủy*'
        OR value GLOB 'Thị ủy*'
        OR value GLOB 'Đoàn TNCS*'
        OR value GLOB 'Đoàn Thanh niên*'
        OR value GLOB 'Đoàn thanh niên*'
        OR value GLOB 'Tỉnh đoàn*'
        OR value GLOB 'Thành đoàn*'
        OR value GLOB 'Huyện đoàn*'
        OR value GLOB 'Quận đoàn*'
        OR value GLOB 'Thị đoàn*'))
    THEN 0 ELSE 1 END,
  -- "45-BC/HPN" (Party style) and "45/BC-HPN" (Decree 30): the number; anything else stays in the symbol.
  CASE
    WHEN n.dash > 1 AND n.slash > n.dash AND substr(n.t, 1, n.dash - 1) NOT GLOB '*[^0-9]*' THEN substr(n.t, 1, n.dash - 1)
    WHEN n.slash > 1 AND substr(n.t, 1, n.slash - 1) NOT GLOB '*[^0-9]*' THEN substr(n.t, 1, n.slash - 1)
    WHEN n.t NOT GLOB '*[^0-9]*' THEN n.t
    ELSE '' END,
  CASE
    WHEN n.dash > 1 AND n.slash > n.dash AND substr(n.t, 1, n.dash - 1) NOT GLOB '*[^0-9]*' THEN replace(substr(n.t, n.dash + 1), '/', '-')
    WHEN n.slash > 1 AND substr(n.t, 1, n.slash - 1) NOT GLOB '*[^0-9]*' THEN substr(n.t, n.slash + 1)
    WHEN n.t NOT GLOB '*[^0-9]*' THEN ''
    ELSE n.t END,
  r.place, r.report_date, r.as_of, r.title, r.signer_title, r.signer_name, r.recipients, r.version
FROM `reports` r
JOIN `terms` t ON t.id = r.term_id
JOIN (SELECT id, t, instr(t, '-') AS dash, instr(t, '/') AS slash FROM (
        SELECT id, trim(CASE WHEN trim(document_number) GLOB '[Ss]ố:*' THEN substr(trim(document_number), 4)
                             ELSE document_number END) AS t
        FROM `reports`)) n ON n.id = r.id;
--> statement-breakpoint
CREATE TABLE `__copy_report_sections` AS SELECT * FROM `report_sections`;
--> statement-breakpoint
CREATE TABLE `__copy_issued_reports` AS
SELECT i.id, i.report_id, r.term_id, r.kind,
  coalesce(json_extract(i.snapshot, '$.scope.unitId'), t.owner_unit_id) AS unit_id,
  coalesce(json_extract(i.snapshot, '$.scope.basis'), 'approved') AS basis,
  coalesce(json_extract(i.snapshot, '$.scope.asOf'), r.as_of) AS as_of,
  nullif(trim(coalesce(json_extract(i.snapshot, '$.settings.documentNumber'), '')), '') AS document_number,
  CASE WHEN trim(coalesce(json_extract(i.snapshot, '$.settings.documentNumber'), '')) GLOB '[0-9]*'
    THEN CAST(trim(json_extract(i.snapshot, '$.settings.documentNumber')) AS INTEGER) END AS raw_number,
  json_extract(i.snapshot, '$.settings.reportDate') AS document_date,
  CAST(substr(json_extract(i.snapshot, '$.settings.reportDate'), 1, 4) AS INTEGER) AS document_year,
  i.issued_at, i.issued_by, i.snapshot, i.docx
FROM `issued_reports` i
JOIN `reports` r ON r.id = i.report_id
JOIN `terms` t ON t.id = r.term_id;
--> statement-breakpoint
DROP TABLE `report_sections`;--> statement-breakpoint
DROP TABLE `issued_reports`;--> statement-breakpoint
DROP TABLE `reports`;--> statement-breakpoint
ALTER TABLE `__new_reports` RENAME TO `reports`;--> statement-breakpoint
CREATE UNIQUE INDEX `reports_term_kind_unit_idx` ON `reports` (`term_id`,`kind`,`unit_id`);--> statement-breakpoint
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
INSERT INTO `report_sections`("report_id", "key", "title", "body", "sort_order")
SELECT "report_id", "key", "title", "body", "sort_order" FROM `__copy_report_sections`;--> statement-breakpoint
DROP TABLE `__copy_report_sections`;--> statement-breakpoint
CREATE TABLE `issued_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`term_id` integer NOT NULL,
	`kind` text NOT NULL,
	`unit_id` integer NOT NULL,
	`basis` text NOT NULL,
	`as_of` text NOT NULL,
	`document_number` text,
	`number_value` integer,
	`document_date` text,
	`document_year` integer,
	`issued_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`issued_by` integer,
	`snapshot` text NOT NULL,
	`docx` blob,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`term_id`) REFERENCES `terms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issued_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `issued_reports`("id", "report_id", "term_id", "kind", "unit_id", "basis", "as_of", "document_number", "number_value", "document_date", "document_year", "issued_at", "issued_by", "snapshot", "docx")
SELECT c.id, c.report_id, c.term_id, c.kind, c.unit_id, c.basis, c.as_of, c.document_number,
  CASE WHEN NOT EXISTS (SELECT 1 FROM `__copy_issued_reports` o
                        WHERE o.unit_id = c.unit_id AND o.kind = c.kind AND o.document_year IS c.document_year
                          AND o.raw_number = c.raw_number AND o.id < c.id)
    THEN c.raw_number END,
  c.document_date, c.document_year, c.issued_at, c.issued_by, c.snapshot, c.docx
FROM `__copy_issued_reports` c;--> statement-breakpoint
DROP TABLE `__copy_issued_reports`;--> statement-breakpoint
CREATE INDEX `issued_reports_report_idx` ON `issued_reports` (`report_id`,`issued_at`);--> statement-breakpoint
CREATE INDEX `issued_reports_unit_idx` ON `issued_reports` (`term_id`,`kind`,`unit_id`,`basis`,`issued_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `issued_reports_number_idx` ON `issued_reports` (`unit_id`,`kind`,`document_year`,`number_value`);
