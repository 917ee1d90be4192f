import { defineConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';

// The browser is the machine's Chromium (Debian's package), never one Playwright downloads.
function chromium(): string {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('no chromium on this machine: apt-get install -y chromium fonts-noto-cjk (./suite test does it)');
  }
}

// One started suite (./suite up) serves every test; they run one after another because they share its data.
export default defineConfig({
  testDir: './tests',
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  retries: 0,
  reporter: [['list']],
  outputDir: './test-results',
  use: {
    baseURL: process.env.LIANLUO_URL ?? 'http://127.0.0.1:8080',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 860 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: chromium(), args: ['--no-sandbox'] },
  },
});
