import fs from 'node:fs';

/**
 * Keeps what is written to fd 1 instead of printing it. The app logs there synchronously
 * (pino with a SonicBoom destination, which calls `fs.writeSync(1, …)`), so every line the
 * app logs while the capture runs ends up in `lines`.
 */
export function captureStdout(): { lines: string[]; restore: () => void } {
  const lines: string[] = [];
  const write = fs.writeSync.bind(fs);
  const spy = jest.spyOn(fs, 'writeSync').mockImplementation((...args: unknown[]) => {
    if (args[0] !== 1) return (write as (...a: unknown[]) => number)(...args);
    const data = args[1];
    const text = typeof data === 'string' ? data : Buffer.from(data as Uint8Array).toString();
    // One write may carry several lines (SonicBoom joins what queued up meanwhile).
    lines.push(...text.split('\n').filter((line) => line.length > 0));
    return Buffer.byteLength(text);
  });
  return { lines, restore: () => spy.mockRestore() };
}
