import type { ServiceContext } from '../../context.ts';
import { type Actor, authorize } from '../../permissions.ts';
import { presentNode } from '../../presenters/node.presenter.ts';
import type { PresentedNode } from './edit-node.ts';
import { getNodeInScope } from './node-scope.ts';

/** One node, for anyone who may read its plan. */
export const getNode = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  nodeId: string,
): Promise<PresentedNode> => {
  const { node, scope } = await getNodeInScope(ctx.db, nodeId);
  authorize(actor, 'plan.read', scope);
  return presentNode(node);
};
