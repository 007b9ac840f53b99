// lightning/actions for tests (sfdx-lwc-jest has no stub): the event a screen quick action sends to close itself.
export const CloseScreenEventName = 'lightning__actionsclosescreen';

export class CloseActionScreenEvent extends CustomEvent {
  constructor() {
    super(CloseScreenEventName, { bubbles: false, composed: false });
  }
}
