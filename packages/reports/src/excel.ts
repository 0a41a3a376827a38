/**
 * exceljs, loaded when a workbook is first built or read: it takes about a second to load, and the
 * server, the command line and every test would otherwise pay for it at start whether or not they
 * touch a spreadsheet. Modules name its types with `import type ExcelJS from 'exceljs'`.
 */
export async function loadExcel() {
  return (await import('exceljs')).default;
}
