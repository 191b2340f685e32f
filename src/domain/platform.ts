/** The chat platforms the product speaks on; the store keys bindings and audit records by it. */
export type Platform = 'telegram' | 'zalo' | 'console';
export const PLATFORMS: readonly Platform[] = ['telegram', 'zalo', 'console'];
