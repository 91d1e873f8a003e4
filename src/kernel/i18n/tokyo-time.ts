// Times shown to people (mail, documents) are Japan time, whatever the server's zone.
const MINUTE = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const SECOND = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** "2026/11/26 10:00 JST" (or with seconds) for a UTC ISO instant. */
export function tokyoTime(iso: string, options: { seconds?: boolean } = {}): string {
  return `${(options.seconds ? SECOND : MINUTE).format(new Date(iso))} JST`;
}
