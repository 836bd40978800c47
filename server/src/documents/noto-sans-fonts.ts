/**
 * @module noto-sans-fonts — where the Noto Sans TTF files are: the npm package `@expo-google-fonts/noto-sans`
 * (SIL Open Font License) ships them, so a fresh machine or CI has them after `npm ci`, without Debian's fonts.
 * Noto Sans covers every Vietnamese letter with its tone mark (Latin Extended Additional, U+1EA0–U+1EF9).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The four faces a form uses, as absolute paths to TTF files. */
export const NOTO_SANS = {
  regular: require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
  italic: require.resolve('@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf'),
  boldItalic: require.resolve('@expo-google-fonts/noto-sans/700Bold_Italic/NotoSans_700Bold_Italic.ttf'),
} as const;
