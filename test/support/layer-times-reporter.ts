import { performance } from 'node:perf_hooks';
import type { Reporter, TestModule } from 'vitest/node';

interface Layer {
  files: number;
  firstStart: number;
  lastEnd: number;
  /** Sum of each file's own time (files run in parallel, so this exceeds the span). */
  fileTime: number;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * After the default report, how long each test layer (vitest project: unit, integration, e2e)
 * took: from its first file starting to its last ending, and its files' own time added up.
 */
export default class LayerTimesReporter implements Reporter {
  private readonly layers = new Map<string, Layer>();
  private readonly starts = new Map<string, number>();

  onTestModuleStart(testModule: TestModule): void {
    this.starts.set(testModule.moduleId + testModule.project.name, performance.now());
  }

  onTestModuleEnd(testModule: TestModule): void {
    const end = performance.now();
    const start = this.starts.get(testModule.moduleId + testModule.project.name) ?? end;
    const name = testModule.project.name || 'tests';
    const layer = this.layers.get(name) ?? { files: 0, firstStart: start, lastEnd: end, fileTime: 0 };
    layer.files += 1;
    layer.firstStart = Math.min(layer.firstStart, start);
    layer.lastEnd = Math.max(layer.lastEnd, end);
    layer.fileTime += testModule.diagnostic().duration;
    this.layers.set(name, layer);
  }

  onTestRunEnd(): void {
    if (this.layers.size === 0) return;
    const lines = [...this.layers].map(
      ([name, layer]) =>
        `  ${name.padEnd(12)} ${seconds(layer.lastEnd - layer.firstStart).padStart(8)}  ` +
        `(${String(layer.files)} files, ${seconds(layer.fileTime)} of file time)`,
    );
    process.stdout.write(`\n Time per layer\n${lines.join('\n')}\n`);
  }
}
