/** Tocsin's mark: an alarm bell on the accent colour. */
export function BellMark({ size = 28 }: { size?: number }) {
  return (
    <svg className="bell-mark" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="currentColor" />
      <path d="M16 6.5c-3.6 0-6.2 2.8-6.2 6.4v4.6L7.6 21v1.2h16.8V21l-2.2-3.5v-4.6c0-3.6-2.6-6.4-6.2-6.4Zm-2.6 17a2.6 2.6 0 0 0 5.2 0Z" fill="#fff" />
    </svg>
  );
}
