import { LIMITS, ServiceKind, badInput, checkText } from '@aleumet/core';
import { OrderRefusalReason } from '../entities/index.js';

/** A refusal as the supplier gives and signs it: the reason's code and an optional comment. */
export interface Refusal {
  code: OrderRefusalReason;
  comment: string | null;
}

/** Aids the supplier keeps in a warehouse: technical aids (004 ¶83) and wheelchairs (004 ¶28). */
const STOCKED_KINDS: readonly string[] = [ServiceKind.S5, ServiceKind.S6];

/** Bounds the comment; OTHER must say why (BAD_USER_INPUT on `comment`). */
export function checkRefusal(code: OrderRefusalReason, comment: string | null | undefined): Refusal {
  const text = comment == null || comment.trim() === '' ? null : checkText(comment, 'comment', LIMITS.reason, 3);
  if (code === OrderRefusalReason.OTHER && text === null) throw badInput('Say why the order is refused', 'comment');
  return { code, comment: text };
}

/**
 * Out of stock is a reason for goods only (004 ¶83, ¶28): a service, a sanatorium stay or a
 * prosthesis made to measure is not kept in stock. Orders signed before the kind was recorded pass.
 */
export function checkRefusalFor(kind: string | null | undefined, refusal: Refusal): void {
  if (refusal.code === OrderRefusalReason.OUT_OF_STOCK && kind != null && !STOCKED_KINDS.includes(kind)) {
    throw badInput('Out of stock is a reason for technical aids and wheelchairs only', 'reasonCode');
  }
}
