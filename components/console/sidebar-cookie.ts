/** Cookie holding "collapsed" | "expanded"; read by app/(console)/layout.tsx. */
export const SIDEBAR_COOKIE = "kanshi-sidebar";
