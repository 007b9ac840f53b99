// Why one record could not be saved, in the SaveResult form ({statusCode, message, fields}). A single-record
// call turns it into a 400 [{message, errorCode, fields}]; a collection reports it in that record's slot.
// Messages are Salesforce's where they are widely quoted; see the report for the ones that are guesses.

export interface SaveError {
  statusCode: string;
  message: string;
  fields: string[];
}

export class RecordError extends Error {
  readonly statusCode: string;
  readonly fields: string[];

  constructor(statusCode: string, message: string, fields: string[] = []) {
    super(message);
    this.statusCode = statusCode;
    this.fields = fields;
  }

  toSaveError(): SaveError {
    return { statusCode: this.statusCode, message: this.message, fields: this.fields };
  }
}

export const requiredFieldsMissing = (fields: string[]): RecordError =>
  new RecordError('REQUIRED_FIELD_MISSING', `Required fields are missing: [${fields.join(', ')}]`, fields);

export const noSuchField = (object: string, name: string): RecordError =>
  new RecordError('INVALID_FIELD', `No such column '${name}' on sobject of type ${object}`, [name]);

export const notWritable = (fields: string[]): RecordError =>
  new RecordError(
    'INVALID_FIELD_FOR_INSERT_UPDATE',
    `Unable to create/update fields: ${fields.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
    fields,
  );

export const idOnInsert = (): RecordError =>
  new RecordError('INVALID_FIELD_FOR_INSERT_UPDATE', 'cannot specify Id in an insert call', ['Id']);

export const convertedLead = (): RecordError =>
  new RecordError('CANNOT_UPDATE_CONVERTED_LEAD', 'cannot reference converted lead');

export const alreadyCampaignMember = (): RecordError =>
  new RecordError('DUPLICATE_VALUE', 'Already a campaign member.');

export const idOfIncorrectType = (label: string, name: string, id: string): RecordError =>
  new RecordError('FIELD_INTEGRITY_EXCEPTION', `${label}: id value of incorrect type: ${id}`, [name]);

export const malformedId = (label: string, name: string, id: string): RecordError =>
  new RecordError('MALFORMED_ID', `${label}: id value of incorrect type: ${id}`, [name]);

export const invalidCrossReference = (name: string): RecordError =>
  new RecordError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [name]);

export const inactiveOwner = (id: string, objectLabel: string): RecordError =>
  new RecordError(
    'INACTIVE_OWNER_OR_USER',
    `operation performed with inactive user [${id}] as owner of ${objectLabel.toLowerCase()}`,
  );

export const entityDeleted = (): RecordError => new RecordError('ENTITY_IS_DELETED', 'entity is deleted');

export const stringTooLong = (label: string, name: string, value: string, max: number): RecordError =>
  new RecordError('STRING_TOO_LONG', `${label}: data value too large: ${value} (max length=${max})`, [name]);

export const numberOutOfRange = (label: string, name: string, value: number): RecordError =>
  new RecordError(
    'NUMBER_OUTSIDE_VALID_RANGE',
    `${label}: value outside of valid range on numeric field: ${value}`,
    [name],
  );

export const invalidEmail = (label: string, name: string, value: string): RecordError =>
  new RecordError('INVALID_EMAIL_ADDRESS', `${label}: invalid email address: ${value}`, [name]);

export const badRestrictedPicklist = (label: string, name: string, value: string): RecordError =>
  new RecordError(
    'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
    `${label}: bad value for restricted picklist field: ${value}`,
    [name],
  );

export const rolledBack = (): RecordError =>
  new RecordError(
    'ALL_OR_NONE_OPERATION_ROLLED_BACK',
    'Record rolled back because not all records were valid and the request was using AllOrNone header',
  );

export const cannotInsert = (label: string): RecordError =>
  new RecordError('INVALID_TYPE_FOR_OPERATION', `entity type cannot be inserted: ${label}`);
export const cannotUpdate = (label: string): RecordError =>
  new RecordError('INVALID_TYPE_FOR_OPERATION', `entity type cannot be updated: ${label}`);
export const cannotDelete = (label: string): RecordError =>
  new RecordError('INVALID_TYPE_FOR_OPERATION', `entity type cannot be deleted: ${label}`);
