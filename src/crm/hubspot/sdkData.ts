// The HubSpot SDK answers with instances of its model classes; Baton checks every answer with zod, which reads
// plain data. One conversion, shared by every call that parses a response.

/** Plain data from the SDK's model classes, for zod. */
export const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
