/**
 * The font every picture is drawn with. The Docker image has no system fonts, so Noto Sans (which covers
 * every Vietnamese letter with its diacritics) ships as a package and is found through Node's resolver.
 */
export const CHART_FONT_FAMILY = 'Noto Sans';

export function chartFontFiles(): string[] {
  return [
    require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
    require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
  ];
}
