// The return button, disabled, with the reason it is.
import { Alert, Button, Flex } from '@hubspot/ui-extensions';

export function NotReturnable(props: { title: string; why: string }) {
  return (
    <Flex direction="column" gap="sm">
      <Alert title={props.title} variant="info">
        {props.why}
      </Alert>
      <Button variant="primary" disabled={true}>
        Return to marketing
      </Button>
    </Flex>
  );
}
