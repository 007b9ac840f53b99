// A JSON answer as tests read it: the fields HubSpot's bodies carry, loosely typed (tests assert the rest).
export interface Answer {
  [key: string]: unknown;
  id?: string;
  status?: string;
  category?: string;
  total?: number;
  errors?: Array<Record<string, unknown>>;
  properties?: Record<string, string | null>;
  propertiesWithHistory?: Record<string, Array<Record<string, string>>>;
  results?: Array<Record<string, unknown>>;
}
