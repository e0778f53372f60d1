/**
 * True when a fence's info string marks a demo written in the note itself: ```berth-demo with
 * no id, or ```berth-demo yaml. (```berth-demo <id> names a catalogue demo.)
 */
export function isVaultDemoInfo(info: string): boolean {
  const [language = '', second, ...rest] = info.trim().split(/\s+/);
  return (
    language === 'berth-demo' &&
    (second === undefined || (second.toLowerCase() === 'yaml' && rest.length === 0))
  );
}
