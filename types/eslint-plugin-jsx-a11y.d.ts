// eslint-plugin-jsx-a11y ships no type declarations; eslint.config.ts uses only its flat configs.
declare module 'eslint-plugin-jsx-a11y' {
  import type { Linter } from 'eslint';
  const plugin: { flatConfigs: { strict: Linter.Config; recommended: Linter.Config } };
  export default plugin;
}
