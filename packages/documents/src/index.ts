/**
 * @selaras/documents: the Renstra and the review's letters and records as DOCX, spreadsheets as
 * XLSX (export and import), and SIPD-style exchange rows, made from core plans. No database.
 */
export {};
