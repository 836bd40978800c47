/**
 * @module fold-search-text — text as the inbox search compares it: Vietnamese without its accents (đ as d), lower
 * case, spaces collapsed, so "nguyen van an" finds "Nguyễn Văn An" and "000.00.64.h10" finds its dossier codes.
 */

/** @example foldSearchText('  Trần  Thị Đào ') === 'tran thi dao' */
export function foldSearchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
