/** Support's and the admin's force action on a stuck order (keys under "forceOrder."). */
export const forceOrder = {
  title: "Force action",
  description: "For a stuck order only: it completes or is cancelled through the engine (the same money as any completion or cancel), with your note in its history and the audit log. A disputed order's dispute closes with it.",
  complete: "Force complete",
  cancel: "Force cancel",
  completeTitle: "Force-complete order {id}?",
  cancelTitle: "Force-cancel order {id}?",
  completeText: "The order completes now: for a pay-in the store is credited and the trader's USDT spent; for a payout the trader is repaid from the store's hold. This cannot be undone.",
  cancelText: "The order is cancelled now and every hold is released. This cannot be undone.",
  note: "Note (required)",
  noteHint: "Why, in a few words; up to {max} characters. It is kept in the order's history and the audit log.",
  submitComplete: "Complete the order",
  submitCancel: "Cancel the order",
  completed: "Order {id} force-completed.",
  cancelled: "Order {id} force-cancelled.",
  terminal: "This order is {status}: nothing left to force.",
  errors: {
    noteRequired: "Write a note: why is this order forced?",
    noteTooLong: "The note is longer than {max} characters.",
    invalid: "This value is not valid.",
    order_not_found: "There is no such order.",
  },
};
