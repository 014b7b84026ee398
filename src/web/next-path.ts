/** Only a dashboard path: a `next` pointing elsewhere would make sign-in an open redirect. */
export function safeNext(next: string | null): string {
  if (next === null || !/^\/dashboard(\/[\w.~%-]+)*\/?$/u.test(next) || next.includes("..")) return "/dashboard";
  return next;
}
