// @vitest-environment node
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const WEB = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: WEB, overrideConfigFile: path.join(WEB, 'eslint.config.js') });
const messages = (results: ESLint.LintResult[]) =>
  results.flatMap((r) => r.messages.map((m) => `${path.relative(WEB, r.filePath)}:${m.line} ${m.ruleId ?? 'parse'}: ${m.message}`));

describe('feature borders (eslint.config.js)', () => {
  it('no feature reaches into another feature’s internals', async () => {
    const results = await eslint.lintFiles(['src/**/*.{ts,tsx}', 'test/**/*.ts']);
    expect(results.length).toBeGreaterThan(100);
    expect(messages(results)).toEqual([]);
  }, 60_000);

  it('refuses an import of another feature’s component, allows its index and the feature’s own files', async () => {
    const filePath = path.join(WEB, 'src/features/admin/components/Probe.tsx');
    const code = [
      "import { OrderCard } from '../../orders/components/OrderCard.js';",
      "import { orders } from '../../orders/index.js';",
      "import { AdminPage } from './AdminPage.js';",
      "const later = () => import('../../supplier/components/SupplierPage.js');",
      'export { OrderCard, orders, AdminPage, later };',
    ].join('\n');
    const found = messages(await eslint.lintText(code, { filePath }));
    expect(found).toEqual([
      expect.stringMatching(/Probe\.tsx:1 web\/feature-borders: '..\/..\/orders\/components\/OrderCard.js' reaches into the orders feature/),
      expect.stringMatching(/Probe\.tsx:4 web\/feature-borders: .*supplier feature/),
    ]);
  });

  it('the shell may import a feature only through its index', async () => {
    const filePath = path.join(WEB, 'src/app/Probe.tsx');
    const found = messages(await eslint.lintText("export { CabinetPage } from '../features/cabinet/components/CabinetPage.js';", { filePath }));
    expect(found).toHaveLength(1);
  });

  it('the shell may import a feature’s translations of one language, another feature may not', async () => {
    const shell = path.join(WEB, 'src/app/messages/Probe.ts');
    expect(messages(await eslint.lintText("export { kk } from '../../features/cabinet/strings/kk.js';", { filePath: shell }))).toEqual([]);
    expect(messages(await eslint.lintText("export { kk } from '../../features/supplier/strings/prosthetics-kk.js';", { filePath: shell }))).toHaveLength(1);
    const feature = path.join(WEB, 'src/features/admin/components/Probe.tsx');
    expect(messages(await eslint.lintText("export { kk } from '../../cabinet/strings/kk.js';", { filePath: feature }))).toHaveLength(1);
  });
});
