/**
 * The first segment of every phone page's path (besides `/` itself). The gateway serves h5.html at each of them
 * (cn.lianluo.gateway.console.ConsoleRoutes.PHONE_PAGES lists the same; ConsoleIT checks each one).
 */
export const PHONE_PAGES = ['/stations', '/mailbox', '/track', '/projects', '/figures', '/laws', '/deputy'] as const
