import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type Plan, PlanFileSchema } from '@selaras/core';
import type { z } from 'zod';
import { UsageError } from './io.ts';

/** A plan read from a file. */
export interface LoadedPlan {
  readonly file: string;
  readonly plan: Plan;
}

const lineAndColumn = (text: string, position: number) => {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return { line, column: position - before.lastIndexOf('\n') };
};

const parseJson = (file: string, text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message);
    const where = pos
      ? (({ line, column }) => ` (baris/line ${line}, kolom/column ${column})`)(
          lineAndColumn(text, Number(pos[1])),
        )
      : '';
    throw new UsageError(`${file}: bukan JSON yang sah / not valid JSON${where}: ${message}`);
  }
};

/** Names an array element by its `id` when it has one: nodes[12] → nodes[12 "P-1.03.10"]. */
const describePath = (raw: unknown, path: readonly PropertyKey[]): string => {
  let cursor: unknown = raw;
  const parts: string[] = [];
  for (const key of path) {
    const next =
      cursor !== null && typeof cursor === 'object'
        ? (cursor as Record<PropertyKey, unknown>)[key]
        : undefined;
    if (typeof key === 'number') {
      const id = next !== null && typeof next === 'object' ? (next as { id?: unknown }).id : undefined;
      parts.push(typeof id === 'string' ? `[${key} "${id}"]` : `[${key}]`);
    } else parts.push(parts.length === 0 ? String(key) : `.${String(key)}`);
    cursor = next;
  }
  return parts.join('') || '(root)';
};

interface Frame {
  readonly v: unknown;
  readonly d: number;
  readonly key: string;
  readonly parent: Frame | undefined;
}

/** Deepest nesting of objects and arrays in parsed JSON and where it is, found without recursion. */
const nestingDepth = (value: unknown, limit: number): { depth: number; path: string } => {
  const stack: Frame[] = [{ v: value, d: 0, key: '', parent: undefined }];
  let deepest = stack[0] as Frame;
  while (stack.length > 0) {
    const f = stack.pop() as Frame;
    if (f.d > deepest.d) deepest = f;
    if (f.d > limit || f.v === null || typeof f.v !== 'object') continue;
    const isArray = Array.isArray(f.v);
    for (const [k, child] of Object.entries(f.v as Record<string, unknown>)) {
      if (child !== null && typeof child === 'object')
        stack.push({ v: child, d: f.d + 1, key: isArray ? `[${k}]` : `.${k}`, parent: f });
    }
  }
  const keys: string[] = [];
  for (let f: Frame | undefined = deepest; f; f = f.parent) keys.push(f.key);
  return { depth: deepest.d, path: keys.reverse().join('').replace(/^\./, '') };
};

/** Plans never nest this deep; deeper input is refused before the schema walks it. */
const MAX_NESTING = 120;

const formatIssues = (raw: unknown, issues: readonly z.core.$ZodIssue[]): string[] =>
  issues.slice(0, 20).map((i) => `${describePath(raw, i.path)}: ${i.message}`);

/**
 * Reads and checks the shape of plan files. Any unreadable file or schema mismatch stops with a
 * UsageError naming the file, the place in it and the reason (exit code 2).
 */
export const loadPlans = async (files: readonly string[], cwd: string): Promise<LoadedPlan[]> => {
  if (files.length === 0)
    throw new UsageError('Sebutkan minimal satu berkas rencana / name at least one plan file');
  const loaded: LoadedPlan[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(resolve(cwd, file), 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      throw new UsageError(`${file}: berkas tidak dapat dibaca / cannot read file (${code || String(e)})`);
    }
    const raw = parseJson(file, text);
    const format = raw !== null && typeof raw === 'object' ? (raw as { format?: unknown }).format : undefined;
    if (format !== 'selaras.regional-plan' && format !== 'selaras.renstra') {
      throw new UsageError(`${file}: bukan berkas rencana Selaras / not a Selaras plan file`, [
        `format: "selaras.regional-plan" atau/or "selaras.renstra" diharapkan/expected, ditemukan/found ${JSON.stringify(format ?? null)}`,
      ]);
    }
    const nesting = nestingDepth(raw, MAX_NESTING);
    if (nesting.depth > MAX_NESTING) {
      throw new UsageError(`${file}: bersarang terlalu dalam / nested too deeply`, [
        `${nesting.path.slice(0, 200)}…: more than ${MAX_NESTING} levels of objects and arrays`,
      ]);
    }
    const parsed = PlanFileSchema.safeParse(raw);
    if (!parsed.success) {
      const more = parsed.error.issues.length > 20 ? [`… ${parsed.error.issues.length - 20} more`] : [];
      throw new UsageError(`${file}: tidak sesuai skema rencana / does not match the plan schema`, [
        ...formatIssues(raw, parsed.error.issues),
        ...more,
      ]);
    }
    loaded.push({ file, plan: parsed.data });
  }
  return loaded;
};
