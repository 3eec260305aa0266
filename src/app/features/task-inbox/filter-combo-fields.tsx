import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import {
  Button as AriaButton,
  ComboBox,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from 'react-aria-components';
import {
  TASK_FILTER_PROCESSES_QUERY,
  processLabel,
  type FilterProcess,
} from './filter-processes-query';

const TEXT = {
  process: 'Process',
  anyProcess: 'Any process',
  loadingProcesses: 'Loading processes…',
  processesFailed:
    'The processes could not be loaded. You can still filter by everything else.',
  unlisted: (key: string) => `Process ${key} (not among the current processes)`,
  withId: (name: string, id: string) => `${name} (${id})`,
  processHint:
    'Type to search. Tasklist matches the version listed here, the latest.',
  group: 'Candidate group',
  groupHint: 'Your groups come first; you can also type any other group.',
  showOptions: 'Show options',
};

const ANY = '__any__';

interface Item {
  id: string;
  label: string;
}

/** Any process first, then the processes A–Z; twins named apart by their BPMN id. */
export function processItems(
  processes: readonly FilterProcess[],
  current: string,
): Item[] {
  const names = new Map<string, number>();
  for (const p of processes) {
    const label = processLabel(p);
    names.set(label, (names.get(label) ?? 0) + 1);
  }
  const items = processes
    .map((p) => {
      const label = processLabel(p);
      const twin = (names.get(label) ?? 0) > 1 && p.processDefinitionId;
      return {
        id: p.id,
        label: twin ? TEXT.withId(label, p.processDefinitionId ?? '') : label,
      };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
  if (current && !items.some((item) => item.id === current)) {
    items.push({ id: current, label: TEXT.unlisted(current) });
  }
  return [{ id: ANY, label: TEXT.anyProcess }, ...items];
}

function Options() {
  return (
    <Popover className="popover combo__popover">
      <ListBox<Item> className="listbox">
        {(item) => (
          <ListBoxItem
            id={item.id}
            textValue={item.label}
            className="listbox__item"
          >
            {item.label}
          </ListBoxItem>
        )}
      </ListBox>
    </Popover>
  );
}

/** `Process`: a searchable list of the processes Tasklist knows. */
export function ProcessField({
  value,
  onChange,
}: {
  value: string;
  onChange: (processKey: string) => void;
}) {
  const { data, error } = useQuery(TASK_FILTER_PROCESSES_QUERY);
  const processes = data?.processes;
  const items = useMemo(
    () => processItems(processes ?? [], value),
    [processes, value],
  );
  if (!processes && !error) {
    return (
      <div className="form-field">
        <label className="form-field__label" htmlFor="filter-process-loading">
          {TEXT.process}
        </label>
        <input
          id="filter-process-loading"
          className="input"
          disabled
          value={TEXT.loadingProcesses}
          readOnly
        />
      </div>
    );
  }
  return (
    <ComboBox<Item>
      className="form-field combo"
      defaultItems={items}
      value={value || ANY}
      onChange={(key) => {
        onChange(key === null || key === ANY ? '' : String(key));
      }}
      menuTrigger="focus"
    >
      <Label className="form-field__label">{TEXT.process}</Label>
      <div className="combo__field">
        <Input className="input" />
        <AriaButton className="combo__button" aria-label={TEXT.showOptions}>
          ▾
        </AriaButton>
      </div>
      <Text slot="description" className="form-field__hint">
        {error ? TEXT.processesFailed : TEXT.processHint}
      </Text>
      <Options />
    </ComboBox>
  );
}

/** `Candidate group`: the user's groups offered first, any group typed. */
export function CandidateGroupField({
  value,
  groups,
  error,
  onChange,
}: {
  value: string;
  groups: readonly string[];
  error: string | undefined;
  onChange: (group: string) => void;
}) {
  const items = useMemo(
    () => groups.map((group) => ({ id: group, label: group })),
    [groups],
  );
  return (
    <ComboBox<Item>
      className="form-field combo"
      defaultItems={items}
      allowsCustomValue
      inputValue={value}
      onInputChange={onChange}
      menuTrigger="focus"
      isInvalid={Boolean(error)}
    >
      <Label className="form-field__label">{TEXT.group}</Label>
      <div className="combo__field">
        <Input className="input" />
        <AriaButton className="combo__button" aria-label={TEXT.showOptions}>
          ▾
        </AriaButton>
      </div>
      <Text slot="description" className="form-field__hint">
        {TEXT.groupHint}
      </Text>
      {error ? (
        <Text slot="errorMessage" className="form-field__error">
          {error}
        </Text>
      ) : null}
      <Options />
    </ComboBox>
  );
}
