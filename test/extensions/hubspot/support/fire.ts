// Fires a component's event handler with the value the host would pass. The 0.17 testing types declare trigger()'s
// argument as the handler itself, while the renderer passes it to the handler: this states the real contract.
import type { UnknownComponentProps } from '@hubspot/ui-extensions';
import type { RenderedElementNode } from '@hubspot/ui-extensions/testing';

type Handler = (...args: never[]) => unknown;
type EventName<P> = { [K in keyof P]-?: NonNullable<P[K]> extends Handler ? K : never }[keyof P];
type EventValue<P, K extends keyof P> =
  NonNullable<P[K]> extends (value: infer V, ...rest: never[]) => unknown ? V : never;

export function fire<P extends UnknownComponentProps, K extends EventName<P>>(
  node: RenderedElementNode<P>,
  event: K,
  value: EventValue<P, K>,
): void {
  (node.trigger as unknown as (event: K, value: EventValue<P, K>) => void).call(node, event, value);
}
