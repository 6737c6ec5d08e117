/** Whether a URL's host is this machine: `localhost`, `127.0.0.0/8` or `[::1]`. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}

/**
 * A webhook carries personal data and its signature: it may travel over plain HTTP only to a
 * receiver on this machine (a test, or a relay beside the portal), and over HTTPS anywhere else.
 */
export function isAllowedWebhookUrl(text: string): boolean {
  // Read by pattern: shared/ runs where `URL` may not be typed (no DOM or Node library).
  const match = /^(https?):\/\/(?:[^@/?#\s]*@)?(\[[0-9a-f:.]+\]|[^/:?#@\s[\]]+)(?::\d{1,5})?(?:[/?#]\S*)?$/i.exec(text);
  const [, protocol = '', host = ''] = match ?? [];
  if (protocol.toLowerCase() === 'https') return true;
  return protocol.toLowerCase() === 'http' && isLoopbackHost(host);
}
