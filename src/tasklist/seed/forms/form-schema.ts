/** A form-js component; only the properties our forms use are typed. */
export interface FormComponent {
  type: string;
  id: string;
  key?: string;
  label?: string;
  text?: string;
  description?: string;
  readonly?: boolean;
  defaultValue?: unknown;
  subtype?: 'date' | 'time' | 'datetime';
  dateLabel?: string;
  timeLabel?: string;
  decimalDigits?: number;
  values?: { label: string; value: string }[];
  searchable?: boolean;
  validate?: {
    required?: boolean;
    min?: number;
    max?: number;
    minLength?: number;
    maxLength?: number;
    pattern?: string;
    validationType?: 'email' | 'phone';
  };
  conditional?: { hide: string };
  appearance?: { prefixAdorner?: string; suffixAdorner?: string };
  layout?: { row: string; columns: number | null };
}

export interface FormSchema {
  type: 'default';
  id: string;
  components: FormComponent[];
  schemaVersion: number;
  executionPlatform: 'Camunda Cloud';
  executionPlatformVersion: string;
  exporter: { name: string; version: string };
}

/** Wraps components in the top-level form-js document Tasklist stores. */
export function formSchema(
  id: string,
  schemaVersion: number,
  components: FormComponent[],
): FormSchema {
  return {
    type: 'default',
    id,
    components,
    schemaVersion,
    executionPlatform: 'Camunda Cloud',
    executionPlatformVersion: '8.5.0',
    exporter: { name: 'Tasklist Inbox seed', version: '1.0.0' },
  };
}

/** Options for select and radio fields from `[value, label]` pairs. */
export const options = (...pairs: [string, string][]) =>
  pairs.map(([value, label]) => ({ value, label }));
