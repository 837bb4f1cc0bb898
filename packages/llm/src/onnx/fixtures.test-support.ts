import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURE_NAMES = ['tiny-gpt2', 'tiny-llama', 'tiny-qwen2'] as const;

export function fixtureDir(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));
}

/** torch's output for the fixture, written by scripts/model/export_model.py. */
export interface Reference {
  prompt_ids: number[];
  greedy_ids: number[];
  prompt_last_logits: number[];
}

export function readReference(name: string): Reference {
  return JSON.parse(readFileSync(`${fixtureDir(name)}/reference.json`, 'utf8')) as Reference;
}

/** Every (fixture, ONNX file) pair: the standard export, plus the append-layout export where one exists. */
export function fixtureModels(): [name: string, onnxFile: string][] {
  return FIXTURE_NAMES.flatMap((name) =>
    ['model.onnx', 'model_kv_append.onnx']
      .filter((file) => existsSync(`${fixtureDir(name)}/onnx/${file}`))
      .map((file): [string, string] => [name, file]),
  );
}
