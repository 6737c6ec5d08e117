/** A press of an address finder's button: "Find address" or "Use this address", for the field `name`. */
export interface AddressPress {
  action: 'find' | 'choose';
  name: string;
}

/** The press `submitter` makes (`_action=find-address:<name>`, `choose-address:<name>`), if it is one. */
export function addressPress(submitter: HTMLElement | null): AddressPress | undefined {
  if (submitter?.getAttribute('name') !== '_action') return undefined;
  const [, action, name] = /^(find|choose)-address:(\w+)$/.exec(submitter.getAttribute('value') ?? '') ?? [];
  return (action === 'find' || action === 'choose') && name ? { action, name } : undefined;
}
