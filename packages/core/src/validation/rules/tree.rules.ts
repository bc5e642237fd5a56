import type { PerformanceNode } from '../../schema/node.schema.ts';
import { describeNode, type ValidationContext } from '../context.ts';
import { nodePath } from '../sink.ts';

const ORPHAN_ROLES = new Set(['program', 'kegiatan', 'subKegiatan']);

/** Per node: `tree/unknown-level`, `tree/unknown-parent` and `tree/level-order` for the node at `pos`. */
export const checkNodeTree = (ctx: ValidationContext, pos: number): void => {
  const { index, sink } = ctx;
  const node = index.all[pos] as PerformanceNode;
  const rank = index.rankAt[pos] as number;
  const parentPos = index.parentPos[pos] as number;
  const parentRank = parentPos < 0 ? -1 : (index.rankAt[parentPos] as number);
  const unknownParent = node.parent !== null && parentPos < 0;
  const misplaced = rank >= 0 && parentRank >= 0 && rank <= parentRank;
  if (rank >= 0 && !unknownParent && !misplaced) return;
  const d = describeNode(ctx, node);
  if (rank < 0) {
    const known = [...index.levels.keys()].join(', ');
    sink.add(
      'tree/unknown-level',
      `${nodePath(node.id)}/level`,
      { node: node.id },
      {
        id: `${d.id}: level "${node.level}" tidak dikenal. Gunakan salah satu dari: ${known}.`,
        en: `${d.en}: unknown level "${node.level}". Use one of: ${known}.`,
      },
    );
  }
  if (unknownParent) {
    sink.add(
      'tree/unknown-parent',
      `${nodePath(node.id)}/parent`,
      { node: node.id },
      {
        id: `${d.id}: induk "${node.parent}" tidak ada dalam rencana. Perbaiki id induk atau hapus kolom parent.`,
        en: `${d.en}: parent "${node.parent}" is not in the plan. Fix the parent id or remove it.`,
      },
    );
  }
  if (misplaced) {
    const p = describeNode(ctx, index.all[parentPos] as PerformanceNode);
    sink.add(
      'tree/level-order',
      nodePath(node.id),
      { node: node.id },
      {
        id: `${d.id} berada di bawah ${p.id}, padahal levelnya tidak lebih rendah. Pindahkan ke bawah simpul dengan level di atasnya.`,
        en: `${d.en} sits under ${p.en}, but its level is not below its parent's. Move it under a node of a higher level.`,
      },
    );
  }
};

/**
 * Tree rules over the whole plan: `tree/duplicate-node`, `tree/cycle` and `tree/orphan-node` (a
 * program, kegiatan or sub kegiatan that reaches no sasaran). `checkNodeTree` does the rest.
 */
export const checkTree = (ctx: ValidationContext): void => {
  const { index, sink } = ctx;
  for (const dup of index.duplicateNodes) {
    sink.add(
      'tree/duplicate-node',
      nodePath(dup.id),
      { node: dup.id },
      {
        id: `Id simpul "${dup.id}" dipakai lebih dari sekali. Setiap simpul perlu id yang unik.`,
        en: `Node id "${dup.id}" is used more than once. Every node needs a unique id.`,
      },
    );
  }
  for (const id of index.inCycle) {
    const node = index.nodes.get(id) as PerformanceNode;
    sink.add(
      'tree/cycle',
      nodePath(id),
      { node: id },
      {
        id: `${describeNode(ctx, node).id} berada dalam lingkaran induk–anak (atau di bawahnya). Putus lingkaran dengan mengubah induknya.`,
        en: `${describeNode(ctx, node).en} is on (or below) a parent–child cycle. Break the cycle by changing its parent.`,
      },
    );
  }
  const { ordered, parentPos, roleAt } = index;
  const reachesSasaran = new Uint8Array(ordered.length);
  for (let pos = 0; pos < ordered.length; pos++) {
    const parent = parentPos[pos] as number;
    const via = parent >= 0 && (roleAt[parent] === 'sasaran' || reachesSasaran[parent] === 1);
    reachesSasaran[pos] = via ? 1 : 0;
    const role = roleAt[pos];
    if (role && ORPHAN_ROLES.has(role) && !via) {
      const node = ordered[pos] as PerformanceNode;
      const d = describeNode(ctx, node);
      sink.add(
        'tree/orphan-node',
        nodePath(node.id),
        { node: node.id },
        {
          id: `${d.id} tidak terhubung ke sasaran mana pun. Letakkan di bawah sasaran yang didukungnya.`,
          en: `${d.en} reaches no sasaran. Place it under the sasaran it supports.`,
        },
      );
    }
  }
};
